import { lazy } from "@rax/core";
import type { Job } from "@rax/core";
import * as z from "zod/mini";
import { countHeader, type ResponseRef } from "../count-headers";
import { fromWire, type Metadata, metadataFrom } from "../metadata-headers";
import { unquoteEtag } from "../transfer/upload-data";

/** What a HEAD (or GET) of an object tells about it. */
export interface ObjectInfo {
  name: string;
  containerName: string;
  bytes: number;
  contentType?: string;
  contentEncoding?: string;
  /** Lower-case, quotes removed. For large objects this is not the content's MD5. */
  etag?: string;
  lastModified?: string;
  /** Expiry as a UNIX epoch (seconds), when set. */
  deleteAt?: number;
  metadata: Metadata;
  /** Static (`slo`) or dynamic (`dlo`) large object manifest. */
  largeObject?: "slo" | "dlo";
  /** Raw response headers, lower-case. */
  headers: Record<string, string>;
}

export function objectInfoFrom(containerName: string, name: string, res: ResponseRef): ObjectInfo {
  const headers = res.headers;
  const slo = (headers["x-static-large-object"] ?? "").toLowerCase() === "true";
  const dlo = headers["x-object-manifest"] !== undefined;
  const deleteAt = headers["x-delete-at"];
  return {
    name,
    containerName,
    bytes: countHeader(res, "content-length"),
    contentType: headers["content-type"] === undefined ? undefined : fromWire(headers["content-type"]),
    contentEncoding: headers["content-encoding"],
    etag: unquoteEtag(headers.etag),
    lastModified: headers["last-modified"],
    deleteAt: deleteAt === undefined ? undefined : countHeader(res, "x-delete-at"),
    metadata: metadataFrom("Object", headers),
    largeObject: slo ? "slo" : dlo ? "dlo" : undefined,
    headers,
  };
}

// An object POST replaces every one of these (Swift's allowed user headers + expiry); re-send
// them, or a metadata update silently drops the content type, the expiry or a DLO's manifest.
const KEPT_ON_POST = [
  "content-type",
  "content-encoding",
  "content-disposition",
  "content-language",
  "cache-control",
  "expires",
  "x-robots-tag",
  "x-object-manifest",
  "x-delete-at",
];

export function headersKeptOnPost(info: ObjectInfo): Record<string, string> {
  const out: Record<string, string> = {};
  for (const h of KEPT_ON_POST) {
    const v = info.headers[h];
    if (v !== undefined) out[h] = v;
  }
  return out;
}

/** pyrax's bulk-delete result dictionary, summed over every batch. */
export interface BulkDeleteResult {
  deleted: number;
  notFound: number;
  /** "200 OK", or the first non-200 batch status. */
  status: string;
  /** `[path, status]` pairs from the server, plus `[body, status]` for a failed batch without details. */
  errors: [string, string][];
}

/** A bulk delete's progress: names sent so far (of `total`) and the counts so far. */
export interface BulkDeleteProgress {
  done: number;
  total: number;
  deleted: number;
  notFound: number;
}

/**
 * A bulk delete running in the background (pyrax's `async=True`): core's `Job` (`await job`,
 * `status`, `on("progress")`, `abort()` between batches) plus pyrax's `completed` / `results`.
 */
export interface BulkDeleteJob extends Job<BulkDeleteResult, BulkDeleteProgress> {
  /** pyrax's flag: true once the job settled (succeeded, failed or aborted). */
  readonly completed: boolean;
  /** pyrax's name for `result`: set once the deletion succeeded. */
  readonly results: BulkDeleteResult | undefined;
  /** The job as a Promise (`await job` does the same). */
  readonly done: Promise<BulkDeleteResult>;
}

export const bulkDeleteOptionsSchema = lazy(() =>
  z.strictObject({
    /** Return a `BulkDeleteJob` at once instead of a Promise. */
    async: z.optional(z.boolean("must be a boolean")),
    /** Names per request (default: the client's, Swift's 10 000). */
    batchSize: z.optional(z.number("must be a positive integer").check(z.int("must be a positive integer"), z.positive("must be a positive integer"))),
    signal: z.optional(z.instanceof(AbortSignal, { message: "must be an AbortSignal" })),
  }),
);
export type BulkDeleteOptions = z.input<ReturnType<typeof bulkDeleteOptionsSchema>>;

// Swift's bulk middleware answer. An object that carries neither the status nor the count is not
// one (a JSON array, `{}`, an unrelated error document): taking it as "0 deleted" would hide a failure.
export const swiftBulkBody = lazy(() =>
  z
    .looseObject({
      "Number Deleted": z.optional(z.number()),
      "Number Not Found": z.optional(z.number()),
      "Response Status": z.optional(z.string()),
      "Response Body": z.optional(z.string()),
      Errors: z.optional(z.array(z.array(z.unknown()))),
    })
    .check(
      z.refine((b) => b["Response Status"] !== undefined || b["Number Deleted"] !== undefined, {
        message: 'neither "Response Status" nor "Number Deleted" is present',
      }),
    ),
);
