import { setMaxListeners } from "node:events";
import { lazy } from "@rax/core";
import * as z from "zod/mini";
import { type ObjectListing, walkObjects } from "../objects/listing";
import { containerName } from "../names";
import { deleteInBatches } from "../objects/requests";
import { abortSignal, parseOptions, positiveInt } from "../options";
import type { SwiftClient } from "../swift-client";
import { ARCHIVE_DEFAULTS, archiveHeaders, planArchives, uploadBatch } from "./archive-batches";
import { getFileChecksum } from "./checksum";
import { checkFolder, type IgnoreMatcher, ignoreMatcher, ignoreSchema, type LocalFile, scanFolder } from "./folder-scan";
import { writeObject } from "./store-object";
import { storeObjectOptionsSchema, storeOptions } from "./store-options";
import { runPool } from "./worker-pool";

/** A folder sync's options: the one declaration its type and its checks come from. */
export const syncFolderOptionsSchema = lazy(() =>
  z.strictObject({
    /** Upload names starting with "." (default false). */
    includeHidden: z.optional(z.boolean("must be a boolean")),
    /** Upload whenever content differs, even if the server's copy is newer (default false). */
    ignoreTimestamps: z.optional(z.boolean("must be a boolean")),
    /** Glob pattern(s) matched against file/folder names and relative paths. */
    ignore: z.optional(ignoreSchema()),
    /** Object name prefix; a "/" is added when missing. */
    prefix: z.optional(z.string("must be a string")),
    /** Delete objects under the prefix that have no local file (default false). */
    delete: z.optional(z.boolean("must be a boolean")),
    /** Files uploaded at once (default 8). */
    concurrency: z.optional(positiveInt()),
    /**
     * Send changed small files (≤ 1 MiB) as tar archives through Swift's bulk middleware when there
     * are at least 3, each file verified against a listing (default true). `false`: one PUT per file.
     */
    archive: z.optional(z.boolean("must be a boolean")),
    contentType: storeObjectOptionsSchema().shape.contentType,
    ttl: storeObjectOptionsSchema().shape.ttl,
    signal: z.optional(abortSignal()),
  }),
);

export type SyncFolderOptions = z.input<ReturnType<typeof syncFolderOptionsSchema>>;

export interface SyncResult {
  /** Object names uploaded (new or changed). */
  uploaded: string[];
  /** Object names already up to date (or newer on the server). */
  skipped: string[];
  /** Object names deleted because no local file matches (with `delete: true`). */
  deleted: string[];
  failed: { name: string; error: unknown }[];
}

interface SyncPlanOptions {
  includeHidden: boolean;
  ignoreTimestamps: boolean;
  ignored: IgnoreMatcher;
  prefix: string;
  delete: boolean;
  concurrency: number;
  signal?: AbortSignal;
}

const MIN_ARCHIVE_FILES = 3;

/** Swift's `last_modified` is UTC without a zone suffix. */
export function parseLastModified(s: string | undefined): number | undefined {
  if (!s) return undefined;
  const t = Date.parse(/[zZ]|[+-]\d\d:?\d\d$/.test(s) ? s : `${s}Z`);
  return Number.isNaN(t) ? undefined : t;
}

async function needsUpload(file: LocalFile, remote: ObjectListing | undefined, ignoreTimestamps: boolean): Promise<boolean> {
  if (!remote) return true;
  // Size first: only files of equal size are read for their MD5.
  const same = remote.bytes === file.size && remote.hash !== undefined && (await getFileChecksum(file.path)) === remote.hash.toLowerCase();
  if (same) return false;
  if (ignoreTimestamps) return true;
  // pyrax's behaviour (its docs state the flag backwards): keep a remote copy newer than the file.
  const remoteTime = parseLastModified(remote.lastModified);
  return remoteTime === undefined || file.mtimeMs > remoteTime;
}

/**
 * Make the container match the folder: ONE paged listing of the container (under the prefix)
 * compared with the local files by size + MD5 (and timestamp unless `ignoreTimestamps`), instead
 * of a HEAD per file; then uploads (changed small files as archives, each file verified, as
 * `uploadFolder` does; a file an archive did not store goes again as a PUT) and optional deletes.
 */
