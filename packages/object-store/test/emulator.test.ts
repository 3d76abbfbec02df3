// The same calls against @rax/emulator, an independent reading of the Swift/Cloud Files API.
import { mkdir, mkdtemp, readFile, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Readable } from "node:stream";
import { StaticSession } from "@rax/core";
import { type RunningEmulator, startEmulator } from "@rax/emulator";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { NoSuchContainer, ObjectStore, UploadFailed } from "../src/index";

let emu: RunningEmulator;
let cf: ObjectStore;

interface CatalogEntry {
  type: string;
  name: string;
  endpoints: { region?: string; publicURL: string; internalURL?: string }[];
}

beforeAll(async () => {
  emu = await startEmulator();
  const res = await fetch(`${emu.authUrl}/tokens`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ auth: { "RAX-KSKEY:apiKeyCredentials": { username: "demo", apiKey: "demo-api-key" } } }),
  });
  const body = (await res.json()) as { access: { token: { id: string }; serviceCatalog: CatalogEntry[] } };
  const url = (type: string) => body.access.serviceCatalog.find((s) => s.type === type)?.endpoints.find((e) => e.region === "DFW")?.publicURL as string;
  const session = new StaticSession({
    token: body.access.token.id,
    endpoints: { "object-store": url("object-store"), "rax:object-cdn": url("rax:object-cdn") },
  });
  cf = new ObjectStore(session, { segmentSize: 1024 * 1024 });
});
afterAll(() => emu?.stop());

describe("against @rax/emulator", () => {
  it("containers, objects, metadata merge, expiry keeping metadata", async () => {
    const cont = await cf.createContainer("example");
    expect((await cf.createContainer("example")).name).toBe("example");
    const obj = await cont.storeObject("new_object.txt", "This is the content", { contentType: "text/plain", metadata: { a: "1" } });
    expect((await obj.fetch()).toString()).toBe("This is the content");
    await obj.setMetadata({ b: "2" });
    expect(await obj.getMetadata()).toEqual({ a: "1", b: "2" });
    await obj.deleteInSeconds(3600);
    const after = await cf.getObject("example", "new_object.txt");
    expect(after.metadata).toEqual({ a: "1", b: "2" });
    expect(after.contentType).toBe("text/plain");
    expect(after.deleteAt).toBeGreaterThan(Date.now() / 1000);
    expect((await cf.fetchObject(cont, obj, { range: { start: 8, end: 10 } })).toString()).toBe("the");
    await expect(cf.getContainer("nope")).rejects.toBeInstanceOf(NoSuchContainer);
    await expect(cf.storeObject("example", "x", "data", { etag: "0".repeat(32) })).rejects.toBeInstanceOf(UploadFailed);
  });

  it("listing pagination, subdirs and bulk delete", async () => {
    await cf.createContainer("my_objects");
    for (let i = 0; i < 5; i++) await cf.storeObject("my_objects", `series_${i}`, "some text");
    for (const ch of "abc") await cf.storeObject("my_objects", `stuff/${ch.repeat(4)}`, "some text");
    const names: string[] = [];
    for await (const o of cf.listObjects("my_objects", { limit: 3 })) names.push(o.name);
    expect(names).toHaveLength(8);
    expect(await cf.listSubdirs("my_objects")).toEqual(["stuff/"]);
    const r = await cf.bulkDelete("my_objects", ["series_0", "stuff/aaaa", "missing"], { batchSize: 2 });
    expect(r).toEqual({ deleted: 2, notFound: 1, status: "200 OK", errors: [] });
    await cf.deleteContainer("my_objects", { deleteObjects: true });
    expect(await cf.listContainers()).not.toContain("my_objects");
  });

  it("the emulator accepts our temp URLs (sha1 and sha256) without a token", async () => {
    await cf.createContainer("vacation");
    await cf.storeObject("vacation", "photo.jpg", "JPEGDATA");
    await cf.setTempUrlKey();
    for (const algorithm of ["sha1", "sha256", "sha512"] as const) {
      const url = await cf.getTempUrl("vacation", "photo.jpg", { seconds: 60, algorithm });
      const res = await fetch(url);
      expect(res.status).toBe(200);
      expect(await res.text()).toBe("JPEGDATA");
    }
    const put = await cf.getTempUrl("vacation", "upload.txt", { seconds: 60, method: "PUT" });
    expect((await fetch(put, { method: "PUT", body: "via temp url" })).status).toBe(201);
    expect((await cf.fetchObject("vacation", "upload.txt")).toString()).toBe("via temp url");
  });

  it("SLO upload from a stream, then download of the whole", async () => {
    await cf.createContainer("big");
    const size = 2.5 * 1024 * 1024;
    const data = Buffer.alloc(size);
    for (let i = 0; i < size; i++) data[i] = (i * 7) % 256;
    const chunks = [data.subarray(0, 1_000_000), data.subarray(1_000_000)];
    const obj = await cf.storeObject("big", "blob", Readable.from(chunks), { size, contentType: "application/octet-stream" });
    expect(obj.largeObject).toBe("slo");
    expect(await cf.listObjectNames("big_segments", { prefix: "blob/" })).toHaveLength(3);
    expect((await cf.fetchObject("big", "blob")).equals(data)).toBe(true);
    const dir = await mkdtemp(join(tmpdir(), "rax-emu-"));
    const p = await cf.downloadObject("big", "blob", dir);
    expect((await readFile(p)).equals(data)).toBe(true);
  });

  it("CDN publish, attributes, purge", async () => {
    const cont = await cf.createContainer("public");
    await cont.storeObject("a.txt", "A");
    await cont.makePublic({ ttl: 900 });
    const attrs = await cont.getCdnAttributes();
    expect(attrs.cdnEnabled).toBe(true);
    expect(attrs.cdnTtl).toBe(900);
    expect(attrs.cdnUri).toBeTruthy();
    expect(await cf.listPublicContainers()).toContain("public");
    await cf.purgeCdnObject("public", "a.txt", { emailAddresses: "me@example.com" });
    await cont.makePrivate();
    expect((await cont.getCdnAttributes()).cdnEnabled).toBe(false);
  });

  it("folder upload and sync with one listing", async () => {
    const root = await mkdtemp(join(tmpdir(), "rax-emu-folder-"));
    await mkdir(join(root, "sub"));
    await writeFile(join(root, "a.txt"), "A");
    await writeFile(join(root, "sub", "b.txt"), "B");
    await writeFile(join(root, "skip.pyc"), "x");
    const job = cf.uploadFolder(root, { container: "folder", ignore: "*.pyc" });
    const r = await job.done;
    expect(r.uploaded.sort()).toEqual(["a.txt", "sub/b.txt"]);
    await writeFile(join(root, "c.txt"), "C");
    const s = await cf.syncFolderToContainer(root, "folder", { ignore: "*.pyc", ignoreTimestamps: true });
    expect(s.uploaded).toEqual(["c.txt"]);
    expect(s.skipped).toEqual(["a.txt", "sub/b.txt"]);
  });
});
