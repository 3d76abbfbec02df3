import { createHash, type Hash } from "node:crypto";
import { Readable } from "node:stream";
import { ValidationError } from "@rax/core";

/** What `storeObject` accepts as content. */
export type UploadData =
  | string
  | Uint8Array
  | NodeJS.ReadableStream
  | ReadableStream<Uint8Array>
  | AsyncIterable<Uint8Array>;

export type ClassifiedData =
  | { kind: "bytes"; bytes: Buffer }
  | {
      kind: "stream";
      source: AsyncIterable<Uint8Array>;
      /** The caller's Node Readable itself, when it is one: uploaded from its `data` events (see readableBody). */
      readable?: Readable;
    };

function isAsyncIterable(v: unknown): v is AsyncIterable<unknown> {
  return v !== null && typeof v === "object" && typeof (v as Record<symbol, unknown>)[Symbol.asyncIterator] === "function";
}
function isWebStream(v: unknown): v is ReadableStream<Uint8Array> {
  return v !== null && typeof v === "object" && typeof (v as { getReader?: unknown }).getReader === "function";
}

async function* webStreamChunks(s: ReadableStream<Uint8Array>): AsyncGenerator<Uint8Array> {
  const reader = s.getReader();
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return;
      yield value;
    }
  } finally {
    reader.releaseLock();
  }
}

// Streams with an encoding set yield strings; everything past this point deals in bytes.
async function* asBytes(source: AsyncIterable<unknown>): AsyncGenerator<Uint8Array> {
  for await (const chunk of source) {
    if (typeof chunk === "string") yield Buffer.from(chunk, "utf8");
    else if (chunk instanceof Uint8Array) yield chunk;
    else throw new TypeError("stream chunks must be bytes or strings");
  }
}

export function classifyData(data: unknown, field = "data"): ClassifiedData {
  if (typeof data === "string") return { kind: "bytes", bytes: Buffer.from(data, "utf8") };
  if (data instanceof Uint8Array) return { kind: "bytes", bytes: Buffer.from(data.buffer, data.byteOffset, data.byteLength) };
  if (isWebStream(data)) return { kind: "stream", source: asBytes(webStreamChunks(data)) };
  // asBytes only starts reading when iterated, so handing `readable` on as well is safe.
  if (data instanceof Readable) return { kind: "stream", source: asBytes(data), readable: data };
  if (isAsyncIterable(data)) return { kind: "stream", source: asBytes(data) };
  throw new ValidationError(field, "must be a string, Buffer/Uint8Array, Readable, ReadableStream or AsyncIterable of bytes");
}

/**
 * Running MD5 and byte count of what actually went over the wire. `md5: false` only counts: for
 * uploads whose MD5 the caller already gave as `etag` the server checks the bytes (422 on a
 * mismatch), and hashing them again here would cost a quarter of the upload's CPU.
 */
export class Tally {
  bytes = 0;
  readonly #md5: Hash | undefined;
  constructor(o: { md5?: boolean } = {}) {
    this.#md5 = o.md5 === false ? undefined : createHash("md5");
  }
  update(chunk: Uint8Array): void {
    this.#md5?.update(chunk);
    this.bytes += chunk.byteLength;
  }
  digest(): string {
    if (!this.#md5) throw new Error("Tally was created without md5");
    return this.#md5.digest("hex");
  }
}

export function md5Hex(bytes: Uint8Array | string): string {
  return createHash("md5").update(bytes).digest("hex");
}

/** Swift quotes the ETag of large objects; plain objects carry a bare MD5. */
export function unquoteEtag(etag: string | undefined): string | undefined {
  if (etag === undefined) return undefined;
  // Every PUT reads one: compared by character, not a regex (a header value holds no line break).
  const quoted = etag.length >= 2 && etag.charCodeAt(0) === 34 && etag.charCodeAt(etag.length - 1) === 34;
  return (quoted ? etag.slice(1, -1) : etag).toLowerCase();
}

export const isPlainMd5 = (etag: string | undefined): boolean => etag !== undefined && /^[0-9a-f]{32}$/i.test(etag);
