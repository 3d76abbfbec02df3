import { lazy, ValidationError } from "@rax/core";
import * as z from "zod/mini";
import { extraHeaders, headerValue, type MetadataInput, metaHeaders } from "../metadata-headers";
import { abortSignal, callback, parseOptions, positiveInt } from "../options";

/** How an object is stored: the one declaration its type and its checks come from. */
export const storeObjectOptionsSchema = lazy(() =>
  z
    .strictObject({
      contentType: z.optional(z.string("must be a string")),
      contentEncoding: z.optional(z.string("must be a string")),
      /** Seconds until Swift deletes the object (`X-Delete-After`; pyrax's `ttl`). */
      ttl: z.optional(positiveInt("must be a positive integer (seconds)")),
      /** Absolute expiry (`X-Delete-At`): a Date or UNIX epoch seconds. */
      deleteAt: z.optional(
        z.union([z.date("must be a Date or UNIX epoch seconds"), positiveInt("must be a Date or UNIX epoch seconds")], "must be a Date or UNIX epoch seconds"),
      ),
      /**
       * MD5 hex of the content. Sent as `ETag`; the server refuses a mismatch (→ `UploadFailed`).
       * Without it the client computes the MD5 while streaming and checks the server's ETag.
       */
      etag: z.optional(z.string().check(z.regex(/^[0-9a-fA-F]{32}$/, "must be an MD5 hex digest (32 hex characters)"))),
      metadata: z.optional(z.custom<MetadataInput>()),
      /** Extra request headers (e.g. `Content-Disposition`, `Cache-Control`). */
      headers: z.optional(z.custom<Record<string, string>>()),
      /** Read size in bytes for file and stream sources. */
      chunkSize: z.optional(positiveInt()),
      /** Length of a stream source, when known: sent as Content-Length and used to choose segmenting. */
      size: z.optional(z.number().check(z.int("must be a non-negative integer"), z.gte(0, "must be a non-negative integer"), z.lte(Number.MAX_SAFE_INTEGER))),
      /** Bodies over this many bytes are uploaded as segments + a manifest. Default: the client's. */
      segmentSize: z.optional(positiveInt()),
      /** Parallel segment uploads (default: the client's, 4). */
      segmentConcurrency: z.optional(positiveInt()),
      /** Force a segmented upload (needed for streams of unknown length over `segmentSize`). */
      largeObject: z.optional(z.boolean("must be a boolean")),
      /** Static (default) or dynamic large object manifest. */
      manifest: z.optional(z.enum(["slo", "dlo"], 'must be "slo" or "dlo"')),
      /** Where segments go. Default `<container>_segments`. */
      segmentContainer: z.optional(z.string().check(z.minLength(1, "must be a container name"), z.regex(/^[^/]*$/, "must be a container name"))),
      /** Segment names are `<name>/<uploadId>/<00000000>`; default a timestamp. */
      uploadId: z.optional(z.string().check(z.regex(/^[A-Za-z0-9._-]+$/, "must be letters, digits, '.', '_' or '-'"))),
      /** Skip segments already stored under `uploadId` with the right size and MD5. */
      resume: z.optional(z.boolean("must be a boolean")),
      /** Called with the bytes sent so far for this object (can go back after a retried attempt). */
      onProgress: z.optional(callback<(bytesSent: number) => void>()),
      signal: z.optional(abortSignal()),
    })
    .check(
      z.refine((o) => !o.resume || o.uploadId !== undefined, { message: "is required with resume: true", path: ["uploadId"] }),
      // Swift lets X-Delete-After silently replace X-Delete-At: one of the two would be ignored.
      z.refine((o) => o.ttl === undefined || o.deleteAt === undefined, { message: "cannot be combined with ttl (Swift would ignore it)", path: ["deleteAt"] }),
    ),
);

export type StoreObjectOptions = z.input<ReturnType<typeof storeObjectOptionsSchema>>;

/** `uploadFile` also takes the object's name. */
export const uploadFileOptionsSchema = lazy(() =>
  z.safeExtend(storeObjectOptionsSchema(), { objName: z.optional(z.string("must be a string")) }),
);
export type UploadFileOptions = z.input<ReturnType<typeof uploadFileOptionsSchema>>;

/**
 * The options checked, with the headers every write of the object carries: metadata and extra
 * headers are checked here too (Swift's limits, header syntax), so a bad one fails before any request.
 */
