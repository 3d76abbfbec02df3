// "Storing Objects": text or bytes with storeObject, local files with uploadFile, and etag checks.
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { getChecksum, ObjectStore, UploadFailed } from "@rax/object-store";
import { exampleName } from "../lib/names";
import { type ExampleTarget, isMain, runStandalone } from "../lib/target";

export interface StoreResult {
  textEtag: string;
  checksum: string;
  fileObject: string;
  fileBytes: number;
  fileContentType?: string;
  rejected: boolean;
  listed: string[];
}

export async function main({ ctx, region }: ExampleTarget): Promise<StoreResult> {
  const cf = ctx.client(ObjectStore, { region });
  const name = exampleName("store");
  const cont = await cf.createContainer(name);
  const dir = await mkdtemp(join(tmpdir(), "rax-example-"));
  try {
    const content = "This is a random collection of words.";
    // Send the MD5 as the etag: the server refuses the upload if what arrived differs.
    const checksum = await getChecksum(content);
    const obj = await cf.storeObject(name, "new_object.txt", content, { etag: checksum, contentType: "text/plain" });
    console.log(`Stored ${obj.name}: etag ${obj.etag} (ours: ${checksum})`);

    // The same call on the Container object.
    await cont.storeObject("another.txt", Buffer.from("bytes work too"));

    // A local file; the object name defaults to the file's name.
    const path = join(dir, "report.csv");
    await writeFile(path, "a,b,c\n1,2,3\n");
    const fileObj = await cf.uploadFile(cont, path, { etag: await getChecksum({ path }) });
    // No content type given: Swift guesses one from the name, and the object returned carries it.
    console.log(`Uploaded ${path} as ${fileObj.name} (${fileObj.bytes} bytes, ${fileObj.contentType})`);

    // A wrong etag: nothing is stored and UploadFailed says why.
    let rejected = false;
    try {
      await cont.storeObject("corrupt.txt", content, { etag: await getChecksum("something else") });
    } catch (e) {
      if (!(e instanceof UploadFailed)) throw e;
      rejected = true;
      console.log(`Mismatched etag refused: ${e.message}`);
    }

    const listed = await cont.listObjectNames();
    return { textEtag: obj.etag ?? "", checksum, fileObject: fileObj.name, fileBytes: fileObj.bytes, fileContentType: fileObj.contentType, rejected, listed };
  } finally {
    await rm(dir, { recursive: true, force: true });
    await cf.deleteContainer(name, { deleteObjects: true });
  }
}

if (isMain(import.meta.url)) await runStandalone(main);
