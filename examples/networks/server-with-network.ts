// "Creating a Server with an Isolated Network": getServerNetworks() gives the list compute's create
// takes (only the isolated network; + ServiceNet; + both default networks — those two on Rackspace).
import { Compute } from "@rax/compute";
import { Networks } from "@rax/networks";
import { exampleName } from "../lib/names";
import { type ExampleTarget, isMain, runStandalone } from "../lib/target";
import { bootChoices } from "./boot-choices";

export async function main({ ctx, region }: ExampleTarget): Promise<{ label: string; networks: string[][] }> {
  const cnw = ctx.client(Networks, { region });
  const cs = ctx.client(Compute, { region });
  const { flavor, image, rackspace } = await bootChoices(cnw, cs);
  const isolated = await cnw.networks.create({ label: exampleName("my_net"), cidr: "192.168.0.0/24" });
  const seen: string[][] = [];
  try {
    for (const options of rackspace ? [{}, { private: true }, { public: true, private: true }] : [{}]) {
      // pyrax: networks = isolated.get_server_networks(private=True); cs.servers.create(…, nics=networks)
      const nics = isolated.getServerNetworks(options);
      const server = await cs.servers.create({ name: exampleName("net-srv"), image, flavor, nics });
      try {
        const built = await server.waitFor("ACTIVE", { interval: 200, attempts: 300 });
        console.log(built.name, built.networks);
        seen.push(Object.keys(built.networks).sort());
      } finally {
        await server.delete();
        await cs.servers.waitFor(server, "DELETED", { interval: 200, attempts: 300 });
      }
    }
  } finally {
    await isolated.delete();
  }
  return { label: isolated.label, networks: seen };
}

if (isMain(import.meta.url)) await runStandalone(main);
