// "Attaching a Volume to a Server": the volume's attachToInstance(server, mountpoint), or the
// client's attach(vol, server, mountpoint); the server is a compute Server or its id.
import { BlockStorage } from "@rax/block-storage";
import { exampleName } from "../lib/names";
import { type ExampleTarget, isMain, runStandalone } from "../lib/target";
import { exampleServer } from "./server";

export async function main(target: ExampleTarget): Promise<{ status: string; serverId: string; device?: string; matches: boolean }> {
  const cbs = target.ctx.client(BlockStorage, { region: target.region });
  const server = await exampleServer(target);
  const vol = await (await cbs.volumes.create({ name: exampleName("data"), size: 100 })).waitFor("available", { interval: 200 });
  // pyrax: vol.attach_to_instance(server, mountpoint="/dev/xvdb")   (or cbs.attach_to_instance(vol, server, …))
  await vol.attachToInstance(server, "/dev/xvdb");
  const inUse = await vol.waitFor("in-use", { interval: 200 });
  const a = inUse.attachments[0]!;
  console.log(`attached to ${a.serverId} at ${a.device}`);
  await inUse.delete({ force: true, interval: 200 });
  await server.delete();
  return { status: inUse.status, serverId: a.serverId, ...(a.device ? { device: a.device } : {}), matches: a.serverId === server.id };
}

if (isMain(import.meta.url)) await runStandalone(main);
