// "Deleting Snapshots": snap.delete() or cbs.snapshots.delete(snap); the snapshot must be
// available or error (Cinder refuses one still creating).
import { BlockStorage } from "@rax/block-storage";
import { BadRequest } from "@rax/core";
import { exampleName } from "../lib/names";
import { type ExampleTarget, isMain, runStandalone } from "../lib/target";

export async function main({ ctx, region }: ExampleTarget): Promise<{ refusedWhileCreating: boolean; left: number }> {
  const cbs = ctx.client(BlockStorage, { region });
  const vol = await (await cbs.volumes.create({ name: exampleName("src"), size: 100 })).waitFor("available", { interval: 200 });
  const snap = await vol.createSnapshot({ name: "short-lived" });
  let refusedWhileCreating = false;
  try {
    await snap.delete();
  } catch (e) {
    if (!(e instanceof BadRequest)) throw e;
    refusedWhileCreating = true;
    console.log("not yet:", e.message);
  }
  await snap.waitFor("available", { interval: 200 });
  // pyrax: snap.delete()   (or cbs.delete_snapshot(snap))
  await cbs.snapshots.delete(snap);
  await cbs.snapshots.waitFor(snap, "deleted", { interval: 200 });
  const left = (await vol.listSnapshots().toArray()).length;
  await vol.delete();
  return { refusedWhileCreating, left };
}

if (isMain(import.meta.url)) await runStandalone(main);
