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
