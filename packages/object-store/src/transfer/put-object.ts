import { readFile } from "node:fs/promises";
import { HttpError, InvalidResponse, type RequestBody } from "@rax/core";
import { asNoSuchContainer, UploadFailed } from "../errors";
import { objectPath } from "../names";
import { ChunkBuffers, FILE_CHUNK, FileRangeBody } from "./file-range-body";
import type { ObjectSource } from "./object-source";
import { OK } from "../success-status";
import { storage, type SwiftClient } from "../swift-client";
import { iterableBody, readableBody } from "./upload-body";
import { md5Hex, Tally, unquoteEtag } from "./upload-data";

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

/**
 * Files up to this size are read whole before the PUT: one read instead of a stream per file,
 * and the MD5 goes up front as `ETag`, so Swift refuses corrupted bytes before storing them.
 */
const SMALL_FILE = 256 * 1024;

/** PUT one body, MD5 checked; a mismatch deletes the object and throws `UploadFailed`. */
export async function putChecked(
  client: SwiftClient,
  container: string,
  name: string,
  source: ObjectSource,
  headers: Record<string, string>,
  o: {
    etag?: string; chunkSize?: number; signal?: AbortSignal; maxBytes?: number; onProgress?: (bytes: number) => void; uploadId?: string;
    /** Read buffers shared with the other segments of one upload (file sources). */
    buffers?: ChunkBuffers;
  },
): Promise<{ etag: string; bytes: number; headers: Record<string, string> }> {
  const progress = new AttemptProgress(o.onProgress);
  let expected = o.etag?.toLowerCase();
  // With the caller's etag, Swift's 422 is the check; without one, the MD5 of what went over
  // the wire is compared with the ETag Swift answers.
  const hash = expected === undefined;
  let body: RequestBody;
  // The file body of the attempt in flight: its buffers are reused once the server has answered it.
  let fileBody: FileRangeBody | undefined;
  // A copy: the content length and ETag below are this PUT's, not the caller's (a for-in copy of
  // a few headers is cheaper than object spread's generic path, on every store).
  const h: Record<string, string> = {};
  for (const k in headers) h[k] = headers[k] as string;
  if (source.kind === "file" && source.size > 0 && source.size <= SMALL_FILE && source.start === undefined) {
    source = { kind: "bytes", bytes: await readSmallFile(source.path, source.size, container, name), size: source.size };
  }
  // Bytes in memory are hashed whole below; only a body hashed as it streams needs a running MD5.
  let tally = new Tally({ md5: hash && source.kind !== "bytes" });
  if (source.kind === "bytes") {
    // In memory: send the MD5 up front so the server refuses corruption before storing anything.
    expected ??= md5Hex(source.bytes);
    h["content-length"] = String(source.size);
    body = source.bytes;
  } else if (source.kind === "file") {
    h["content-length"] = String(source.size);
    const { path, size } = source;
    const start = source.start ?? 0;
    const buffers = o.buffers ?? new ChunkBuffers(Math.min(o.chunkSize ?? FILE_CHUNK, Math.max(1, size)));
    body = () => {
      tally = new Tally({ md5: hash });
      progress.startAttempt();
      const count = (chunk: Uint8Array) => {
        tally.update(chunk);
        progress.add(chunk.byteLength);
      };
      fileBody = undefined;
      if (size === 0) return iterableBody(emptyIterable(), count);
      return (fileBody = new FileRangeBody(path, start, size, count, buffers));
    };
  } else {
    if (source.size !== undefined) h["content-length"] = String(source.size);
    const max = o.maxBytes;
    const count = (chunk: Uint8Array) => {
      if (max !== undefined && tally.bytes + chunk.byteLength > max) throw new TooLargeForOnePut(`more than ${max} bytes`);
      tally.update(chunk);
      progress.add(chunk.byteLength);
    };
    body = source.readable ? readableBody(source.readable, count) : iterableBody(source.source, count);
  }
  if (expected !== undefined) h.etag = expected;

  let res;
  try {
    res = await storage(client, { method: "PUT", ok: OK.putObject, path: objectPath(container, name), headers: h, body, signal: o.signal });
    await res.dump();
    fileBody?.release();
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
    if (e instanceof InvalidResponse || (e instanceof HttpError && e.status < 400))
      throw new UploadFailed(`server answered ${e.status} where 201 means stored; nothing is known to be stored`, {
        container, object: name, status: e.status, uploadId: o.uploadId, cause: e,
      });
    throw e;
  }
  if (source.kind === "bytes") progress.add(source.size);
  const sent = expected ?? tally.digest();
  const serverEtag = unquoteEtag(res.headers.etag);
  if (serverEtag !== undefined && serverEtag !== sent) {
    let removed = false;
    try {
      const del = await storage(client, { method: "DELETE", ok: OK.delete, path: objectPath(container, name) });
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

async function readSmallFile(path: string, size: number, container: string, object: string): Promise<Buffer> {
  const bytes = await readFile(path);
  // The size was taken when the file was listed; a file rewritten since is not silently sent short or long.
  if (bytes.byteLength !== size)
    throw new UploadFailed(`${path} changed size while uploading (${size} bytes when listed, ${bytes.byteLength} when read)`, { container, object });
  return bytes;
}

async function* emptyIterable(): AsyncGenerator<Uint8Array> {}

function findCause(e: unknown, cls: new (...a: never[]) => Error): boolean {
  for (let cur: unknown = e, depth = 0; cur && depth < 8; depth++) {
    if (cur instanceof cls) return true;
    cur = (cur as { cause?: unknown }).cause;
  }
  return false;
}

