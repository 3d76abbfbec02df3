// "Listing All Containers": names, Container objects, or {name, count, bytes} rows.
import { ObjectStore, type ContainerListing } from "@rax/object-store";
import { exampleName } from "../lib/names";
import { type ExampleTarget, isMain, runStandalone } from "../lib/target";

export async function main({ ctx, region }: ExampleTarget): Promise<{ names: string[]; info: ContainerListing[]; paged: string[] }> {
  const cf = ctx.client(ObjectStore, { region });
  const prefix = exampleName("list");
  for (const suffix of ["a", "b", "c"]) await cf.createContainer(`${prefix}-${suffix}`);

  const names = await cf.listContainers({ prefix });
  console.log("listContainers():", names);

  const containers = await cf.getAllContainers({ prefix });
  console.log("getAllContainers():", containers.map((c) => `${c.name}`).join(", "));

  // count and bytes per container (Swift updates these in the background: they may lag a little).
  const info = await cf.listContainersInfo({ prefix });
  for (const row of info) console.log(`  ${row.name}: ${row.count} objects, ${row.bytes} bytes`);

  // Accounts with more than 10 000 containers: iterate, and rax fetches page after page.
  const paged: string[] = [];
  for await (const c of cf.iterContainers({ prefix, limit: 2 })) paged.push(c.name);

  for (const n of names) await cf.deleteContainer(n);
  return { names, info, paged };
}

if (isMain(import.meta.url)) await runStandalone(main);
