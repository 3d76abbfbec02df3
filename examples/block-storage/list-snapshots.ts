// "Listing Snapshots": every snapshot (cbs.list_snapshots()), or one volume's (vol.list_snapshots()).
import { BlockStorage } from "@rax/block-storage";
import { exampleName } from "../lib/names";
import { type ExampleTarget, isMain, runStandalone } from "../lib/target";

export async function main({ ctx, region }: ExampleTarget): Promise<{ all: number; mine: number }> {
  const cbs = ctx.client(BlockStorage, { region });
  const a = await (await cbs.volumes.create({ name: exampleName("a"), size: 100 })).waitFor("available", { interval: 200 });
  const b = await (await cbs.volumes.create({ name: exampleName("b"), size: 100 })).waitFor("available", { interval: 200 });
  await (await a.createSnapshot({ name: "Daily Snapshot" })).waitFor("available", { interval: 200 });
  await (await b.createSnapshot({ name: "Other" })).waitFor("available", { interval: 200 });
  // pyrax: print cbs.list_snapshots()
  const all = await cbs.snapshots.list().toArray();
  // pyrax: print vol.list_snapshots()
  const mine = await a.listSnapshots().toArray();
  console.log(all.map((s) => `<CloudBlockStorageSnapshot display_name=${s.name}, id=${s.id}, status=${s.status}, volume_id=${s.volumeId}>`));
  await a.delete({ force: true, interval: 200 });
  await b.delete({ force: true, interval: 200 });
  return { all: all.length, mine: mine.length };
}

if (isMain(import.meta.url)) await runStandalone(main);
