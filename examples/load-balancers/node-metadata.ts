// "Node Metadata": the same calls as load-balancer metadata, on a node.
import { type ExampleTarget, isMain, runStandalone } from "../lib/target";
import { exampleLb } from "./example-lb";

export async function main(target: ExampleTarget) {
  const lb = await exampleLb(target);
  const node = lb.nodes[0]!;
  await node.setMetadata({ a: "one", b: "two" });
  await node.updateMetadata({ c: "three" });
  const updated = await node.getMetadata();
  console.log("Node metadata:", updated);
  // Or through the load balancer (pyrax: lb.get_metadata_for_node(node)).
  await lb.deleteMetadataForNode(node, "a");
  const after = await lb.getMetadataForNode(node);
  await lb.delete();
  return { updated, after };
}

if (isMain(import.meta.url)) await runStandalone(main);
