import type { Readable } from "node:stream";
import { NotFound } from "@rax/core";
import { UploadFailed } from "../errors";
import { containerPath, objectPath } from "../names";
import { getObject } from "../objects/requests";
import { statusLineCode } from "../status-line";
import { OK } from "../success-status";
import { storage, type SwiftClient } from "../swift-client";
import { archiveSucceeded, errorsByName, parseArchiveResult } from "./archive-result";
import type { LocalFile } from "./folder-scan";
import { archiveLength, type TarEntry, tarStream } from "./tar-stream";
import { listedRows } from "./verify-listing";

/** How files are grouped into `?extract-archive=tar` requests. */
export interface ArchiveLimits {
  /** Files up to this size go into archives; bigger ones get a PUT of their own. */
  maxFileSize: number;
  /** Data bytes per archive (a single file over it still makes its own archive). */
  batchBytes: number;
  /** Entries per archive. Swift stops an extraction after 1,000 failed entries (`max_failed_extractions`). */
  batchFiles: number;
}

/**
 * Defaults for `archive`. Swift's bulk extracts an archive's entries one after another, so archives in
 * flight are what keeps its servers busy: 32. Measured on the bench's Swift (one eventlet process per
 * server, 2 cores; 2,000 files of 1–64 KiB, rounds alternating with `swift upload`, 2026-12-02 22:20):
 * 8 → 32 in flight took 10.6 → 9.5 s with Swift's CPU 14.8–15.1 → 13.5–13.9 s (each server answers
 * more requests per wake-up) and fewer idle core-seconds; 16 sat between. 50 files per archive:
 * 2,000 small files measured against the real Swift here (in-process A/B, 2026-12-02) took about
 * as long as 8 PUTs at a time (36 s both) with 25× fewer requests and under half the client CPU; 125 or 250 per archive
 * were slower. Per-process CPU on a private single-worker Swift (2026-12-02, 2,000 files of 1–64 KiB, 3 rounds):
 * Swift's own CPU falls far less than the requests — 23.7–29.0 s with archives vs 24.6–34.5 s with PUTs — because
 * every entry is still an object PUT inside the proxy, object and container servers; the client's falls 3.9–5.1 s
 * → 1.7–2.1 s. 20 or 200 files per archive and 4 or 16 in flight moved the total by no more than the run-to-run noise
 * there (a private Swift on disk, under load; see the in-flight measurement above).
 */
export const ARCHIVE_DEFAULTS: ArchiveLimits & { concurrency: number } = {
  maxFileSize: 1024 * 1024,
  batchBytes: 16 * 1024 * 1024,
  batchFiles: 50,
  concurrency: 32,
};

/** The request headers bulk applies to every entry (it ignores the rest). */
export function archiveHeaders(headers: Record<string, string>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(headers)) if (k === "x-delete-after" || k === "x-delete-at" || k.startsWith("x-object-meta-")) out[k] = v;
  return out;
}

/**
 * Files go into archives by size; archives fill up in scan order to `batchBytes` / `batchFiles`.
 * The files that stay out are returned in `single`.
 */
export function planArchives(files: readonly LocalFile[], limits: ArchiveLimits): { batches: LocalFile[][]; single: LocalFile[] } {
  const batches: LocalFile[][] = [];
  const single: LocalFile[] = [];
  let batch: LocalFile[] = [];
  let bytes = 0;
  for (const f of files) {
    if (f.size > limits.maxFileSize) {
      single.push(f);
      continue;
    }
    if (batch.length > 0 && (batch.length >= limits.batchFiles || bytes + f.size > limits.batchBytes)) {
      batches.push(batch);
      batch = [];
      bytes = 0;
    }
    batch.push(f);
    bytes += f.size;
  }
  if (batch.length > 0) batches.push(batch);
  return { batches, single };
}

/**
 * A file's fate in an archive batch. `retry`: not stored by the archive for a reason a PUT of its
 * own may not meet (the request failed as a whole, the server stopped early, a 5xx for the entry,
 * the verifying listing failed); the caller sends it again by itself.
 */
export type BatchOutcome =
  | { kind: "uploaded" }
  | { kind: "failed"; error: unknown }
  | { kind: "retry"; error: unknown }
  | { kind: "cancelled" };

