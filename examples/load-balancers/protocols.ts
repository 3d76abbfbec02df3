// "Load Balancer Protocols": print clb.protocols (here with each one's default port).
import { type ExampleTarget, isMain, runStandalone } from "../lib/target";
import { clbOf } from "./example-lb";

export async function main(target: ExampleTarget): Promise<string[]> {
  const protocols = await clbOf(target).loadBalancers.protocols();
  console.log(protocols.map((p) => p.name));
  return protocols.map((p) => p.name);
}

if (isMain(import.meta.url)) await runStandalone(main);
