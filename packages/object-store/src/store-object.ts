import { Readable } from "node:stream";
import { HttpError } from "@rax/core";
import { asNoSuchContainer, UploadFailed } from "./errors";
import { storeLargeObject } from "./large-object";
import { metadataFrom } from "./metadata-headers";
import { objectPath } from "./names";
import type { ObjectInfo } from "./object-info";
import { fileRange, type ObjectSource } from "./object-source";
import { objectWriteHeaders, type StoreObjectOptions } from "./store-options";
import type { SwiftContext } from "./swift-context";
import { md5Hex, Tally, tallied, unquoteEtag } from "./upload-data";

/** Thrown inside a stream body that grew past `segmentSize`; turned into `UploadFailed`. */
class TooLargeForOnePut extends Error {}

/**
 * Progress for one object across attempts: a replayed body starts again from zero, so the
 * bytes of the abandoned attempt are taken back.
 */
export class AttemptProgress {
  #sent = 0;
  #attempt = 0;
  constructor(private readonly report?: (bytes: number) => void) {}
  startAttempt(): void {
    this.#attempt = 0;
  }
  add(n: number): void {
    this.#attempt += n;
    this.#sent = this.#attempt;
    this.report?.(this.#sent);
  }
}

export function isLarge(source: ObjectSource, o: StoreObjectOptions, segmentSize: number): boolean {
  if (o.largeObject || o.resume || o.manifest !== undefined) return true;
  const size = source.kind === "stream" ? source.size : source.size;
  return size !== undefined && size > segmentSize;
}

/** PUT one body, MD5 checked; a mismatch deletes the object and throws `UploadFailed`. */
export async function putChecked(
  ctx: SwiftContext,
  container: string,
  name: string,
  source: ObjectSource,
  headers: Record<string, string>,
  o: { etag?: string; chunkSize?: number; signal?: AbortSignal; maxBytes?: number; onProgress?: (bytes: number) => void; uploadId?: string },
): Promise<{ etag: string; bytes: number; headers: Record<string, string> }> {
  const progress = new AttemptProgress(o.onProgress);
  let tally = new Tally();
  let body: unknown;
  let expected = o.etag?.toLowerCase();
  const h: Record<string, string> = { ...headers };
  if (source.kind === "bytes") {
    // In memory: send the MD5 up front so the server refuses corruption before storing anything.
    expected ??= md5Hex(source.bytes);
    h["content-length"] = String(source.size);
    tally.update(source.bytes);
    body = source.bytes;
  } else if (source.kind === "file") {
    h["content-length"] = String(source.size);
    body = () => {
      tally = new Tally();
      progress.startAttempt();
      const start = source.start ?? 0;
      const range = source.size === 0 ? emptyIterable() : fileRange(source.path, start, start + source.size - 1, o.chunkSize);
      return Readable.from(tallied(range, tally, (n) => progress.add(n)));
    };
  } else {
    if (source.size !== undefined) h["content-length"] = String(source.size);
    const max = o.maxBytes;
    body = Readable.from(
      tallied(limitBytes(source.source, max), tally, (n) => progress.add(n)),
    );
  }
  if (expected !== undefined) h.etag = expected;

  let res;
  try {
    res = await ctx.storage({ method: "PUT", path: objectPath(container, name), headers: h, body, signal: o.signal });
    await res.dump();
  } catch (e) {
    if (findCause(e, TooLargeForOnePut))
      throw new UploadFailed(
        `stream is longer than segmentSize (${o.maxBytes} bytes); pass size or largeObject: true to upload it in segments`,
        { container, object: name, cause: e },
      );
    if (e instanceof HttpError && e.status === 422)
      throw new UploadFailed("server rejected the upload: content does not match the ETag", {
        container, object: name, status: 422, expectedEtag: expected, uploadId: o.uploadId, cause: e,
      });
    if (e instanceof HttpError && e.status === 404) throw asNoSuchContainer(e, container);
    throw e;
  }
  if (source.kind === "bytes") progress.add(source.size);
  const sent = expected ?? tally.digest();
  const serverEtag = unquoteEtag(res.headers.etag);
  if (serverEtag !== undefined && serverEtag !== sent) {
    let removed = false;
    try {
      const del = await ctx.storage({ method: "DELETE", path: objectPath(container, name) });
      await del.dump();
      removed = true;
    } catch {
      // reported through `removed: false` below
    }
    throw new UploadFailed(`stored object's ETag ${serverEtag} does not match the MD5 of the data sent (${sent})${removed ? "; the object was deleted" : "; the bad object could not be deleted"}`, {
      container, object: name, expectedEtag: sent, serverEtag, removed, uploadId: o.uploadId,
    });
  }
  return { etag: serverEtag ?? sent, bytes: source.kind === "stream" ? tally.bytes : source.size, headers: res.headers };
}

async function* emptyIterable(): AsyncGenerator<Uint8Array> {}

async function* limitBytes(source: AsyncIterable<Uint8Array>, max: number | undefined): AsyncGenerator<Uint8Array> {
  let n = 0;
  for await (const chunk of source) {
    n += chunk.byteLength;
    if (max !== undefined && n > max) throw new TooLargeForOnePut(`more than ${max} bytes`);
    yield chunk;
  }
}

function findCause(e: unknown, cls: new (...a: never[]) => Error): boolean {
  for (let cur: unknown = e, depth = 0; cur && depth < 8; depth++) {
    if (cur instanceof cls) return true;
    cur = (cur as { cause?: unknown }).cause;
  }
  return false;
}

export async function storeObject(
  ctx: SwiftContext,
  container: string,
  name: string,
  source: ObjectSource,
  o: StoreObjectOptions,
): Promise<ObjectInfo> {
  const segmentSize = o.segmentSize ?? ctx.defaults.segmentSize;
  if (isLarge(source, o, segmentSize)) return storeLargeObject(ctx, container, name, source, o, segmentSize);
  const headers = objectWriteHeaders(o);
  const r = await putChecked(ctx, container, name, source, headers, {
    etag: o.etag, chunkSize: o.chunkSize, signal: o.signal, maxBytes: segmentSize, onProgress: o.onProgress,
  });
  return {
    name,
    containerName: container,
    bytes: r.bytes,
    etag: r.etag,
    contentType: o.contentType,
    contentEncoding: o.contentEncoding,
    lastModified: r.headers["last-modified"],
    metadata: metadataFrom("Object", headers),
    headers: r.headers,
  };
}
