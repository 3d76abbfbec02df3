// "Metadata": the seed's get / set / update / set / delete sequence.
import { type ExampleTarget, isMain, runStandalone } from "../lib/target";
import { exampleLb } from "./example-lb";

export async function main(target: ExampleTarget) {
  const lb = await exampleLb(target);
  const seen: Array<Record<string, string>> = [];
  const show = async (label: string) => {
    const m = await lb.getMetadata();
    console.log(label, m);
    seen.push(m);
  };
  await show("Initial metadata:");
  await lb.setMetadata({ a: "one", b: "two", c: "three" });
  await show("New metadata:");
  await lb.updateMetadata({ d: "four" });
  await show("Updated metadata:");
  await lb.setMetadata({ e: "five" });
  await show("After set_metadata:");
  await lb.deleteMetadata();
  await show("After delete_metadata:");
  await lb.delete();
  return seen;
}

if (isMain(import.meta.url)) await runStandalone(main);