export function storeOptions<S extends ReturnType<typeof storeObjectOptionsSchema> | ReturnType<typeof uploadFileOptionsSchema>>(
  schema: S,
  o: unknown,
  field = "options",
): { options: z.output<S>; headers: Record<string, string> } {
  const options = (o === undefined ? {} : ((schema === storeObjectOptionsSchema() && simpleStoreOptions(o)) || parseOptions(schema, o, field))) as z.output<S>;
  return { options, headers: objectWriteHeaders(options as StoreObjectOptions, field) };
}

const MD5_HEX = /^[0-9a-fA-F]{32}$/;
const isString = (v: unknown): boolean => typeof v === "string";
const isPositiveInt = (v: unknown): boolean => Number.isSafeInteger(v) && (v as number) > 0;

/**
 * Each option of `storeObjectOptionsSchema` with the check its schema makes, or `undefined` for
 * the ones only the schema checks (unions, enums, patterns with their own wording, and the two
 * that take part in its refinements: `resume` and `deleteAt`).
 */
const SIMPLE_CHECKS: Record<keyof StoreObjectOptions, ((v: unknown) => boolean) | undefined> = {
  contentType: isString,
  contentEncoding: isString,
  ttl: isPositiveInt,
  deleteAt: undefined,
  etag: (v) => typeof v === "string" && MD5_HEX.test(v),
  // z.custom without a check: metaHeaders / extraHeaders check these in objectWriteHeaders.
  metadata: () => true,
  headers: () => true,
  chunkSize: isPositiveInt,
  size: (v) => Number.isSafeInteger(v) && (v as number) >= 0,
  segmentSize: isPositiveInt,
  segmentConcurrency: isPositiveInt,
  largeObject: (v) => typeof v === "boolean",
  manifest: undefined,
  segmentContainer: undefined,
  uploadId: undefined,
  resume: undefined,
  onProgress: (v) => typeof v === "function",
  signal: (v) => v instanceof AbortSignal,
};
const SIMPLE_KEYS = Object.keys(SIMPLE_CHECKS) as (keyof StoreObjectOptions)[];

/**
 * What `storeObjectOptionsSchema` would make of `o`, without running zod (the per-call cost of a
 * warm serverless store), when `o` is a plain object whose options all pass the same checks the
 * schema makes; `undefined` for anything else, which goes through the schema and gets its error.
 * Keys are read as zod reads them: every option by property access, unknown keys by `for…in`.
 */
function simpleStoreOptions(o: unknown): StoreObjectOptions | undefined {
  if (o === null || typeof o !== "object") return undefined;
  const proto = Object.getPrototypeOf(o);
  if (proto !== Object.prototype && proto !== null) return undefined;
  for (const k in o) if (!Object.hasOwn(SIMPLE_CHECKS, k)) return undefined;
  const input = o as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  for (const k of SIMPLE_KEYS) {
    const v = input[k];
    if (v !== undefined) {
      const check = SIMPLE_CHECKS[k];
      if (check === undefined || !check(v)) return undefined;
    }
    if (k in input) out[k] = v;
  }
  return out as StoreObjectOptions;
}

function objectWriteHeaders(o: StoreObjectOptions, field: string): Record<string, string> {
  const h: Record<string, string> = { ...extraHeaders(o.headers, `${field}.headers`) };
  checkExpiryHeaders(o.headers, `${field}.headers`);
  if (o.contentType !== undefined) h["content-type"] = headerValue(o.contentType, `${field}.contentType`);
  if (o.contentEncoding !== undefined) h["content-encoding"] = headerValue(o.contentEncoding, `${field}.contentEncoding`);
  if (o.ttl !== undefined) h["x-delete-after"] = String(o.ttl);
  if (o.deleteAt !== undefined)
    h["x-delete-at"] = String(o.deleteAt instanceof Date ? Math.floor(o.deleteAt.getTime() / 1000) : o.deleteAt);
  if (o.metadata !== undefined) Object.assign(h, metaHeaders("Object", o.metadata, `${field}.metadata`));
  return h;
}

/**
 * `X-Delete-After` / `X-Delete-At` given as raw headers: a whole number of seconds, as the `ttl` and
 * `deleteAt` options are. A segmented upload turns X-Delete-After into one X-Delete-At for every
 * segment (large-object.ts) and a stored object reports it as `deleteAt`: "soon" would become NaN there.
 */
function checkExpiryHeaders(headers: unknown, field: string): void {
  if (headers === undefined) return;
  for (const [k, v] of Object.entries(headers as Record<string, unknown>)) {
    const name = k.toLowerCase();
    // extraHeaders has checked the value is a string, number or boolean.
    if ((name === "x-delete-after" || name === "x-delete-at") && !/^\d{1,16}$/.test(String(v).trim()))
      throw new ValidationError(`${field}.${k}`, "must be a whole number of seconds");
  }
}
