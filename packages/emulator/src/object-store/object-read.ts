import { createHash, randomBytes } from "node:crypto";
import { emptyResponse, textResponse } from "../respond";
import { deniedIn } from "./access";
import { assemble, dloPointer, plain } from "./assemble";
import { chunkStream, cutStream, sliceChunks } from "./body-stream";
import { conditionalStatus } from "./conditional";
import { standardBody, swiftError } from "./errors";
import { metaHeaders } from "./metadata";
import { isDataSegment, type StoredObject } from "./model";
import { pythonJson } from "./python-json";
import { parseRange } from "./range";
import type { SwiftRequest } from "./swift-request";
import { tempUrlDisposition } from "./temp-url";
import { httpDate, xTimestamp } from "./timestamps";

function sloManifestResponse(r: SwiftRequest, obj: StoredObject): Response {
  const headers = { ...baseHeaders(obj), etag: obj.etag };
  if (r.url.searchParams.get("format") === "raw") {
    const raw = obj.slo!.segments.map((s) =>
      isDataSegment(s)
        ? { data: s.data.toString("base64") }
        : {
            path: `/${s.container}/${s.object}`,
            etag: s.etag,
            size_bytes: s.sizeBytes,
            ...(s.range ? { range: `${s.range.start}-${s.range.end}` } : {}),
          },
    );
    // Swift re-serialises the manifest (json.dumps, sort_keys) and sends the MD5 of those bytes as ETag.
    const body = pythonJson(raw);
    // Only Content-Length and ETag change: the Content-Type stays the manifest object's own.
    return textResponse(200, body, { ...headers, etag: createHash("md5").update(body).digest("hex") }, obj.contentType);
  }
  return new Response(chunkStream(obj.chunks), {
    status: 200,
    headers: { ...headers, "content-type": "application/json; charset=utf-8", "content-length": String(obj.size) },
  });
}

function baseHeaders(obj: StoredObject): Record<string, string> {
  const headers: Record<string, string> = {
    "content-type": obj.contentType,
    "last-modified": httpDate(obj.lastModified),
    "x-timestamp": xTimestamp(obj.lastModified),
    "accept-ranges": "bytes",
    ...Object.fromEntries(obj.headers),
    ...metaHeaders("object", obj.meta),
  };
  if (obj.deleteAt !== undefined) headers["x-delete-at"] = String(obj.deleteAt);
  if (obj.slo) headers["x-static-large-object"] = "True";
  return headers;
}

/** A segment container the reader may not read: SLO answers 409 (a segment fetch failed), DLO the 403/401 of its listing. */
function segmentsRefused(r: SwiftRequest, obj: StoredObject): Response | undefined {
  if (obj.slo) {
    const containers = new Set(obj.slo.segments.flatMap((s) => (isDataSegment(s) ? [] : [s.container])));
    for (const name of containers)
      if (deniedIn(r, r.account, name, "read")) return swiftError(409);
    return undefined;
  }
  const pointer = dloPointer(obj);
  if (!pointer) return undefined;
  return deniedIn(r, r.account, pointer.container, "list") ?? deniedIn(r, r.account, pointer.container, "read");
}

function segmentsOutside(obj: StoredObject, containerName: string): boolean {
  if (obj.slo) return obj.slo.segments.some((s) => !isDataSegment(s) && s.container !== containerName);
  const pointer = dloPointer(obj);
  return pointer !== undefined && pointer.container !== containerName;
}

