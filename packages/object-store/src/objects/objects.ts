import { basename } from "node:path";
import { Paginated, type RaxResponse, ValidationError } from "@rax/core";
import type { Account } from "../account/account";
import type { Cdn } from "../cdn/cdn";
import { listObjectRows, type ObjectListing, objectPage } from "../listing";
import { checkListingOptions, type ListingOptions } from "../listing-options";
import { type Metadata, type MetadataInput, metaHeaders } from "../metadata-headers";
import { type ContainerRef, containerName, OBJECT_BRAND, type ObjectRef, objectName } from "../names";
import { checkBool, checkMetadataArg, checkObject, copyOptions, posInt } from "../options";
import type { SwiftClient } from "../swift-client";
import { buildTempUrl, checkTempUrlOptions, type TempUrlOptions } from "../temp-url";
import { type DownloadOptions, downloadObject } from "../transfer/download";
import { type ObjectSource, sourceFromData, sourceFromFile } from "../transfer/object-source";
import { storeObject } from "../transfer/store-object";
import { checkStoreOptions, type StoreObjectOptions } from "../transfer/store-options";
import type { UploadData } from "../transfer/upload-data";
import { type BulkDeleteJob, type BulkDeleteResult, bulkDeleteAll, bulkDeleteJob } from "./bulk-delete";
import { checkFetchOptions, type FetchObjectOptions, fetchObject, readAll, rechunk } from "./fetch";
import type { ObjectInfo } from "./models";
import * as ops from "./requests";

/** What objects and `StorageObject`s need of the client: its namespaces. */
export interface ObjectsRoot extends SwiftClient {
  readonly objects: Objects;
  readonly cdn: Cdn;
  readonly account: Account;
}

/** `cf.objects`: store, fetch, list, copy, delete objects and their metadata; temp URLs. */
export class Objects {
  readonly #root: ObjectsRoot;

  constructor(root: ObjectsRoot) {
    this.#root = root;
  }

