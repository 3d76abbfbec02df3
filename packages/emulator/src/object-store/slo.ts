import { createHash } from "node:crypto";
import { BodyTooLarge, readBody } from "../request-body";
import { assemble } from "./assemble";
import { bulkResponse, type BulkResult } from "./bulk-result";
import { swiftError } from "./errors";
import { MAX_MANIFEST_SEGMENTS, MAX_MANIFEST_SIZE } from "./limits";
import { metaChanges } from "./metadata";
import { isExpired, type Container, type SloSegment, type StoredObject } from "./model";
import { storedHeadersFrom } from "./object-headers";
import { createdResponse } from "./object-responses";
import { parseRange } from "./range";
import type { SwiftRequest } from "./swift-request";
import { guessContentType } from "./content-type";
import { listingDate } from "./timestamps";

const SEGMENT_KEYS = new Set(["path", "etag", "size_bytes", "range"]);

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/**
 * `PUT ...?multipart-manifest=put`: validates every segment against what is
 * stored (existence, etag, size, range) and reports all problems at once in
 * Swift's "Errors:" text, as a 400.
 */
export async function putSloManifest(
  r: SwiftRequest,
  container: Container,
  name: string,
  deleteAt: number | undefined,
): Promise<Response> {
  let raw: Buffer;
  try {
    raw = await readBody(r.request, MAX_MANIFEST_SIZE);
  } catch (error) {
    if (error instanceof BodyTooLarge) return swiftError(413, `Manifest File > ${MAX_MANIFEST_SIZE} bytes`);
    throw error;
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw.toString("utf8"));
  } catch {
    return swiftError(400, "Manifest must be valid JSON.\n");
  }
  if (!Array.isArray(parsed)) return swiftError(400, "Manifest must be a list.\n");
  if (parsed.length === 0) return swiftError(400, "Manifest must have at least one segment.\n");
  if (parsed.length > MAX_MANIFEST_SEGMENTS) return swiftError(413, `Number of segments must be <= ${MAX_MANIFEST_SEGMENTS}`);

  const problems: string[] = [];
  const segments: SloSegment[] = [];
  const sloEtag = createHash("md5");
  let total = 0;
  for (const [index, item] of parsed.entries()) {
    if (!isRecord(item) || typeof item.path !== "string") return swiftError(400, `Index ${index}: expected a dict with a "path" string\n`);
    const extra = Object.keys(item).filter((k) => !SEGMENT_KEYS.has(k));
    if (extra.length) return swiftError(400, `Index ${index}: extraneous keys ${extra.map((k) => `"${k}"`).join(", ")}\n`);
    if (item.size_bytes !== undefined && item.size_bytes !== null && !Number.isInteger(item.size_bytes))
      return swiftError(400, `Index ${index}: invalid size_bytes\n`);
    if (item.etag !== undefined && item.etag !== null && typeof item.etag !== "string") return swiftError(400, `Index ${index}: invalid etag\n`);
    const path = item.path;
    const trimmed = path.replace(/^\/+/, "");
    const cut = trimmed.indexOf("/");
    if (cut <= 0 || cut === trimmed.length - 1) return swiftError(400, `Index ${index}: path does not refer to an object. Path must be of the form /container/object.\n`);
    const segContainer = trimmed.slice(0, cut);
    const segName = trimmed.slice(cut + 1);
    const quoted = encodeURI(path);
    const segObj = r.account.containers.get(segContainer)?.objects.get(segName);
    if (!segObj || isExpired(segObj, r.nowSeconds)) {
      problems.push(`${quoted}, 404 Not Found`);
      continue;
    }
    const body = assemble(r.account, segContainer, segObj, r.nowSeconds, 1);
    if (body instanceof Response) {
      problems.push(`${quoted}, 409 Conflict`);
      continue;
    }
    if (typeof item.etag === "string" && item.etag.replace(/^"(.*)"$/, "$1") !== body.etag) problems.push(`${quoted}, Etag Mismatch`);
    if (typeof item.size_bytes === "number" && item.size_bytes !== body.size) problems.push(`${quoted}, Size Mismatch`);
    let range: SloSegment["range"];
    if (item.range !== undefined) {
      const ranges = typeof item.range === "string" ? parseRange(`bytes=${item.range}`, body.size) : undefined;
      if (!Array.isArray(ranges) || ranges.length !== 1) {
        problems.push(`${quoted}, Unsatisfiable Range`);
        continue;
      }
      range = ranges[0]!;
    }
    const length = range ? range.end - range.start + 1 : body.size;
    if (length < 1) problems.push(`${quoted}, Too small; each segment must be at least 1 byte.`);
    sloEtag.update(range ? `${body.etag}:${range.start}-${range.end};` : body.etag);
    total += length;
    segments.push({
      path,
      container: segContainer,
      object: segName,
      etag: body.etag,
      sizeBytes: body.size,
      contentType: segObj.contentType,
      lastModified: segObj.lastModified,
      ...(range ? { range } : {}),
    });
  }
  if (problems.length) return swiftError(400, `Errors:\n${problems.join("\n")}\n`);

  const etag = sloEtag.digest("hex");
  const expected = r.request.headers.get("etag");
  if (expected !== null && expected.trim().replace(/^"(.*)"$/, "$1") !== etag) return swiftError(422);

  // Stored the way Swift stores it (what `?multipart-manifest=get` returns).
  const stored = Buffer.from(
    JSON.stringify(
      segments.map((s) => ({
        name: `/${s.container}/${s.object}`,
        bytes: s.sizeBytes,
        hash: s.etag,
        content_type: s.contentType,
        last_modified: listingDate(s.lastModified),
        ...(s.range ? { range: `${s.range.start}-${s.range.end}` } : {}),
      })),
    ),
  );
  const h = r.request.headers;
  const given = h.get("content-type");
  const obj: StoredObject = {
    name,
    chunks: [stored],
    size: stored.length,
    etag: createHash("md5").update(stored).digest("hex"),
    contentType: given ?? guessContentType(name),
    lastModified: r.ctx.state.clock.now(),
    meta: metaChanges(h, "object").set,
    headers: storedHeadersFrom(h),
    slo: { segments, etag, size: total },
    ...(deleteAt !== undefined ? { deleteAt } : {}),
  };
  obj.headers.delete("x-object-manifest");
  container.objects.set(name, obj);
  return createdResponse(obj, `"${etag}"`);
}

/** `DELETE ...?multipart-manifest=delete`: the segments, then the manifest, reported like a bulk delete. */
export function deleteSlo(r: SwiftRequest, container: Container, obj: StoredObject): Response {
  const result: BulkResult = { deleted: 0, notFound: 0, errors: [] };
  for (const seg of obj.slo?.segments ?? []) {
    const segContainer = r.account.containers.get(seg.container);
    if (segContainer?.objects.delete(seg.object)) result.deleted++;
    else result.notFound++;
  }
  container.objects.delete(obj.name);
  result.deleted++;
  return bulkResponse(r.request, result);
}
