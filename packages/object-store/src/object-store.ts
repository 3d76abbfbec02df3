import { basename } from "node:path";
import {
  type AuthSession,
  type Paginated,
  Paginated as PaginatedImpl,
  type RaxResponse,
  ServiceClient,
  type ServiceClientOptions,
  ValidationError,
  validate,
} from "@rax/core";
import * as z from "zod";
import * as account from "./account/requests";
import { type BulkDeleteJob, type BulkDeleteResult, bulkDeleteAll, bulkDeleteJob } from "./objects/bulk-delete";
import * as cdn from "./cdn/requests";
import { Container } from "./container";
import * as containers from "./containers/requests";
import { type DownloadOptions, downloadObject } from "./transfer/download";
import { checkFetchOptions, type FetchObjectOptions, getObject, readAll, rechunk } from "./objects/fetch";
import { checkFolder, ignoreMatcher, scanFolder } from "./transfer/folder-scan";
import { type SyncResult, syncFolder } from "./transfer/folder-sync";
import { type FolderProgress, FolderUploadJob } from "./transfer/folder-upload";
import { MissingTempUrlKey } from "./errors";
import { containerPage, listContainerRows, listObjectRows, objectPage, type ContainerListing } from "./listing";
import { checkListingOptions, type ListingOptions } from "./listing-options";
import { type Metadata, type MetadataInput, metaHeaders } from "./metadata-headers";
import { type ContainerRef, containerName, type ObjectRef, objectName } from "./names";
import type { ObjectInfo } from "./objects/models";
import * as ops from "./objects/requests";
import { type ObjectSource, sourceFromData, sourceFromFile } from "./transfer/object-source";
import { StorageObject } from "./storage-object";
import { storeObject } from "./transfer/store-object";
import { checkStoreOptions, type StoreObjectOptions } from "./transfer/store-options";
import {
  DEFAULT_BULK_DELETE_BATCH,
  DEFAULT_SEGMENT_CONCURRENCY,
  DEFAULT_SEGMENT_SIZE,
  type ObjectStoreDefaults,
  type SwiftClient,
} from "./swift-client";
import { buildTempUrl, checkTempUrlOptions, type TempUrlOptions } from "./temp-url";
import type { UploadData } from "./transfer/upload-data";

const positiveInt = z.number().int().positive().max(Number.MAX_SAFE_INTEGER);
// Unknown options are refused: a misspelt `segmentSise` silently ignored would upload 5 GiB PUTs.
const clientOptionsSchema = z.strictObject({
  region: z.string().optional(),
  internal: z.boolean().optional(),
  endpoint: z.string().optional(),
  cdnEndpoint: z.string().optional(),
  segmentSize: positiveInt.optional(),
  segmentConcurrency: positiveInt.optional(),
  bulkDeleteBatchSize: positiveInt.optional(),
});

export interface ObjectStoreOptions extends ServiceClientOptions {
  /** CDN management URL; default: the catalog's `rax:object-cdn` / `cloudFilesCDN` entry. */
  cdnEndpoint?: string;
  /** Objects larger than this are uploaded in segments (default 5 GiB − 1 byte, pyrax's limit). */
  segmentSize?: number;
  /** Parallel segment uploads (default 4). */
  segmentConcurrency?: number;
  /** Names per bulk-delete request (default 10 000, Swift's limit). */
  bulkDeleteBatchSize?: number;
}

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

const posInt = (v: unknown) => Number.isSafeInteger(v) && (v as number) > 0;

function checkObject(o: unknown, field: string, keys: string[]): Record<string, unknown> {
  if (o === undefined) return {};
  if (o === null || typeof o !== "object" || Array.isArray(o)) throw new ValidationError(field, "must be an object");
  for (const k of Object.keys(o)) if (!keys.includes(k)) throw new ValidationError(`${field}.${k}`, "unknown option");
  return o as Record<string, unknown>;
}

function checkBool(v: unknown, field: string): boolean | undefined {
  if (v !== undefined && typeof v !== "boolean") throw new ValidationError(field, "must be a boolean");
  return v as boolean | undefined;
}

/** pyrax took the new name positionally; here it is an option, and a string says so. */
function copyOptions(options: unknown): unknown {
  if (typeof options === "string")
    throw new ValidationError("options", `must be an object: pass the new name as { newObjName: ${JSON.stringify(options)} }`);
  return options;
}

