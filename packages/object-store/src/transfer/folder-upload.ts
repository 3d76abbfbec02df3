import { randomUUID } from "node:crypto";
import { setMaxListeners } from "node:events";
import { basename } from "node:path";
import { type Job, startJob, ValidationError, lazy } from "@rax/core";
import * as z from "zod/mini";
import { createContainer } from "../containers/requests";
import { type ContainerRef, containerName } from "../names";
import { abortSignal, callback, parseOptions, positiveInt } from "../options";
import type { SwiftClient } from "../swift-client";
import { ARCHIVE_DEFAULTS, type ArchiveLimits, archiveHeaders, type BatchOutcome, planArchives, uploadBatch } from "./archive-batches";
import { checkFolder, ignoreMatcher, ignoreSchema, type LocalFile, scanFolder } from "./folder-scan";
import { writeObject } from "./store-object";
import { storeObjectOptionsSchema, storeOptions } from "./store-options";
import { runPool } from "./worker-pool";

export interface FolderProgress {
  uploadedBytes: number;
  totalBytes: number;
  /** Object name whose bytes moved. */
  name: string;
}

export interface FolderUploadResult {
  container: string;
  /** Object names stored. */
  uploaded: string[];
  failed: { name: string; error: unknown }[];
  /** Names not uploaded because the job was cancelled. */
  notUploaded: string[];
  cancelled: boolean;
  uploadedBytes: number;
  totalBytes: number;
}

/** A folder upload's options: the one declaration its type and its checks come from. */
export const uploadFolderOptionsSchema = lazy(() =>
  z.strictObject({
    /** Container name or object; default: the folder's name. Created if missing. */
    container: z.optional(z.custom<ContainerRef>()),
    /** Glob pattern(s) matched against file/folder names and relative paths (`*`, `?`, `**`, `[…]`, `{a,b}`). */
    ignore: z.optional(ignoreSchema()),
    contentType: storeObjectOptionsSchema().shape.contentType,
    contentEncoding: storeObjectOptionsSchema().shape.contentEncoding,
    ttl: storeObjectOptionsSchema().shape.ttl,
    /** Files uploaded at once by PUTs of their own (default 8). */
    concurrency: z.optional(positiveInt()),
    /**
     * Send small files as tar archives through Swift's bulk middleware (`?extract-archive=tar`),
     * each file then verified against the container listing (default true; see the README).
     * `false`: one PUT per file. An object tunes it: `maxFileSize` (default 1 MiB), `batchBytes`
     * (default 16 MiB), `batchFiles` (default 50), `concurrency` (archives in flight, default 32).
     */
    archive: z.optional(
      z.union(
        [
          z.boolean(),
          z.strictObject({
            maxFileSize: z.optional(z.number().check(z.int("must be a non-negative integer"), z.gte(0, "must be a non-negative integer"))),
            batchBytes: z.optional(positiveInt()),
            batchFiles: z.optional(positiveInt()),
            concurrency: z.optional(positiveInt()),
          }),
        ],
        "must be a boolean or { maxFileSize, batchBytes, batchFiles, concurrency }",
      ),
    ),
    signal: z.optional(abortSignal()),
    onProgress: z.optional(callback<(p: FolderProgress) => void>()),
  }),
);

export type UploadFolderOptions = z.input<ReturnType<typeof uploadFolderOptionsSchema>>;

/**
 * A folder upload running in the background: core's `Job` (`await job` → `FolderUploadResult`,
 * `status`, `on("progress")`, `abort()`, `id`) plus pyrax's upload key and byte counts.
 */
export interface FolderUploadJob extends Job<FolderUploadResult, FolderProgress> {
  /** pyrax's upload key (also the job's `id`): `cf.getUploaded(key)`, `cf.cancelFolderUpload(key)`. */
  readonly key: string;
  readonly container: string;
  /** Bytes to upload: known once the folder is scanned (see `scanned`), 0 before. */
  readonly totalBytes: number;
  /** Bytes sent so far (live, while files stream). */
  readonly uploadedBytes: number;
  readonly finished: boolean;
  readonly cancelled: boolean;
  /** Stop: in-flight requests are aborted, no new file starts; the job resolves with `cancelled: true`. Same as `abort()`. */
  cancel(): void;
  /** The job as a Promise (`await job` does the same). */
  readonly done: Promise<FolderUploadResult>;
  /** pyrax's `(upload_key, total_bytes)`: resolves once the folder is scanned and the container exists. */
  readonly scanned: Promise<{ key: string; totalBytes: number; files: number }>;
}

