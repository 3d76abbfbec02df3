// "Load Balancer Statistics": lb.get_stats().
import { type ExampleTarget, isMain, runStandalone } from "../lib/target";
import { exampleLb } from "./example-lb";

export async function main(target: ExampleTarget) {
  const lb = await exampleLb(target);
  const stats = await lb.getStats();
  console.log(stats);
  await lb.delete();
  return stats;
}

if (isMain(import.meta.url)) await runStandalone(main);
