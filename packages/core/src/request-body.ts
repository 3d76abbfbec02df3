import { Readable } from "node:stream";

/** A body that can be sent once. */
export type StreamBody = NodeJS.ReadableStream | ReadableStream<Uint8Array> | AsyncIterable<Uint8Array>;

/**
 * A request body. Replayable (retried, re-sent after re-authentication): `string`, `Uint8Array`
 * (Buffer), a JSON value, or a factory `() => stream` that returns a fresh stream per attempt.
 * One-shot: a Node Readable, a web ReadableStream or an async iterable — never re-sent, so a
 * failure is reported with `attempts: 1`.
 */
export type RequestBody = string | Uint8Array | StreamBody | (() => StreamBody | string | Uint8Array) | object;

type Sendable = string | Uint8Array | Readable;

export interface PreparedBody {
  readonly replayable: boolean;
  readonly contentType?: string;
  /** The body for the next attempt (fresh stream for factories). */
  next(): Sendable | undefined;
}

function isNodeReadable(v: unknown): v is NodeJS.ReadableStream {
  return v !== null && typeof v === "object" && typeof (v as { pipe?: unknown }).pipe === "function" && typeof (v as { on?: unknown }).on === "function";
}

function isWebStream(v: unknown): v is ReadableStream<Uint8Array> {
  return v !== null && typeof v === "object" && typeof (v as { getReader?: unknown }).getReader === "function";
}

function isAsyncIterable(v: unknown): v is AsyncIterable<Uint8Array> {
  return v !== null && typeof v === "object" && typeof (v as Record<symbol, unknown>)[Symbol.asyncIterator] === "function";
}

/** Whether a body can be sent again (retries, replay after a 401). */
export function isReplayableBody(body: unknown): boolean {
  return !(isNodeReadable(body) || isWebStream(body) || isAsyncIterable(body));
}

function toSendable(v: StreamBody | string | Uint8Array): Sendable {
  if (typeof v === "string" || v instanceof Uint8Array) return v;
  if (v instanceof Readable) return v;
  if (isWebStream(v)) return Readable.fromWeb(v as import("node:stream/web").ReadableStream<Uint8Array>);
  if (isNodeReadable(v)) return new Readable({ read() {} }).wrap(v);
  // Readable.from pulls the iterator lazily, chunk by chunk, as the socket drains.
  return Readable.from(v as AsyncIterable<Uint8Array>, { objectMode: false });
}

/** A body that is the same bytes every attempt (or none): one object, no closure per call. */
class FixedBody implements PreparedBody {
  readonly replayable = true;
  readonly contentType?: string;
  readonly #value: string | Uint8Array | undefined;

  constructor(value: string | Uint8Array | undefined, contentType?: string) {
    this.#value = value;
    if (contentType !== undefined) this.contentType = contentType;
  }

  next(): Sendable | undefined {
    return this.#value;
  }
}

// Most calls (HEAD, GET, DELETE) send nothing: they share one prepared body.
const NO_BODY = new FixedBody(undefined);

export function prepareBody(body: unknown, json: unknown): PreparedBody {
  if (json !== undefined) return new FixedBody(JSON.stringify(json), "application/json");
  if (body === undefined || body === null) return NO_BODY;
  if (typeof body === "string" || body instanceof Uint8Array) return new FixedBody(body);
  if (typeof body === "function") {
    const factory = body as () => StreamBody | string | Uint8Array;
    return { replayable: true, next: () => toSendable(factory()) };
  }
  if (isNodeReadable(body) || isWebStream(body) || isAsyncIterable(body)) {
    let used = false;
    return {
      replayable: false,
      next: () => {
        if (used) throw new Error("one-shot request body already sent");
        used = true;
        return toSendable(body);
      },
    };
  }
  if (body instanceof ArrayBuffer) return new FixedBody(new Uint8Array(body));
  return new FixedBody(JSON.stringify(body), "application/json");
}