function checkMetadataArg(meta: unknown): void {
  if (meta === null || typeof meta !== "object" || Array.isArray(meta)) throw new ValidationError("metadata", "must be an object of key/value pairs");
}

/**
 * Cloud Files / OpenStack Swift (pyrax's `pyrax.cloudfiles`). Every method takes container and
 * object names or the `Container` / `StorageObject` objects it returns.
 */
export class ObjectStore extends ServiceClient implements SwiftClient {
  static override readonly serviceType = "object-store";
  static override readonly serviceName = "cloudFiles";
  static readonly cdnServiceType = "rax:object-cdn";
  static readonly cdnServiceName = "cloudFilesCDN";

  readonly defaults: ObjectStoreDefaults;
  readonly #cdnOverride?: string;
  #cdnEndpoint?: string;
  #tempUrlKey?: Promise<string | undefined>;
  readonly #uploads = new Map<string, FolderUploadJob>();

  constructor(session: AuthSession, opts: ObjectStoreOptions = {}) {
    validate(clientOptionsSchema, opts, "");
    super(session, opts);
    this.defaults = {
      segmentSize: opts.segmentSize ?? DEFAULT_SEGMENT_SIZE,
      segmentConcurrency: opts.segmentConcurrency ?? DEFAULT_SEGMENT_CONCURRENCY,
      bulkDeleteBatchSize: opts.bulkDeleteBatchSize ?? DEFAULT_BULK_DELETE_BATCH,
    };
    this.#cdnOverride = opts.cdnEndpoint?.replace(/\/+$/, "");
  }

  /** CDN management URL, resolved on first use: a client without CDN works until a CDN call. */
  get cdnEndpoint(): string {
    if (this.#cdnEndpoint === undefined) {
      const url =
        this.#cdnOverride ??
        this.session.endpoint({
          type: ObjectStore.cdnServiceType,
          name: ObjectStore.cdnServiceName,
          ...(this.region ? { region: this.region } : {}),
          internal: false,
        });
      this.#cdnEndpoint = url.replace(/\/+$/, "");
    }
    return this.#cdnEndpoint;
  }

