import { createHash } from "node:crypto";
import { mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Readable } from "node:stream";
import { afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { NoSuchContainer, NoSuchObject, type ObjectStore, StorageObject, UploadFailed, getChecksum, getFileChecksum } from "../src/index";
import { type EmulatedSwift, startEmulatedSwift } from "./emulator-client";
import { type RecordingProxy, startRecordingProxy } from "./recording-proxy";

const md5 = (s: string | Buffer) => createHash("md5").update(s).digest("hex");

// The emulator (a fresh one per test), reached through a proxy that records the wire.
let swift: EmulatedSwift;
let px: RecordingProxy;
let cf: ObjectStore;
let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "rax-os-"));
});
beforeEach(async () => {
  swift = await startEmulatedSwift();
  px = await startRecordingProxy(swift);
  cf = px.client();
  await swift.createContainer("example");
});
afterEach(async () => {
  await px.close();
  await swift.close();
});

/** Answer PUTs of `path` with an ETag that is not the stored bytes' MD5 (the data is stored anyway). */
const wrongEtagFor = (path: string) => {
  px.alter = (req, res) => (req.method === "PUT" && req.path === path ? { ...res, headers: { ...res.headers, etag: md5("something else") } } : res);
};
/** The last PUT (a store without a content type HEADs after it, to read Swift's guess). */
const lastPut = () => px.requests.filter((r) => r.method === "PUT").at(-1);
const has = (c: string, n: string) => swift.container(c)?.objects.has(n) ?? false;
const stored = (c: string, n: string) => swift.container(c)?.objects.get(n);

