// The canonical surface: one namespace per resource (cf.containers, cf.objects, cf.account, cf.cdn,
// cf.folders). The pyrax names used by the other examples are one line over these.
import { ObjectStoreClient } from "@rax/object-store";
import { exampleName } from "../lib/names";
import { type ExampleTarget, isMain, runStandalone } from "../lib/target";

export async function main({ ctx, region }: ExampleTarget): Promise<{ names: string[]; text: string; city: string }> {
  const cf = ctx.client(ObjectStoreClient, { region });
  const name = exampleName("namespaces");

  const cont = await cf.containers.create(name, { metadata: { city: "Zürich" } });
  await cf.objects.store(cont, "notes/today.txt", "written through cf.objects");
  const names: string[] = [];
  for await (const obj of cf.objects.list(cont, { prefix: "notes/" })) names.push(obj.name);
  const text = (await cf.objects.fetch(cont, "notes/today.txt")).toString();
  const { city = "" } = await cf.containers.getMetadata(cont);
  console.log(`${names.join(", ")}: ${text} (city: ${city})`);

  await cf.containers.delete(cont, { deleteObjects: true });
  return { names, text, city };
}

if (isMain(import.meta.url)) await runStandalone(main);