  /** Store `data` as `name`. Content over `segmentSize` becomes a segmented large object. */
  async store(container: ContainerRef, name: string, data: UploadData, options?: StoreObjectOptions): Promise<StorageObject> {
    const c = containerName(container);
    const n = objectName(name);
    const o = checkStoreOptions(options);
    const source: ObjectSource = sourceFromData(data, o.size);
    return new StorageObject(this.#root, await storeObject(this.#root, c, n, source, o));
  }

  /** Upload a local file; the object name defaults to the file's base name. */
  async uploadFile(container: ContainerRef, path: string, options?: StoreObjectOptions & { objName?: string }): Promise<StorageObject> {
    const c = containerName(container);
    const o = checkStoreOptions(options, "options", new Set(["objName"])) as StoreObjectOptions & { objName?: string };
    if (typeof path !== "string" || path.length === 0) throw new ValidationError("path", "must be a file path");
    const n = objectName(o.objName ?? basename(path), o.objName === undefined ? "path" : "options.objName");
    const source = await sourceFromFile(path);
    const { objName: _ignored, ...rest } = o;
    return new StorageObject(this.#root, await storeObject(this.#root, c, n, source, rest));
  }

  /** HEAD the object; `NoSuchObject` if absent. */
  async get(container: ContainerRef, name: ObjectRef): Promise<StorageObject> {
    const c = containerName(container);
    const n = objectName(name);
    return new StorageObject(this.#root, await ops.getObject(this.#root, c, n));
  }

  /**
   * The object's content: a Buffer; `{ meta, data }` with `includeMeta`; an async iterator of
   * `chunkSize`-byte Buffers with `chunkSize`. `range` / `offset` + `size` read part of it.
   */
  fetch(container: ContainerRef, name: ObjectRef, options: FetchObjectOptions & { chunkSize: number }): Promise<AsyncIterable<Buffer>>;
  fetch(container: ContainerRef, name: ObjectRef, options: FetchObjectOptions & { includeMeta: true }): Promise<{ meta: ObjectInfo; data: Buffer }>;
  fetch(container: ContainerRef, name: ObjectRef, options?: FetchObjectOptions): Promise<Buffer>;
  async fetch(container: ContainerRef, name: ObjectRef, options?: FetchObjectOptions): Promise<unknown> {
    const c = containerName(container);
    const n = objectName(name);
    const o = checkFetchOptions(options);
    if (o.chunkSize !== undefined) {
      if (o.includeMeta) throw new ValidationError("options.includeMeta", "cannot be combined with chunkSize; use fetchStream");
      const { body } = await fetchObject(this.#root, c, n, o);
      return rechunk(body, o.chunkSize);
    }
    const { res, info, body } = await fetchObject(this.#root, c, n, o);
    const data = body === res.body ? Buffer.from(await res.bytes()) : await readAll(body);
    return o.includeMeta ? { meta: info, data } : data;
  }

  /** The object's metadata and its body as a stream (read it or call `res.dump()`). */
  async fetchStream(container: ContainerRef, name: ObjectRef, options?: Omit<FetchObjectOptions, "chunkSize" | "includeMeta">): Promise<{ meta: ObjectInfo; body: RaxResponse["body"] }> {
    const c = containerName(container);
    const n = objectName(name);
    const o = checkFetchOptions(options);
    const { info, body } = await fetchObject(this.#root, c, n, o);
    return { meta: info, body: body as RaxResponse["body"] };
  }

  /** Async iterator of `chunkSize`-byte Buffers from one streaming GET. */
  iterChunks(container: ContainerRef, name: ObjectRef, options: Omit<FetchObjectOptions, "includeMeta"> & { chunkSize: number }): AsyncGenerator<Buffer> {
    const c = containerName(container);
    const n = objectName(name);
    const o = checkFetchOptions(options);
    if (o.chunkSize === undefined) throw new ValidationError("options.chunkSize", "is required");
    const root = this.#root;
    return (async function* () {
      const { body } = await fetchObject(root, c, n, o);
      yield* rechunk(body, o.chunkSize as number);
    })();
  }

  /** The first `size` bytes (pyrax's `fetch_partial`). */
  fetchPartial(container: ContainerRef, name: ObjectRef, size: number): Promise<Buffer> {
    if (!posInt(size)) return Promise.reject(new ValidationError("size", "must be a positive integer"));
    return this.fetch(container, name, { size });
  }

  /**
   * Download into `directory` (which must exist), recreating the name's folders unless
   * `structure: false`. Never writes outside `directory`; writes a temp file and renames it
   * once complete and MD5-checked. Returns the file's path.
   */
  async download(container: ContainerRef, name: ObjectRef, directory: string, options?: DownloadOptions): Promise<string> {
    const c = containerName(container);
    const n = objectName(name);
    const o = checkObject(options, "options", ["structure", "verify", "signal"]) as DownloadOptions;
    checkBool(o.structure, "options.structure");
    checkBool(o.verify, "options.verify");
    return downloadObject(this.#root, c, n, directory, o);
  }

  /** Delete an object; `withSegments: true` also deletes a static large object's segments. */
  async delete(container: ContainerRef, name: ObjectRef, options?: { withSegments?: boolean }): Promise<void> {
    const c = containerName(container);
    const n = objectName(name);
    const o = checkObject(options, "options", ["withSegments"]);
    checkBool(o.withSegments, "options.withSegments");
    await ops.deleteObject(this.#root, c, n, Boolean(o.withSegments));
  }

  /** Bulk-delete every object in the container. */
  async deleteAll(container: ContainerRef): Promise<BulkDeleteResult> {
    const c = containerName(container);
    const names = await this.listNames(c, { fullListing: true });
    return bulkDeleteAll(this.#root, c, names);
  }

  /** Server-side copy (`X-Copy-From`); the new object keeps the name unless `newObjName`. */
  async copy(
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
    await ops.copyObject(this.#root, c, n, nc, nn, o.contentType as string | undefined);
    return this.get(nc, nn);
  }

  /** Copy, then delete the original. */
  async move(
    container: ContainerRef,
    name: ObjectRef,
    newContainer: ContainerRef,
    options?: { newObjName?: string; contentType?: string },
  ): Promise<StorageObject> {
    const c = containerName(container);
    const n = objectName(name);
    containerName(newContainer, "newContainer");
    copyOptions(options);
    const moved = await this.copy(c, n, newContainer, options);
    if (moved.containerName !== c || moved.name !== n) await ops.deleteObject(this.#root, c, n);
    return moved;
  }

  /** Copy the object onto itself with a new Content-Type (pyrax's way; keeps metadata). */
  async changeContentType(container: ContainerRef, name: ObjectRef, contentType: string): Promise<void> {
    const c = containerName(container);
    const n = objectName(name);
    if (typeof contentType !== "string" || contentType.length === 0 || /[\r\n]/.test(contentType))
      throw new ValidationError("contentType", "must be a non-empty string");
    await ops.copyObject(this.#root, c, n, c, n, contentType);
  }

  async getMetadata(container: ContainerRef, name: ObjectRef): Promise<Metadata> {
    return (await ops.getObject(this.#root, containerName(container), objectName(name))).metadata;
  }

  /**
   * Merge `metadata` into the object's (default), or replace it with `clear: true`. Swift's POST
   * replaces the whole set, so this HEADs first; content type, expiry and manifest are kept.
   */
  async setMetadata(container: ContainerRef, name: ObjectRef, metadata: MetadataInput, options?: { clear?: boolean }): Promise<void> {
    const c = containerName(container);
    const n = objectName(name);
    checkMetadataArg(metadata);
    const o = checkObject(options, "options", ["clear"]);
    checkBool(o.clear, "options.clear");
    metaHeaders("Object", metadata);
    await ops.setObjectMetadata(this.#root, c, n, metadata, Boolean(o.clear));
  }

  removeMetadataKey(container: ContainerRef, name: ObjectRef, key: string): Promise<void> {
    const c = containerName(container);
    const n = objectName(name);
    if (typeof key !== "string" || key.length === 0) return Promise.reject(new ValidationError("key", "must be a non-empty string"));
    return ops.removeObjectMetadataKey(this.#root, c, n, key);
  }

  /** Have Swift delete the object after `seconds`, keeping its metadata and content type. */
  async deleteInSeconds(container: ContainerRef, name: ObjectRef, seconds: number): Promise<void> {
    const c = containerName(container);
    const n = objectName(name);
    if (!posInt(seconds)) throw new ValidationError("seconds", "must be a positive integer");
    await ops.deleteObjectInSeconds(this.#root, c, n, seconds);
  }

  /**
   * Objects in the container: `await` it for one page (`{ items, next }`), or `for await` to walk
   * every page past Swift's 10 000-per-request cap (marker = last name). `limit` is the page size.
   */
  list(container: ContainerRef, options?: Omit<ListingOptions, "fullListing">): Paginated<StorageObject> {
    const c = containerName(container);
    const o = checkListingOptions(options);
    if ("fullListing" in o) throw new ValidationError("options.fullListing", "use getObjects() or iterate the listing");
    return new Paginated(async (cursor) => {
      const page = await objectPage(this.#root, c, o, cursor);
      return { items: page.items.map((r) => new StorageObject(this.#root, r, c)), next: page.next };
    });
  }

  /** pyrax's `get_objects`: `StorageObject`s of one page, or all pages with `fullListing: true`. */
  async getAll(container: ContainerRef, options?: ListingOptions): Promise<StorageObject[]> {
    const c = containerName(container);
    const o = checkListingOptions(options);
    return (await listObjectRows(this.#root, c, o)).map((r) => new StorageObject(this.#root, r, c));
  }

  /** Object names (pyrax's `list_object_names` / `list_container_object_names`). */
  async listNames(container: ContainerRef, options?: ListingOptions): Promise<string[]> {
    const c = containerName(container);
    const o = checkListingOptions(options);
    return (await listObjectRows(this.#root, c, o)).map((r) => r.name);
  }

  /** Pseudo-folder names (`subdir` entries of a delimiter listing; default delimiter "/"). */
  async listSubdirs(container: ContainerRef, options?: { prefix?: string; delimiter?: string; signal?: AbortSignal }): Promise<string[]> {
    const c = containerName(container);
    const o = checkListingOptions(options);
    const rows = await listObjectRows(this.#root, c, { ...o, delimiter: o.delimiter ?? "/", fullListing: true });
    return rows.filter((r) => r.isSubdir).map((r) => r.name);
  }

  /**
   * A temporary URL for the object, signed with the account's key (fetched once and cached when
   * `key` is not given). `options` may be just the number of seconds, as in pyrax.
   */
  async getTempUrl(container: ContainerRef, name: ObjectRef, options: TempUrlOptions | number): Promise<string> {
    const c = containerName(container);
    const n = objectName(name);
    const o = checkTempUrlOptions(options);
    const key = o.key ?? (await this.#root.account.signingKey());
    return buildTempUrl(this.#root.endpoint, c, n, key, o);
  }

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
          : bulkDeleteAll(this.#root, c, list, o.batchSize as number | undefined);
    } catch (e) {
      if (options && (options as { async?: unknown }).async === true) throw e;
      return Promise.reject(e);
    }
    return isAsync ? bulkDeleteJob(run()) : run();
  }
}

/**
 * A stored object (pyrax's `StorageObject`). Its methods call the client that produced it; the
 * fields are a snapshot from the call that produced it (`reload()` refreshes them).
 */
export class StorageObject {
  readonly [OBJECT_BRAND] = true as const;
  /** The client this object came from (its namespaces do the work). */
  readonly client: ObjectsRoot;
  readonly name: string;
  readonly containerName: string;
  /** Size in bytes (pyrax's `total_bytes`). */
  bytes: number;
  /** MD5 hex for plain objects. */
  etag?: string;
  contentType?: string;
  contentEncoding?: string;
  lastModified?: string;
  deleteAt?: number;
  /** Known when the object came from a HEAD/GET/upload; listings do not carry it. */
  metadata?: Metadata;
  largeObject?: "slo" | "dlo";
  /** A delimiter listing's roll-up entry (`pseudo/subdirectory`). */
  readonly isSubdir: boolean;

  constructor(client: ObjectsRoot, info: ObjectInfo | (ObjectListing & { containerName: string }));
  /** A listing row of `containerName` (no `{ ...row, containerName }` copy per row). */
  constructor(client: ObjectsRoot, info: ObjectListing, containerName: string);
  constructor(client: ObjectsRoot, info: ObjectInfo | ObjectListing, containerName?: string) {
    this.client = client;
    this.name = info.name;
    this.containerName = containerName ?? (info as ObjectInfo).containerName;
    this.bytes = info.bytes;
    this.contentType = info.contentType;
    this.lastModified = info.lastModified;
    if ("headers" in info) {
      this.etag = info.etag;
      this.contentEncoding = info.contentEncoding;
      this.deleteAt = info.deleteAt;
      this.metadata = info.metadata;
      this.largeObject = info.largeObject;
      this.isSubdir = false;
    } else {
      this.etag = info.hash;
      this.isSubdir = info.isSubdir;
    }
  }

  /** pyrax's `total_bytes`. */
  get totalBytes(): number {
    return this.bytes;
  }

  /** Refresh the fields with a HEAD. */
  async reload(): Promise<this> {
    const f = await this.client.objects.get(this.containerName, this.name);
    this.bytes = f.bytes;
    this.etag = f.etag;
    this.contentType = f.contentType;
    this.contentEncoding = f.contentEncoding;
    this.lastModified = f.lastModified;
    this.deleteAt = f.deleteAt;
    this.metadata = f.metadata;
    this.largeObject = f.largeObject;
    return this;
  }

  fetch(options: FetchObjectOptions & { chunkSize: number }): Promise<AsyncIterable<Buffer>>;
  fetch(options: FetchObjectOptions & { includeMeta: true }): Promise<{ meta: ObjectInfo; data: Buffer }>;
  fetch(options?: FetchObjectOptions): Promise<Buffer>;
  fetch(options?: FetchObjectOptions): Promise<unknown> {
    return this.client.objects.fetch(this.containerName, this.name, options as FetchObjectOptions);
  }
  fetchStream(options?: FetchObjectOptions) {
    return this.client.objects.fetchStream(this.containerName, this.name, options);
  }
  iterChunks(options: { chunkSize: number; signal?: AbortSignal }): AsyncGenerator<Buffer> {
    return this.client.objects.iterChunks(this.containerName, this.name, options);
  }
  fetchPartial(size: number): Promise<Buffer> {
    return this.client.objects.fetchPartial(this.containerName, this.name, size);
  }
  /** Write to `directory` (recreating `a/b/` folders unless `structure: false`); returns the path. */
  download(directory: string, options?: DownloadOptions): Promise<string> {
    return this.client.objects.download(this.containerName, this.name, directory, options);
  }
  delete(options?: { withSegments?: boolean }): Promise<void> {
    return this.client.objects.delete(this.containerName, this.name, options);
  }
  getMetadata(): Promise<Metadata> {
    return this.client.objects.getMetadata(this.containerName, this.name);
  }
  setMetadata(metadata: MetadataInput, options?: { clear?: boolean }): Promise<void> {
    return this.client.objects.setMetadata(this.containerName, this.name, metadata, options);
  }
  removeMetadataKey(key: string): Promise<void> {
    return this.client.objects.removeMetadataKey(this.containerName, this.name, key);
  }
  deleteInSeconds(seconds: number): Promise<void> {
    return this.client.objects.deleteInSeconds(this.containerName, this.name, seconds);
  }
  copy(newContainer: string | { name: string }, options?: { newObjName?: string; contentType?: string }): Promise<StorageObject> {
    return this.client.objects.copy(this.containerName, this.name, newContainer as string, options);
  }
  move(newContainer: string | { name: string }, options?: { newObjName?: string; contentType?: string }): Promise<StorageObject> {
    return this.client.objects.move(this.containerName, this.name, newContainer as string, options);
  }
  changeContentType(contentType: string): Promise<void> {
    return this.client.objects.changeContentType(this.containerName, this.name, contentType);
  }
  /** Remove from the CDN edge (pyrax's `purge`). */
  purge(options?: { emailAddresses?: string | string[] }): Promise<void> {
    return this.client.cdn.purge(this.containerName, this.name, options);
  }
  /** `obj.getTempUrl(300)` or `obj.getTempUrl({ seconds: 300, method: "PUT" })`. */
  getTempUrl(options: TempUrlOptions | number): Promise<string> {
    return this.client.objects.getTempUrl(this.containerName, this.name, options);
  }
  toString(): string {
    return `<StorageObject '${this.containerName}/${this.name}'>`;
  }
}