interface UploadState {
  container: string;
  totalBytes: number;
  uploadedBytes: number;
}

/**
 * Upload a folder tree as a job, returned at once. The input is checked first (a bad one rejects
 * the job before any request); then the folder is scanned, the container created, and the files
 * stored `concurrency` at a time. A failing file does not stop the others.
 */
export function uploadFolder(client: SwiftClient, path: unknown, options?: unknown): FolderUploadJob {
  const key = randomUUID();
  const state: UploadState = { container: "", totalBytes: 0, uploadedBytes: 0 };
  let scannedOk!: (v: { key: string; totalBytes: number; files: number }) => void;
  let scannedFailed!: (e: unknown) => void;
  const scanned = new Promise<{ key: string; totalBytes: number; files: number }>((ok, fail) => {
    scannedOk = ok;
    scannedFailed = fail;
  });
  scanned.catch(() => undefined);

  let input: { o: z.output<ReturnType<typeof uploadFolderOptionsSchema>>; store: ReturnType<typeof storeOptions> } | undefined;
  let invalid: unknown;
  try {
    const o = options === undefined ? {} : parseOptions(uploadFolderOptionsSchema(), options, "options");
    const store = storeOptions(storeObjectOptionsSchema(), { contentType: o.contentType, contentEncoding: o.contentEncoding, ttl: o.ttl });
    if (typeof path !== "string" || path.length === 0) throw new ValidationError("path", "must be a folder path");
    state.container =
      o.container === undefined ? containerName(basename(path.replace(/[/\\]+$/, "")), "path") : containerName(o.container, "options.container");
    input = { o, store };
  } catch (e) {
    invalid = e;
  }

  const job = startJob<FolderUploadResult, FolderProgress>(
    async (ctx) => {
      if (!input) throw invalid;
      const { o, store } = input;
      let files: LocalFile[];
      try {
        const root = await checkFolder(path);
        files = await scanFolder(root, ignoreMatcher(o.ignore), true);
        state.totalBytes = files.reduce((a, f) => a + f.size, 0);
        if (!ctx.signal.aborted) await createContainer(client, state.container, undefined);
        scannedOk({ key, totalBytes: state.totalBytes, files: files.length });
      } catch (e) {
        scannedFailed(e);
        throw e;
      }
      return uploadFiles(client, state, files, o, store, ctx);
    },
    // The caller's signal is the job's: already fired, the job rejects with AbortError and sends nothing.
    { id: key, signal: input?.o.signal },
  );
  // A job that fails or is cancelled before its scan settles `scanned` too: bad options throw
  // before the scan starts, and a cancel in the same tick as the call stops the job before its
  // work runs at all; either way, `await job.scanned` would otherwise never return.
  job.then(undefined, scannedFailed);
  if (input?.o.onProgress) job.on("progress", input.o.onProgress);
  const done = Promise.resolve(job);
  done.catch(() => undefined);
  return Object.defineProperties(job, {
    key: { value: key, enumerable: false },
    container: { get: () => state.container, enumerable: false },
    totalBytes: { get: () => state.totalBytes, enumerable: false },
    uploadedBytes: { get: () => state.uploadedBytes, enumerable: false },
    finished: { get: () => job.status !== "running", enumerable: false },
    cancelled: { get: () => job.signal.aborted, enumerable: false },
    cancel: { value: () => job.abort(), enumerable: false },
    done: { value: done, enumerable: false },
    scanned: { value: scanned, enumerable: false },
  }) as FolderUploadJob;
}

type UploadOptions = z.output<ReturnType<typeof uploadFolderOptionsSchema>>;

/** The archive settings, or undefined when files must go one PUT each. */
function archiveSettings(o: UploadOptions): (ArchiveLimits & { concurrency: number }) | undefined {
  if (o.archive === false) return undefined;
  // Bulk copies only X-Delete-*, X-Object-Meta-* and the entry's mime type to the objects it
  // creates: a Content-Encoding would be dropped, so those uploads keep a PUT per file.
  if (o.contentEncoding !== undefined) return undefined;
  return { ...ARCHIVE_DEFAULTS, ...(typeof o.archive === "object" ? o.archive : {}) };
}

