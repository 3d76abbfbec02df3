import { ValidationError } from "@rax/core";
import type { ContainerRef } from "../names";
import type { SwiftClient } from "../swift-client";
import { type SyncFolderOptions, type SyncResult, syncFolder } from "./folder-sync";
import { type FolderUploadJob, type UploadFolderOptions, uploadFolder } from "./folder-upload";

export type { SyncFolderOptions, UploadFolderOptions };

/** `cf.folders`: upload a folder tree (a background job) or sync one into a container. */
export class Folders {
  readonly #root: SwiftClient;
  readonly #uploads = new Map<string, FolderUploadJob>();

  constructor(root: SwiftClient) {
    this.#root = root;
  }

  /**
   * Upload a folder tree in the background: returns a job at once (core's `Job`: `await job` →
   * `{ uploaded, failed, notUploaded, cancelled, … }`, `on("progress")`, `abort()` / `cancel()`,
   * `key`, live `uploadedBytes`, `totalBytes` once `scanned`). Bad input rejects the job.
   */
  upload(path: string, options?: UploadFolderOptions): FolderUploadJob {
    const job = uploadFolder(this.#root, path, options);
    this.#uploads.set(job.key, job);
    return job;
  }

  /** Bytes uploaded so far by the folder upload `key` (pyrax's `get_uploaded`). */
  getUploaded(key: string): number {
    return this.#job(key).uploadedBytes;
  }

  /** Stop the folder upload `key` (pyrax's `cancel_folder_upload`). */
  cancelUpload(key: string): void {
    this.#job(key).cancel();
  }

  #job(key: string): FolderUploadJob {
    const job = typeof key === "string" ? this.#uploads.get(key) : undefined;
    if (!job) throw new ValidationError("key", "no folder upload with this key");
    return job;
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
