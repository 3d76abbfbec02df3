// "Retrieving (Downloading) Stored Objects": whole, with metadata, in chunks, or a byte range.
import { ObjectStore } from "@rax/object-store";
import { exampleName } from "../lib/names";
import { type ExampleTarget, isMain, runStandalone } from "../lib/target";

export interface FetchResult {
  whole: string;
  viaObject: string;
  chunked: string;
  chunkCount: number;
  partial: string;
  contentType?: string;
}

export async function main({ ctx, region }: ExampleTarget): Promise<FetchResult> {
  const cf = ctx.client(ObjectStore, { region });
  const name = exampleName("fetch");
  const cont = await cf.createContainer(name);
  try {
    const text = "Unicode text: 日本語, Ελληνικά, emoji 🎉 — fetched back byte for byte.";
    const obj = await cont.storeObject("unicode.txt", text, { contentType: "text/plain; charset=utf-8" });

    // Three ways to say which object: names on the client, the Container, or the StorageObject.
    const whole = (await cf.fetchObject(name, "unicode.txt")).toString("utf8");
    const viaObject = (await obj.fetch()).toString("utf8");

    // includeMeta: metadata and content from one GET.
    const { meta } = await cont.fetchObject("unicode.txt", { includeMeta: true });
    console.log(`${meta.name}: ${meta.bytes} bytes, ${meta.contentType}, etag ${meta.etag}`);

    // chunkSize: an async iterator, so big objects never sit in memory whole.
    const parts: Buffer[] = [];
    for await (const chunk of await cf.fetchObject(name, "unicode.txt", { chunkSize: 16 })) parts.push(chunk);
    const chunked = Buffer.concat(parts).toString("utf8");
    console.log(`Read in ${parts.length} chunks; identical: ${chunked === whole}`);

    // Just the first 13 bytes.
    const partial = (await obj.fetchPartial(13)).toString("utf8");
    console.log(`First 13 bytes: "${partial}"`);
    return { whole, viaObject, chunked, chunkCount: parts.length, partial, contentType: meta.contentType };
  } finally {
    await cf.deleteContainer(name, { deleteObjects: true });
  }
}

if (isMain(import.meta.url)) await runStandalone(main);
