import { HttpError, ValidationError } from "@rax/core";
import { getFileChecksum } from "./checksum";
import { ChunkBuffers, FILE_CHUNK, segmentsInFlight } from "./file-range-body";
import { asNoSuchContainer, UploadFailed } from "../errors";
import { walkObjects } from "../objects/listing";
import { metadataFrom } from "../metadata-headers";
import { containerPath, encodePath, objectPath } from "../names";
import type { ObjectInfo } from "../objects/models";
import type { ObjectSource } from "./object-source";
import { putChecked } from "./put-object";
import type { StoreObjectOptions } from "./store-options";
import { StreamSegmenter } from "./stream-segmenter";
import { OK } from "../success-status";
import { storage, type SwiftClient } from "../swift-client";
import { md5Hex, Tally, unquoteEtag } from "./upload-data";
import { runPool } from "./worker-pool";

/** Swift's default `max_manifest_segments`. */
const MAX_SLO_SEGMENTS = 1000;

interface SegmentResult {
  path: string;
  etag: string;
  size_bytes: number;
}

interface SegmentTask {
  index: number;
  size?: number;
  /** A fresh body for the segment (bytes, or a file range per attempt). */
  source: ObjectSource;
  abandon?: () => void;
}

export const segmentName = (name: string, uploadId: string, index: number) =>
  `${name}/${uploadId}/${String(index).padStart(8, "0")}`;

async function existingSegments(client: SwiftClient, segContainer: string, prefix: string): Promise<Map<string, { bytes: number; hash?: string }>> {
  const out = new Map<string, { bytes: number; hash?: string }>();
  try {
    for await (const row of walkObjects(client, segContainer, { prefix })) out.set(row.name, { bytes: row.bytes, hash: row.hash });
  } catch (e) {
    if (!(e instanceof HttpError && e.status === 404)) throw e;
  }
  return out;
}

async function drainMd5(body: AsyncIterable<Uint8Array>): Promise<{ md5: string; bytes: number }> {
  const t = new Tally();
  for await (const chunk of body) t.update(chunk);
  return { md5: t.digest(), bytes: t.bytes };
}

/**
 * Swift's expirer deletes only the manifest of a large object given `ttl` / `deleteAt`: its
 * segments would stay stored (and billed) forever. So the segments carry the same expiry, as one
 * absolute `X-Delete-At` fixed before the first segment is sent and given to the manifest too
 * (an `X-Delete-After` counted from each PUT would let segments expire before their manifest).
 */
function segmentedExpiry(headers: Record<string, string>): { manifest: Record<string, string>; segment: Record<string, string> } {
  const after = headers["x-delete-after"];
  const at = headers["x-delete-at"] ?? (after === undefined ? undefined : String(Math.floor(Date.now() / 1000) + Number(after)));
  if (at === undefined) return { manifest: headers, segment: {} };
  const { "x-delete-after": _dropped, ...rest } = headers;
  return { manifest: { ...rest, "x-delete-at": at }, segment: { "x-delete-at": at } };
}

/**
 * Segmented upload + manifest. Segments go to `<container>_segments` (swiftclient's convention:
 * the user's listings and folder syncs never see them) as `<name>/<uploadId>/<seq>`.
 * Files are read per segment by byte range, so segments upload truly in parallel; a one-shot
 * stream yields its segments in order (see StreamSegmenter).
 */