/** GET / HEAD of an object, a large object, a byte range or a manifest. */
export function readObject(r: SwiftRequest, containerName: string, obj: StoredObject): Response {
  const manifestGet = r.url.searchParams.get("multipart-manifest") === "get";
  if (obj.slo && manifestGet) return sloManifestResponse(r, obj);
  const dlo = !obj.slo && dloPointer(obj) !== undefined;
  // Someone reading through ACLs reads the segments under their containers' ACLs too.
  if (!r.owner && !manifestGet) {
    const refused = segmentsRefused(r, obj);
    if (refused) return refused;
  }
  // A container-key temp URL reaches only its container: segments elsewhere are refused.
  if (r.grant?.scope === "container" && !manifestGet && segmentsOutside(obj, containerName)) return swiftError(401, "401 Unauthorized: Temp URL invalid\n");
  // A DLO manifest asked for as itself is its own (usually empty) body.
  const body = dlo && manifestGet ? plain(obj) : assemble(r.account, containerName, obj, r.nowSeconds, 0, r.request.method === "GET");
  if (body instanceof Response) return body;
  const headers: Record<string, string> = { ...baseHeaders(obj), etag: body.etagHeader };
  if (r.grant) {
    // Swift's tempurl strips private metadata from what it hands to anonymous readers.
    for (const name of Object.keys(headers))
      if (name.startsWith("x-object-meta-") && !name.startsWith("x-object-meta-public-")) delete headers[name];
    // Swift's tempurl sets both on GET and HEAD.
    const disposition = tempUrlDisposition(r.grant, obj.name, obj.headers.get("content-disposition"));
    if (disposition) headers["content-disposition"] = disposition;
    headers.expires = httpDate(r.grant.expires * 1000);
  }
  const conditional = conditionalStatus(r.request, body.etag, obj.lastModified);
  if (conditional === 304) return emptyResponse(304, { ...headers, "content-length": "0" });
  if (conditional === 412) {
    // Swift's 412 to a read has no body, yet keeps the object's metadata headers.
    const { "accept-ranges": _ranges, ...kept } = headers;
    return emptyResponse(412, { ...kept, "content-type": "text/html; charset=UTF-8", "content-length": "0" });
  }

  // Swift ignores Range on HEAD: 200 with the full length, even for a range past the end.
  let ranges = r.request.method === "GET" ? parseRange(r.request.headers.get("range"), body.size) : undefined;
  // Swift's DLO serves a single range only: several ranges get the whole object, 200.
  if (dlo && !manifestGet && Array.isArray(ranges) && ranges.length > 1) ranges = undefined;
  if (ranges === "unsatisfiable") {
    // The HTML page goes out under the object's own Content-Type, as Swift sends it.
    const page = standardBody(416);
    return textResponse(416, page, { ...headers, "content-range": `bytes */${body.size}` }, obj.contentType);
  }
  const failAt = body.failAt;
  if (ranges === undefined) {
    const stream = failAt === undefined ? chunkStream(body.chunks) : cutStream(body.chunks);
    return new Response(stream, { status: 200, headers: { ...headers, "content-length": String(body.size) } });
  }
  // A range that starts in or after the bad segment: its first segment fails, so 409 up front.
  if (failAt !== undefined && (ranges.length > 1 || ranges[0]!.start >= failAt))
    return swiftError(409);
  if (ranges.length === 1) {
    const range = ranges[0]!;
    // A range that ends before the bad segment is served whole; one that reaches it is cut there.
    const part = failAt === undefined || range.end < failAt ? chunkStream(sliceChunks(body.chunks, range)) : cutStream(sliceChunks(body.chunks, { start: range.start, end: failAt - 1 }));
    return new Response(part, {
      status: 206,
      headers: {
        ...headers,
        "content-length": String(range.end - range.start + 1),
        "content-range": `bytes ${range.start}-${range.end}/${body.size}`,
      },
    });
  }
  const boundary = randomBytes(16).toString("hex");
  const parts: Buffer[] = [];
  for (const range of ranges) {
    parts.push(
      Buffer.from(
        `--${boundary}\r\nContent-Type: ${obj.contentType}\r\nContent-Range: bytes ${range.start}-${range.end}/${body.size}\r\n\r\n`,
      ),
      ...sliceChunks(body.chunks, range),
      Buffer.from("\r\n"),
    );
  }
  parts.push(Buffer.from(`--${boundary}--`));
  const length = parts.reduce((n, p) => n + p.length, 0);
  return new Response(chunkStream(parts), {
    status: 206,
    headers: { ...headers, "content-type": `multipart/byteranges;boundary=${boundary}`, "content-length": String(length) },
  });
}
