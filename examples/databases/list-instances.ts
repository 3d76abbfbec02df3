// "Listing Database Instances": every instance, a page at a time or all of them.
import { Databases } from "@rax/databases";
import { type ExampleTarget, isMain, runStandalone } from "../lib/target";

export async function main({ ctx, region }: ExampleTarget): Promise<{ firstPage: string[]; all: string[] }> {
  const cdb = ctx.client(Databases, { region });
  // pyrax: cdb.list()
  const page = await cdb.instances.list();
  console.log("First page:", page.items);
  const all: string[] = [];
  for await (const inst of cdb.instances.list()) all.push(inst.name);
  return { firstPage: page.items.map((i) => i.name), all };
}

if (isMain(import.meta.url)) await runStandalone(main);
