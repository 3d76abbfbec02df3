import { lazy } from "@rax/core";
import { Readable } from "node:stream";
import type { RaxResponse } from "@rax/core";
import * as z from "zod/mini";
import { countHeader } from "../count-headers";
import { abortSignal, parseOptions, positiveInt } from "../options";
import { objectNotFound } from "../not-found";
import { objectPath } from "../names";
import { type ObjectInfo, objectInfoFrom } from "./models";
import { OK } from "../success-status";
import { storage, type SwiftClient } from "../swift-client";

const nonNegativeInt = (message = "must be a non-negative integer") =>
  z.number(message).check(z.int(message), z.gte(0, message), z.lte(Number.MAX_SAFE_INTEGER, message));

/** How an object's content is read: the one declaration its type and its checks come from. */
export const fetchObjectOptionsSchema = lazy(() =>
  z
    .strictObject({
      /** Also return the object's metadata (from the same GET; no extra HEAD). */
      includeMeta: z.optional(z.boolean("must be a boolean")),
      /** Return an async iterator of chunks of this many bytes (the last may be shorter). */
      chunkSize: z.optional(positiveInt()),
      /** Byte range, inclusive: `{ start, end? }`, or the last `suffix` bytes. */
      range: z.optional(
        z.union(
          [
            z.strictObject({ suffix: positiveInt() }),
            z
              .strictObject({ start: nonNegativeInt(), end: z.optional(nonNegativeInt("must be an integer ≥ start")) })
              .check(z.refine((r) => r.end === undefined || r.end >= r.start, { message: "must be an integer ≥ start", path: ["end"] })),
          ],
          "must be { start, end? } or { suffix }",
        ),
      ),
      /** First byte to read (with `size`: pyrax's partial read, without its off-by-one). */
      offset: z.optional(nonNegativeInt()),
      /** Number of bytes to read. */
      size: z.optional(positiveInt()),
      signal: z.optional(abortSignal()),
    })
    .check(
      z.refine((o) => o.range === undefined || (o.offset === undefined && o.size === undefined), {
        message: "cannot be combined with offset/size",
        path: ["range"],
      }),
    ),
);

export type FetchObjectOptions = z.input<ReturnType<typeof fetchObjectOptionsSchema>>;

export function fetchOptions(o: unknown, field = "options"): FetchObjectOptions {
  return o === undefined ? {} : parseOptions(fetchObjectOptionsSchema(), o, field);
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

/** GET the object (a `Range` from the options): its response, what it tells, and the body of the bytes asked for. */
export async function openObject(client: SwiftClient, container: string, name: string, o: FetchObjectOptions): Promise<ObjectGet> {
  const range = rangeHeader(o);
  let res: RaxResponse;
  try {
    res = await storage(client, { method: "GET", ok: range ? OK.getRange : OK.getObject, path: objectPath(container, name), headers: { range }, signal: o.signal });
  } catch (e) {
    throw await objectNotFound(client, e, container, name, o.signal);
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