describe("storeObject", () => {
  it("stores text, sends its MD5 as ETag, and returns a StorageObject", async () => {
    const text = "This is the content of the file.";
    const obj = await cf.storeObject("example", "new_object.txt", text);
    expect(obj).toBeInstanceOf(StorageObject);
    expect(obj.etag).toBe(md5(text));
    expect(obj.bytes).toBe(text.length);
    expect(obj.totalBytes).toBe(text.length);
    const put = lastPut();
    expect(put?.headers.etag).toBe(md5(text));
    expect(swift.data("example", "new_object.txt")?.toString()).toBe(text);
  });

  it("accepts Buffer, Uint8Array, Node Readable, web ReadableStream and async iterables", async () => {
    await cf.storeObject("example", "buf", Buffer.from("buffer"));
    await cf.storeObject("example", "u8", new Uint8Array([104, 105]));
    await cf.storeObject("example", "node", Readable.from([Buffer.from("no"), Buffer.from("de")]));
    await cf.storeObject("example", "web", new ReadableStream({ start(c) { c.enqueue(new TextEncoder().encode("web")); c.close(); } }));
    await cf.storeObject("example", "iter", (async function* () { yield new TextEncoder().encode("it"); yield new TextEncoder().encode("er"); })());
    expect(["buf", "u8", "node", "web", "iter"].map((n) => swift.data("example", n)?.toString())).toEqual(["buffer", "hi", "node", "web", "iter"]);
  });

  it("sends content type, encoding, ttl, deleteAt, metadata and extra headers", async () => {
    const at = new Date("2030-01-01T00:00:00Z");
    await cf.storeObject("example", "a.gz", "zz", {
      contentType: "text/plain",
      contentEncoding: "gzip",
      ttl: 60,
      metadata: { Color: "blue" },
      headers: { "Content-Disposition": "attachment" },
    });
    const h = px.requests.at(-1)?.headers ?? {};
    expect(h["content-type"]).toBe("text/plain");
    expect(h["content-encoding"]).toBe("gzip");
    expect(h["x-delete-after"]).toBe("60");
    expect(h["x-object-meta-color"]).toBe("blue");
    expect(h["content-disposition"]).toBe("attachment");
    await cf.storeObject("example", "b", "zz", { deleteAt: at });
    expect(lastPut()?.headers["x-delete-at"]).toBe(String(at.getTime() / 1000));
  });

  it("a wrong etag is refused by the server: UploadFailed, nothing stored", async () => {
    const err = await cf.storeObject("example", "bad", "data", { etag: md5("other") }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(UploadFailed);
    expect((err as UploadFailed).status).toBe(422);
    expect(has("example", "bad")).toBe(false);
  });

  it("streams are hashed while sent; an ETag mismatch deletes the object and throws UploadFailed", async () => {
    wrongEtagFor("/example/streamed");
    const err = await cf.storeObject("example", "streamed", Readable.from([Buffer.from("abc")])).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(UploadFailed);
    expect((err as UploadFailed).removed).toBe(true);
    expect((err as UploadFailed).expectedEtag).toBe(md5("abc"));
    expect(has("example", "streamed")).toBe(false);
    expect(px.requests.at(-1)?.method).toBe("DELETE");
  });

  it("a stream sent with the caller's etag is checked by the server: a wrong one is UploadFailed (422), nothing stored", async () => {
    const err = await cf.storeObject("example", "s-bad", Readable.from([Buffer.from("ab"), Buffer.from("c")]), { etag: md5("abd") }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(UploadFailed);
    expect((err as UploadFailed).status).toBe(422);
    expect(has("example", "s-bad")).toBe(false);
    const ok = await cf.storeObject("example", "s-ok", Readable.from([Buffer.from("ab"), Buffer.from("c")]), { etag: md5("abc") });
    expect(ok.etag).toBe(md5("abc"));
    expect(ok.bytes).toBe(3);
  });

  it("a Readable's chunks are sent as emitted: text chunks as UTF-8, progress per chunk", async () => {
    const r = Readable.from([Buffer.from("h\u00e9llo "), Buffer.from("w\u00f6rld")], { objectMode: false });
    r.setEncoding("utf8");
    const seen: number[] = [];
    const obj = await cf.storeObject("example", "text", r, { onProgress: (n) => seen.push(n) });
    expect(swift.data("example", "text")?.toString()).toBe("h\u00e9llo w\u00f6rld");
    expect(obj.etag).toBe(md5("h\u00e9llo w\u00f6rld"));
    expect(seen.at(-1)).toBe(Buffer.byteLength("h\u00e9llo w\u00f6rld"));
  });

  it("a Readable that fails mid-way fails the upload with its error; object chunks are a TypeError", async () => {
    const failing = new Readable({
      read() {
        this.push(Buffer.from("part"));
        this.destroy(new Error("disk went away"));
      },
    });
    await expect(cf.storeObject("example", "broken", failing)).rejects.toThrow(/disk went away/);
    expect(has("example", "broken")).toBe(false);
    const objects = Readable.from([{ not: "bytes" }]);
    await expect(cf.storeObject("example", "objs", objects)).rejects.toThrow(/bytes or strings/);
    expect(objects.destroyed).toBe(true);
  });

  it("a stream longer than segmentSize without size/largeObject fails clearly", async () => {
    const small = px.client({ segmentSize: 4 });
    const err = await small.storeObject("example", "long", Readable.from([Buffer.from("123"), Buffer.from("456")])).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(UploadFailed);
    expect(String((err as Error).message)).toMatch(/largeObject/);
  });

  it("storing into a missing container throws NoSuchContainer", async () => {
    await expect(cf.storeObject("nope", "x", "y")).rejects.toBeInstanceOf(NoSuchContainer);
  });

  it("container.storeObject delegates with the etag check", async () => {
    const cont = await cf.getContainer("example");
    const text = "This is a random collection of words.";
    const chksum = await getChecksum(text);
    const obj = await cont.storeObject("new_object.txt", text, { etag: chksum });
    expect(obj.etag).toBe(chksum);
    expect(obj.containerName).toBe("example");
  });
});

describe("uploadFile and checksums", () => {
  it("uploads a file under its base name, streaming it with its MD5 checked", async () => {
    const p = join(dir, "myfile.txt");
    await writeFile(p, "file content here");
    const chksum = await getChecksum({ path: p });
    expect(chksum).toBe(md5("file content here"));
    expect(await getFileChecksum(p)).toBe(chksum);
    const obj = await cf.uploadFile("example", p, { etag: chksum });
    expect(obj.name).toBe("myfile.txt");
    expect(obj.etag).toBe(chksum);
    const cont = await cf.getContainer("example");
    const renamed = await cont.uploadFile(p, { objName: "docs/renamed.txt" });
    expect(renamed.name).toBe("docs/renamed.txt");
    expect(lastPut()?.headers["content-length"]).toBe("17");
  });

  it("a small file goes up with its MD5 as ETag; a larger one streams and its ETag is compared", async () => {
    const small = join(dir, "small.bin");
    await writeFile(small, Buffer.alloc(1000, 7));
    await cf.uploadFile("example", small);
    expect(lastPut()?.headers.etag).toBe(md5(Buffer.alloc(1000, 7)));
    const big = join(dir, "big.bin");
    const data = Buffer.alloc(600 * 1024, 9);
    await writeFile(big, data);
    const obj = await cf.uploadFile("example", big, { chunkSize: 64 * 1024 });
    expect(obj.etag).toBe(md5(data));
    expect(swift.data("example", "big.bin")?.equals(data)).toBe(true);
    wrongEtagFor("/example/big.bin");
    const err = await cf.uploadFile("example", big).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(UploadFailed);
    expect((err as UploadFailed).expectedEtag).toBe(md5(data));
  });

  it("a file whose stored ETag does not match is deleted and reported", async () => {
    const p = join(dir, "f2.txt");
    await writeFile(p, "xyz");
    wrongEtagFor("/example/f2.txt");
    await expect(cf.uploadFile("example", p)).rejects.toBeInstanceOf(UploadFailed);
    expect(has("example", "f2.txt")).toBe(false);
  });

  it("getChecksum hashes streams", async () => {
    expect(await getChecksum(Readable.from([Buffer.from("ab"), Buffer.from("c")]))).toBe(md5("abc"));
    expect(await getChecksum(new Uint8Array([97]))).toBe(md5("a"));
  });
});

describe("fetching", () => {
  const text = "This is some text containing unicode like é, ü and ˚¬∆ç";
  beforeEach(async () => {
    await swift.put("example", "new_object.txt", text, { "content-type": "text/plain" });
  });

  it("fetches whole, with metadata, and in chunks — from the client, the container and the object", async () => {
    expect((await cf.fetchObject("example", "new_object.txt")).toString()).toBe(text);
    const obj = await cf.getObject("example", "new_object.txt");
    expect((await obj.fetch()).toString()).toBe(text);
    const cont = await cf.getContainer("example");
    expect((await cont.fetchObject(obj)).toString()).toBe(text);
    const { meta, data } = await obj.fetch({ includeMeta: true });
    expect(data.toString()).toBe(text);
    expect(meta.etag).toBe(md5(text));
    expect(meta.contentType).toBe("text/plain");
    expect(meta.bytes).toBe(Buffer.byteLength(text));
    const chunks: Buffer[] = [];
    for await (const c of await obj.fetch({ chunkSize: 12 })) chunks.push(c);
    expect(chunks.slice(0, -1).every((c) => c.length === 12)).toBe(true);
    expect(Buffer.concat(chunks).toString()).toBe(text);
    const iter: Buffer[] = [];
    for await (const c of cf.iterObjectChunks("example", "new_object.txt", { chunkSize: 5 })) iter.push(c);
    expect(iter[0]?.length).toBe(5);
    expect(Buffer.concat(iter).toString()).toBe(text);
  });

  it("includeMeta with chunkSize (pyrax's (meta, generator)): the metadata and the chunks from one GET, on all three forms", async () => {
    const obj = await cf.getObject("example", "new_object.txt");
    const cont = await cf.getContainer("example");
    for (const call of [
      () => cf.fetchObject("example", "new_object.txt", { includeMeta: true, chunkSize: 12 }),
      () => cont.fetchObject("new_object.txt", { includeMeta: true, chunkSize: 12 }),
      () => obj.fetch({ includeMeta: true, chunkSize: 12 }),
    ]) {
      const mark = px.requests.length;
      const { meta, data } = await call();
      expect(meta).toMatchObject({ etag: md5(text), contentType: "text/plain", bytes: Buffer.byteLength(text) });
      const chunks: Buffer[] = [];
      for await (const c of data) chunks.push(c);
      expect(chunks[0]?.length).toBe(12);
      expect(Buffer.concat(chunks).toString()).toBe(text);
      expect(px.requests.slice(mark).map((r) => r.method)).toEqual(["GET"]);
    }
  });

  it("reads byte ranges (inclusive) and partial reads without pyrax's off-by-one", async () => {
    expect((await cf.fetchObject("example", "new_object.txt", { range: { start: 0, end: 3 } })).toString()).toBe("This");
    expect(px.requests.at(-1)?.headers.range).toBe("bytes=0-3");
    expect((await cf.fetchObject("example", "new_object.txt", { offset: 5, size: 2 })).toString()).toBe("is");
    expect((await cf.fetchObject("example", "new_object.txt", { range: { suffix: 3 } }))).toEqual(Buffer.from(text).subarray(-3));
    expect((await cf.fetchPartial("example", "new_object.txt", 4)).toString()).toBe("This");
  });

  it("fetchObjectStream hands back the body as a stream", async () => {
    const { meta, body } = await cf.fetchObjectStream("example", "new_object.txt");
    const parts: Buffer[] = [];
    for await (const c of body) parts.push(c as Buffer);
    expect(Buffer.concat(parts).toString()).toBe(text);
    expect(meta.name).toBe("new_object.txt");
  });

  it("missing objects throw NoSuchObject", async () => {
    await expect(cf.fetchObject("example", "nope")).rejects.toBeInstanceOf(NoSuchObject);
    await expect(cf.getObject("example", "nope")).rejects.toBeInstanceOf(NoSuchObject);
  });
});

describe("delete, copy, move, content type", () => {
  it("deletes via client, container and object", async () => {
    await swift.put("example", "a", "1");
    await swift.put("example", "b", "2");
    await swift.put("example", "c", "3");
    await cf.deleteObject("example", "a");
    const cont = await cf.getContainer("example");
    await cont.deleteObject("b");
    const c = await cf.getObject("example", "c");
    await c.delete();
    expect(swift.names("example").length).toBe(0);
    await expect(cf.deleteObject("example", "a")).rejects.toBeInstanceOf(NoSuchObject);
  });

  it("deleteAllObjects bulk-deletes every object", async () => {
    for (let i = 0; i < 5; i++) swift.put("example", `o${i}`, "x");
    const cont = await cf.getContainer("example");
    const r = await cont.deleteAllObjects();
    expect(r.deleted).toBe(5);
    expect(swift.names("example").length).toBe(0);
  });

  it("copies server-side with X-Copy-From (no body through the client), keeps the name by default", async () => {
    await swift.createContainer("other");
    await swift.put("example", "dir/photo.jpg", "JPEG", { "x-object-meta-tag": "x" });
    const copy = await cf.copyObject("example", "dir/photo.jpg", "other");
    expect(copy.name).toBe("dir/photo.jpg");
    expect(copy.containerName).toBe("other");
    const put = px.requests.find((r) => r.method === "PUT" && r.headers["x-copy-from"] !== undefined);
    expect(put?.headers["x-copy-from"]).toBe("/example/dir/photo.jpg");
    expect(put?.body.length).toBe(0);
    const renamed = await cf.copyObject("example", "dir/photo.jpg", "other", { newObjName: "p2.jpg", contentType: "image/jpeg" });
    expect(renamed.contentType).toBe("image/jpeg");
    expect(has("example", "dir/photo.jpg")).toBe(true);
  });

  it("moves (copy then delete), also through the object", async () => {
    await swift.createContainer("other");
    await swift.put("example", "m", "move me");
    const moved = await cf.moveObject("example", "m", "other", { newObjName: "m2" });
    expect(moved.name).toBe("m2");
    expect(has("example", "m")).toBe(false);
    expect(swift.data("other", "m2")?.toString()).toBe("move me");
    const back = await moved.move("example");
    expect(back.containerName).toBe("example");
    expect(swift.names("other").length).toBe(0);
  });

  it("changes the content type and keeps metadata", async () => {
    await swift.put("example", "f", "x", { "content-type": "text/plain", "x-object-meta-keep": "yes" });
    await cf.changeObjectContentType("example", "f", "text/html");
    const o = await cf.getObject("example", "f");
    expect(o.contentType).toBe("text/html");
    expect(o.metadata).toEqual({ keep: "yes" });
  });

  it("moves a large object as its manifest: still a large object, same bytes, segments kept", async () => {
    await cf.createContainer("archive");
    await cf.storeObject("example", "big", "hello world", { largeObject: true, segmentSize: 6 });
    await cf.storeObject("example", "dyn", "hello world", { manifest: "dlo", segmentSize: 6 });
    const segments = swift.names("example_segments");
    for (const [o, kind] of [["big", "slo"], ["dyn", "dlo"]] as const) {
      const moved = await cf.moveObject("example", o, "archive");
      expect([o, moved.largeObject, moved.bytes]).toEqual([o, kind, 11]);
      expect((await cf.fetchObject("archive", o)).toString()).toBe("hello world");
    }
    expect(swift.names("example")).toEqual([]);
    expect(swift.names("example_segments")).toEqual(segments);
  });

  it("changes a large object's content type by POST: it stays a large object (a copy onto itself flattened it)", async () => {
    const slo = await cf.storeObject("example", "big", "hello world", { largeObject: true, segmentSize: 6, metadata: { keep: "yes" } });
    expect(slo.largeObject).toBe("slo");
    const mark = px.requests.length;
    await cf.changeObjectContentType("example", "big", "application/x-new");
    const wire = px.requests.slice(mark).map((r) => r.method);
    const after = await cf.getObject("example", "big");
    expect([after.largeObject, after.contentType, after.metadata, after.bytes]).toEqual(["slo", "application/x-new", { keep: "yes" }, 11]);
    expect(wire).toEqual(["HEAD", "POST"]);
    await cf.storeObject("example", "dyn", "hello world", { manifest: "dlo", segmentSize: 6 });
    await cf.changeObjectContentType("example", "dyn", "application/x-dyn");
    const dlo = await cf.getObject("example", "dyn");
    expect([dlo.largeObject, dlo.contentType, dlo.bytes]).toEqual(["dlo", "application/x-dyn", 11]);
  });
});

describe("object metadata and expiry", () => {
  beforeEach(async () => {
    await swift.put("example", "o", "x", { "content-type": "text/plain", "x-object-meta-a": "1", "x-object-meta-b": "2" });
  });

  it("merges by default (Swift POST replaces the set), replaces with clear, removes one key", async () => {
    await cf.setObjectMetadata("example", "o", { c: "3", A: "one" });
    expect(await cf.getObjectMetadata("example", "o")).toEqual({ a: "one", b: "2", c: "3" });
    const obj = await cf.getObject("example", "o");
    await obj.setMetadata({ only: "x" }, { clear: true });
    expect(await obj.getMetadata()).toEqual({ only: "x" });
    await obj.setMetadata({ two: "y" });
    await obj.removeMetadataKey("only");
    expect(await obj.getMetadata()).toEqual({ two: "y" });
    await cf.removeObjectMetadataKey("example", "o", "two");
    expect(await cf.getObjectMetadata("example", "o")).toEqual({});
    expect((await cf.getObject("example", "o")).contentType).toBe("text/plain");
  });

  it("metadata updates keep an existing expiry", async () => {
    const at = Math.floor(Date.now() / 1000) + 3600;
    await fetch(`${swift.storageUrl}/example/o`, {
      method: "POST",
      headers: { "x-auth-token": swift.token, "content-type": "text/plain", "x-object-meta-a": "1", "x-object-meta-b": "2", "x-delete-at": String(at) },
    });
    expect(stored("example", "o")?.deleteAt).toBe(at);
    await cf.setObjectMetadata("example", "o", { c: "3" });
    expect(stored("example", "o")?.deleteAt).toBe(at);
  });

  it("deleteObjectInSeconds sets X-Delete-After and keeps the other metadata and the content type", async () => {
    await cf.deleteObjectInSeconds("example", "o", 120);
    const post = px.requests.at(-1);
    expect(post?.method).toBe("POST");
    expect(post?.headers["x-delete-after"]).toBe("120");
    const o = stored("example", "o");
    expect(Object.fromEntries(o?.meta ?? [])).toEqual({ a: "1", b: "2" });
    expect(o?.contentType).toBe("text/plain");
    expect(o?.deleteAt).toBeGreaterThan(Date.now() / 1000);
    const obj = await cf.getObject("example", "o");
    await obj.deleteInSeconds(60);
    const cont = await cf.getContainer("example");
    await cont.deleteObjectInSeconds("o", 30);
    expect(px.requests.at(-1)?.headers["x-delete-after"]).toBe("30");
    expect(stored("example", "o")?.meta.get("a")).toBe("1");
  });

  it("reload refreshes a StorageObject", async () => {
    const obj = await cf.getObject("example", "o");
    await swift.put("example", "o", "longer now");
    await obj.reload();
    expect(obj.bytes).toBe(10);
  });

  it("does one HEAD and one POST per merge", async () => {
    const mark = px.requests.length;
    await cf.setObjectMetadata("example", "o", { z: "26" });
    expect(px.requests.slice(mark).map((r) => r.method)).toEqual(["HEAD", "POST"]);
  });
});

describe("the content type a store returns", () => {
  // pyrax's store_object / upload_file return the object with the content type Swift stored, which
  // Swift guesses from the name when the upload names none. The PUT's answer does not carry it.
  const methods = () => px.requests.map((r) => r.method);

  it("is the one Swift guessed when none was given (one HEAD after the PUT)", async () => {
    const page = await cf.storeObject("example", "page.html", "<p>hi</p>");
    expect(page.contentType).toBe("text/html");
    const bare = await cf.storeObject("example", "noext", "x");
    expect(bare.contentType).toBe("application/octet-stream");
    expect(methods()).toEqual(["PUT", "HEAD", "PUT", "HEAD"]);
  });

  it("uploadFile reads it too", async () => {
    await writeFile(join(dir, "data.json"), "{}");
    const obj = await cf.uploadFile("example", join(dir, "data.json"));
    expect(obj.contentType).toBe("application/json");
  });

  it("is the given one, with no HEAD, from contentType or a Content-Type header", async () => {
    const a = await cf.storeObject("example", "a.html", "x", { contentType: "text/x-mine" });
    const b = await cf.storeObject("example", "b.html", "x", { headers: { "Content-Type": "text/x-header" } });
    expect([a.contentType, b.contentType]).toEqual(["text/x-mine", "text/x-header"]);
    expect(methods()).toEqual(["PUT", "PUT"]);
  });

  it.each(["true", "Yes", "1"])("X-Detect-Content-Type: %s makes Swift guess even over a given type: the guess is returned", async (flag) => {
    const obj = await cf.storeObject("example", "c.html", "x", { contentType: "text/plain", headers: { "X-Detect-Content-Type": flag } });
    expect(swift.container("example")?.objects.get("c.html")?.contentType).toBe("text/html");
    expect(obj.contentType).toBe("text/html");
  });

  it("an empty contentType is no type to Swift: it guesses, and the guess is returned", async () => {
    const obj = await cf.storeObject("example", "d.txt", "x", { contentType: "" });
    expect(obj.contentType).toBe("text/plain");
  });

  it("is left undefined when the HEAD shows another write of the object (replaced in between)", async () => {
    px.alter = (req, res) => (req.method === "HEAD" ? { ...res, headers: { ...res.headers, etag: "0123456789abcdef0123456789abcdef", "content-type": "image/png" } } : res);
    const obj = await cf.storeObject("example", "e.html", "x");
    expect(obj.contentType).toBeUndefined();
    expect(obj.etag).toBe("9dd4e461268c8034f5c8564e155c67a6");
  });

  it.each([[404], [403]])("is left undefined, and the store still succeeds, when the HEAD answers %s (not visible yet, write-only ACL)", async (status) => {
    px.alter = (req, res) => (req.method === "HEAD" ? { status, headers: {}, body: Buffer.alloc(0) } : res);
    const obj = await cf.storeObject("example", "f.html", "x");
    expect(obj.contentType).toBeUndefined();
    expect(swift.data("example", "f.html")?.toString()).toBe("x");
  });

  it("the expiry comes along: the given deleteAt, or the HEAD's after a ttl", async () => {
    const given = await cf.storeObject("example", "g.txt", "x", { contentType: "text/plain", deleteAt: 4102444800 });
    expect(given.deleteAt).toBe(4102444800);
    const ttl = await cf.storeObject("example", "h.txt", "x", { ttl: 3600 });
    expect(ttl.deleteAt).toBe(swift.container("example")?.objects.get("h.txt")?.deleteAt);
    expect(ttl.deleteAt).toBeGreaterThan(0);
  });

  it("a large object's is read the same way", async () => {
    const obj = await cf.storeObject("example", "big.txt", "hello world", { largeObject: true, segmentSize: 6 });
    expect(obj.largeObject).toBe("slo");
    expect(obj.contentType).toBe("text/plain");
  });
});