export async function syncFolder(client: SwiftClient, path: unknown, container: unknown, options?: unknown): Promise<SyncResult> {
  const c = containerName(container);
  const opts = options === undefined ? {} : parseOptions(syncFolderOptionsSchema(), options, "options");
  const store = storeOptions(storeObjectOptionsSchema(), { contentType: opts.contentType, ttl: opts.ttl });
  const ignored = ignoreMatcher(opts.ignore);
  const root = await checkFolder(path);
  let prefix = opts.prefix ?? "";
  if (prefix && !prefix.endsWith("/")) prefix += "/";
  const o: SyncPlanOptions = {
    includeHidden: opts.includeHidden ?? false,
    ignoreTimestamps: opts.ignoreTimestamps ?? false,
    ignored,
    prefix,
    delete: opts.delete ?? false,
    concurrency: opts.concurrency ?? 8,
    signal: opts.signal,
  };
  const upload = async (file: LocalFile, name: string, signal?: AbortSignal) => {
    await writeObject(client, c, name, { kind: "file", path: file.path, size: file.size }, { ...store.options, signal }, store.headers);
  };
  const files = await scanFolder(root, o.ignored, o.includeHidden);
  const remote = new Map<string, ObjectListing>();
  for await (const row of walkObjects(client, c, { prefix: o.prefix || undefined, signal: o.signal }))
    if (!row.isSubdir) remote.set(row.name, row);

  const result: SyncResult = { uploaded: [], skipped: [], deleted: [], failed: [] };
  // First what changed (a file named by its object name), then one upload plan for all of it.
  const changed: LocalFile[] = [];
  let i = 0;
  await runPool(
    o.concurrency,
    () => files[i++],
    async (file) => {
      const name = o.prefix + file.rel;
      try {
        if (await needsUpload(file, remote.get(name), o.ignoreTimestamps)) changed.push({ ...file, rel: name });
        else result.skipped.push(name);
      } catch (error) {
        result.failed.push({ name, error });
      }
    },
    o.signal,
  );
  await uploadChanged(client, c, changed, { archive: opts.archive !== false, contentType: opts.contentType, headers: store.headers }, o, upload, result);

  if (o.delete) {
    const local = new Set(files.map((f) => o.prefix + f.rel));
    const stale = [...remote.keys()].filter((name) => {
      if (local.has(name)) return false;
      const rel = name.slice(o.prefix.length);
      const parts = rel.split("/");
      // Leave alone what the scan would not have looked at: hidden or ignored names.
      if (!o.includeHidden && parts.some((p) => p.startsWith("."))) return false;
      return !parts.some((_, k) => o.ignored(parts.slice(0, k + 1).join("/"), parts[k] as string));
    });
    if (stale.length > 0) {
      const r = await deleteInBatches(client, c, stale);
      const failedPaths = new Set(r.errors.map(([p]) => p));
      for (const name of stale) {
        if ([...failedPaths].some((p) => p.endsWith(`/${name}`) || decodeURIComponent(p).endsWith(`/${name}`)))
          result.failed.push({ name, error: new Error(`bulk delete failed: ${r.errors.find(([p]) => decodeURIComponent(p).endsWith(`/${name}`))?.[1] ?? r.status}`) });
        else result.deleted.push(name);
      }
    }
  }
  result.uploaded.sort();
  result.skipped.sort();
  return result;
}

/**
 * Uploads the changed files (named by object name): small ones as archives when at least
 * `MIN_ARCHIVE_FILES`, the rest and whatever an archive did not store by a PUT each.
 */
async function uploadChanged(
  client: SwiftClient,
  container: string,
  changed: LocalFile[],
  a: { archive: boolean; contentType?: string; headers: Record<string, string> },
  o: SyncPlanOptions,
  upload: (file: LocalFile, name: string, signal?: AbortSignal) => Promise<void>,
  result: SyncResult,
): Promise<void> {
  const put = async (file: LocalFile) => {
    try {
      await upload(file, file.rel, o.signal);
      result.uploaded.push(file.rel);
    } catch (error) {
      result.failed.push({ name: file.rel, error });
    }
  };
  const small = changed.filter((f) => f.size <= ARCHIVE_DEFAULTS.maxFileSize).length;
  // Below 3 files an archive and its verifying listing are no fewer requests than a PUT each.
  const plan = a.archive && small >= MIN_ARCHIVE_FILES ? planArchives(changed, ARCHIVE_DEFAULTS) : { batches: [], single: changed };
  const retry: LocalFile[] = [];
  // The archives listen on a signal of their own (following the caller's): 32 archives in flight,
  // each with its request and listing, are more listeners than Node's default 10 — not a leak.
  const inner = new AbortController();
  const { signal } = inner;
  setMaxListeners(ARCHIVE_DEFAULTS.concurrency * 2 + 10, signal);
  const follow = () => inner.abort(o.signal?.reason);
  if (o.signal?.aborted) follow();
  else o.signal?.addEventListener("abort", follow, { once: true });
  const sendBatch = async (batch: LocalFile[]) => {
    const outcomes = await uploadBatch(client, container, batch, { headers: archiveHeaders(a.headers), contentType: a.contentType, signal, progress: () => undefined });
    outcomes.forEach((r, k) => {
      const file = batch[k] as LocalFile;
      if (r.kind === "uploaded") result.uploaded.push(file.rel);
      else if (r.kind === "retry") retry.push(file);
      else result.failed.push({ name: file.rel, error: r.kind === "failed" ? r.error : signal.reason });
    });
  };
  let s = 0;
  let b = 0;
  try {
    await Promise.all([
      runPool(o.concurrency, () => plan.single[s++], put, o.signal),
      runPool(ARCHIVE_DEFAULTS.concurrency, () => plan.batches[b++], sendBatch, o.signal),
    ]);
  } finally {
    o.signal?.removeEventListener("abort", follow);
  }
  let again = 0;
  await runPool(o.concurrency, () => retry[again++], put, o.signal);
}
