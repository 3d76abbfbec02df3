// "Deleting a Volume": refused (with the reason) while attached or while it has snapshots;
// `force` detaches it and deletes its snapshots first.
import { BlockStorage, VolumeNotDeletable } from "@rax/block-storage";
import { exampleName } from "../lib/names";
import { type ExampleTarget, isMain, runStandalone } from "../lib/target";
import { exampleServer } from "./server";

export async function main(target: ExampleTarget): Promise<{ refused: string[]; gone: boolean }> {
  const cbs = target.ctx.client(BlockStorage, { region: target.region });
  const refused: string[] = [];
  const tryDelete = async (v: { delete(): Promise<void> }) => {
    try {
      await v.delete();
    } catch (e) {
      if (!(e instanceof VolumeNotDeletable)) throw e;
      refused.push(e.reason);
      console.log("refused:", e.message);
    }
  };
  const vol = await (await cbs.volumes.create({ name: exampleName("doomed"), size: 100 })).waitFor("available", { interval: 200 });
  const snap = await vol.createSnapshot({ name: "keep me" });
  await snap.waitFor("available", { interval: 200 });
  await tryDelete(vol); // has a snapshot
  const server = await exampleServer(target);
  await vol.attachToInstance(server);
  await vol.waitFor("in-use", { interval: 200 });
  await tryDelete(await vol.reload()); // attached
  // pyrax: vol.delete(force=True)
  await vol.delete({ force: true, interval: 200 });
  await cbs.volumes.waitFor(vol, "deleted", { interval: 200 });
  await server.delete();
  return { refused, gone: true };
}

if (isMain(import.meta.url)) await runStandalone(main);
