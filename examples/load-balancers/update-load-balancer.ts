// "Updating the Load Balancer": lb.update(timeout=60, algorithm="RANDOM") or clb.update(lb, …).
import { type ExampleTarget, isMain, runStandalone } from "../lib/target";
import { clbOf, exampleLb, WAIT } from "./example-lb";

export async function main(target: ExampleTarget) {
  const clb = clbOf(target);
  const lb = await exampleLb(target);
  await lb.update({ timeout: 60, algorithm: "ROUND_ROBIN" }).whenActive(WAIT);
  // The module form, passing the load balancer (or its id).
  await clb.loadBalancers.update(lb.id, { timeout: 90, algorithm: "RANDOM", name: `${lb.name}-renamed` }).whenActive(WAIT);
  const fresh = await lb.reload();
  console.log(fresh.name, fresh.timeout, fresh.algorithm);
  await lb.delete();
  return { timeout: fresh.timeout, algorithm: fresh.algorithm, renamed: fresh.name.endsWith("-renamed") };
}

if (isMain(import.meta.url)) await runStandalone(main);
