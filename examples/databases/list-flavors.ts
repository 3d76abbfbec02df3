// "List Available Flavors": the RAM each flavor gives an instance.
import { Databases } from "@rax/databases";
import { type ExampleTarget, isMain, runStandalone } from "../lib/target";

export async function main({ ctx, region }: ExampleTarget): Promise<{ flavors: Array<[string, string, number]>; byRam: string }> {
  const cdb = ctx.client(Databases, { region });
  // pyrax: cdb.list_flavors()
  const flavors = await cdb.flavors.list().toArray();
  for (const f of flavors) console.log(`<Flavor id=${f.id}, name=${f.name}, ram=${f.ram}>`);
  // The 4 GB flavor, found by its RAM in MB.
  const big = await cdb.flavors.find({ ram: 4096 });
  return { flavors: flavors.map((f) => [f.id, f.name, f.ram]), byRam: big.name };
}

if (isMain(import.meta.url)) await runStandalone(main);
