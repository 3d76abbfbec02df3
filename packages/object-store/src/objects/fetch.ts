import { Readable } from "node:stream";
import { type RaxResponse, ValidationError } from "@rax/core";
import { countHeader } from "../count-headers";
import { objectNotFound } from "../not-found";
import { objectPath } from "../names";
import { type ObjectInfo, objectInfoFrom } from "./models";
import { OK } from "../success-status";
import { storage, type SwiftClient } from "../swift-client";

export interface FetchObjectOptions {
  /** Also return the object's metadata (from the same GET; no extra HEAD). */
  includeMeta?: boolean;
  /** Return an async iterator of chunks of this many bytes (the last may be shorter). */
  chunkSize?: number;
  /** Byte range, inclusive: `{ start, end? }`, or the last `suffix` bytes. */
  range?: { start: number; end?: number } | { suffix: number };
  /** First byte to read (with `size`: pyrax's partial read, without its off-by-one). */
  offset?: number;
  /** Number of bytes to read. */
  size?: number;
  signal?: AbortSignal;
}

const KEYS = new Set(["includeMeta", "chunkSize", "range", "offset", "size", "signal"]);
const nonNegInt = (v: unknown) => Number.isSafeInteger(v) && (v as number) >= 0;

export function checkFetchOptions(o: unknown, field = "options"): FetchObjectOptions {
  if (o === undefined) return {};
  if (o === null || typeof o !== "object") throw new ValidationError(field, "must be an object");
  const opts = o as Record<string, unknown>;
  for (const k of Object.keys(opts)) if (!KEYS.has(k)) throw new ValidationError(`${field}.${k}`, "unknown option");
  if (opts.includeMeta !== undefined && typeof opts.includeMeta !== "boolean") throw new ValidationError(`${field}.includeMeta`, "must be a boolean");
  if (opts.chunkSize !== undefined && !(nonNegInt(opts.chunkSize) && (opts.chunkSize as number) > 0))
    throw new ValidationError(`${field}.chunkSize`, "must be a positive integer");
  if (opts.offset !== undefined && !nonNegInt(opts.offset)) throw new ValidationError(`${field}.offset`, "must be a non-negative integer");
  if (opts.size !== undefined && !(nonNegInt(opts.size) && (opts.size as number) > 0)) throw new ValidationError(`${field}.size`, "must be a positive integer");
  if (opts.range !== undefined) {
    if ((opts.offset ?? opts.size) !== undefined) throw new ValidationError(`${field}.range`, "cannot be combined with offset/size");
    const r = opts.range as Record<string, unknown>;
    if (r === null || typeof r !== "object") throw new ValidationError(`${field}.range`, "must be { start, end? } or { suffix }");
    if ("suffix" in r) {
      if (!(nonNegInt(r.suffix) && (r.suffix as number) > 0)) throw new ValidationError(`${field}.range.suffix`, "must be a positive integer");
    } else {
      if (!nonNegInt(r.start)) throw new ValidationError(`${field}.range.start`, "must be a non-negative integer");
      if (r.end !== undefined && !(nonNegInt(r.end) && (r.end as number) >= (r.start as number)))
        throw new ValidationError(`${field}.range.end`, "must be an integer ≥ start");
    }
  }
  return opts as FetchObjectOptions;
}

/** The `Range` header for the options, or undefined for the whole object. */
export function rangeHeader(o: FetchObjectOptions): string | undefined {
  if (o.range) {
    if ("suffix" in o.range) return `bytes=-${o.range.suffix}`;
    return `bytes=${o.range.start}-${o.range.end ?? ""}`;
  }
  if (o.offset === undefined && o.size === undefined) return undefined;
  const start = o.offset ?? 0;
  return `bytes=${start}-${o.size === undefined ? "" : start + o.size - 1}`;
}

/** The GET's response, what it tells about the object, and the body holding exactly the bytes asked for. */
export interface ObjectGet {
  res: RaxResponse;
  info: ObjectInfo;
  body: Readable;
}

export async function fetchObject(client: SwiftClient, container: string, name: string, o: FetchObjectOptions): Promise<ObjectGet> {
  const range = rangeHeader(o);
  let res: RaxResponse;
  try {
    res = await storage(client, { method: "GET", ok: range ? OK.getRange : OK.getObject, path: objectPath(container, name), headers: { range }, signal: o.signal });
  } catch (e) {
    throw await objectNotFound(client, e, container, name);
  }
  const info = objectInfoFrom(container, name, res);
  if (range === undefined || res.status === 206) return { res, info, body: res.body };
  return { res, info, body: rangeOfWhole(res, o) };
}

/**
 * A server that ignores `Range` answers 200 with the whole object: pass on only the bytes asked
 * for, and stop reading (closing the connection) once they are through, so a 10-byte read of a
 * 5 GiB object neither buffers nor downloads it.
 */
function rangeOfWhole(res: RaxResponse, o: FetchObjectOptions): Readable {
  let start: number;
  let end: number | undefined;
  if (o.range && "suffix" in o.range) {
    const total = countHeader(res, "content-length");
    start = Math.max(0, total - o.range.suffix);
  } else if (o.range) {
    start = o.range.start;
    end = o.range.end === undefined ? undefined : o.range.end + 1;
  } else {
    start = o.offset ?? 0;
    end = o.size === undefined ? undefined : start + o.size;
  }
  return Readable.from(sliceStream(res.body, start, end), { objectMode: false });
}

async function* sliceStream(source: AsyncIterable<Uint8Array>, start: number, end: number | undefined): AsyncGenerator<Uint8Array> {
  let pos = 0;
  for await (const chunk of source) {
    const from = pos;
    pos += chunk.byteLength;
    if (pos <= start) continue;
    const a = Math.max(0, start - from);
    const b = end === undefined ? chunk.byteLength : Math.min(chunk.byteLength, end - from);
    if (b > a) yield chunk.subarray(a, b);
    // Leaving the loop destroys the source: the rest of the object is never read.
    if (end !== undefined && pos >= end) return;
  }
}

/** Re-cut a byte stream into chunks of exactly `size` bytes (the last may be shorter). */
export async function* rechunk(source: AsyncIterable<Uint8Array>, size: number): AsyncGenerator<Buffer> {
  let parts: Buffer[] = [];
  let held = 0;
  for await (const raw of source) {
    let chunk = Buffer.isBuffer(raw) ? raw : Buffer.from(raw);
    while (chunk.length > 0) {
      const take = Math.min(size - held, chunk.length);
      parts.push(chunk.subarray(0, take));
      held += take;
      chunk = chunk.subarray(take);
      if (held === size) {
        yield parts.length === 1 ? (parts[0] as Buffer) : Buffer.concat(parts);
        parts = [];
        held = 0;
      }
    }
  }
  if (held > 0) yield Buffer.concat(parts);
}

/** A (short, ranged) stream read into one Buffer. */
export async function readAll(source: AsyncIterable<Uint8Array>): Promise<Buffer> {
  const parts: Uint8Array[] = [];
  for await (const chunk of source) parts.push(chunk);
  return Buffer.concat(parts);
}
