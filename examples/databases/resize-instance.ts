// "Resizing an Instance": a new flavor, given as a Flavor, its name, its id or its RAM.
import { Databases } from "@rax/databases";
import { type ExampleTarget, isMain, runStandalone } from "../lib/target";
import { exampleInstance, removeInstance } from "./instance";

export async function main(target: ExampleTarget): Promise<{ flavors: string[] }> {
  const cdb = target.ctx.client(Databases, { region: target.region });
  let inst = await exampleInstance(target);
  const seen: string[] = [];
  const two = await cdb.flavors.find({ ram: 2048 });
  // pyrax: inst.resize("2GB Instance"), inst.resize(2048), inst.resize(3) — all the same flavor.
  for (const flavor of [two.name, 1024, two.id]) {
    await inst.resize(flavor);
    inst = await inst.waitFor("ACTIVE", { interval: 200 });
    console.log(`resized with ${JSON.stringify(flavor)}: flavor ${inst.flavorId}`);
    seen.push(inst.flavorId ?? "");
  }
  await removeInstance(inst);
  return { flavors: seen };
}

if (isMain(import.meta.url)) await runStandalone(main);
