// "Block Storage Types": SATA (standard) and SSD (fast); read-only.
import { BlockStorage } from "@rax/block-storage";
import { type ExampleTarget, isMain, runStandalone } from "../lib/target";

export async function main({ ctx, region }: ExampleTarget): Promise<{ types: string[] }> {
  const cbs = ctx.client(BlockStorage, { region });
  // pyrax: print cbs.list_types()
  const types = await cbs.types.list().toArray();
  for (const t of types) console.log(`<CloudBlockStorageVolumeType extra_specs=${JSON.stringify(t.extraSpecs)}, id=${t.id}, name=${t.name}>`);
  return { types: types.map((t) => t.name) };
}

if (isMain(import.meta.url)) await runStandalone(main);
