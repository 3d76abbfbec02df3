import { mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Writable } from "node:stream";
import { beforeAll, describe, expect, it } from "vitest";
import { ChunkBuffers, FileRangeBody, ringSize, segmentsInFlight } from "../src/transfer/file-range-body";

// A file whose every byte differs from its neighbours', so a chunk read from the wrong offset or
// overwritten by a later read shows.
const data = Buffer.from(Array.from({ length: 200_000 }, (_, i) => (i * 7 + (i >> 8)) % 256));
let file: string;
beforeAll(async () => {
  file = join(await mkdtemp(join(tmpdir(), "rax-frb-")), "f.bin");
  await writeFile(file, data);
});

/**
 * Reads a body to its end from its `data` events, as undici does (`for await` would join
 * buffered chunks into fresh copies), copying each chunk as it arrives: the buffers are reused.
 */
function drain(body: FileRangeBody): Promise<{ bytes: Buffer; backing: Set<ArrayBufferLike> }> {
  const copies: Buffer[] = [];
  const backing = new Set<ArrayBufferLike>();
  return new Promise((resolve, reject) => {
    body.on("data", (chunk: Buffer) => {
      copies.push(Buffer.from(chunk));
      backing.add(chunk.buffer);
    });
    body.once("end", () => resolve({ bytes: Buffer.concat(copies), backing }));
    body.once("error", reject);
  });
}

/**
 * A socket stand-in: its queue holds `highWaterMark` bytes, and it reads each chunk only when
 * that chunk's write completes, a turn of the event loop later. A buffer refilled while still
 * queued here shows as wrong bytes. With `fill`, it completes no write until its queue is full,
 * then flushes it all: a network slower than the disk, whatever the machine's load.
 */
function lateSink(highWaterMark: number, fill = false) {
  const copies: Buffer[] = [];
  const backing = new Set<ArrayBufferLike>();
  let flushing = false;
  const sink: Writable = new Writable({
    highWaterMark,
    write(chunk: Buffer, _enc, cb) {
      backing.add(chunk.buffer);
      const complete = (): void => {
        if (fill && !flushing) {
          if (sink.writableLength < highWaterMark && !sink.writableEnded) return void setImmediate(complete);
          flushing = true;
        }
        copies.push(Buffer.from(chunk));
        // writableLength still counts this chunk.
        if (sink.writableLength <= chunk.length) flushing = false;
        cb();
      };
      setImmediate(complete);
    },
  });
  const done = new Promise<{ bytes: Buffer; backing: Set<ArrayBufferLike> }>((resolve, reject) => {
    sink.once("finish", () => resolve({ bytes: Buffer.concat(copies), backing }));
    sink.once("error", reject);
  });
  return { sink, done };
}

/** undici's way with a stream body: write each chunk, pause when the socket is full, resume on 'drain'. */
function sendLikeUndici(body: FileRangeBody, sink: Writable): void {
  body.on("data", (chunk: Buffer) => {
    if (!sink.write(chunk)) body.pause();
  });
  sink.on("drain", () => body.resume());
  body.once("end", () => sink.end());
  body.once("error", (e) => sink.destroy(e));
}

