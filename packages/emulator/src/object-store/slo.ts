import { createHash } from "node:crypto";
import { BodyTooLarge, readBody } from "../request-body";
import { assemble } from "./assemble";
import { bulkResponse, type BulkResult } from "./bulk-result";
import { swiftError } from "./errors";
import { MAX_MANIFEST_SEGMENTS, MAX_MANIFEST_SIZE } from "./limits";
import { metaChanges } from "./metadata";
import { isDataSegment, isExpired, type Container, type SloObjectSegment, type SloSegment, type StoredObject } from "./model";
import { storedHeadersFrom } from "./object-headers";
import { createdResponse } from "./object-responses";
import { parseRange } from "./range";
import type { SwiftRequest } from "./swift-request";
import { guessContentType } from "./content-type";
import { listingDate } from "./timestamps";

/** Keys each kind of manifest entry may carry (Swift's SLO_KEYS). */
const SEGMENT_KEYS: Record<"path" | "data", ReadonlySet<string>> = {
  path: new Set(["path", "etag", "size_bytes", "range"]),
  data: new Set(["data"]),
};

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** Swift's strict_b64decode: standard or URL-safe alphabet, padding to a multiple of 4, nothing else. */
function strictBase64(text: unknown): Buffer | undefined {
  if (typeof text !== "string") return undefined;
  const normal = text.replace(/-/g, "+").replace(/_/g, "/");
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(normal) || normal.length % 4 !== 0) return undefined;
  return Buffer.from(normal, "base64");
}

type ParsedEntry =
  | { kind: "data"; data: Buffer }
  | { kind: "path"; path: string; etag?: string; sizeBytes?: number; range?: string };

/**
 * Swift's parse_and_validate_input: every entry is checked and every problem
 * reported at once, one "Index N: …" line each, as a 400.
 */