  #container(info: containers.ContainerInfo | ContainerListing): Container {
    if ("objectCount" in info) return new Container(this, info);
    return new Container(this, { name: info.name, objectCount: info.count, bytesUsed: info.bytes });
  }
  #object(info: ObjectInfo): StorageObject {
    return new StorageObject(this, info);
  }

  // ---- account ------------------------------------------------------------------------------

  /** Container/object counts, bytes used and account metadata (HEAD on the account). */
  getAccountDetails(): Promise<account.AccountInfo> {
    return account.getAccountDetails(this);
  }
  /** Alias of `getAccountDetails` (pyrax's `get_account_info`). */
  getAccountInfo(): Promise<account.AccountInfo> {
    return this.getAccountDetails();
  }
  getAccountMetadata(): Promise<Metadata> {
    return account.getAccountMetadata(this);
  }
  /** Add (default) or, with `clear: true`, replace the account metadata. */
  async setAccountMetadata(metadata: MetadataInput, options?: { clear?: boolean }): Promise<void> {
    checkMetadataArg(metadata);
    const o = checkObject(options, "options", ["clear"]);
    checkBool(o.clear, "options.clear");
    metaHeaders("Account", metadata);
    return account.setAccountMetadata(this, metadata, Boolean(o.clear));
  }
  removeAccountMetadataKey(key: string): Promise<void> {
    return account.removeAccountMetadataKey(this, key);
  }
  /** Set the account's temp-URL key (a random 32-hex one when omitted) and return it. */
  async setTempUrlKey(key?: string): Promise<string> {
    const k = await account.setTempUrlKey(this, key);
    this.#tempUrlKey = Promise.resolve(k);
    return k;
  }
  getTempUrlKey(): Promise<string | undefined> {
    return account.getTempUrlKey(this);
  }

  // ---- containers ---------------------------------------------------------------------------

  /** Create the container, or return it if it exists (pyrax's idempotent `create_container`). */
  async createContainer(name: string, options?: { metadata?: MetadataInput }): Promise<Container> {
    const n = containerName(name, "name");
    const o = checkObject(options, "options", ["metadata"]);
    return this.#container(await containers.createContainer(this, n, o.metadata));
  }
  /** HEAD the container; `NoSuchContainer` if absent. `{ cdn: true }` also loads its CDN attributes. */
  async getContainer(container: ContainerRef, options?: { cdn?: boolean }): Promise<Container> {
    const n = containerName(container);
    const o = checkObject(options, "options", ["cdn"]);
    checkBool(o.cdn, "options.cdn");
    const c = this.#container(await containers.headContainer(this, n));
    if (o.cdn) c.applyCdn(await cdn.getCdnAttributes(this, n));
    return c;
  }
  /** Container names (one page; `fullListing: true` for all). */
  async listContainers(options?: ListingOptions): Promise<string[]> {
    const o = checkListingOptions(options);
    return (await listContainerRows(this, o)).map((r) => r.name);
  }
  /** `{ name, count, bytes }` per container. */
  async listContainersInfo(options?: ListingOptions): Promise<ContainerListing[]> {
    return listContainerRows(this, checkListingOptions(options));
  }
  /** `Container` objects from the listing (no HEAD per container). */
  async getAllContainers(options?: ListingOptions): Promise<Container[]> {
    return (await listContainerRows(this, checkListingOptions(options))).map((r) => this.#container(r));
  }
  /** Every container, page by page (await it for the first page). */
  iterContainers(options?: Omit<ListingOptions, "fullListing">): Paginated<ContainerListing> {
    const o = checkListingOptions(options);
    return new PaginatedImpl((cursor) => containerPage(this, o, cursor));
  }
  /** Delete the container; with `deleteObjects: true` its objects are bulk-deleted first. */
  async deleteContainer(container: ContainerRef, options?: { deleteObjects?: boolean }): Promise<void> {
    const n = containerName(container);
    const o = checkObject(options, "options", ["deleteObjects"]);
    checkBool(o.deleteObjects, "options.deleteObjects");
    await containers.deleteContainer(this, n, Boolean(o.deleteObjects));
  }
  async getContainerMetadata(container: ContainerRef): Promise<Metadata> {
    return (await containers.headContainer(this, containerName(container))).metadata;
  }
  async setContainerMetadata(container: ContainerRef, metadata: MetadataInput, options?: { clear?: boolean }): Promise<void> {
    const n = containerName(container);
    checkMetadataArg(metadata);
    const o = checkObject(options, "options", ["clear"]);
    checkBool(o.clear, "options.clear");
    metaHeaders("Container", metadata);
    await containers.setContainerMetadata(this, n, metadata, Boolean(o.clear));
  }
  removeContainerMetadataKey(container: ContainerRef, key: string): Promise<void> {
    return containers.removeContainerMetadataKey(this, containerName(container), key);
  }
  setContainerWebIndexPage(container: ContainerRef, page: string): Promise<void> {
    return containers.setWebPage(this, containerName(container), "index", page);
  }
  setContainerWebErrorPage(container: ContainerRef, page: string): Promise<void> {
    return containers.setWebPage(this, containerName(container), "error", page);
  }

  // ---- objects ------------------------------------------------------------------------------

  /** Store `data` as `name`. Content over `segmentSize` becomes a segmented large object. */
  async storeObject(container: ContainerRef, name: string, data: UploadData, options?: StoreObjectOptions): Promise<StorageObject> {
    const c = containerName(container);
    const n = objectName(name);
    const o = checkStoreOptions(options);
    const source: ObjectSource = sourceFromData(data, o.size);
    return this.#object(await storeObject(this, c, n, source, o));
  }
  /** Upload a local file; the object name defaults to the file's base name. */
  async uploadFile(container: ContainerRef, path: string, options?: StoreObjectOptions & { objName?: string }): Promise<StorageObject> {
    const c = containerName(container);
    const o = checkStoreOptions(options, "options", new Set(["objName"])) as StoreObjectOptions & { objName?: string };
    if (typeof path !== "string" || path.length === 0) throw new ValidationError("path", "must be a file path");
    const n = objectName(o.objName ?? basename(path), o.objName === undefined ? "path" : "options.objName");
    const source = await sourceFromFile(path);
    const { objName: _ignored, ...rest } = o;
    return this.#object(await storeObject(this, c, n, source, rest));
  }
  /** HEAD the object; `NoSuchObject` if absent. */
  async getObject(container: ContainerRef, name: ObjectRef): Promise<StorageObject> {
    const c = containerName(container);
    const n = objectName(name);
    return this.#object(await ops.headObject(this, c, n));
  }

  /**
   * The object's content: a Buffer; `{ meta, data }` with `includeMeta`; an async iterator of
   * `chunkSize`-byte Buffers with `chunkSize`. `range` / `offset` + `size` read part of it.
   */
  fetchObject(container: ContainerRef, name: ObjectRef, options: FetchObjectOptions & { chunkSize: number }): Promise<AsyncIterable<Buffer>>;
  fetchObject(container: ContainerRef, name: ObjectRef, options: FetchObjectOptions & { includeMeta: true }): Promise<{ meta: ObjectInfo; data: Buffer }>;
  fetchObject(container: ContainerRef, name: ObjectRef, options?: FetchObjectOptions): Promise<Buffer>;
  async fetchObject(container: ContainerRef, name: ObjectRef, options?: FetchObjectOptions): Promise<unknown> {
    const c = containerName(container);
    const n = objectName(name);
    const o = checkFetchOptions(options);
    if (o.chunkSize !== undefined) {
      if (o.includeMeta) throw new ValidationError("options.includeMeta", "cannot be combined with chunkSize; use fetchObjectStream");
      const { body } = await getObject(this, c, n, o);
      return rechunk(body, o.chunkSize);
    }
    const { res, info, body } = await getObject(this, c, n, o);
    const data = body === res.body ? Buffer.from(await res.bytes()) : await readAll(body);
    return o.includeMeta ? { meta: info, data } : data;
  }
  /** The object's metadata and its body as a stream (read it or call `res.dump()`). */
  async fetchObjectStream(container: ContainerRef, name: ObjectRef, options?: Omit<FetchObjectOptions, "chunkSize" | "includeMeta">): Promise<{ meta: ObjectInfo; body: RaxResponse["body"] }> {
    const c = containerName(container);
    const n = objectName(name);
    const o = checkFetchOptions(options);
    const { info, body } = await getObject(this, c, n, o);
    return { meta: info, body: body as RaxResponse["body"] };
  }
  /** Async iterator of `chunkSize`-byte Buffers from one streaming GET. */
  iterObjectChunks(container: ContainerRef, name: ObjectRef, options: Omit<FetchObjectOptions, "includeMeta"> & { chunkSize: number }): AsyncGenerator<Buffer> {
    const c = containerName(container);
    const n = objectName(name);
    const o = checkFetchOptions(options);
    if (o.chunkSize === undefined) throw new ValidationError("options.chunkSize", "is required");
    const client = this;
    return (async function* () {
      const { body } = await getObject(client, c, n, o);
      yield* rechunk(body, o.chunkSize as number);
    })();
  }
  /** The first `size` bytes (pyrax's `fetch_partial`). */
  fetchPartial(container: ContainerRef, name: ObjectRef, size: number): Promise<Buffer> {
    if (!posInt(size)) return Promise.reject(new ValidationError("size", "must be a positive integer"));
    return this.fetchObject(container, name, { size });
  }
  /**
   * Download into `directory` (which must exist), recreating the name's folders unless
   * `structure: false`. Never writes outside `directory`; writes a temp file and renames it
   * once complete and MD5-checked. Returns the file's path.
   */
  async downloadObject(container: ContainerRef, name: ObjectRef, directory: string, options?: DownloadOptions): Promise<string> {
    const c = containerName(container);
    const n = objectName(name);
    const o = checkObject(options, "options", ["structure", "verify", "signal"]) as DownloadOptions;
    checkBool(o.structure, "options.structure");
    checkBool(o.verify, "options.verify");
    return downloadObject(this, c, n, directory, o);
  }
  /** Delete an object; `withSegments: true` also deletes a static large object's segments. */
  async deleteObject(container: ContainerRef, name: ObjectRef, options?: { withSegments?: boolean }): Promise<void> {
    const c = containerName(container);
    const n = objectName(name);
    const o = checkObject(options, "options", ["withSegments"]);
    checkBool(o.withSegments, "options.withSegments");
    await ops.deleteObject(this, c, n, Boolean(o.withSegments));
  }
  /** Bulk-delete every object in the container. */
  async deleteAllObjects(container: ContainerRef): Promise<BulkDeleteResult> {
    const c = containerName(container);
    const names = await this.listObjectNames(c, { fullListing: true });
    return bulkDeleteAll(this, c, names);
  }
  /** Server-side copy (`X-Copy-From`); the new object keeps the name unless `newObjName`. */
  async copyObject(
    container: ContainerRef,
    name: ObjectRef,
    newContainer: ContainerRef,
    options?: { newObjName?: string; contentType?: string },
  ): Promise<StorageObject> {
    const c = containerName(container);
    const n = objectName(name);
    const nc = containerName(newContainer, "newContainer");
    const o = checkObject(copyOptions(options), "options", ["newObjName", "contentType"]);
    const nn = o.newObjName === undefined ? n : objectName(o.newObjName, "options.newObjName");
    if (o.contentType !== undefined && (typeof o.contentType !== "string" || /[\r\n]/.test(o.contentType)))
      throw new ValidationError("options.contentType", "must be a string");
    await ops.copyObject(this, c, n, nc, nn, o.contentType as string | undefined);
    return this.getObject(nc, nn);
  }
  /** Copy, then delete the original. */
  async moveObject(
    container: ContainerRef,
    name: ObjectRef,
    newContainer: ContainerRef,
    options?: { newObjName?: string; contentType?: string },
  ): Promise<StorageObject> {
    const c = containerName(container);
    const n = objectName(name);
    containerName(newContainer, "newContainer");
    copyOptions(options);
    const moved = await this.copyObject(c, n, newContainer, options);
    if (moved.containerName !== c || moved.name !== n) await ops.deleteObject(this, c, n);
    return moved;
  }
  /** Copy the object onto itself with a new Content-Type (pyrax's way; keeps metadata). */
  async changeObjectContentType(container: ContainerRef, name: ObjectRef, contentType: string): Promise<void> {
    const c = containerName(container);
    const n = objectName(name);
    if (typeof contentType !== "string" || contentType.length === 0 || /[\r\n]/.test(contentType))
      throw new ValidationError("contentType", "must be a non-empty string");
    await ops.copyObject(this, c, n, c, n, contentType);
  }
  async getObjectMetadata(container: ContainerRef, name: ObjectRef): Promise<Metadata> {
    return (await ops.headObject(this, containerName(container), objectName(name))).metadata;
  }
  /**
   * Merge `metadata` into the object's (default), or replace it with `clear: true`. Swift's POST
   * replaces the whole set, so this HEADs first; content type, expiry and manifest are kept.
   */
  async setObjectMetadata(container: ContainerRef, name: ObjectRef, metadata: MetadataInput, options?: { clear?: boolean }): Promise<void> {
    const c = containerName(container);
    const n = objectName(name);
    checkMetadataArg(metadata);
    const o = checkObject(options, "options", ["clear"]);
    checkBool(o.clear, "options.clear");
    metaHeaders("Object", metadata);
    await ops.setObjectMetadata(this, c, n, metadata, Boolean(o.clear));
  }
  removeObjectMetadataKey(container: ContainerRef, name: ObjectRef, key: string): Promise<void> {
    const c = containerName(container);
    const n = objectName(name);
    if (typeof key !== "string" || key.length === 0) return Promise.reject(new ValidationError("key", "must be a non-empty string"));
    return ops.removeObjectMetadataKey(this, c, n, key);
  }
  /** Have Swift delete the object after `seconds`, keeping its metadata and content type. */
  async deleteObjectInSeconds(container: ContainerRef, name: ObjectRef, seconds: number): Promise<void> {
    const c = containerName(container);
    const n = objectName(name);
    if (!posInt(seconds)) throw new ValidationError("seconds", "must be a positive integer");
    await ops.deleteObjectInSeconds(this, c, n, seconds);
  }

  // ---- listings -----------------------------------------------------------------------------

  /**
   * Objects in the container: `await` it for one page (`{ items, next }`), or `for await` to walk
   * every page past Swift's 10 000-per-request cap (marker = last name). `limit` is the page size.
   */
  listObjects(container: ContainerRef, options?: Omit<ListingOptions, "fullListing">): Paginated<StorageObject> {
    const c = containerName(container);
    const o = checkListingOptions(options);
    if ("fullListing" in o) throw new ValidationError("options.fullListing", "use getObjects() or iterate the listing");
    return new PaginatedImpl(async (cursor) => {
      const page = await objectPage(this, c, o, cursor);
      return { items: page.items.map((r) => new StorageObject(this, r, c)), next: page.next };
    });
  }
  /** pyrax's `get_objects`: `StorageObject`s of one page, or all pages with `fullListing: true`. */
  async getObjects(container: ContainerRef, options?: ListingOptions): Promise<StorageObject[]> {
    const c = containerName(container);
    const o = checkListingOptions(options);
    return (await listObjectRows(this, c, o)).map((r) => new StorageObject(this, r, c));
  }
  /** Alias of `getObjects` (pyrax's `list_container_objects`). */
  listContainerObjects(container: ContainerRef, options?: ListingOptions): Promise<StorageObject[]> {
    return this.getObjects(container, options);
  }
  /** Alias of `getObjects` (pyrax's `get_container_objects`). */
  getContainerObjects(container: ContainerRef, options?: ListingOptions): Promise<StorageObject[]> {
    return this.getObjects(container, options);
  }
  /** Object names (pyrax's `list_object_names` / `list_container_object_names`). */
  async listObjectNames(container: ContainerRef, options?: ListingOptions): Promise<string[]> {
    const c = containerName(container);
    const o = checkListingOptions(options);
    return (await listObjectRows(this, c, o)).map((r) => r.name);
  }
  /** Alias of `listObjectNames`. */
  listContainerObjectNames(container: ContainerRef, options?: ListingOptions): Promise<string[]> {
    return this.listObjectNames(container, options);
  }
  /** Pseudo-folder names (`subdir` entries of a delimiter listing; default delimiter "/"). */
  async listSubdirs(container: ContainerRef, options?: { prefix?: string; delimiter?: string; signal?: AbortSignal }): Promise<string[]> {
    const c = containerName(container);
    const o = checkListingOptions(options);
    const rows = await listObjectRows(this, c, { ...o, delimiter: o.delimiter ?? "/", fullListing: true });
    return rows.filter((r) => r.isSubdir).map((r) => r.name);
  }
  /** Alias of `listSubdirs` (pyrax's `list_container_subdirs`). */
  listContainerSubdirs(container: ContainerRef, options?: { prefix?: string; delimiter?: string }): Promise<string[]> {
    return this.listSubdirs(container, options);
  }

  // ---- bulk delete --------------------------------------------------------------------------

  /**
   * Delete many objects with one request per 10 000 names (`batchSize`). Returns pyrax's result
   * dictionary summed over batches; with `async: true` returns a job at once instead.
   */
  bulkDelete(container: ContainerRef, names: ObjectRef[], options?: { batchSize?: number }): Promise<BulkDeleteResult>;
  bulkDelete(container: ContainerRef, names: ObjectRef[], options: { async: true; batchSize?: number }): BulkDeleteJob;
  bulkDelete(container: ContainerRef, names: ObjectRef[], options?: { async?: boolean; batchSize?: number }): Promise<BulkDeleteResult> | BulkDeleteJob {
    let run: () => Promise<BulkDeleteResult>;
    let isAsync = false;
    try {
      const c = containerName(container);
      if (!Array.isArray(names)) throw new ValidationError("names", "must be a list of object names");
      const list = names.map((n, i) => objectName(n, `names.${i}`, true));
      const o = checkObject(options, "options", ["async", "batchSize"]);
      isAsync = checkBool(o.async, "options.async") ?? false;
      if (o.batchSize !== undefined && !posInt(o.batchSize)) throw new ValidationError("options.batchSize", "must be a positive integer");
      run = () =>
        list.length === 0
          ? Promise.resolve({ deleted: 0, notFound: 0, status: "200 OK", errors: [] })
          : bulkDeleteAll(this, c, list, o.batchSize as number | undefined);
    } catch (e) {
      if (options && (options as { async?: unknown }).async === true) throw e;
      return Promise.reject(e);
    }
    return isAsync ? bulkDeleteJob(run()) : run();
  }

  // ---- folders ------------------------------------------------------------------------------

  /**
   * Upload a folder tree in the background. Resolves (after scanning and creating the container)
   * with a job: `totalBytes`, live `uploadedBytes`, `on("progress")`, `cancel()`, `done`, `key`.
   */
  async uploadFolder(path: string, options?: UploadFolderOptions): Promise<FolderUploadJob> {
    const o = checkObject(options, "options", ["container", "ignore", "contentType", "contentEncoding", "ttl", "concurrency", "signal", "onProgress"]);
    const storeOpts = checkStoreOptions({ contentType: o.contentType, contentEncoding: o.contentEncoding, ttl: o.ttl });
    if (o.concurrency !== undefined && !posInt(o.concurrency)) throw new ValidationError("options.concurrency", "must be a positive integer");
    if (o.onProgress !== undefined && typeof o.onProgress !== "function") throw new ValidationError("options.onProgress", "must be a function");
    const ignored = ignoreMatcher(o.ignore);
    const root = await checkFolder(path);
    const c = o.container === undefined ? containerName(basename(root.replace(/[/\\]+$/, "")), "path") : containerName(o.container, "options.container");
    const files = await scanFolder(root, ignored, true);
    await containers.createContainer(this, c, undefined);
    const job = new FolderUploadJob(
      c,
      files,
      async (file, signal, onBytes) => {
        await storeObject(this, c, file.rel, { kind: "file", path: file.path, size: file.size }, { ...storeOpts, signal, onProgress: onBytes });
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
  cancelFolderUpload(key: string): void {
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
  async syncFolderToContainer(path: string, container: ContainerRef, options?: SyncFolderOptions): Promise<SyncResult> {
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
      this,
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
        await storeObject(this, c, name, { kind: "file", path: file.path, size: file.size }, { ...storeOpts, signal });
      },
    );
  }

  // ---- CDN ----------------------------------------------------------------------------------

  /** Publish the container on the CDN (`ttl` 900 … 31 536 000 s). */
  async makeContainerPublic(container: ContainerRef, options?: { ttl?: number }): Promise<void> {
    const c = containerName(container);
    const o = checkObject(options, "options", ["ttl"]);
    await cdn.makePublic(this, c, cdn.checkTtl(o.ttl));
  }
  makeContainerPrivate(container: ContainerRef): Promise<void> {
    return cdn.makePrivate(this, containerName(container));
  }
  /** CDN status, TTL, log retention and URIs (defaults when never published). */
  getContainerCdnAttributes(container: ContainerRef): Promise<cdn.CdnAttributes> {
    return cdn.getCdnAttributes(this, containerName(container));
  }
  setCdnLogRetention(container: ContainerRef, enabled: boolean): Promise<void> {
    const c = containerName(container);
    return cdn.setCdnLogRetention(this, c, enabled);
  }
  /** Remove an object from the CDN edge; optionally email the addresses when done. */
  async purgeCdnObject(container: ContainerRef, name: ObjectRef, options?: { emailAddresses?: string | string[] }): Promise<void> {
    const c = containerName(container);
    const n = objectName(name);
    const o = checkObject(options, "options", ["emailAddresses"]);
    await cdn.purgeCdnObject(this, c, n, o.emailAddresses);
  }
  /** Names of CDN-enabled containers. */
  async listPublicContainers(options?: ListingOptions): Promise<string[]> {
    return (await cdn.listCdnContainers(this, checkListingOptions(options), true)).map((r) => r.name);
  }
  /** Every container the CDN knows, with its attributes. */
  listCdnContainers(options?: ListingOptions): Promise<cdn.CdnContainer[]> {
    return cdn.listCdnContainers(this, checkListingOptions(options), false);
  }

  // ---- temp URLs ----------------------------------------------------------------------------

  /**
   * A temporary URL for the object, signed with the account's key (fetched once and cached when
   * `key` is not given). `options` may be just the number of seconds, as in pyrax.
   */
  async getTempUrl(container: ContainerRef, name: ObjectRef, options: TempUrlOptions | number): Promise<string> {
    const c = containerName(container);
    const n = objectName(name);
    const o = checkTempUrlOptions(options);
    let key = o.key;
    if (key === undefined) {
      this.#tempUrlKey ??= account.getTempUrlKey(this);
      try {
        key = await this.#tempUrlKey;
      } catch (e) {
        this.#tempUrlKey = undefined;
        throw e;
      }
      if (key === undefined) {
        this.#tempUrlKey = undefined;
        throw new MissingTempUrlKey("The account has no temp-URL key; call setTempUrlKey() or pass key");
      }
    }
    return buildTempUrl(this.endpoint, c, n, key, o);
  }
}
