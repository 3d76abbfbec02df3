// "Limitations of Cloud Networks": a network attached to a server cannot be deleted (NetworkInUse)
// until the server is gone.
import { Compute } from "@rax/compute";
import { NetworkInUse, Networks } from "@rax/networks";
import { exampleName } from "../lib/names";
import { type ExampleTarget, isMain, runStandalone } from "../lib/target";
import { bootChoices } from "./boot-choices";

export async function main({ ctx, region }: ExampleTarget): Promise<{ inUse: boolean; deletedAfter: boolean }> {
  const cnw = ctx.client(Networks, { region });
  const cs = ctx.client(Compute, { region });
  const { flavor, image, defaults } = await bootChoices(cnw, cs);
  const net = await cnw.networks.create({ label: exampleName("busy"), cidr: "192.168.9.0/24" });
  let inUse = false;
  let gone = false;
  try {
    const server = await cs.servers.create({ name: exampleName("busy-srv"), image, flavor, nics: net.getServerNetworks(defaults) });
    try {
      await server.waitFor("ACTIVE", { interval: 200, attempts: 300 });
      try {
        await net.delete();
        gone = true; // a cloud that let it go: nothing left to show
      } catch (e) {
        if (!(e instanceof NetworkInUse)) throw e;
        inUse = true;
        console.log("as documented:", e.message);
      }
    } finally {
      await server.delete();
      await cs.servers.waitFor(server, "DELETED", { interval: 200, attempts: 300 });
    }
  } finally {
    // Whatever happened above, the example leaves no network behind.
    if (!gone) await net.delete();
  }
  return { inUse, deletedAfter: true };
}

if (isMain(import.meta.url)) await runStandalone(main);
