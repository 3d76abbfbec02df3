// "Listing Existing Block Storage Volumes": the first page, or every volume with `for await`.
import { BlockStorage } from "@rax/block-storage";
import { type ExampleTarget, isMain, runStandalone } from "../lib/target";

export async function main({ ctx, region }: ExampleTarget): Promise<{ firstPage: string[]; all: string[] }> {
  const cbs = ctx.client(BlockStorage, { region });
  // pyrax: cbs.list()
  const page = await cbs.volumes.list();
  console.log("first page:", page.items.map((v) => v.name));
  const all: string[] = [];
  for await (const v of cbs.volumes.list()) all.push(v.name);
  console.log("every volume:", all);
  return { firstPage: page.items.map((v) => v.name), all };
}

if (isMain(import.meta.url)) await runStandalone(main);
