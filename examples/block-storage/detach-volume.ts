// "Detaching a Volume from a Server": vol.detach() or cbs.volumes.detach(vol); no server needed,
// and nothing happens when the volume is not attached.
import { BlockStorage } from "@rax/block-storage";
import { exampleName } from "../lib/names";
import { type ExampleTarget, isMain, runStandalone } from "../lib/target";
import { exampleServer } from "./server";

export async function main(target: ExampleTarget): Promise<{ before: string; after: string; attachments: number }> {
  const cbs = target.ctx.client(BlockStorage, { region: target.region });
  const server = await exampleServer(target);
  const vol = await (await cbs.volumes.create({ name: exampleName("data"), size: 100 })).waitFor("available", { interval: 200 });
  await cbs.volumes.attach(vol, server.id, "/dev/xvdc");
  const before = (await vol.waitFor("in-use", { interval: 200 })).status;
  // pyrax: vol.detach()   (or cbs.detach(vol))
  await vol.detach();
  const after = await vol.waitFor("available", { interval: 200 });
  await cbs.volumes.detach(vol); // not attached: nothing happens
  console.log(`${before} → ${after.status}`);
  await after.delete();
  await server.delete();
  return { before, after: after.status, attachments: after.attachments.length };
}

if (isMain(import.meta.url)) await runStandalone(main);
