import * as fs from "node:fs";
import { getDefaultHighWaterMark, Readable } from "node:stream";
import type { ChunkCheck } from "./upload-body";

/**
 * Read size for file bodies when the caller sets no `chunkSize`. A body streaming to a socket
 * holds one such buffer at a time (see FileRangeBody), so a segmented upload holds about
 * `segmentConcurrency` of them. Fewer, larger chunks mean fewer reads, hash updates, socket writes
 * and stream callbacks, and every one of those allocates short-lived objects: at 128 KiB a 1 GiB
 * upload allocated ~16 MB of them, enough young-generation churn for V8 to double its semi-space
 * (+8 MB peak RSS); at 512 KiB ~5 MB, and the semi-space stays as it was.
 */
export const FILE_CHUNK = 512 * 1024;

/**
 * The most read buffers one file body holds. Usually it holds one: its consumer (undici,
 * node:http, `pipe`) pauses it once the socket's queue is full and resumes it only once that
 * queue has drained, so the buffer sent last is free again when the next read starts. A consumer
 * that never pauses gives no such sign; then a buffer is refilled only after the chunks read after
 * it have moved on, so the body holds as many as can still wait somewhere: the socket's write
 * queue (up to its high-water mark, plus the chunk that crossed it), the read in progress, and
 * one spare. Should a transport ever hold more, the bytes sent differ from the bytes hashed and
 * the ETag check fails the upload: never silently.
 */
export function ringSize(chunk: number, socketHighWaterMark = getDefaultHighWaterMark(false)): number {
  return Math.ceil(socketHighWaterMark / chunk) + 2;
}

/** Read buffers one upload may hold: what bounds its segments in flight besides their count. */
export const READ_BUFFER_BUDGET = 16 * 1024 * 1024;

/** Bytes of read buffers one body of `size` bytes holds at most. */
export const bodyBufferBytes = (chunk: number, size: number): number => Math.min(ringSize(chunk), Math.ceil(size / chunk)) * chunk;

/**
 * Segments a file upload sends at once: `wanted` (the caller's count), fewer when their read
 * buffers could exceed the budget (a large `chunkSize`), never less than one.
 */
export const segmentsInFlight = (wanted: number, chunk: number, segmentSize: number, budget = READ_BUFFER_BUDGET): number =>
  Math.max(1, Math.min(wanted, Math.floor(budget / bodyBufferBytes(chunk, segmentSize))));

/**
 * Read buffers shared by the bodies of one upload. A body gives a buffer back once its consumer
 * is known to be done with it, and all of them once its request got its answer (the server has
 * every byte, so no socket still holds them); the buffers of a failed attempt are left to the GC,
 * as a dying socket may still reference them.
 */
export class ChunkBuffers {
  // A stack by index: `pop()` would shrink the array's backing store and the next `push()`
  // reallocate it, a young-generation allocation per chunk.
  readonly #free: (Buffer | undefined)[] = [];
  #count = 0;
  constructor(readonly chunk: number) {}
  take(): Buffer {
    if (this.#count === 0) return Buffer.allocUnsafeSlow(this.chunk);
    const b = this.#free[--this.#count] as Buffer;
    this.#free[this.#count] = undefined;
    return b;
  }
  give(buffer: Buffer): void {
    this.#free[this.#count++] = buffer;
  }
}

/**
 * A request body reading bytes `start`..`start + size - 1` of a file into buffers it reuses,
 * where `createReadStream` allocates a fresh buffer per chunk. Those are garbage once the socket
 * has sent them, but V8 frees them only at its next major GC, which it schedules by
 * external-memory growth (tens of MB): an upload held that much dead memory at its peak.
 * `check` sees each chunk as it is read (MD5, progress), before its buffer can be refilled. A file
 * that ends early fails the body (its size was taken up front).
 *
 * No read-ahead (highWaterMark 0): the next read starts when the consumer asks for more, so a
 * body holds one buffer, not one in the socket plus one waiting here. Reads go through callback
 * `fs.read` with one callback per body, not `FileHandle.read` (~2 KB of promises and result
 * objects per read), and a full chunk is pushed as its buffer, not a `subarray` view of it: what
 * is allocated per chunk is what V8's young generation has to scavenge.
 */
export class FileRangeBody extends Readable {
  readonly #path: string;
  readonly #end: number;
  readonly #check: ChunkCheck;
  readonly #buffers: ChunkBuffers;
  readonly #maxHeld: number;
  /**
   * Buffers pushed (or being read into) that the consumer may still reference: a ring of
   * `#maxHeld` slots, `#heldCount` of them from `#first` on, oldest first.
   */
  readonly #held: (Buffer | undefined)[];
  #first = 0;
  #heldCount = 0;
  /** How many of the held buffers were handed over before the consumer last paused: free once it reads again. */
  #drained = 0;
  #position: number;
  #fd: number | undefined;
  /** Set while an open or read is in flight; `_destroy` waits for it before closing. */
  #busy = false;
  /** The buffer of the last read started. */
  #reading: Buffer | undefined;
  #closeWhenIdle: (() => void) | undefined;

