import { createHash } from "node:crypto";
import { mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Readable } from "node:stream";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { type ObjectStore, UploadFailed } from "../src/index";
import { type FakeSwift, startFakeSwift } from "./fake-swift";
import { clientFor, since } from "./setup";

const md5 = (b: Buffer | string) => createHash("md5").update(b).digest("hex");
const data = Buffer.from(Array.from({ length: 1000 }, (_, i) => i % 251));

let swift: FakeSwift;
let cf: ObjectStore;
let dir: string;
beforeAll(async () => {
  swift = await startFakeSwift();
  dir = await mkdtemp(join(tmpdir(), "rax-lo-"));
});
afterAll(() => swift.close());
beforeEach(() => {
  swift.reset();
  cf = clientFor(swift, { segmentSize: 300 });
  swift.containers.set("big", { meta: {}, objects: new Map() });
});

function segmentPuts(mark: number) {
  return since(swift, mark).filter((r) => r.method === "PUT" && r.path.includes("big_segments/"));
}

describe("large objects", () => {
  it("uploads a Buffer over segmentSize as segments + an SLO manifest, and downloads it as one stream", async () => {
    const mark = swift.requests.length;
    const obj = await cf.storeObject("big", "blob.bin", data, { uploadId: "u1", contentType: "application/x-blob", metadata: { a: "1" } });
    expect(obj.largeObject).toBe("slo");
    expect(obj.bytes).toBe(1000);
    const segs = swift.containers.get("big_segments")?.objects;
    expect([...(segs?.keys() ?? [])].sort()).toEqual(["blob.bin/u1/00000000", "blob.bin/u1/00000001", "blob.bin/u1/00000002", "blob.bin/u1/00000003"]);
    // In-memory segments carry their MD5 up front, so the server itself refuses a corrupted one.
    expect(segmentPuts(mark).map((r) => r.headers.etag).sort()).toEqual(
      [0, 1, 2, 3].map((i) => md5(data.subarray(i * 300, i * 300 + 300))).sort(),
    );
    const manifest = since(swift, mark).find((r) => r.query.get("multipart-manifest") === "put");
    expect(manifest?.headers["content-type"]).toBe("application/x-blob");
    expect(manifest?.headers["x-object-meta-a"]).toBe("1");
    const body = JSON.parse(manifest?.body.toString() ?? "[]") as { path: string; etag: string; size_bytes: number }[];
    expect(body).toEqual([0, 1, 2, 3].map((i) => ({
      path: `/big_segments/blob.bin/u1/${String(i).padStart(8, "0")}`,
      etag: md5(data.subarray(i * 300, i * 300 + 300)),
      size_bytes: Math.min(300, 1000 - i * 300),
    })));
    expect(await cf.fetchObject("big", "blob.bin")).toEqual(data);
  });

  it("uploads a file by byte ranges in parallel (bounded by segmentConcurrency), each segment MD5-checked", async () => {
    const p = join(dir, "file.bin");
    await writeFile(p, data);
    const mark = swift.requests.length;
    swift.maxInFlight = 0;
    const progress: number[] = [];
    const obj = await cf.uploadFile("big", p, { segmentConcurrency: 2, uploadId: "f1", onProgress: (n) => progress.push(n) });
    expect(obj.bytes).toBe(1000);
    const puts = segmentPuts(mark);
    expect(puts).toHaveLength(4);
    expect(puts.every((r) => Number(r.headers["content-length"]) <= 300)).toBe(true);
    expect(swift.maxInFlight).toBeLessThanOrEqual(2);
    expect(progress.at(-1)).toBe(1000);
    expect(await cf.fetchObject("big", "file.bin")).toEqual(data);
  });

  it("splits a one-shot stream of unknown length with largeObject: true", async () => {
    const chunks = [data.subarray(0, 123), data.subarray(123, 650), data.subarray(650)];
    const obj = await cf.storeObject("big", "streamed", Readable.from(chunks), { largeObject: true, uploadId: "s1" });
    expect(obj.bytes).toBe(1000);
    expect(swift.containers.get("big_segments")?.objects.size).toBe(4);
    expect(await cf.fetchObject("big", "streamed")).toEqual(data);
  });

  it("a stream of known size over segmentSize is segmented automatically", async () => {
    await cf.storeObject("big", "sized", Readable.from([data]), { size: 1000 });
    expect(swift.containers.get("big")?.objects.get("sized")?.slo).toHaveLength(4);
  });

  it("a segment whose stored ETag is wrong fails the upload with UploadFailed carrying the uploadId", async () => {
    swift.faults.wrongEtag.add("big_segments/bad/u2/00000001");
    const p = join(dir, "bad");
    await writeFile(p, data);
    const err = await cf.uploadFile("big", p, { uploadId: "u2" }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(UploadFailed);
    expect((err as UploadFailed).uploadId).toBe("u2");
    expect(swift.containers.get("big")?.objects.has("bad")).toBe(false);
    expect(swift.containers.get("big_segments")?.objects.has("bad/u2/00000001")).toBe(false);
  });

  it("resumes an interrupted upload: segments already stored with the right size and MD5 are skipped", async () => {
    const p = join(dir, "resume.bin");
    await writeFile(p, data);
    swift.faults.failPut.add("big_segments/resume.bin/r1/00000002");
    const err = await cf.uploadFile("big", p, { uploadId: "r1", segmentConcurrency: 1 }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(UploadFailed);
    expect((err as UploadFailed).uploadId).toBe("r1");
    swift.faults.failPut.clear();
    // Corrupt one stored segment: resume must re-upload it rather than trust it.
    const seg0 = swift.containers.get("big_segments")?.objects.get("resume.bin/r1/00000000");
    if (seg0) {
      seg0.data = Buffer.alloc(300, 1);
      seg0.etag = md5(seg0.data);
    }
    const mark = swift.requests.length;
    await cf.uploadFile("big", p, { uploadId: "r1", resume: true });
    const uploaded = segmentPuts(mark).map((r) => r.path.split("/").at(-1));
    expect(uploaded.sort()).toEqual(["00000000", "00000002", "00000003"]);
    expect(await cf.fetchObject("big", "resume.bin")).toEqual(data);
  });

  it("resumes a stream upload, skipping matching segments by hashing them as they pass", async () => {
    await cf.storeObject("big", "s", data.subarray(0, 600), { uploadId: "r2" });
    const mark = swift.requests.length;
    await cf.storeObject("big", "s", Readable.from([data]), { uploadId: "r2", resume: true });
    const uploaded = segmentPuts(mark).map((r) => r.path.split("/").at(-1));
    expect(uploaded).toEqual(["00000002", "00000003"]);
    expect(await cf.fetchObject("big", "s")).toEqual(data);
  });

  it("writes a DLO manifest (X-Object-Manifest) with manifest: 'dlo'", async () => {
    const obj = await cf.storeObject("big", "dyn", data, { manifest: "dlo", uploadId: "d1" });
    expect(obj.largeObject).toBe("dlo");
    const req = swift.requests.at(-1);
    expect(req?.headers["x-object-manifest"]).toBe("big_segments/dyn/d1/");
    expect(await cf.fetchObject("big", "dyn")).toEqual(data);
  });

  it("deleteObject withSegments removes an SLO's segments too", async () => {
    await cf.storeObject("big", "gone", data, { uploadId: "g" });
    await cf.deleteObject("big", "gone", { withSegments: true });
    expect(swift.containers.get("big_segments")?.objects.size).toBe(0);
  });
});