export interface BatchOptions {
  /** Headers bulk copies to every entry (X-Delete-After / X-Delete-At, X-Object-Meta-*). */
  headers: Record<string, string>;
  /** Content-Type for every entry (carried as each entry's `user.mime_type`). */
  contentType?: string;
  signal: AbortSignal;
  /** `delta` data bytes of `file` went out (negative: taken back, the attempt was abandoned). */
  progress(file: LocalFile, delta: number): void;
  /** This archive is already the one re-send after a token refused mid-extraction (no second one). */
  resent?: boolean;
}

/** An entry status Swift gives that the same bytes PUT on their own would meet again. */
const isFinalRefusal = (status: number) => status >= 400 && status < 500 && ![401, 408, 409, 429, 499].includes(status);

/**
 * One archive: the files streamed as a tar to `PUT /<container>?extract-archive=tar`, then the
 * outcome of each. The server's per-entry "Errors" are failures; every other file is verified by
 * ONE listing of the batch's names, its `hash` compared with the MD5 computed while sending (a
 * file the listing does not show, or shows with another hash, is checked once more with a HEAD:
 * listings can lag). A mismatch is deleted and failed. Only verified files are `uploaded`.
 *
 * A token that expires mid-extraction stops it ("401 Unauthorized": the entries before were created,
 * the rest never tried). The verifying listing then meets the 401 itself, so core re-authenticates
 * and replays it; the files it does not show with their MD5 go again as ONE archive (once), not as
 * a PUT each, and nothing is HEADed or deleted for them: an older object of that name is not ours.
 */