describe("FileRangeBody", () => {
  it("sends exactly the range, and what `check` saw is what was sent", async () => {
    const seen: Buffer[] = [];
    const body = new FileRangeBody(file, 1234, 5000, (c) => seen.push(Buffer.from(c)), new ChunkBuffers(256));
    const { bytes } = await drain(body);
    expect(bytes.equals(data.subarray(1234, 6234))).toBe(true);
    expect(Buffer.concat(seen).equals(bytes)).toBe(true);
  });

  it("cycles through a few buffers instead of allocating one per chunk", async () => {
    const chunks = Math.ceil(data.length / 4096);
    expect(chunks).toBeGreaterThan(2 * ringSize(4096));
    const body = new FileRangeBody(file, 0, data.length, () => {}, new ChunkBuffers(4096));
    const { bytes, backing } = await drain(body);
    expect(bytes.equals(data)).toBe(true);
    // createReadStream would have handed over one fresh buffer per chunk.
    expect(backing.size).toBeLessThanOrEqual(ringSize(4096));
  });

  it("sent to a consumer that pauses when its queue is full, one buffer does for the whole body, and every byte arrives", async () => {
    const pool = new ChunkBuffers(4096);
    const { sink, done } = lateSink(1024);
    sendLikeUndici(new FileRangeBody(file, 0, data.length, () => {}, pool), sink);
    const { bytes, backing } = await done;
    expect(bytes.equals(data)).toBe(true);
    expect(backing.size).toBe(1);
  });

  it("the same through pipe(), and with concurrent bodies sharing one pool, each holds one buffer", async () => {
    const pool = new ChunkBuffers(4096);
    const ranges = [0, 50_000, 100_000, 150_000].map((start) => {
      const { sink, done } = lateSink(2048);
      new FileRangeBody(file, start, 50_000, () => {}, pool).pipe(sink);
      return done.then((r) => ({ ...r, start }));
    });
    const results = await Promise.all(ranges);
    for (const r of results) expect(r.bytes.equals(data.subarray(r.start, r.start + 50_000))).toBe(true);
    const all = new Set(results.flatMap((r) => [...r.backing]));
    expect(all.size).toBe(4);
  });

  it("chunks smaller than the consumer's queue: several wait there at once, none is overwritten", async () => {
    const { sink, done } = lateSink(4096, true);
    const body = new FileRangeBody(file, 0, 50_000, () => {}, new ChunkBuffers(256));
    let pauses = 0;
    body.on("pause", () => pauses++);
    sendLikeUndici(body, sink);
    const { bytes, backing } = await done;
    expect(bytes.equals(data.subarray(0, 50_000))).toBe(true);
    expect(pauses).toBeGreaterThan(1);
    // The queue's 16 chunks, the one that filled it, the read in progress: never one per chunk.
    expect(backing.size).toBeGreaterThan(1);
    expect(backing.size).toBeLessThanOrEqual(4096 / 256 + 2);
  });

  it("buffers come back after release() and the next body reuses them", async () => {
    const pool = new ChunkBuffers(512);
    const first = new FileRangeBody(file, 0, 4096, () => {}, pool);
    const a = await drain(first);
    first.release();
    const second = new FileRangeBody(file, 4096, 4096, () => {}, pool);
    const b = await drain(second);
    expect(b.bytes.equals(data.subarray(4096, 8192))).toBe(true);
    expect([...b.backing].every((x) => a.backing.has(x))).toBe(true);
  });

  it("without release() (a failed attempt) its buffers are never handed out again", async () => {
    const pool = new ChunkBuffers(512);
    const a = await drain(new FileRangeBody(file, 0, 4096, () => {}, pool));
    const b = await drain(new FileRangeBody(file, 0, 4096, () => {}, pool));
    expect([...b.backing].some((x) => a.backing.has(x))).toBe(false);
  });

  it("a file shorter than the size taken up front fails the body", async () => {
    const body = new FileRangeBody(file, 199_000, 2000, () => {}, new ChunkBuffers(256));
    await expect(drain(body)).rejects.toThrow(/ended 1000 bytes early/);
  });

  it("a throwing check (size bound, hash) fails the body", async () => {
    const body = new FileRangeBody(file, 0, 4096, () => { throw new Error("too long"); }, new ChunkBuffers(256));
    await expect(drain(body)).rejects.toThrow("too long");
  });

  it("without a pause to go by, enough buffers for the socket's queue, the read in progress and a spare", () => {
    expect(ringSize(256 * 1024, 16 * 1024)).toBe(3);
    expect(ringSize(8 * 1024, 64 * 1024)).toBe(10);
  });

  it("an upload's segments in flight: the caller's count, fewer when their read buffers pass 16 MiB, at least one", () => {
    const mib = 1024 * 1024;
    expect(segmentsInFlight(4, 128 * 1024, 100 * mib, 16 * mib)).toBe(4);
    expect(segmentsInFlight(64, 128 * 1024, 100 * mib, 16 * mib)).toBe(42); // at most 3 buffers of 128 KiB each
    expect(segmentsInFlight(4, 8 * mib, 100 * mib, 16 * mib)).toBe(1); // one body alone is over budget
    expect(segmentsInFlight(4, 8 * mib, 8 * mib, 16 * mib)).toBe(2); // a segment of one chunk holds one buffer
  });
});