export async function storeLargeObject(
  client: SwiftClient,
  container: string,
  name: string,
  source: ObjectSource,
  o: StoreObjectOptions,
  headers: Record<string, string>,
  segmentSize: number,
): Promise<ObjectInfo> {
  const manifest = o.manifest ?? "slo";
  const segContainer = o.segmentContainer ?? `${container}_segments`;
  const uploadId = o.uploadId ?? `${Date.now()}`;
  const prefix = `${name}/${uploadId}/`;
  const size = source.size;
  if (manifest === "slo" && size !== undefined && Math.ceil(size / segmentSize) > MAX_SLO_SEGMENTS)
    throw new ValidationError("options.segmentSize", `would make more than ${MAX_SLO_SEGMENTS} segments; use a larger segmentSize`);
  const fail = (message: string, cause?: unknown) => new UploadFailed(message, { container, object: name, uploadId, cause });
  const expiry = segmentedExpiry(headers);
  headers = expiry.manifest;

  // The segments container is created like any container: PUT is idempotent.
  const put = await storage(client, { method: "PUT", ok: OK.putContainer, path: containerPath(segContainer), signal: o.signal });
  await put.dump();
  const existing = o.resume ? await existingSegments(client, segContainer, prefix) : new Map();

  const results: SegmentResult[] = [];
  // No read buffer larger than a segment: a small segmentSize with the default chunk wastes nothing.
  const buffers = new ChunkBuffers(Math.min(o.chunkSize ?? FILE_CHUNK, segmentSize));
  const wanted = o.segmentConcurrency ?? client.defaults.segmentConcurrency;
  const concurrency = source.kind === "file" ? segmentsInFlight(wanted, buffers.chunk, segmentSize) : wanted;
  // Bytes sent per segment (a retried segment starts again from zero) and their running total:
  // a progress event costs no walk over the segments.
  const sent: number[] = [];
  let total = 0;
  const setSent = (index: number, n: number) => {
    total += n - (sent[index] ?? 0);
    sent[index] = n;
    o.onProgress?.(total);
  };

  let nextTask: () => Promise<SegmentTask | undefined>;
  if (source.kind === "stream") {
    const segmenter = new StreamSegmenter(source.source, segmentSize);
    nextTask = async () => {
      const seg = await segmenter.next();
      if (!seg) return undefined;
      if (manifest === "slo" && seg.index >= MAX_SLO_SEGMENTS) {
        seg.abandon();
        throw fail(`stream needs more than ${MAX_SLO_SEGMENTS} segments; use a larger segmentSize`);
      }
      return { index: seg.index, source: { kind: "stream", source: seg.body }, abandon: seg.abandon };
    };
  } else {
    const count = Math.max(1, Math.ceil(source.size / segmentSize));
    let i = 0;
    nextTask = async () => {
      if (i >= count) return undefined;
      const index = i++;
      const start = index * segmentSize;
      const len = Math.min(segmentSize, source.size - start);
      if (source.kind === "bytes")
        return { index, size: len, source: { kind: "bytes", bytes: source.bytes.subarray(start, start + len), size: len } };
      return { index, size: len, source: { kind: "file", path: source.path, size: len, start } };
    };
  }

  const work = async (task: SegmentTask) => {
    const segName = segmentName(name, uploadId, task.index);
    const have = existing.get(segName);
    const path = `/${segContainer}/${segName}`;
    if (have && have.hash) {
      let local: { md5: string; bytes: number } | undefined;
      if (task.source.kind === "bytes") local = { md5: md5Hex(task.source.bytes), bytes: task.source.size };
      else if (task.source.kind === "file") {
        const start = task.source.start ?? 0;
        if (have.bytes === task.source.size)
          local = { md5: await getFileChecksum(task.source.path, { start, end: start + task.source.size - 1 }), bytes: task.source.size };
      } else if (task.source.kind === "stream") {
        // A stream cannot be re-read: hash this slice while skipping it, and give up on mismatch.
        local = await drainMd5(task.source.source);
        if (local.bytes !== have.bytes || local.md5 !== have.hash)
          throw fail(`segment ${task.index} differs from the stored one and a stream cannot be rewound; restart without resume`);
      }
      if (local && local.bytes === have.bytes && local.md5 === have.hash) {
        results[task.index] = { path, etag: have.hash, size_bytes: have.bytes };
        setSent(task.index, have.bytes);
        return;
      }
    }
    const body = task.source;
    try {
      const r = await putChecked(client, segContainer, segName, body, expiry.segment, {
        chunkSize: o.chunkSize,
        buffers,
        signal: o.signal,
        uploadId,
        onProgress: o.onProgress && ((n) => setSent(task.index, n)),
      });
      results[task.index] = { path, etag: r.etag, size_bytes: r.bytes };
    } catch (e) {
      task.abandon?.();
      throw e;
    }
  };

  try {
    await runPool(concurrency, nextTask, work, o.signal);
  } catch (e) {
    if (e instanceof UploadFailed) throw e;
    throw fail(`segment upload failed: ${(e as Error).message}; resume with { resume: true, uploadId: "${uploadId}" }`, e);
  }
  if (o.signal?.aborted) throw fail("upload aborted", o.signal.reason);

  const stored = results.reduce((a, r) => a + r.size_bytes, 0);
  let res;
  try {
    if (manifest === "slo") {
      res = await storage(client, {
        method: "PUT", ok: OK.putObject,
        path: objectPath(container, name),
        query: { "multipart-manifest": "put" },
        // Not `json:` — that would make application/json the large object's content type.
        headers,
        body: JSON.stringify(results),
        signal: o.signal,
      });
    } else {
      res = await storage(client, {
        method: "PUT", ok: OK.putObject,
        path: objectPath(container, name),
        headers: { ...headers, "content-length": "0", "x-object-manifest": `${encodeURIComponent(segContainer)}/${encodePath(prefix)}` },
        body: "",
        signal: o.signal,
      });
    }
    await res.dump();
  } catch (e) {
    if (e instanceof HttpError && e.status === 404) throw asNoSuchContainer(e, container);
    throw fail(`manifest upload failed: ${(e as Error).message}`, e);
  }
  // An SLO's ETag is the MD5 of its segments' ETags: a last check that the server assembled what we sent.
  const etag = unquoteEtag(res.headers.etag);
  if (manifest === "slo" && etag !== undefined) {
    const expected = md5Hex(results.map((r) => r.etag).join(""));
    if (etag !== expected) throw fail(`manifest ETag ${etag} does not match the segments' (${expected})`);
  }
  return {
    name,
    containerName: container,
    bytes: stored,
    etag,
    contentType: o.contentType,
    contentEncoding: o.contentEncoding,
    lastModified: res.headers["last-modified"],
    metadata: metadataFrom("Object", headers),
    largeObject: manifest,
    headers: res.headers,
  };
}