  constructor(path: string, start: number, size: number, check: ChunkCheck, buffers: ChunkBuffers) {
    super({ highWaterMark: 0 });
    this.#path = path;
    this.#position = start;
    this.#end = start + size;
    this.#check = check;
    this.#buffers = buffers;
    this.#maxHeld = Math.max(1, bodyBufferBytes(buffers.chunk, size) / buffers.chunk);
    this.#held = new Array<Buffer | undefined>(this.#maxHeld).fill(undefined);
    this.on("pause", this.#onPause);
  }

  // Arrow fields: one callback per body, not one closure per read.

  /**
   * Paused by its consumer (its queue is full): it reads from this stream again only once that
   * queue has drained, so every chunk handed over so far is then sent. Chunks still buffered here
   * were not handed over; then nothing is counted.
   */
  readonly #onPause = (): void => {
    if (this.readableLength === 0) this.#drained = this.#busy ? this.#heldCount - 1 : this.#heldCount;
  };

  override _read(): void {
    if (this.#end - this.#position <= 0) {
      this.push(null);
      return;
    }
    if (this.#fd === undefined) {
      this.#busy = true;
      fs.open(this.#path, "r", this.#afterOpen);
      return;
    }
    this.#readNext(this.#fd);
  }

  #readNext(fd: number): void {
    // Flowing again after a pause: what was handed over before it has been sent.
    let free = this.readableFlowing === true ? this.#drained : 0;
    // A consumer that never paused: the oldest chunks have moved on by now (see ringSize).
    free = Math.max(free, this.#heldCount - (this.#maxHeld - 1));
    this.#drained = 0;
    const held = this.#held;
    for (; free > 0; free--) {
      this.#buffers.give(held[this.#first] as Buffer);
      held[this.#first] = undefined;
      this.#first = (this.#first + 1) % this.#maxHeld;
      this.#heldCount--;
    }
    const buf = this.#buffers.take();
    held[(this.#first + this.#heldCount++) % this.#maxHeld] = buf;
    this.#reading = buf;
    this.#busy = true;
    fs.read(fd, buf, 0, Math.min(buf.byteLength, this.#end - this.#position), this.#position, this.#afterRead);
  }

  readonly #afterOpen = (err: Error | null, fd: number): void => {
    this.#busy = false;
    if (err) return this.#settle(err);
    this.#fd = fd;
    if (this.#closeWhenIdle) return this.#settle(null);
    this.#readNext(fd);
  };

  readonly #afterRead = (err: Error | null, bytesRead: number): void => {
    this.#busy = false;
    if (this.#closeWhenIdle || err) return this.#settle(err);
    if (bytesRead === 0)
      return this.#settle(new Error(`${this.#path} ended ${this.#end - this.#position} bytes early (it changed size while uploading)`));
    this.#position += bytesRead;
    const buf = this.#reading as Buffer;
    const chunk = bytesRead === buf.byteLength ? buf : buf.subarray(0, bytesRead);
    try {
      this.#check(chunk);
    } catch (e) {
      return this.#settle(e as Error);
    }
    this.push(chunk);
  };

  /** An open or read ended in an error, or `_destroy` was waiting for it to end. */
  #settle(err: Error | null): void {
    const done = this.#closeWhenIdle;
    if (done) {
      this.#closeWhenIdle = undefined;
      this.#close(done);
    } else if (err) this.destroy(err);
  }

  /** Call once the request was answered: the buffers go back for the next body. */
  release(): void {
    const held = this.#held;
    for (; this.#heldCount > 0; this.#heldCount--) {
      this.#buffers.give(held[this.#first] as Buffer);
      held[this.#first] = undefined;
      this.#first = (this.#first + 1) % this.#maxHeld;
    }
  }

  override _destroy(err: Error | null, cb: (e?: Error | null) => void): void {
    const done = (): void => cb(err);
    // Closing the descriptor under a read in flight could let that read hit a reused descriptor.
    if (this.#busy) this.#closeWhenIdle = done;
    else this.#close(done);
  }

  #close(done: () => void): void {
    const fd = this.#fd;
    this.#fd = undefined;
    if (fd === undefined) return done();
    fs.close(fd, () => done());
  }
}
