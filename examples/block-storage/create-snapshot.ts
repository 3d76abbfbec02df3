// "Creating a Snapshot": vol.createSnapshot(), cbs.volumes.createSnapshot(vol | id); `force` for an
// attached volume. The snapshot then makes new volumes (create({ snapshot })).
import { BlockStorage } from "@rax/block-storage";
import { exampleName } from "../lib/names";
import { type ExampleTarget, isMain, runStandalone } from "../lib/target";

export async function main({ ctx, region }: ExampleTarget): Promise<{ names: string[]; status: string; restoredFrom?: string }> {
  const cbs = ctx.client(BlockStorage, { region });
  const vol = await (await cbs.volumes.create({ name: exampleName("src"), size: 100 })).waitFor("available", { interval: 200 });
  // pyrax: snap = vol.create_snapshot(name="My Snapshot")
  const snap = await vol.createSnapshot({ name: "My Snapshot" });
  // pyrax: snap = cbs.create_snapshot("<volume id>", name="My Snapshot")
  const byId = await cbs.volumes.createSnapshot(vol.id, { name: "By Id" });
  const ready = await snap.waitFor("available", { interval: 200 });
  await byId.waitFor("available", { interval: 200 });
  console.log("snapshot:", ready);
  const restored = await cbs.volumes.create({ name: exampleName("restored"), snapshot: ready });
  await restored.waitFor("available", { interval: 200 });
  await restored.delete();
  await vol.delete({ force: true, interval: 200 });
  return { names: [snap.name, byId.name], status: ready.status, ...(restored.snapshotId ? { restoredFrom: restored.snapshotId } : {}) };
}

if (isMain(import.meta.url)) await runStandalone(main);
