import { createHash } from "node:crypto";
import { mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Readable } from "node:stream";
import { afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { type ObjectStore, UploadFailed } from "../src/index";
import { type EmulatedSwift, startEmulatedSwift } from "./emulator-client";
import { type Answer, type Fixture, type SeenRequest, startFixture } from "./fixture-server";

const md5 = (b: Buffer | string) => createHash("md5").update(b).digest("hex");
const data = Buffer.from(Array.from({ length: 1000 }, (_, i) => i % 251));

let swift: EmulatedSwift;
let cf: ObjectStore;
let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "rax-lo-"));
});
// A fresh emulator per test: each starts from an empty account.
beforeEach(async () => {
  swift = await startEmulatedSwift();
  cf = swift.client({ segmentSize: 300 });
  await swift.createContainer("big");
});
afterEach(() => swift.close());

function segmentPuts(mark: number) {
  return swift.since(mark).filter((r) => r.method === "PUT" && r.path.includes("big_segments/"));
}
const segments = () => swift.names("big_segments");

/**
 * What the wire carries, on a per-call fixture that answers like Swift: a segment PUT is 201 with
 * the MD5 of its body as ETag (or `wrongEtagFor` a path), a manifest PUT 201 with the SLO's ETag.
 */
async function segmentFixture(o: { wrongEtagFor?: string; delayMs?: number } = {}): Promise<Fixture & { maxInFlight: number }> {
  let inFlight = 0;
  const fx = (await startFixture()) as Fixture & { maxInFlight: number };
  fx.maxInFlight = 0;
  fx.script = async (req: SeenRequest): Promise<Answer> => {
    inFlight++;
    fx.maxInFlight = Math.max(fx.maxInFlight, inFlight);
    try {
      if (o.delayMs) await new Promise((r) => setTimeout(r, o.delayMs));
      if (req.method === "PUT" && req.query.get("multipart-manifest") === "put") {
        const segs = JSON.parse(req.body.toString()) as { etag: string }[];
        return { status: 201, headers: { etag: `"${md5(segs.map((x) => x.etag).join(""))}"` } };
      }
      if (req.method === "PUT" && req.path.split("/").length > 2)
        return { status: 201, headers: { etag: req.path === o.wrongEtagFor ? md5("something else") : md5(req.body) } };
      if (req.method === "PUT") return { status: 201 };
      // The HEAD a store without a content type makes to read Swift's guess.
      if (req.method === "HEAD") return { status: 200, headers: { "content-type": "application/octet-stream" } };
      return { status: 204 };
    } finally {
      inFlight--;
    }
  };
  return fx;
}

