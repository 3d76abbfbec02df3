// "Listing Existing Load Balancers": clb.list() — here a Paginated: await it for the first page, or walk them all.
import { exampleName } from "../lib/names";
import { type ExampleTarget, isMain, runStandalone } from "../lib/target";
import { clbOf, WAIT } from "./example-lb";

export async function main(target: ExampleTarget): Promise<{ before: number; after: string[] }> {
  const clb = clbOf(target);
  // pyrax: clb.list()
  const before = (await clb.loadBalancers.list()).items.length;
  console.log("load balancers:", before);
  const lb = await clb.loadBalancers.create({ name: exampleName("listed"), port: 80, protocol: "HTTP", virtualIps: [{ type: "PUBLIC" }] }).whenActive(WAIT);
  const after: string[] = [];
  for await (const x of clb.loadBalancers.list()) after.push(x.name);
  console.log("now:", after);
  await lb.delete();
  return { before, after };
}

if (isMain(import.meta.url)) await runStandalone(main);
