import { ValidationError } from "@rax/core";
import { extraHeaders, headerValue, type MetadataInput, metaHeaders } from "../metadata-headers";

export interface StoreObjectOptions {
  contentType?: string;
  contentEncoding?: string;
  /** Seconds until Swift deletes the object (`X-Delete-After`; pyrax's `ttl`). */
  ttl?: number;
  /** Absolute expiry (`X-Delete-At`): a Date or UNIX epoch seconds. */
  deleteAt?: Date | number;
  /**
   * MD5 hex of the content. Sent as `ETag`; the server refuses a mismatch (→ `UploadFailed`).
   * Without it the client computes the MD5 while streaming and checks the server's ETag.
   */
  etag?: string;
  metadata?: MetadataInput;
  /** Extra request headers (e.g. `Content-Disposition`, `Cache-Control`). */
  headers?: Record<string, string>;
  /** Read size in bytes for file and stream sources. */
  chunkSize?: number;
  /** Length of a stream source, when known: sent as Content-Length and used to choose segmenting. */
  size?: number;
  /** Bodies over this many bytes are uploaded as segments + a manifest. Default: the client's. */
  segmentSize?: number;
  /** Parallel segment uploads (default: the client's, 4). */
  segmentConcurrency?: number;
  /** Force a segmented upload (needed for streams of unknown length over `segmentSize`). */
  largeObject?: boolean;
  /** Static (default) or dynamic large object manifest. */
  manifest?: "slo" | "dlo";
  /** Where segments go. Default `<container>_segments`. */
  segmentContainer?: string;
  /** Segment names are `<name>/<uploadId>/<00000000>`; default a timestamp. */
  uploadId?: string;
  /** Skip segments already stored under `uploadId` with the right size and MD5. */
  resume?: boolean;
  /** Called with the bytes sent so far for this object (can go back after a retried attempt). */
  onProgress?: (bytesSent: number) => void;
  signal?: AbortSignal;
}

const KEYS = new Set([
  "contentType", "contentEncoding", "ttl", "deleteAt", "etag", "metadata", "headers", "chunkSize", "size",
  "segmentSize", "segmentConcurrency", "largeObject", "manifest", "segmentContainer", "uploadId", "resume", "onProgress", "signal",
]);

const posInt = (v: unknown) => Number.isSafeInteger(v) && (v as number) > 0;

export function checkStoreOptions(o: unknown, field = "options", extra: ReadonlySet<string> = new Set()): StoreObjectOptions {
  if (o === undefined) return {};
  if (o === null || typeof o !== "object") throw new ValidationError(field, "must be an object");
  const opts = o as Record<string, unknown>;
  for (const k of Object.keys(opts)) if (!KEYS.has(k) && !extra.has(k)) throw new ValidationError(`${field}.${k}`, "unknown option");
  for (const k of ["contentType", "contentEncoding"] as const)
    if (opts[k] !== undefined) headerValue(opts[k], `${field}.${k}`);
  if (opts.ttl !== undefined && !posInt(opts.ttl)) throw new ValidationError(`${field}.ttl`, "must be a positive integer (seconds)");
  if (opts.deleteAt !== undefined) {
    const d = opts.deleteAt;
    const ok = (d instanceof Date && !Number.isNaN(d.getTime())) || posInt(d);
    if (!ok) throw new ValidationError(`${field}.deleteAt`, "must be a Date or UNIX epoch seconds");
  }
  if (opts.etag !== undefined && (typeof opts.etag !== "string" || !/^[0-9a-fA-F]{32}$/.test(opts.etag)))
    throw new ValidationError(`${field}.etag`, "must be an MD5 hex digest (32 hex characters)");
  if (opts.metadata !== undefined) metaHeaders("Object", opts.metadata, `${field}.metadata`);
  if (opts.headers !== undefined) extraHeaders(opts.headers, `${field}.headers`);
  for (const k of ["chunkSize", "segmentSize", "segmentConcurrency"] as const)
    if (opts[k] !== undefined && !posInt(opts[k])) throw new ValidationError(`${field}.${k}`, "must be a positive integer");
  if (opts.size !== undefined && !(Number.isSafeInteger(opts.size) && (opts.size as number) >= 0))
    throw new ValidationError(`${field}.size`, "must be a non-negative integer");
  for (const k of ["largeObject", "resume"] as const)
    if (opts[k] !== undefined && typeof opts[k] !== "boolean") throw new ValidationError(`${field}.${k}`, "must be a boolean");
  if (opts.manifest !== undefined && opts.manifest !== "slo" && opts.manifest !== "dlo")
    throw new ValidationError(`${field}.manifest`, 'must be "slo" or "dlo"');
  if (opts.segmentContainer !== undefined && (typeof opts.segmentContainer !== "string" || !opts.segmentContainer || opts.segmentContainer.includes("/")))
    throw new ValidationError(`${field}.segmentContainer`, "must be a container name");
  if (opts.uploadId !== undefined && (typeof opts.uploadId !== "string" || !/^[A-Za-z0-9._-]+$/.test(opts.uploadId)))
    throw new ValidationError(`${field}.uploadId`, "must be letters, digits, '.', '_' or '-'");
  if (opts.resume && opts.uploadId === undefined) throw new ValidationError(`${field}.uploadId`, "is required with resume: true");
  if (opts.onProgress !== undefined && typeof opts.onProgress !== "function")
    throw new ValidationError(`${field}.onProgress`, "must be a function");
  return opts as StoreObjectOptions;
}

/** Headers every object write carries, from the options. */
export function objectWriteHeaders(o: StoreObjectOptions): Record<string, string> {
  const h: Record<string, string> = { ...extraHeaders(o.headers) };
  if (o.contentType !== undefined) h["content-type"] = headerValue(o.contentType, "options.contentType");
  if (o.contentEncoding !== undefined) h["content-encoding"] = headerValue(o.contentEncoding, "options.contentEncoding");
  if (o.ttl !== undefined) h["x-delete-after"] = String(o.ttl);
  if (o.deleteAt !== undefined)
    h["x-delete-at"] = String(o.deleteAt instanceof Date ? Math.floor(o.deleteAt.getTime() / 1000) : o.deleteAt);
  if (o.metadata !== undefined) Object.assign(h, metaHeaders("Object", o.metadata));
  return h;
}
