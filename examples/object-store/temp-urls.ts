// "Temporary URLs": let someone without credentials GET (or PUT) one object for a while.
import { ObjectStore } from "@rax/object-store";
import { exampleName } from "../lib/names";
import { type ExampleTarget, isMain, runStandalone } from "../lib/target";

export interface TempUrlResult {
  getStatus: number;
  downloaded: string;
  putStatus: number;
  uploaded: string;
}

export async function main({ ctx, region }: ExampleTarget): Promise<TempUrlResult> {
  const cf = ctx.client(ObjectStore, { region });
  const name = exampleName("tempurl");
  const cont = await cf.createContainer(name);
  try {
    // URLs are signed with the account's temp-URL key: set one once if the account has none.
    if ((await cf.getTempUrlKey()) === undefined) await cf.setTempUrlKey();

    await cont.storeObject("vacation.jpg", "pretend this is a photo");
    // Valid for one day; SHA-256 signatures are preferred where the cloud accepts them (pyrax used SHA-1).
    const url = await cont.getTempUrl("vacation.jpg", { seconds: 86_400, method: "GET" });
    console.log("Share this link:", url.replace(/temp_url_sig=[^&]+/, "temp_url_sig=…"));

    const got = await fetch(url); // plain fetch: no token
    const downloaded = await got.text();
    console.log(`GET through the temp URL: HTTP ${got.status}`);

    // A PUT URL lets someone upload exactly this object name.
    const putUrl = await cf.getTempUrl(name, "dropbox/upload.txt", { seconds: 600, method: "PUT", algorithm: "sha256" });
    const put = await fetch(putUrl, { method: "PUT", body: "sent without credentials" });
    console.log(`PUT through the temp URL: HTTP ${put.status}`);
    const uploaded = (await cont.fetchObject("dropbox/upload.txt")).toString();

    return { getStatus: got.status, downloaded, putStatus: put.status, uploaded };
  } finally {
    await cf.deleteContainer(name, { deleteObjects: true });
  }
}

if (isMain(import.meta.url)) await runStandalone(main);