describe("large objects", () => {
  it("uploads a Buffer over segmentSize as segments + an SLO manifest, and downloads it as one stream", async () => {
    const obj = await cf.storeObject("big", "blob.bin", data, { uploadId: "u1", contentType: "application/x-blob", metadata: { a: "1" } });
    expect(obj.largeObject).toBe("slo");
    expect(obj.bytes).toBe(1000);
    expect(segments()).toEqual(["blob.bin/u1/00000000", "blob.bin/u1/00000001", "blob.bin/u1/00000002", "blob.bin/u1/00000003"]);
    const stored = swift.container("big")?.objects.get("blob.bin");
    expect(stored?.contentType).toBe("application/x-blob");
    expect(stored?.meta.get("a")).toBe("1");
    expect(await cf.fetchObject("big", "blob.bin")).toEqual(data);

    // On the wire: in-memory segments carry their MD5 up front, so the server itself refuses a
    // corrupted one; the manifest carries the object's headers and lists every segment.
    const fx = await segmentFixture();
    try {
      await fx.client({ segmentSize: 300 }).storeObject("big", "blob.bin", data, { uploadId: "u1", contentType: "application/x-blob", metadata: { a: "1" } });
      const segPuts = fx.requests.filter((r) => r.method === "PUT" && r.path.startsWith("/big_segments/"));
      expect(segPuts.map((r) => r.headers.etag).sort()).toEqual([0, 1, 2, 3].map((i) => md5(data.subarray(i * 300, i * 300 + 300))).sort());
      const manifest = fx.requests.find((r) => r.query.get("multipart-manifest") === "put");
      expect(manifest?.headers["content-type"]).toBe("application/x-blob");
      expect(manifest?.headers["x-object-meta-a"]).toBe("1");
      const body = JSON.parse(manifest?.body.toString() ?? "[]") as { path: string; etag: string; size_bytes: number }[];
      expect(body).toEqual([0, 1, 2, 3].map((i) => ({
        path: `/big_segments/blob.bin/u1/${String(i).padStart(8, "0")}`,
        etag: md5(data.subarray(i * 300, i * 300 + 300)),
        size_bytes: Math.min(300, 1000 - i * 300),
      })));
    } finally {
      await fx.close();
    }
  });

  it("uploads a file by byte ranges in parallel (bounded by segmentConcurrency), each segment MD5-checked", async () => {
    const p = join(dir, "file.bin");
    await writeFile(p, data);
    const mark = swift.mark();
    const progress: number[] = [];
    const obj = await cf.uploadFile("big", p, { segmentConcurrency: 2, uploadId: "f1", onProgress: (n) => progress.push(n) });
    expect(obj.bytes).toBe(1000);
    expect(segmentPuts(mark)).toHaveLength(4);
    expect(progress.at(-1)).toBe(1000);
    expect(await cf.fetchObject("big", "file.bin")).toEqual(data);

    // On the wire: segment bodies of at most 300 bytes, at most 2 requests at once (each answer delayed).
    const fx = await segmentFixture({ delayMs: 30 });
    try {
      await fx.client({ segmentSize: 300 }).uploadFile("big", p, { segmentConcurrency: 2, uploadId: "f1" });
      const puts = fx.requests.filter((r) => r.method === "PUT" && r.path.startsWith("/big_segments/"));
      expect(puts).toHaveLength(4);
      expect(puts.every((r) => Number(r.headers["content-length"]) <= 300)).toBe(true);
      expect(fx.maxInFlight).toBe(2);
    } finally {
      await fx.close();
    }
  });

  it("a file of many chunks per segment, segments in parallel, is stored byte for byte (read buffers are reused)", async () => {
    const big = Buffer.from(Array.from({ length: 200_000 }, (_, i) => (i * 13 + (i >> 10)) % 256));
    const p = join(dir, "many-chunks.bin");
    await writeFile(p, big);
    const c = swift.client({ segmentSize: 20_000 });
    const obj = await c.uploadFile("big", p, { chunkSize: 1024, segmentConcurrency: 4, uploadId: "m1" });
    expect(obj.bytes).toBe(200_000);
    expect(segments()).toHaveLength(10);
    expect((await c.fetchObject("big", "many-chunks.bin")).equals(big)).toBe(true);
  });

  it("chunks the socket cannot take at once, four segments sharing one buffer each: stored byte for byte, progress ends at the size", async () => {
    // 64 KiB chunks are over the socket's queue, so each body reuses one buffer once the socket drained it.
    const size = 3 * 1024 * 1024 + 12_345;
    const big = Buffer.alloc(size);
    for (let i = 0; i < size; i++) big[i] = (i * 31 + (i >> 12)) % 256;
    const p = join(dir, "reused-buffers.bin");
    await writeFile(p, big);
    const c = swift.client({ segmentSize: 256 * 1024 });
    const progress: number[] = [];
    const obj = await c.uploadFile("big", p, { chunkSize: 64 * 1024, segmentConcurrency: 4, uploadId: "r1", onProgress: (n) => progress.push(n) });
    expect(obj.bytes).toBe(size);
    expect(segments()).toHaveLength(13);
    expect(progress.at(-1)).toBe(size);
    expect(progress.every((n, i) => i === 0 || n >= progress[i - 1]!)).toBe(true);
    const back = await c.fetchObject("big", "reused-buffers.bin");
    expect(md5(back)).toBe(md5(big));
  });

  it("segments in flight are bounded by their read buffers as well as by segmentConcurrency", async () => {
    // 6 MiB chunks: each segment body holds one 6 MiB buffer, and an upload's buffers stay within 16 MiB.
    const mib = 1024 * 1024;
    const p = join(dir, "three-segments.bin");
    await writeFile(p, Buffer.alloc(18 * mib, 7));
    // Each answer is held long enough for every body in flight to have arrived meanwhile.
    const fx = await segmentFixture({ delayMs: 400 });
    try {
      const c = fx.client({ segmentSize: 6 * mib });
      await c.uploadFile("big", p, { segmentConcurrency: 3, chunkSize: 6 * mib, uploadId: "b1" });
      expect(fx.requests.filter((r) => r.method === "PUT" && r.path.startsWith("/big_segments/"))).toHaveLength(3);
      expect(fx.maxInFlight).toBe(2);
      // The default chunk keeps the caller's count.
      fx.maxInFlight = 0;
      await c.uploadFile("big", p, { segmentConcurrency: 3, uploadId: "b2" });
      expect(fx.maxInFlight).toBe(3);
    } finally {
      await fx.close();
    }
  });

  it("splits a one-shot stream of unknown length with largeObject: true", async () => {
    const chunks = [data.subarray(0, 123), data.subarray(123, 650), data.subarray(650)];
    const obj = await cf.storeObject("big", "streamed", Readable.from(chunks), { largeObject: true, uploadId: "s1" });
    expect(obj.bytes).toBe(1000);
    expect(segments()).toHaveLength(4);
    expect(await cf.fetchObject("big", "streamed")).toEqual(data);
  });

  it("a stream of known size over segmentSize is segmented automatically", async () => {
    await cf.storeObject("big", "sized", Readable.from([data]), { size: 1000 });
    expect(swift.container("big")?.objects.get("sized")?.slo?.segments).toHaveLength(4);
  });

  it("a segment whose stored ETag is wrong fails the upload with UploadFailed carrying the uploadId", async () => {
    // A server that stored other bytes than were sent (the ETag it answers is not their MD5).
    const fx = await segmentFixture({ wrongEtagFor: "/big_segments/bad/u2/00000001" });
    try {
      const p = join(dir, "bad");
      await writeFile(p, data);
      const err = await fx.client({ segmentSize: 300 }).uploadFile("big", p, { uploadId: "u2" }).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(UploadFailed);
      expect((err as UploadFailed).uploadId).toBe("u2");
      // No manifest went up, and the bad segment was deleted.
      expect(fx.requests.some((r) => r.path === "/big/bad")).toBe(false);
      expect(fx.requests.filter((r) => r.method === "DELETE").map((r) => r.path)).toEqual(["/big_segments/bad/u2/00000001"]);
    } finally {
      await fx.close();
    }
  });

  it("resumes an interrupted upload: segments already stored with the right size and MD5 are skipped", async () => {
    const p = join(dir, "resume.bin");
    await writeFile(p, data);
    const fault = swift.emu.faults.inject({ match: { method: "PUT", regex: /\/big_segments\/resume\.bin\/r1\/00000002$/ }, status: 503, times: Infinity });
    const err = await cf.uploadFile("big", p, { uploadId: "r1", segmentConcurrency: 1 }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(UploadFailed);
    expect((err as UploadFailed).uploadId).toBe("r1");
    fault.cancel();
    // Corrupt one stored segment: resume must re-upload it rather than trust it.
    const seg0 = swift.container("big_segments")?.objects.get("resume.bin/r1/00000000");
    expect(seg0).toBeDefined();
    if (seg0) {
      seg0.chunks = [Buffer.alloc(300, 1)];
      seg0.etag = md5(Buffer.alloc(300, 1));
    }
    const mark = swift.mark();
    await cf.uploadFile("big", p, { uploadId: "r1", resume: true });
    const uploaded = segmentPuts(mark).map((r) => r.path.split("/").at(-1));
    expect(uploaded.sort()).toEqual(["00000000", "00000002", "00000003"]);
    expect(await cf.fetchObject("big", "resume.bin")).toEqual(data);
  });

  it("resumes a stream upload, skipping matching segments by hashing them as they pass", async () => {
    await cf.storeObject("big", "s", data.subarray(0, 600), { uploadId: "r2" });
    const mark = swift.mark();
    await cf.storeObject("big", "s", Readable.from([data]), { uploadId: "r2", resume: true });
    const uploaded = segmentPuts(mark).map((r) => r.path.split("/").at(-1));
    expect(uploaded).toEqual(["00000002", "00000003"]);
    expect(await cf.fetchObject("big", "s")).toEqual(data);
  });

  it("ttl / deleteAt reach every segment: manifest and segments carry one X-Delete-At (SLO and DLO)", async () => {
    const before = Math.floor(Date.now() / 1000);
    await cf.storeObject("big", "slo.bin", data, { ttl: 3600 });
    const after = Math.floor(Date.now() / 1000);
    const manifest = await cf.getObject("big", "slo.bin");
    expect(manifest.deleteAt).toBeGreaterThanOrEqual(before + 3600);
    expect(manifest.deleteAt).toBeLessThanOrEqual(after + 3600);
    const segs = segments().filter((n) => n.startsWith("slo.bin/"));
    expect(segs).toHaveLength(4);
    for (const n of segs) expect((await cf.getObject("big_segments", n)).deleteAt).toBe(manifest.deleteAt);

    const at = after + 7200;
    await cf.storeObject("big", "dlo.bin", data, { deleteAt: at, manifest: "dlo" });
    expect((await cf.getObject("big", "dlo.bin")).deleteAt).toBe(at);
    for (const n of segments().filter((x) => x.startsWith("dlo.bin/"))) expect((await cf.getObject("big_segments", n)).deleteAt).toBe(at);
    // Without an expiry, segments get none.
    await cf.storeObject("big", "keep.bin", data);
    for (const n of segments().filter((x) => x.startsWith("keep.bin/"))) expect((await cf.getObject("big_segments", n)).deleteAt).toBeUndefined();
  });

  it("writes a DLO manifest (X-Object-Manifest) with manifest: 'dlo'", async () => {
    const obj = await cf.storeObject("big", "dyn", data, { manifest: "dlo", uploadId: "d1" });
    expect(obj.largeObject).toBe("dlo");
    expect(swift.container("big")?.objects.get("dyn")?.headers.get("x-object-manifest")).toBe("big_segments/dyn/d1/");
    expect(await cf.fetchObject("big", "dyn")).toEqual(data);
  });

  it("deleteObject withSegments removes an SLO's segments too", async () => {
    await cf.storeObject("big", "gone", data, { uploadId: "g" });
    await cf.deleteObject("big", "gone", { withSegments: true });
    expect(segments()).toEqual([]);
  });
});
