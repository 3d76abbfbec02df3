// "Filtering Image Listings": the seed's parameters (visibility, name, status, owner, tag, size and
// date ranges, sort); a bad value is refused before any request.
import { ValidationError } from "@rax/core";
import { Images } from "@rax/images";
import { exampleName } from "../lib/names";
import { type ExampleTarget, isMain, runStandalone } from "../lib/target";

export async function main({ ctx, region }: ExampleTarget): Promise<{ publicCount: number; byName: number; byTag: number; sortedAsc: boolean; refused?: string }> {
  const imgs = ctx.client(Images, { region });
  const mine = await imgs.images.create({ name: exampleName("filter-me"), tags: ["example"] });
  const publicImages = await imgs.images.list({ visibility: "public", sortKey: "name", sortDir: "asc" }).toArray();
  const names = publicImages.map((i) => i.name);
  const byName = await imgs.images.list({ name: mine.name }).toArray();
  const byTag = await imgs.images.list({ tag: "example", status: "queued", createdAt: { gte: new Date(Date.now() - 3600_000) } }).toArray();
  console.log(`${publicImages.length} public images; named ${mine.name}: ${byName.length}; tagged: ${byTag.length}`);
  let refused: string | undefined;
  try {
    imgs.images.list({ sortDir: "upwards" as "asc" });
  } catch (e) {
    if (!(e instanceof ValidationError)) throw e;
    refused = e.field;
  }
  await mine.delete();
  return { publicCount: publicImages.length, byName: byName.length, byTag: byTag.length, sortedAsc: names.every((n, i) => i === 0 || names[i - 1]! <= n), ...(refused ? { refused } : {}) };
}

if (isMain(import.meta.url)) await runStandalone(main);
