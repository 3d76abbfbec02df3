// "Changing a Node's Condition": set node.condition, then node.update() — pyrax's way, kept.
import { type ExampleTarget, isMain, runStandalone } from "../lib/target";
import { exampleLb, WAIT } from "./example-lb";

export async function main(target: ExampleTarget) {
  const lb = await exampleLb(target);
  const initial = lb.nodes.map((n) => [n.id, n.condition]);
  console.log("Initial:", initial);
  const node = lb.nodes[0]!;
  node.condition = node.condition === "ENABLED" ? "DISABLED" : "ENABLED";
  await node.update().whenActive(WAIT);
  await lb.reload();
  const toggled = lb.nodes.map((n) => [n.id, n.condition]);
  console.log("Toggled:", toggled);
  await lb.delete();
  return { initial, toggled };
}

if (isMain(import.meta.url)) await runStandalone(main);
