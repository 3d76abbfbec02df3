import { basename } from "node:path";
import { ValidationError } from "@rax/core";
import * as containers from "../containers/requests";
import { type ContainerRef, containerName } from "../names";
import { checkBool, checkObject, posInt } from "../options";
import type { SwiftClient } from "../swift-client";
import { checkFolder, ignoreMatcher, scanFolder } from "./folder-scan";
import { type SyncResult, syncFolder } from "./folder-sync";
import { type FolderProgress, FolderUploadJob } from "./folder-upload";
import { storeObject } from "./store-object";
import { checkStoreOptions } from "./store-options";

export interface UploadFolderOptions {
  /** Container name or object; default: the folder's name. Created if missing. */
  container?: ContainerRef;
  /** Glob pattern(s) (picomatch) matched against file/folder names and relative paths. */
  ignore?: string | string[];
  contentType?: string;
  contentEncoding?: string;
  ttl?: number;
  /** Files uploaded at once (default 8). */
  concurrency?: number;
  signal?: AbortSignal;
  onProgress?: (p: FolderProgress) => void;
}

export interface SyncFolderOptions {
  /** Upload names starting with "." (default false). */
  includeHidden?: boolean;
  /** Upload whenever content differs, even if the server's copy is newer (default false). */
  ignoreTimestamps?: boolean;
  ignore?: string | string[];
  /** Object name prefix; a "/" is added when missing. */
  prefix?: string;
  /** Delete objects under the prefix that have no local file (default false). */
  delete?: boolean;
  concurrency?: number;
  contentType?: string;
  ttl?: number;
  signal?: AbortSignal;
}

/** `cf.folders`: upload a folder tree (a background job) or sync one into a container. */
export class Folders {
  readonly #root: SwiftClient;
  readonly #uploads = new Map<string, FolderUploadJob>();

  constructor(root: SwiftClient) {
    this.#root = root;
  }

  /**
   * Upload a folder tree in the background. Resolves (after scanning and creating the container)
   * with a job: `totalBytes`, live `uploadedBytes`, `on("progress")`, `cancel()`, `done`, `key`.
   */
  async upload(path: string, options?: UploadFolderOptions): Promise<FolderUploadJob> {
    const o = checkObject(options, "options", ["container", "ignore", "contentType", "contentEncoding", "ttl", "concurrency", "signal", "onProgress"]);
    const storeOpts = checkStoreOptions({ contentType: o.contentType, contentEncoding: o.contentEncoding, ttl: o.ttl });
    if (o.concurrency !== undefined && !posInt(o.concurrency)) throw new ValidationError("options.concurrency", "must be a positive integer");
    if (o.onProgress !== undefined && typeof o.onProgress !== "function") throw new ValidationError("options.onProgress", "must be a function");
    const ignored = ignoreMatcher(o.ignore);
    const root = await checkFolder(path);
    const c = o.container === undefined ? containerName(basename(root.replace(/[/\\]+$/, "")), "path") : containerName(o.container, "options.container");
    const files = await scanFolder(root, ignored, true);
    await containers.createContainer(this.#root, c, undefined);
    const job = new FolderUploadJob(
      c,
      files,
      async (file, signal, onBytes) => {
        await storeObject(this.#root, c, file.rel, { kind: "file", path: file.path, size: file.size }, { ...storeOpts, signal, onProgress: onBytes });
      },
      { concurrency: (o.concurrency as number | undefined) ?? 8, signal: o.signal as AbortSignal | undefined, onProgress: o.onProgress as UploadFolderOptions["onProgress"] },
    );
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
  async sync(path: string, container: ContainerRef, options?: SyncFolderOptions): Promise<SyncResult> {
    const c = containerName(container);
    const o = checkObject(options, "options", [
      "includeHidden", "ignoreTimestamps", "ignore", "prefix", "delete", "concurrency", "contentType", "ttl", "signal",
    ]);
    for (const k of ["includeHidden", "ignoreTimestamps", "delete"]) checkBool(o[k], `options.${k}`);
    if (o.prefix !== undefined && typeof o.prefix !== "string") throw new ValidationError("options.prefix", "must be a string");
    if (o.concurrency !== undefined && !posInt(o.concurrency)) throw new ValidationError("options.concurrency", "must be a positive integer");
    const storeOpts = checkStoreOptions({ contentType: o.contentType, ttl: o.ttl });
    const ignored = ignoreMatcher(o.ignore);
    const root = await checkFolder(path);
    let prefix = (o.prefix as string | undefined) ?? "";
    if (prefix && !prefix.endsWith("/")) prefix += "/";
    return syncFolder(
      this.#root,
      root,
      c,
      {
        includeHidden: Boolean(o.includeHidden),
        ignoreTimestamps: Boolean(o.ignoreTimestamps),
        ignored,
        prefix,
        delete: Boolean(o.delete),
        concurrency: (o.concurrency as number | undefined) ?? 8,
        signal: o.signal as AbortSignal | undefined,
      },
      async (file, name, signal) => {
        await storeObject(this.#root, c, name, { kind: "file", path: file.path, size: file.size }, { ...storeOpts, signal });
      },
    );
  }
}
