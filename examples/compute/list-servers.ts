// "Listing Servers": every server of the account, page after page.
import { Compute } from "@rax/compute";
import { exampleName } from "../lib/names";
import { type ExampleTarget, isMain, runStandalone } from "../lib/target";
import { chooseImageAndFlavor } from "./choose";

export async function main({ ctx, region }: ExampleTarget): Promise<{ firstPage: string[]; all: string[]; active: string[] }> {
  const cs = ctx.client(Compute, { region });
  const { image, flavor } = await chooseImageAndFlavor(cs);
  const made = [];
  for (const n of ["a", "b"]) made.push(await cs.servers.create({ name: exampleName(`list-${n}`), image, flavor }));

  // pyrax: print cs.servers.list() — here the first page, then every server through the iterator.
  const page = await cs.servers.list();
  console.log("first page:", page.items.map((s) => s.name));
  const all: string[] = [];
  for await (const s of cs.servers.list()) all.push(s.name);
  console.log("all servers:", all);
  const active = await cs.servers.list({ status: "ACTIVE" }).toArray();

  for (const s of made) await s.delete();
  return { firstPage: page.items.map((s) => s.name), all, active: active.map((s) => s.name) };
}

if (isMain(import.meta.url)) await runStandalone(main);