export async function uploadBatch(client: SwiftClient, container: string, files: readonly LocalFile[], o: BatchOptions): Promise<BatchOutcome[]> {
  const entries: TarEntry[] = files.map((f) => ({ name: f.rel, path: f.path, size: f.size, contentType: o.contentType }));
  const sent: number[] = files.map(() => 0);
  const md5: Array<string | undefined> = files.map(() => undefined);
  const intact: boolean[] = files.map(() => true);
  const takeBack = (keep?: (i: number) => boolean) => {
    for (let i = 0; i < files.length; i++) {
      if ((sent[i] as number) > 0 && !keep?.(i)) {
        o.progress(files[i] as LocalFile, -(sent[i] as number));
        sent[i] = 0;
      }
    }
  };
  // Once the outcome is known, a body the server left unread must not move progress any more.
  let settled = false;
  let stream: Readable | undefined;
  // A factory, so that a retried attempt (connection lost, 5xx) sends a fresh stream, its progress from zero.
  const body = () => {
    takeBack();
    stream?.destroy();
    return (stream = tarStream(entries, {
      bytes: (i, n) => {
        if (settled) return;
        sent[i] = (sent[i] as number) + n;
        o.progress(files[i] as LocalFile, n);
      },
      entryDone: (i, hash, whole) => {
        md5[i] = hash;
        intact[i] = whole;
      },
    }));
  };

  const outcomes: BatchOutcome[] = files.map(() => ({ kind: "cancelled" }));
  const settle = () => {
    settled = true;
    stream?.destroy();
    takeBack((i) => outcomes[i]?.kind === "uploaded");
    return outcomes;
  };
  let result;
  try {
    const res = await storage(client, {
      method: "PUT",
      ok: EXTRACT_OK,
      path: containerPath(container),
      query: { "extract-archive": "tar" },
      headers: { ...o.headers, accept: "application/json", "content-length": String(archiveLength(entries)) },
      body,
      signal: o.signal,
    });
    result = parseArchiveResult(res, await res.text());
  } catch (error) {
    if (o.signal.aborted) return settle();
    outcomes.fill({ kind: "retry", error });
    return settle();
  }

  const names = files.map((f) => f.rel);
  const { byName } = errorsByName(container, names, result.errors);
  const ok = archiveSucceeded(result);
  // Bulk stops at the first entry refused with 401: later entries were never tried.
  const authStopped = /^401\b/.test(result.status);
  const resend: number[] = [];
  const whole = new UploadFailed(`extract-archive answered "${result.status}"${result.body ? `: ${result.body}` : ""}`, { container, object: "(archive)" });
  const toVerify: number[] = [];
  for (let i = 0; i < files.length; i++) {
    const name = names[i] as string;
    const refused = byName.get(name);
    if (refused !== undefined) {
      // An entry status with no code is not known to be final: the file gets a PUT of its own.
      const status = statusLineCode(refused);
      const error = new UploadFailed(`server refused the archive entry: ${refused}`, { container, object: name, status });
      outcomes[i] = status !== undefined && isFinalRefusal(status) ? { kind: "failed", error } : { kind: "retry", error };
      if (authStopped && status === 401) resend.push(i);
    } else toVerify.push(i);
  }
  if (!ok && byName.size === 0) {
    // The archive failed as a whole (e.g. "Invalid Tar File"): nothing is known to be stored.
    for (const i of toVerify) outcomes[i] = { kind: "retry", error: whole };
    return settle();
  }

  let rows;
  try {
    rows = await listedRows(client, container, toVerify.map((i) => names[i] as string), o.signal);
  } catch (error) {
    if (o.signal.aborted) return settle();
    // Unverified is not uploaded: a PUT of its own checks each file's ETag instead (e.g. a
    // write-only container ACL allows PUT but not listing).
    for (const i of toVerify) outcomes[i] = { kind: "retry", error };
    return settle();
  }
  await Promise.all(
    toVerify.map(async (i) => {
      const f = files[i] as LocalFile;
      const name = names[i] as string;
      const sentMd5 = md5[i] as string;
      if (!intact[i]) {
        const removed = await removeObject(client, container, name);
        outcomes[i] = {
          kind: "failed",
          error: new UploadFailed(`${f.path} changed size while uploading (${f.size} bytes when listed)${removed ? "; the object was deleted" : ""}`, { container, object: name, removed }),
        };
        return;
      }
      const row = rows.get(name);
      if (row && row.bytes === f.size && row.hash?.toLowerCase() === sentMd5) {
        outcomes[i] = { kind: "uploaded" };
        return;
      }
      if (authStopped) {
        // Not reached before the stop, or not listed yet: sent again either way (the same bytes).
        outcomes[i] = { kind: "retry", error: new UploadFailed(`not verified: extract-archive stopped with "${result.status}"`, { container, object: name, expectedEtag: sentMd5 }) };
        resend.push(i);
        return;
      }
      // Not listed, or listed with another hash: the listing may lag the object. Ask the object.
      let etag: string | undefined;
      try {
        etag = (await getObject(client, container, name, o.signal)).etag;
      } catch (error) {
        if (o.signal.aborted) return;
        if (!(error instanceof NotFound)) {
          outcomes[i] = { kind: "retry", error };
          return;
        }
        const missing = new UploadFailed(
          ok ? "reported created by extract-archive but not found afterwards" : `not created: extract-archive stopped with "${result.status}"`,
          { container, object: name, expectedEtag: sentMd5 },
        );
        outcomes[i] = ok ? { kind: "failed", error: missing } : { kind: "retry", error: missing };
        return;
      }
      if (etag === sentMd5) {
        outcomes[i] = { kind: "uploaded" };
        return;
      }
      const removed = await removeObject(client, container, name);
      outcomes[i] = {
        kind: "failed",
        error: new UploadFailed(
          `stored object's ETag ${etag} does not match the MD5 of the data sent (${sentMd5})${removed ? "; the object was deleted" : "; the bad object could not be deleted"}`,
          { container, object: name, expectedEtag: sentMd5, serverEtag: etag, removed },
        ),
      };
    }),
  );
  settle();
  if (!authStopped || o.resent || resend.length === 0 || o.signal.aborted) return outcomes;
  // The listing above re-authenticated (or failed, and then nothing is in `resend`).
  const again = await uploadBatch(
    client,
    container,
    resend.map((i) => files[i] as LocalFile),
    { ...o, resent: true },
  );
  again.forEach((r, k) => {
    outcomes[resend[k] as number] = r;
  });
  return outcomes;
}

/** The statuses that mean the bulk middleware took the archive (its real outcome is in the body). */
const EXTRACT_OK = [200] as const;

async function removeObject(client: SwiftClient, container: string, name: string): Promise<boolean> {
  try {
    const res = await storage(client, { method: "DELETE", ok: OK.delete, path: objectPath(container, name) });
    await res.dump();
    return true;
  } catch (e) {
    return e instanceof NotFound;
  }
}
