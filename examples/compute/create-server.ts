// "Creating a Server", "Waiting for Server Completion" and "Even Easier: wait_for_build()".
import { Compute } from "@rax/compute";
import { waitForBuild } from "@rax/core";
import { exampleName } from "../lib/names";
import { type ExampleTarget, isMain, runStandalone } from "../lib/target";
import { chooseImageAndFlavor, pollEvery } from "./choose";

export async function main(target: ExampleTarget) {
  const cs = target.ctx.client(Compute, { region: target.region });
  const { image, flavor } = await chooseImageAndFlavor(cs);

  // server = cs.servers.create("first_server", ubu_image.id, flavor_1GB.id)
  const server = await cs.servers.create({ name: exampleName("first_server"), image: image.id, flavor: flavor.id });
  console.log("ID:", server.id);
  const createdStatus = server.status;
  console.log("Status:", createdStatus);
  console.log("Admin password:", server.adminPass ? "(received; rax never prints it)" : "(none)");
  console.log("Networks:", server.networks);

  // new_srv = pyrax.utils.wait_until(srv, "status", ["ACTIVE", "ERROR"]); ERROR rejects with ServerFailed.
  const progress: number[] = [];
  const built = await cs.servers.waitFor(server, "ACTIVE", { interval: pollEvery(target), onProgress: (p) => progress.push(p.resource.progress ?? 0) });
  console.log("built:", built.status, built.networks);

  // wait_for_build(srv): core's waiter over anything with reload() (which refreshes `server` in
  // place); resolves on ACTIVE or ERROR.
  const again = await waitForBuild(server, { interval: pollEvery(target) });

  // server = cs.servers.get(server.id): objects are snapshots, fetch again to see changes.
  const fresh = await cs.servers.get(server.id);
  await fresh.delete();
  return { createdStatus, hadPassword: Boolean(server.adminPass), built: built.status, again: again.status, progress, networks: Object.keys(fresh.networks) };
}

if (isMain(import.meta.url)) await runStandalone(main);