/** Fewest files an archive is cut down to when spreading a small folder over the archives in flight. */
const MIN_ARCHIVE_FILES = 4;

/**
 * Files per archive: `batchFiles`, or fewer so that a small folder still fills `concurrency` archives
 * (Swift extracts one archive's entries one after another: 100 files in 2 archives of 50 are 50
 * PUTs deep, in 8 of 13 only 13).
 */
function filesPerArchive(files: readonly LocalFile[], a: ArchiveLimits & { concurrency: number }): number {
  let small = 0;
  for (const f of files) if (f.size <= a.maxFileSize) small++;
  return Math.min(a.batchFiles, Math.max(MIN_ARCHIVE_FILES, Math.ceil(small / a.concurrency)));
}

async function uploadFiles(
  client: SwiftClient,
  state: UploadState,
  files: LocalFile[],
  o: UploadOptions,
  store: ReturnType<typeof storeOptions>,
  ctx: { signal: AbortSignal; progress(p: FolderProgress): void },
): Promise<FolderUploadResult> {
  const uploaded: string[] = [];
  const failed: { name: string; error: unknown }[] = [];
  const notUploaded: string[] = [];
  const signal = ctx.signal;
  const concurrency = o.concurrency ?? 8;
  const archive = archiveSettings(o);
  const plan = archive ? planArchives(files, { ...archive, batchFiles: filesPerArchive(files, archive) }) : { batches: [], single: files };
  // Every in-flight request listens on the job's signal: more than Node's default of 10 is
  // expected at higher concurrency, not a leak.
  setMaxListeners(concurrency + (archive?.concurrency ?? 0) * 2 + 10, signal);
  const moved = (file: LocalFile, delta: number) => {
    state.uploadedBytes += delta;
    if (delta > 0) ctx.progress({ uploadedBytes: state.uploadedBytes, totalBytes: state.totalBytes, name: file.rel });
  };

  const putOne = async (file: LocalFile) => {
    if (signal.aborted) {
      notUploaded.push(file.rel);
      return;
    }
    let counted = 0;
    try {
      const onProgress = (sent: number) => {
        const delta = sent - counted;
        counted = sent;
        moved(file, delta);
      };
      const source = { kind: "file", path: file.path, size: file.size } as const;
      await writeObject(client, state.container, file.rel, source, { ...store.options, signal, onProgress }, store.headers);
      state.uploadedBytes += file.size - counted;
      uploaded.push(file.rel);
    } catch (error) {
      state.uploadedBytes -= counted;
      if (signal.aborted) notUploaded.push(file.rel);
      else failed.push({ name: file.rel, error });
    }
  };

  // Archive entries the server did not take for a reason a PUT of their own may not meet.
  const retry: LocalFile[] = [];
  const sendBatch = async (batch: LocalFile[]) => {
    if (signal.aborted) {
      for (const f of batch) notUploaded.push(f.rel);
      return;
    }
    const outcomes = await uploadBatch(client, state.container, batch, {
      headers: archiveHeaders(store.headers),
      contentType: o.contentType,
      signal,
      progress: moved,
    });
    outcomes.forEach((r: BatchOutcome, k) => {
      const f = batch[k] as LocalFile;
      if (r.kind === "uploaded") uploaded.push(f.rel);
      else if (r.kind === "failed") failed.push({ name: f.rel, error: r.error });
      else if (r.kind === "retry") retry.push(f);
      else notUploaded.push(f.rel);
    });
  };

  let s = 0;
  let b = 0;
  await Promise.all([
    runPool(concurrency, () => plan.single[s++], putOne),
    runPool(archive?.concurrency ?? 1, () => plan.batches[b++], sendBatch),
  ]);
  for (; s < plan.single.length; s++) notUploaded.push((plan.single[s] as LocalFile).rel);
  for (; b < plan.batches.length; b++) for (const f of plan.batches[b] as LocalFile[]) notUploaded.push(f.rel);
  let r = 0;
  await runPool(concurrency, () => retry[r++], putOne);
  for (; r < retry.length; r++) notUploaded.push((retry[r] as LocalFile).rel);
  return {
    container: state.container,
    uploaded,
    failed,
    notUploaded,
    cancelled: signal.aborted,
    uploadedBytes: state.uploadedBytes,
    totalBytes: state.totalBytes,
  };
}
