import { ValidationError } from "@rax/core";
import type { ContainerRef } from "../names";
import type { SwiftClient } from "../swift-client";
import { type SyncFolderOptions, type SyncResult, syncFolder } from "./folder-sync";
import { type FolderUploadJob, type UploadFolderOptions, uploadFolder } from "./folder-upload";

export type { SyncFolderOptions, UploadFolderOptions };

/**
 * How many settled uploads `getUploaded` still answers for, oldest forgotten first. pyrax keeps a
 * byte count per key for the life of the process; a bound keeps a long-running one from growing
 * with every upload it ever ran.
 */
export const FINISHED_UPLOADS_KEPT = 1000;

/** What is kept of a settled folder upload: its final byte count. */
interface SettledUpload {
  readonly uploadedBytes: number;
}

/** `cf.folders`: upload a folder tree (a background job) or sync one into a container. */
export class Folders {
  readonly #root: SwiftClient;
  /** Running uploads only: a job (with its per-file report) is dropped as soon as it settles. */
  readonly #running = new Map<string, FolderUploadJob>();
  /** Settled uploads by key, in the order they settled (a Map keeps insertion order). */
  readonly #settled = new Map<string, SettledUpload>();

  constructor(root: SwiftClient) {
    this.#root = root;
  }

  /**
   * Upload a folder tree in the background: returns a job at once (core's `Job`: `await job` →
   * `{ uploaded, failed, notUploaded, cancelled, … }`, `on("progress")`, `abort()` / `cancel()`,
   * `key`, live `uploadedBytes`, `totalBytes` once `scanned`). Bad input rejects the job.
   * This client holds the job only while it runs; the per-file report is the caller's (`await job`).
   */
  upload(path: string, options?: UploadFolderOptions): FolderUploadJob {
    const job = uploadFolder(this.#root, path, options);
    this.#running.set(job.key, job);
    // "status" is emitted once, as the job settles and before `await job` resumes, so the count is
    // there for a caller who asks right after awaiting.
    job.on("status", (status) => {
      if (status !== "running") this.#settle(job.key, { uploadedBytes: job.uploadedBytes });
    });
    return job;
  }

  /**
   * Bytes uploaded by the folder upload `key` (pyrax's `get_uploaded`): live while it runs, its final
   * count once it settled (for the last `FINISHED_UPLOADS_KEPT` settled uploads).
   */
  getUploaded(key: string): number {
    return this.#lookup(key).uploadedBytes;
  }

  /**
   * Stop the folder upload `key` (pyrax's `cancel_folder_upload`). On one that has already settled it
   * does nothing, as `job.cancel()` does: a cancel that races the last file must not throw (a Ctrl-C
   * handler, a timeout); `await job` says how it ended. An unknown key is a `ValidationError`.
   */
  cancelUpload(key: string): void {
    const found = this.#lookup(key);
    if ("key" in found) found.cancel();
  }

  #lookup(key: string): FolderUploadJob | SettledUpload {
    const found = typeof key === "string" ? (this.#running.get(key) ?? this.#settled.get(key)) : undefined;
    if (!found) throw new ValidationError("key", `no folder upload with this key (settled uploads are remembered up to the last ${FINISHED_UPLOADS_KEPT})`);
    return found;
  }

  #settle(key: string, end: SettledUpload): void {
    this.#running.delete(key);
    this.#settled.set(key, end);
    if (this.#settled.size > FINISHED_UPLOADS_KEPT) this.#settled.delete(this.#settled.keys().next().value as string);
  }

  /**
   * Make the container match the folder: ONE paged listing, compared by size + MD5 (and by
   * timestamp unless `ignoreTimestamps`); uploads new/changed files, optionally deletes objects
   * with no local file under the prefix. Returns `{ uploaded, skipped, deleted, failed }`.
   */
  sync(path: string, container: ContainerRef, options?: SyncFolderOptions): Promise<SyncResult> {
    return syncFolder(this.#root, path, container, options);
  }
}
