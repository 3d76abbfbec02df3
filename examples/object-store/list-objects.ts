// "Listing Objects in a Container": pages, prefixes, pseudo-folders.
import { ObjectStore } from "@rax/object-store";
import { exampleName } from "../lib/names";
import { type ExampleTarget, isMain, runStandalone } from "../lib/target";

export interface ListResult {
  all: string[];
  firstPage: string[];
  hasMore: boolean;
  walked: string[];
  underPhotos: string[];
  folders: string[];
  topLevel: string[];
}

export async function main({ ctx, region }: ExampleTarget): Promise<ListResult> {
  const cf = ctx.client(ObjectStore, { region });
  const name = exampleName("listobj");
  const cont = await cf.createContainer(name);
  try {
    const names = ["notes.txt", "photos/a.jpg", "photos/b.jpg", "photos/2012/c.jpg", "videos/d.mp4"];
    for (const n of names) await cont.storeObject(n, `content of ${n}`);

    const all = await cont.listObjectNames();
    console.log("All names:", all);

    // One page: `await` the listing. `next` says there is more.
    const page = await cf.listObjects(name, { limit: 2 });
    console.log("First page of 2:", page.items.map((o) => o.name), "more:", page.next !== undefined);

    // Every page: `for await` fetches the next page when needed (Swift returns at most 10 000 per page).
    const walked: string[] = [];
    for await (const obj of cf.listObjects(name, { limit: 2 })) walked.push(`${obj.name}`);

    const underPhotos = await cont.listObjectNames({ prefix: "photos/" });
    console.log("Under photos/:", underPhotos);

    // A delimiter rolls deeper names up into "folders".
    const folders = await cont.listSubdirs();
    const topLevel = await cont.listObjectNames({ delimiter: "/" });
    console.log("Folders:", folders, "top level:", topLevel);

    return { all, firstPage: page.items.map((o) => o.name), hasMore: page.next !== undefined, walked, underPhotos, folders, topLevel };
  } finally {
    await cf.deleteContainer(name, { deleteObjects: true });
  }
}

if (isMain(import.meta.url)) await runStandalone(main);
