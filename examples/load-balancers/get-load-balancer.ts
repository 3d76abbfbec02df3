// "Working with Load Balancers": clb.get(id) and its attributes.
import { type ExampleTarget, isMain, runStandalone } from "../lib/target";
import { clbOf, exampleLb } from "./example-lb";

export async function main(target: ExampleTarget) {
  const made = await exampleLb(target);
  // pyrax: lb = clb.get(82663)
  const lb = await clbOf(target).loadBalancers.get(made.id);
  console.log("Load Balancer:", lb.name);
  console.log("ID:", lb.id);
  console.log("Status:", lb.status);
  console.log("Nodes:", lb.nodes);
  console.log("Virtual IPs:", lb.virtualIps);
  console.log("Algorithm:", lb.algorithm);
  console.log("Protocol:", lb.protocol);
  await lb.delete();
  return { id: lb.id, status: lb.status, nodes: lb.nodes.length, vipType: lb.virtualIps[0]?.type, algorithm: lb.algorithm, protocol: lb.protocol };
}

if (isMain(import.meta.url)) await runStandalone(main);
