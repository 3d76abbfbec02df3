// "Limitations of Cloud Networks": a network attached to a server cannot be deleted (NetworkInUse)
// until the server is gone.
import { Compute } from "@rax/compute";
import { NetworkInUse, Networks } from "@rax/networks";
import { exampleName } from "../lib/names";
import { type ExampleTarget, isMain, runStandalone } from "../lib/target";

export async function main({ ctx, region }: ExampleTarget): Promise<{ inUse: boolean; deletedAfter: boolean }> {
  const cnw = ctx.client(Networks, { region });
  const cs = ctx.client(Compute, { region });
  const net = await cnw.networks.create({ label: exampleName("busy"), cidr: "192.168.9.0/24" });
  const flavor = (await cs.flavors.list().toArray()).reduce((a, b) => (b.ram < a.ram ? b : a));
  const server = await cs.servers.create({ name: exampleName("busy-srv"), image: (await cs.images.listBase())[0]!, flavor, nics: net.getServerNetworks({ public: true, private: true }) });
  await server.waitFor("ACTIVE", { interval: 200, attempts: 300 });
  let inUse = false;
  try {
    await net.delete();
  } catch (e) {
    if (!(e instanceof NetworkInUse)) throw e;
    inUse = true;
    console.log("as documented:", e.message);
  }
  await server.delete();
  await cs.servers.waitFor(server, "DELETED", { interval: 200, attempts: 300 });
  await net.delete();
  return { inUse, deletedAfter: true };
}

if (isMain(import.meta.url)) await runStandalone(main);
