// "Getting a Container Object": getContainer throws NoSuchContainer when it does not exist.
import { NoSuchContainer, ObjectStore } from "@rax/object-store";
import { exampleName } from "../lib/names";
import { type ExampleTarget, isMain, runStandalone } from "../lib/target";

export async function main({ ctx, region }: ExampleTarget): Promise<{ found: string; objectCount: number; missingError: string }> {
  const cf = ctx.client(ObjectStore, { region });
  const name = exampleName("get");
  await cf.createContainer(name);
  await cf.storeObject(name, "one.txt", "1");

  const cont = await cf.getContainer(name);
  console.log(`Got ${cont.name}: ${cont.objectCount} object(s), ${cont.totalBytes} bytes`);

  let missingError = "";
  try {
    await cf.getContainer(`${name}-does-not-exist`);
  } catch (e) {
    if (!(e instanceof NoSuchContainer)) throw e;
    missingError = e.name;
    console.log(`A missing container raises ${e.name}: ${e.message}`);
  }

  await cf.deleteContainer(name, { deleteObjects: true });
  return { found: cont.name, objectCount: cont.objectCount, missingError };
}

if (isMain(import.meta.url)) await runStandalone(main);
