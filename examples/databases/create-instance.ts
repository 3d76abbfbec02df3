// "Create an Instance": a flavor (RAM) and a volume size in GB; databases and users can come with it.
import { ValidationError } from "@rax/core";
import { Databases } from "@rax/databases";
import { exampleName } from "../lib/names";
import { type ExampleTarget, isMain, runStandalone } from "../lib/target";

export async function main({ ctx, region }: ExampleTarget): Promise<{ status: string; active: string; volume?: number; hostname: boolean; databases: string[]; refused?: string }> {
  const cdb = ctx.client(Databases, { region });
  // pyrax: inst = cdb.create("first_instance", flavor=1, volume=2)
  const inst = await cdb.instances.create({
    name: exampleName("first_instance"),
    flavor: 1,
    volume: 2,
    databases: ["sales"],
    users: [{ name: "groucho", password: "top secret", databases: ["sales"] }],
  });
  console.log(inst);
  const status = inst.status; // BUILD: the wait below refreshes `inst` itself (ready === inst)
  const ready = await inst.waitFor("ACTIVE", { interval: 200 });
  console.log("Connect from a server in the same region to", ready.hostname ?? ready.ip);
  let refused: string | undefined;
  try {
    await cdb.instances.create({ name: exampleName("no_disk"), flavor: 1, volume: 0 });
  } catch (e) {
    if (!(e instanceof ValidationError)) throw e;
    refused = e.field;
    console.log("refused before sending:", e.message);
  }
  const databases = (await ready.listDatabases().toArray()).map((d) => d.name);
  await ready.delete();
  return { status, active: ready.status, volume: ready.volume?.size, hostname: Boolean(ready.hostname ?? ready.ip), databases, ...(refused ? { refused } : {}) };
}

if (isMain(import.meta.url)) await runStandalone(main);