function parseManifest(raw: Buffer, selfPath: string): ParsedEntry[] | Response {
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw.toString("utf8"));
  } catch {
    return swiftError(400, "Manifest must be valid JSON.\n");
  }
  if (!Array.isArray(parsed)) return swiftError(400, "Manifest must be a list.\n");
  const errors: string[] = [];
  const entries: ParsedEntry[] = [];
  for (const [index, item] of parsed.entries()) {
    if (!isRecord(item)) {
      errors.push(`Index ${index}: not a JSON object`);
      continue;
    }
    const kind = "path" in item ? "path" : "data" in item ? "data" : undefined;
    if (!kind) {
      errors.push(`Index ${index}: expected keys to include one of 'path' or 'data'`);
      continue;
    }
    const extra = Object.keys(item).filter((k) => !SEGMENT_KEYS[kind].has(k)).sort();
    if (extra.length) {
      errors.push(`Index ${index}: extraneous keys ${extra.map((k) => JSON.stringify(k)).join(", ")}`);
      continue;
    }
    if (kind === "data") {
      const data = strictBase64(item.data);
      if (!data) errors.push(`Index ${index}: data must be valid base64`);
      else if (data.length < 1) errors.push(`Index ${index}: too small; each segment must be at least 1 byte.`);
      else entries.push({ kind, data });
      continue;
    }
    const path = item.path;
    if (typeof path !== "string") {
      errors.push(`Index ${index}: "path" must be a string`);
      continue;
    }
    if (item.etag !== undefined && item.etag !== null && typeof item.etag !== "string") {
      errors.push(`Index ${index}: "etag" must be a string or null (if provided)`);
      continue;
    }
    if (!path.replace(/^\/+|\/+$/g, "").includes("/")) {
      errors.push(`Index ${index}: path does not refer to an object. Path must be of the form /container/object.`);
      continue;
    }
    let sizeBytes: number | undefined;
    if (item.size_bytes !== undefined && item.size_bytes !== null) {
      sizeBytes = typeof item.size_bytes === "number" ? Math.trunc(item.size_bytes) : typeof item.size_bytes === "string" && /^\s*-?\d+\s*$/.test(item.size_bytes) ? Number(item.size_bytes) : NaN;
      if (!Number.isInteger(sizeBytes)) {
        errors.push(`Index ${index}: invalid size_bytes`);
        continue;
      }
      if (sizeBytes < 1 && index !== parsed.length - 1) {
        errors.push(`Index ${index}: too small; each segment must be at least 1 byte.`);
        continue;
      }
    }
    if (`/${path.replace(/^\/+/, "")}` === selfPath) {
      errors.push(`Index ${index}: manifest must not include itself as a segment`);
      continue;
    }
    let range: string | undefined;
    if (item.range) {
      if (typeof item.range !== "string" || parseRange(`bytes=${item.range}`, Number.MAX_SAFE_INTEGER) === undefined) {
        errors.push(`Index ${index}: invalid range`);
        continue;
      }
      if (item.range.includes(",")) {
        errors.push(`Index ${index}: multiple ranges (only one allowed)`);
        continue;
      }
      if (sizeBytes !== undefined && !Array.isArray(parseRange(`bytes=${item.range}`, sizeBytes))) {
        errors.push(`Index ${index}: unsatisfiable range`);
        continue;
      }
      range = item.range;
    }
    entries.push({ kind, path, ...(typeof item.etag === "string" ? { etag: item.etag } : {}), ...(sizeBytes !== undefined ? { sizeBytes } : {}), ...(range ? { range } : {}) });
  }
  if (parsed.length > 0 && parsed.every((item) => isRecord(item) && "data" in item))
    errors.push("Inline data segments require at least one object-backed segment.");
  if (errors.length) return swiftError(400, errors.map((e) => `${e}\n`).join(""));
  return entries;
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
  const entries = parseManifest(raw, `/${container.name}/${name}`);
  if (entries instanceof Response) return entries;
  if (entries.length === 0) return swiftError(400, "Manifest must have at least one segment.\n");
  if (entries.length > MAX_MANIFEST_SEGMENTS) return swiftError(413, `Number of segments must be <= ${MAX_MANIFEST_SEGMENTS}`);

  const problems: string[] = [];
  const segments: SloSegment[] = [];
  const sloEtag = createHash("md5");
  let total = 0;
  for (const [index, item] of entries.entries()) {
    if (item.kind === "data") {
      sloEtag.update(createHash("md5").update(item.data).digest("hex"));
      total += item.data.length;
      segments.push({ data: item.data });
      continue;
    }
    const path = item.path;
    const trimmed = path.replace(/^\/+/, "");
    const cut = trimmed.indexOf("/");
    const segContainer = trimmed.slice(0, cut);
    const segName = trimmed.slice(cut + 1);
    const quoted = encodeURI(path);
    const segObj = r.account.containers.get(segContainer)?.objects.get(segName);
    if (!segObj || isExpired(segObj, r.nowSeconds)) {
      problems.push(`${quoted}, 404 Not Found`);
      continue;
    }
    // What a HEAD of the segment answers: a sub-SLO's assembled size and its SLO etag.
    const body = assemble(r.account, segContainer, segObj, r.nowSeconds, 1);
    if (body instanceof Response) {
      problems.push(`${quoted}, 409 Conflict`);
      continue;
    }
    let range: SloObjectSegment["range"];
    if (item.range !== undefined) {
      const ranges = parseRange(`bytes=${item.range}`, body.size);
      if (!Array.isArray(ranges) || ranges.length !== 1) problems.push(`${quoted}, Unsatisfiable Range`);
      // A range that covers the whole segment is dropped, as Swift does.
      else if (ranges[0]!.start !== 0 || ranges[0]!.end !== body.size - 1) range = ranges[0]!;
    }
    const length = range ? range.end - range.start + 1 : body.size;
    if (length < 1 && index !== entries.length - 1) problems.push(`${quoted}, Too small; each segment must be at least 1 byte.`);
    if (item.sizeBytes !== undefined && item.sizeBytes !== body.size) problems.push(`${quoted}, Size Mismatch`);
    if (item.etag !== undefined && item.etag !== body.etag) problems.push(`${quoted}, Etag Mismatch`);
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
      ...(segObj.slo ? { subSlo: true } : {}),
    });
  }
  if (problems.length) return swiftError(400, `Errors:\n${problems.join("\n")}\n`);

  const etag = sloEtag.digest("hex");
  const expected = r.request.headers.get("etag");
  if (expected !== null && expected.trim().replace(/^"(.*)"$/, "$1") !== etag) return swiftError(422);

  // Stored the way Swift stores it (what `?multipart-manifest=get` returns).
  const stored = Buffer.from(
    JSON.stringify(
      segments.map((s) =>
        isDataSegment(s)
          ? { data: s.data.toString("base64") }
          : {
              name: `/${s.container}/${s.object}`,
              bytes: s.sizeBytes,
              hash: s.etag,
              content_type: s.contentType,
              last_modified: listingDate(s.lastModified),
              ...(s.range ? { range: `${s.range.start}-${s.range.end}` } : {}),
              ...(s.subSlo ? { sub_slo: true } : {}),
            },
      ),
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
    if (isDataSegment(seg)) continue;
    const segContainer = r.account.containers.get(seg.container);
    if (segContainer?.objects.delete(seg.object)) result.deleted++;
    else result.notFound++;
  }
  container.objects.delete(obj.name);
  result.deleted++;
  return bulkResponse(r.request, result);
}
