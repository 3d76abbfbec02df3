// "Load Balancer Algorithms": print clb.algorithms.
import { type ExampleTarget, isMain, runStandalone } from "../lib/target";
import { clbOf } from "./example-lb";

export async function main(target: ExampleTarget): Promise<string[]> {
  const algorithms = await clbOf(target).loadBalancers.algorithms();
  console.log(algorithms);
  return algorithms;
}

if (isMain(import.meta.url)) await runStandalone(main);
