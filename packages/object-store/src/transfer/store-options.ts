import { lazy } from "@rax/core";
import * as z from "zod";
import { extraHeaders, headerValue, type MetadataInput, metaHeaders } from "../metadata-headers";
import { abortSignal, callback, parseOptions, positiveInt } from "../options";

/** How an object is stored: the one declaration its type and its checks come from. */
export const storeObjectOptionsSchema = lazy(() =>
  z
    .strictObject({
      contentType: z.string("must be a string").optional(),
      contentEncoding: z.string("must be a string").optional(),
      /** Seconds until Swift deletes the object (`X-Delete-After`; pyrax's `ttl`). */
      ttl: positiveInt("must be a positive integer (seconds)").optional(),
      /** Absolute expiry (`X-Delete-At`): a Date or UNIX epoch seconds. */
      deleteAt: z
        .union([z.date("must be a Date or UNIX epoch seconds"), positiveInt("must be a Date or UNIX epoch seconds")], "must be a Date or UNIX epoch seconds")
        .optional(),
      /**
       * MD5 hex of the content. Sent as `ETag`; the server refuses a mismatch (→ `UploadFailed`).
       * Without it the client computes the MD5 while streaming and checks the server's ETag.
       */
      etag: z.string().regex(/^[0-9a-fA-F]{32}$/, "must be an MD5 hex digest (32 hex characters)").optional(),
      metadata: z.custom<MetadataInput>().optional(),
      /** Extra request headers (e.g. `Content-Disposition`, `Cache-Control`). */
      headers: z.custom<Record<string, string>>().optional(),
      /** Read size in bytes for file and stream sources. */
      chunkSize: positiveInt().optional(),
      /** Length of a stream source, when known: sent as Content-Length and used to choose segmenting. */
      size: z.number().int("must be a non-negative integer").min(0, "must be a non-negative integer").max(Number.MAX_SAFE_INTEGER).optional(),
      /** Bodies over this many bytes are uploaded as segments + a manifest. Default: the client's. */
      segmentSize: positiveInt().optional(),
      /** Parallel segment uploads (default: the client's, 4). */
      segmentConcurrency: positiveInt().optional(),
      /** Force a segmented upload (needed for streams of unknown length over `segmentSize`). */
      largeObject: z.boolean("must be a boolean").optional(),
      /** Static (default) or dynamic large object manifest. */
      manifest: z.enum(["slo", "dlo"], 'must be "slo" or "dlo"').optional(),
      /** Where segments go. Default `<container>_segments`. */
      segmentContainer: z.string().min(1, "must be a container name").regex(/^[^/]*$/, "must be a container name").optional(),
      /** Segment names are `<name>/<uploadId>/<00000000>`; default a timestamp. */
      uploadId: z.string().regex(/^[A-Za-z0-9._-]+$/, "must be letters, digits, '.', '_' or '-'").optional(),
      /** Skip segments already stored under `uploadId` with the right size and MD5. */
      resume: z.boolean("must be a boolean").optional(),
      /** Called with the bytes sent so far for this object (can go back after a retried attempt). */
      onProgress: callback<(bytesSent: number) => void>().optional(),
      signal: abortSignal().optional(),
    })
    .refine((o) => !o.resume || o.uploadId !== undefined, { message: "is required with resume: true", path: ["uploadId"] }),
);

export type StoreObjectOptions = z.input<ReturnType<typeof storeObjectOptionsSchema>>;

/** `uploadFile` also takes the object's name. */
export const uploadFileOptionsSchema = lazy(() =>
  storeObjectOptionsSchema().safeExtend({ objName: z.string("must be a string").optional() }),
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
  const options = (o === undefined ? {} : parseOptions(schema, o, field)) as z.output<S>;
  return { options, headers: objectWriteHeaders(options as StoreObjectOptions, field) };
}

function objectWriteHeaders(o: StoreObjectOptions, field: string): Record<string, string> {
  const h: Record<string, string> = { ...extraHeaders(o.headers, `${field}.headers`) };
  if (o.contentType !== undefined) h["content-type"] = headerValue(o.contentType, `${field}.contentType`);
  if (o.contentEncoding !== undefined) h["content-encoding"] = headerValue(o.contentEncoding, `${field}.contentEncoding`);
  if (o.ttl !== undefined) h["x-delete-after"] = String(o.ttl);
  if (o.deleteAt !== undefined)
    h["x-delete-at"] = String(o.deleteAt instanceof Date ? Math.floor(o.deleteAt.getTime() / 1000) : o.deleteAt);
  if (o.metadata !== undefined) Object.assign(h, metaHeaders("Object", o.metadata, `${field}.metadata`));
  return h;
}
