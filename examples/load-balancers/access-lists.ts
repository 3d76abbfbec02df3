// "Access Lists": allow only 10.20.30.40, deny the rest; delete one item; delete the list.
import { type ExampleTarget, isMain, runStandalone } from "../lib/target";
import { exampleLb, WAIT } from "./example-lb";

export async function main(target: ExampleTarget) {
  const lb = await exampleLb(target);
  const starting = await lb.getAccessList();
  console.log("Starting:", starting);
  await lb.addAccessList([{ address: "10.20.30.40", type: "ALLOW" }, { address: "0.0.0.0/0", type: "DENY" }]).whenActive(WAIT);
  const after = await lb.getAccessList();
  console.log("After:", after);
  const allow = after.find((i) => i.type === "ALLOW")!;
  await lb.deleteAccessListItems(allow.id).whenActive(WAIT);
  const afterDeletion = await lb.getAccessList();
  console.log("After deletion:", afterDeletion);
  await lb.deleteAccessList().whenActive(WAIT);
  const cleared = await lb.getAccessList();
  await lb.delete();
  return { starting, after: after.map((i) => i.address).sort(), afterDeletion: afterDeletion.map((i) => i.address), cleared };
}

if (isMain(import.meta.url)) await runStandalone(main);
