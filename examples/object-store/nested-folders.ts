// "Handling Objects in Nested Folders": "/" in names, recreated (or not) on download.
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { ObjectStore } from "@rax/object-store";
import { exampleName } from "../lib/names";
import { type ExampleTarget, isMain, runStandalone } from "../lib/target";

export async function main({ ctx, region }: ExampleTarget): Promise<{ withStructure: string; flat: string; content: string }> {
  const cf = ctx.client(ObjectStore, { region });
  const name = exampleName("nested");
  const dir = await mkdtemp(join(tmpdir(), "rax-example-"));
  try {
    const cont = await cf.createContainer(name);
    const obj = await cont.storeObject("photos/vacations/2012/cancun/beach.jpg", "not really a jpeg");

    // structure (the default): folders from the name are created under the directory.
    const deep = await obj.download(dir);
    console.log(`Downloaded to ${relative(dir, deep)}`);

    // structure: false puts the file straight into the directory.
    const flat = await cont.downloadObject(obj.name, dir, { structure: false });
    console.log(`Downloaded flat to ${relative(dir, flat)}`);

    const content = await readFile(deep, "utf8");
    return { withStructure: relative(dir, deep), flat: relative(dir, flat), content };
  } finally {
    await rm(dir, { recursive: true, force: true });
    await cf.deleteContainer(name, { deleteObjects: true });
  }
}

if (isMain(import.meta.url)) await runStandalone(main);
