// "Resizing a Volume": only bigger; a smaller size raises InvalidVolumeResize before any request.
import { InvalidVolumeResize } from "@rax/databases";
import { type ExampleTarget, isMain, runStandalone } from "../lib/target";
import { exampleInstance, removeInstance } from "./instance";

export async function main(target: ExampleTarget): Promise<{ before?: number; after?: number; refused: boolean }> {
  const inst = await exampleInstance(target, 2);
  const before = inst.volume?.size;
  // pyrax: inst.resize_volume(8)
  await inst.resizeVolume(8);
  const after = await inst.waitFor("ACTIVE", { interval: 200 });
  console.log("volume now", after.volume);
  let refused = false;
  try {
    await after.resizeVolume(4);
  } catch (e) {
    if (!(e instanceof InvalidVolumeResize)) throw e;
    refused = true;
    console.log(e.message);
  }
  await removeInstance(after);
  return { before, after: after.volume?.size, refused };
}

if (isMain(import.meta.url)) await runStandalone(main);
