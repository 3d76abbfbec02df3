import * as fs from "node:fs";
import { getDefaultHighWaterMark, Readable } from "node:stream";
import type { ChunkCheck } from "./upload-body";

/**
 * Read size for file bodies when the caller sets no `chunkSize`: each segment in flight holds
 * `ringSize` of them. At 128 KiB the client's CPU per byte is that of 256 KiB (64 KiB costs a
 * fifth more: four times the reads, hash updates and socket writes) with half the memory.
 */
export const FILE_CHUNK = 128 * 1024;

/**
 * How many read buffers one file body cycles through. A buffer is refilled only once the chunks
 * read after it have moved on, so it must outnumber every place a chunk can still wait: the
 * socket's write queue (undici pauses the body once `write` returns false, i.e. once the queue
 * holds the socket's high-water mark), this stream's own buffer (one chunk: highWaterMark 1) and
 * the read in progress, plus one spare. Should a transport ever hold more, the bytes sent differ
 * from the bytes hashed and the ETag check fails the upload: never silently.
 */
export function ringSize(chunk: number, socketHighWaterMark = getDefaultHighWaterMark(false)): number {
  return Math.ceil(socketHighWaterMark / chunk) + 3;
}

/** Read buffers one upload may hold: what bounds its segments in flight besides their count. */
export const READ_BUFFER_BUDGET = 16 * 1024 * 1024;

/** Bytes of read buffers one body of `size` bytes holds at most. */
export const bodyBufferBytes = (chunk: number, size: number): number => Math.min(ringSize(chunk), Math.ceil(size / chunk)) * chunk;

/**
 * Segments a file upload sends at once: `wanted` (the caller's count), fewer when their read
 * buffers would exceed the budget (a large `chunkSize`), never less than one.
 */
export const segmentsInFlight = (wanted: number, chunk: number, segmentSize: number, budget = READ_BUFFER_BUDGET): number =>
  Math.max(1, Math.min(wanted, Math.floor(budget / bodyBufferBytes(chunk, segmentSize))));

/**
 * Read buffers shared by the bodies of one upload. A body's buffers come back only after its
 * request got its answer (the server has every byte, so no socket still holds them); the buffers
 * of a failed attempt are left to the GC, as a dying socket may still reference them.
 */
export class ChunkBuffers {
  readonly #free: Buffer[] = [];
  constructor(readonly chunk: number) {}
  take(): Buffer {
    return this.#free.pop() ?? Buffer.allocUnsafeSlow(this.chunk);
  }
  give(buffers: Buffer[]): void {
    for (const b of buffers) this.#free.push(b);
  }
}

/**
 * A request body reading bytes `start`..`start + size - 1` of a file into a few buffers it
 * reuses, where `createReadStream` allocates a fresh buffer per chunk. Those are garbage once the
 * socket has sent them, but V8 frees them only at its next major GC, which it schedules by
 * external-memory growth (tens of MB): an upload held that much dead memory at its peak.
 * `check` sees each chunk as it is read (MD5, progress), before its buffer can be refilled. A file
 * that ends early fails the body (its size was taken up front).
 *
 * Reads go through callback `fs.read` with one callback bound per body, not `FileHandle.read`:
 * the promise API allocated about 2 KB per read (request, promise, result object, handle
 * bookkeeping). Everything allocated per chunk is garbage V8's young generation has to scavenge,
 * and the survivors of those scavenges are what makes V8 double its semi-space (+8 MB RSS on a
 * 1 GiB upload); a full chunk is pushed as its buffer itself, not a `subarray` view of it.
 */
export class FileRangeBody extends Readable {
  readonly #path: string;
  readonly #end: number;
  readonly #check: ChunkCheck;
  readonly #buffers: ChunkBuffers;
  readonly #ring: Buffer[] = [];
  readonly #slots: number;
  #position: number;
  #next = 0;
  #fd: number | undefined;
  /** The buffer of the read in flight (open or read); `_destroy` waits for it before closing. */
  #reading: Buffer | null | undefined;
  #closeWhenIdle: ((e?: Error | null) => void) | undefined;

  constructor(path: string, start: number, size: number, check: ChunkCheck, buffers: ChunkBuffers) {
    super({ highWaterMark: 1 });
    this.#path = path;
    this.#position = start;
    this.#end = start + size;
    this.#check = check;
    this.#buffers = buffers;
    this.#slots = bodyBufferBytes(buffers.chunk, size) / buffers.chunk;
  }

  override _read(): void {
    if (this.#end - this.#position <= 0) {
      this.push(null);
      return;
    }
    if (this.#fd === undefined) {
      this.#reading = null;
      fs.open(this.#path, "r", this.#afterOpen);
      return;
    }
    this.#readNext(this.#fd);
  }

  #readNext(fd: number): void {
    const i = this.#next++ % this.#slots;
    const buf = (this.#ring[i] ??= this.#buffers.take());
    this.#reading = buf;
    fs.read(fd, buf, 0, Math.min(buf.byteLength, this.#end - this.#position), this.#position, this.#afterRead);
  }

  // Arrow fields: one callback per body, not one closure per read.
  readonly #afterOpen = (err: Error | null, fd: number): void => {
    this.#reading = undefined;
    if (err) return this.#settle(err);
    this.#fd = fd;
    if (this.#closeWhenIdle) return this.#settle(null);
    this.#readNext(fd);
  };

  readonly #afterRead = (err: Error | null, bytesRead: number): void => {
    const buf = this.#reading as Buffer;
    this.#reading = undefined;
    if (this.#closeWhenIdle) return this.#settle(err);
    if (err) return this.#settle(err);
    if (bytesRead === 0)
      return this.#settle(new Error(`${this.#path} ended ${this.#end - this.#position} bytes early (it changed size while uploading)`));
    this.#position += bytesRead;
    const chunk = bytesRead === buf.byteLength ? buf : buf.subarray(0, bytesRead);
    try {
      this.#check(chunk);
    } catch (e) {
      return this.#settle(e as Error);
    }
    this.push(chunk);
  };

  /** A read or open ended in an error, or `_destroy` was waiting for it. */
  #settle(err: Error | null): void {
    const done = this.#closeWhenIdle;
    if (done) {
      this.#closeWhenIdle = undefined;
      this.#close(done);
    } else if (err) this.destroy(err);
  }

  /** Call once the request was answered: the buffers go back for the next body. */
  release(): void {
    this.#buffers.give(this.#ring.splice(0));
  }

  override _destroy(err: Error | null, cb: (e?: Error | null) => void): void {
    const done = (): void => cb(err);
    // Closing the descriptor under a read in flight could let it read a reused descriptor.
    if (this.#reading !== undefined) this.#closeWhenIdle = done;
    else this.#close(done);
  }

  #close(done: () => void): void {
    const fd = this.#fd;
    this.#fd = undefined;
    if (fd === undefined) return done();
    fs.close(fd, () => done());
  }
}
