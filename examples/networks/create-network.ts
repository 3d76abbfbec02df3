// "Create a Network": a label (or name) and a CIDR; a malformed CIDR is refused before any request.
import { ValidationError } from "@rax/core";
import { Networks } from "@rax/networks";
import { exampleName } from "../lib/names";
import { type ExampleTarget, isMain, runStandalone } from "../lib/target";

export async function main({ ctx, region }: ExampleTarget): Promise<{ label: string; cidr?: string; found: boolean; refused?: string }> {
  const cnw = ctx.client(Networks, { region });
  // pyrax: network = cnw.create("my_lan", cidr="192.168.0.0/24")
  const network = await cnw.networks.create({ label: exampleName("my_lan"), cidr: "192.168.0.0/24" });
  console.log("New Cloud Network:", `<Network cidr=${network.cidr}, id=${network.id}, label=${network.label}>`);
  // pyrax: cnw.find_network_by_label(…)
  const found = (await cnw.networks.find(network.label)).id === network.id;
  let refused: string | undefined;
  try {
    await cnw.networks.create({ label: exampleName("bad"), cidr: "192.168.0.0/33" });
  } catch (e) {
    if (!(e instanceof ValidationError)) throw e;
    refused = e.field;
    console.log("refused before sending:", e.message);
  }
  await network.delete();
  return { label: network.label, ...(network.cidr ? { cidr: network.cidr } : {}), found, ...(refused ? { refused } : {}) };
}

if (isMain(import.meta.url)) await runStandalone(main);
