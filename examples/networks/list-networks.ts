// "Listing Existing Networks": cnw.list() — here the first page, and every network by iterating.
import { Networks } from "@rax/networks";
import { type ExampleTarget, isMain, runStandalone } from "../lib/target";

export async function main({ ctx, region }: ExampleTarget): Promise<{ firstPage: string[]; all: string[] }> {
  const cnw = ctx.client(Networks, { region });
  const page = await cnw.networks.list();
  for (const n of page.items) console.log(`<Network id=${n.id}, label=${n.label}${n.cidr ? `, cidr=${n.cidr}` : ""}>`);
  const all: string[] = [];
  for await (const n of cnw.networks.list()) all.push(n.label);
  return { firstPage: page.items.map((n) => n.label), all };
}

if (isMain(import.meta.url)) await runStandalone(main);
