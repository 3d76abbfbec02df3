// "Creating a Block Storage Volume": name, size (GB, within the type's limits), type, description,
// metadata, or from a snapshot; a size out of range is refused before any request.
import { BlockStorage } from "@rax/block-storage";
import { ValidationError } from "@rax/core";
import { exampleName } from "../lib/names";
import { type ExampleTarget, isMain, runStandalone } from "../lib/target";

export async function main({ ctx, region }: ExampleTarget): Promise<{ status: string; size: number; type?: string; refused?: string }> {
  const cbs = ctx.client(BlockStorage, { region });
  // pyrax: vol = cbs.create(name="my_fast_volume", size=500, volume_type="SSD")
  const vol = await cbs.volumes.create({ name: exampleName("my_fast_volume"), size: 500, volumeType: "SSD" });
  const ready = await vol.waitFor("available", { interval: 200 });
  console.log("New Volume:", ready);
  let refused: string | undefined;
  try {
    await cbs.volumes.create({ name: exampleName("too_small"), size: 10, volumeType: "SATA" });
  } catch (e) {
    if (!(e instanceof ValidationError)) throw e;
    refused = e.field;
    console.log("refused before sending:", e.message);
  }
  await ready.delete();
  return { status: ready.status, size: ready.size, ...(ready.volumeType ? { type: ready.volumeType } : {}), ...(refused ? { refused } : {}) };
}

if (isMain(import.meta.url)) await runStandalone(main);
