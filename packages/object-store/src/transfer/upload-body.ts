import { Readable } from "node:stream";

/** Sees every chunk before it is sent (MD5, byte count, size bound); throwing fails the upload. */
export type ChunkCheck = (chunk: Uint8Array) => void;

function asChunk(chunk: unknown): Uint8Array {
  if (chunk instanceof Uint8Array) return chunk;
  // Streams with an encoding set emit strings.
  if (typeof chunk === "string") return Buffer.from(chunk, "utf8");
  throw new TypeError("stream chunks must be bytes or strings");
}

/**
 * The request body for a Node Readable: its chunks forwarded as they are emitted, one layer, no
 * Transform. Iterating a byte Readable with `for await` would instead `read()` whatever is
 * buffered, joining chunks into a fresh copy; `data` events hand over each chunk untouched.
 * Backpressure: the source pauses while the body's buffer is full and resumes when undici reads.
 */
export function readableBody(source: NodeJS.ReadableStream, check: ChunkCheck): Readable {
  let ended = false;
  const out = new Readable({
    read() {
      source.resume();
    },
    destroy(err, cb) {
      source.removeListener("data", onData);
      // The request gave up on the body (error, abort): release the source, as `for await` would.
      if (!ended) (source as Partial<Readable>).destroy?.(err ?? undefined);
      cb(err);
    },
  });
  const onData = (raw: unknown) => {
    let chunk: Uint8Array;
    try {
      chunk = asChunk(raw);
      check(chunk);
    } catch (e) {
      out.destroy(e as Error);
      return;
    }
    if (!out.push(chunk)) source.pause();
  };
  source.on("data", onData);
  source.once("end", () => {
    ended = true;
    out.push(null);
  });
  source.once("error", (e: Error) => out.destroy(e));
  // A source destroyed without 'end' (premature close) must not leave the request hanging.
  source.once("close", () => {
    if (!ended) out.destroy(new Error("source stream closed before its end"));
  });
  source.pause();
  return out;
}

/** The request body for any async iterable of bytes: pulled one chunk per `read()`. */
export function iterableBody(source: AsyncIterable<unknown>, check: ChunkCheck): Readable {
  const it = source[Symbol.asyncIterator]();
  let done = false;
  return new Readable({
    read() {
      it.next().then(
        (r) => {
          if (r.done) {
            done = true;
            this.push(null);
            return;
          }
          let chunk: Uint8Array;
          try {
            chunk = asChunk(r.value);
            check(chunk);
          } catch (e) {
            this.destroy(e as Error);
            return;
          }
          this.push(chunk);
        },
        (e: unknown) => {
          done = true;
          this.destroy(e instanceof Error ? e : new Error(String(e)));
        },
      );
    },
    destroy(err, cb) {
      if (done || !it.return) return cb(err);
      it.return().then(
        () => cb(err),
        () => cb(err),
      );
    },
  });
}
