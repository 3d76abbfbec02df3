// "Connection Logging": cl_mgr.get(), enable(), disable().
import { type ExampleTarget, isMain, runStandalone } from "../lib/target";
import { clbOf, exampleLb, WAIT } from "./example-lb";

export async function main(target: ExampleTarget) {
  const cl = clbOf(target).connectionLogging;
  const lb = await exampleLb(target);
  const seen = [await cl.get(lb)];
  console.log("Current logging status:", seen[0]);
  await cl.enable(lb).whenActive(WAIT);
  seen.push(await cl.get(lb));
  console.log("Logging status after enable():", seen[1]);
  await cl.disable(lb).whenActive(WAIT);
  seen.push(await cl.get(lb));
  console.log("Logging status after disable():", seen[2]);
  await lb.delete();
  return seen;
}

if (isMain(import.meta.url)) await runStandalone(main);
