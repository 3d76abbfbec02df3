// "Adding and Removing Nodes for a Load Balancer": lb.add_nodes([node]), wait until ACTIVE, node.delete().
import { type ExampleTarget, isMain, runStandalone } from "../lib/target";
import { exampleLb, WAIT } from "./example-lb";

export async function main(target: ExampleTarget) {
  const lb = await exampleLb(target);
  console.log("Current nodes:", lb.nodes);
  // pyrax: lb.add_nodes([new_node]); pyrax.utils.wait_until(lb, "status", "ACTIVE", interval=1, attempts=30)
  await lb.addNodes([{ address: "10.177.1.42", port: 80, condition: "ENABLED" }]).whenActive({ ...WAIT, attempts: 30 });
  console.log("After adding node:", lb.nodes);
  const added = lb.nodes.find((n) => n.address === "10.177.1.42")!;
  console.log("Added Node:", added);
  // Remove it through a fresh reference, as the seed does (the original description has no id).
  await added.delete().whenActive(WAIT);
  await lb.reload();
  console.log("After removing node:", lb.nodes);
  const after = lb.nodes.map((n) => n.address);
  await lb.delete();
  return { added: added.address, after };
}

if (isMain(import.meta.url)) await runStandalone(main);
