// "Creating a Container": create_container is idempotent.
import { ObjectStore } from "@rax/object-store";
import { exampleName } from "../lib/names";
import { type ExampleTarget, isMain, runStandalone } from "../lib/target";

export async function main({ ctx, region }: ExampleTarget): Promise<{ first: string; second: string; objectCountAfter: number }> {
  const cf = ctx.client(ObjectStore, { region });
  const name = exampleName("create");

  const cont = await cf.createContainer(name);
  console.log(`Created ${cont.name} (${cont.objectCount} objects)`);
  await cont.storeObject("keep.txt", "created once");

  // Calling it again is harmless: you get the existing container back, contents intact.
  const again = await cf.createContainer(name);
  console.log(`createContainer again → ${again.name}, still ${again.objectCount} object(s)`);

  await cf.deleteContainer(name, { deleteObjects: true });
  return { first: cont.name, second: again.name, objectCountAfter: again.objectCount };
}

if (isMain(import.meta.url)) await runStandalone(main);
