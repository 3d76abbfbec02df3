import type { Paginated, RaxResponse } from "@rax/core";
import type { Account } from "../account/account";
import type { Cdn } from "../cdn/cdn";
import { getObjects, listObjectNames, listObjects, listSubdirs, type ObjectListing } from "./listing";
import type { ListingOptions } from "../swift-listing";
import type { Metadata, MetadataInput } from "../metadata-headers";
import type { SignalOptions } from "../options";
import { type ContainerRef, OBJECT_BRAND, type ObjectRef } from "../names";
import type { SwiftClient } from "../swift-client";
import type { DownloadOptions } from "../transfer/download";
import type { StoreObjectOptions, UploadFileOptions } from "../transfer/store-options";
import type { UploadData } from "../transfer/upload-data";
import type { FetchObjectOptions } from "./fetch";
import type { BulkDeleteJob, BulkDeleteOptions, BulkDeleteResult, ObjectInfo } from "./models";
import * as ops from "./requests";
import type { TempUrlOptions } from "./temp-url";

/** What objects and `StorageObject`s need of the client: its namespaces. */
export interface ObjectsRoot extends SwiftClient {
  readonly objects: Objects;
  readonly cdn: Cdn;
  readonly account: Account;
}

type CopyOptions = { newObjName?: string; contentType?: string; signal?: AbortSignal };

/** `cf.objects`: store, fetch, list, copy, delete objects and their metadata; temp URLs. */
export class Objects {
  readonly #root: ObjectsRoot;

  constructor(root: ObjectsRoot) {
    this.#root = root;
  }

  #wrap = (info: ObjectInfo): StorageObject => new StorageObject(this.#root, info);

  /** Store `data` as `name`. Content over `segmentSize` becomes a segmented large object. */
  async store(container: ContainerRef, name: string, data: UploadData, options?: StoreObjectOptions): Promise<StorageObject> {
    return this.#wrap(await ops.storeObject(this.#root, container, name, data, options));
  }

  /** Upload a local file; the object name defaults to the file's base name. */
  async uploadFile(container: ContainerRef, path: string, options?: UploadFileOptions): Promise<StorageObject> {
    return this.#wrap(await ops.uploadFile(this.#root, container, path, options));
  }

  /** HEAD the object; `NoSuchObject` if absent. */
  async get(container: ContainerRef, name: ObjectRef, options?: SignalOptions): Promise<StorageObject> {
    return this.#wrap(await ops.getObjectWithOptions(this.#root, container, name, options));
  }

  /**
   * The object's content: a Buffer; `{ meta, data }` with `includeMeta`; an async iterator of
   * `chunkSize`-byte Buffers with `chunkSize` (both: `{ meta, data }` with `data` the iterator). `range` / `offset` + `size` read part of it.
   */
  fetch(container: ContainerRef, name: ObjectRef, options: FetchObjectOptions & { includeMeta: true; chunkSize: number }): Promise<{ meta: ObjectInfo; data: AsyncIterable<Buffer> }>;
  fetch(container: ContainerRef, name: ObjectRef, options: FetchObjectOptions & { chunkSize: number }): Promise<AsyncIterable<Buffer>>;
  fetch(container: ContainerRef, name: ObjectRef, options: FetchObjectOptions & { includeMeta: true }): Promise<{ meta: ObjectInfo; data: Buffer }>;
  fetch(container: ContainerRef, name: ObjectRef, options?: FetchObjectOptions): Promise<Buffer>;
  fetch(container: ContainerRef, name: ObjectRef, options?: FetchObjectOptions): Promise<unknown> {
    return ops.fetchObject(this.#root, container, name, options);
  }

  /** The object's metadata and its body as a stream (read it or call `res.dump()`). */
  fetchStream(container: ContainerRef, name: ObjectRef, options?: Omit<FetchObjectOptions, "chunkSize" | "includeMeta">): Promise<{ meta: ObjectInfo; body: RaxResponse["body"] }> {
    return ops.fetchObjectStream(this.#root, container, name, options);
  }

  /** Async iterator of `chunkSize`-byte Buffers from one streaming GET. */
  iterChunks(container: ContainerRef, name: ObjectRef, options: Omit<FetchObjectOptions, "includeMeta"> & { chunkSize: number }): AsyncGenerator<Buffer> {
    return ops.iterObjectChunks(this.#root, container, name, options);
  }

  /** The first `size` bytes (pyrax's `fetch_partial`). */
  fetchPartial(container: ContainerRef, name: ObjectRef, size: number, options?: SignalOptions): Promise<Buffer> {
    return ops.fetchPartial(this.#root, container, name, size, options);
  }

  /**
   * Download into `directory` (which must exist), recreating the name's folders unless
   * `structure: false`. Never writes outside `directory`; writes a temp file and renames it
   * once complete and MD5-checked. Returns the file's path.
   */
  download(container: ContainerRef, name: ObjectRef, directory: string, options?: DownloadOptions): Promise<string> {
    return ops.downloadObjectTo(this.#root, container, name, directory, options);
  }

  /** Delete an object; `withSegments: true` also deletes a static large object's segments. */
  delete(container: ContainerRef, name: ObjectRef, options?: { withSegments?: boolean; signal?: AbortSignal }): Promise<void> {
    return ops.deleteObject(this.#root, container, name, options);
  }

  /**
   * Bulk-delete every object in the container. `signal` stops it as it stops `bulkDelete`: between
   * batches it returns the counts deleted so far (a listing or batch in flight rejects with AbortError).
   */
  deleteAll(container: ContainerRef, options?: SignalOptions): Promise<BulkDeleteResult> {
    return ops.deleteAllObjects(this.#root, container, options);
  }

  /** Server-side copy (`X-Copy-From`); the new object keeps the name unless `newObjName`. */
  async copy(container: ContainerRef, name: ObjectRef, newContainer: ContainerRef, options?: CopyOptions): Promise<StorageObject> {
    return this.#wrap(await ops.copyObject(this.#root, container, name, newContainer, options));
  }

  /** Copy, then delete the original. */
  async move(container: ContainerRef, name: ObjectRef, newContainer: ContainerRef, options?: CopyOptions): Promise<StorageObject> {
    return this.#wrap(await ops.moveObject(this.#root, container, name, newContainer, options));
  }

  /** Copy the object onto itself with a new Content-Type (pyrax's way; keeps metadata). */
  changeContentType(container: ContainerRef, name: ObjectRef, contentType: string, options?: SignalOptions): Promise<void> {
    return ops.changeObjectContentType(this.#root, container, name, contentType, options);
  }

  getMetadata(container: ContainerRef, name: ObjectRef, options?: SignalOptions): Promise<Metadata> {
    return ops.getObjectMetadata(this.#root, container, name, options);
  }

  /**
   * Merge `metadata` into the object's (default), or replace it with `clear: true`. Swift's POST
   * replaces the whole set, so this HEADs first; content type, expiry and manifest are kept.
   */
  setMetadata(container: ContainerRef, name: ObjectRef, metadata: MetadataInput, options?: { clear?: boolean; signal?: AbortSignal }): Promise<void> {
    return ops.setObjectMetadata(this.#root, container, name, metadata, options);
  }

  removeMetadataKey(container: ContainerRef, name: ObjectRef, key: string, options?: SignalOptions): Promise<void> {
    return ops.removeObjectMetadataKey(this.#root, container, name, key, options);
  }

  /** Expire the object in `seconds`, keeping its metadata. */
  deleteInSeconds(container: ContainerRef, name: ObjectRef, seconds: number, options?: SignalOptions): Promise<void> {
    return ops.deleteObjectInSeconds(this.#root, container, name, seconds, options);
  }

  /**
   * Objects in the container: `await` it for one page (`{ items, next }`), or `for await` to walk
   * every page past Swift's 10 000-per-request cap (marker = last name). `limit` is the page size.
   */
  list(container: ContainerRef, options?: Omit<ListingOptions, "fullListing">): Paginated<StorageObject> {
    return listObjects(this.#root, container, options, (r, c) => new StorageObject(this.#root, r, c));
  }

  /** pyrax's `get_objects`: `StorageObject`s of one page, or all pages with `fullListing: true`. */
  async getAll(container: ContainerRef, options?: ListingOptions): Promise<StorageObject[]> {
    return getObjects(this.#root, container, options, (r, c) => new StorageObject(this.#root, r, c));
  }

  /** Object names (pyrax's `list_object_names` / `list_container_object_names`). */
  listNames(container: ContainerRef, options?: ListingOptions): Promise<string[]> {
    return listObjectNames(this.#root, container, options);
  }

  /** Pseudo-folder names (`subdir` entries of a delimiter listing; default delimiter "/"). */
  listSubdirs(container: ContainerRef, options?: { prefix?: string; delimiter?: string; signal?: AbortSignal }): Promise<string[]> {
    return listSubdirs(this.#root, container, options);
  }

  /**
   * A temporary URL for the object, signed with the account's key (fetched once and cached when
   * `key` is not given). `options` may be just the number of seconds, as in pyrax.
   */
  getTempUrl(container: ContainerRef, name: ObjectRef, options: TempUrlOptions | number): Promise<string> {
    return ops.getTempUrl(this.#root, container, name, options, (signal) => this.#root.account.signingKey({ signal }));
  }

  /**
   * Delete many objects with one request per 10 000 names (`batchSize`). Returns pyrax's result
   * dictionary summed over batches; with `async: true` returns a `BulkDeleteJob` (core's `Job`) at once.
   */
  bulkDelete(container: ContainerRef, names: ObjectRef[], options?: Omit<BulkDeleteOptions, "async"> & { async?: false }): Promise<BulkDeleteResult>;
  bulkDelete(container: ContainerRef, names: ObjectRef[], options: BulkDeleteOptions & { async: true }): BulkDeleteJob;
  bulkDelete(container: ContainerRef, names: ObjectRef[], options?: BulkDeleteOptions): Promise<BulkDeleteResult> | BulkDeleteJob {
    return ops.wantsJob(options) ? ops.startBulkDelete(this.#root, container, names, options) : ops.bulkDelete(this.#root, container, names, options);
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
  async reload(options?: SignalOptions): Promise<this> {
    const f = await this.client.objects.get(this.containerName, this.name, options);
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

  fetch(options: FetchObjectOptions & { includeMeta: true; chunkSize: number }): Promise<{ meta: ObjectInfo; data: AsyncIterable<Buffer> }>;
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
  fetchPartial(size: number, options?: SignalOptions): Promise<Buffer> {
    return this.client.objects.fetchPartial(this.containerName, this.name, size, options);
  }
  /** Write to `directory` (recreating `a/b/` folders unless `structure: false`); returns the path. */
  download(directory: string, options?: DownloadOptions): Promise<string> {
    return this.client.objects.download(this.containerName, this.name, directory, options);
  }
  delete(options?: { withSegments?: boolean; signal?: AbortSignal }): Promise<void> {
    return this.client.objects.delete(this.containerName, this.name, options);
  }
  getMetadata(options?: SignalOptions): Promise<Metadata> {
    return this.client.objects.getMetadata(this.containerName, this.name, options);
  }
  setMetadata(metadata: MetadataInput, options?: { clear?: boolean; signal?: AbortSignal }): Promise<void> {
    return this.client.objects.setMetadata(this.containerName, this.name, metadata, options);
  }
  removeMetadataKey(key: string, options?: SignalOptions): Promise<void> {
    return this.client.objects.removeMetadataKey(this.containerName, this.name, key, options);
  }
  deleteInSeconds(seconds: number, options?: SignalOptions): Promise<void> {
    return this.client.objects.deleteInSeconds(this.containerName, this.name, seconds, options);
  }
  copy(newContainer: string | { name: string }, options?: { newObjName?: string; contentType?: string; signal?: AbortSignal }): Promise<StorageObject> {
    return this.client.objects.copy(this.containerName, this.name, newContainer as string, options);
  }
  move(newContainer: string | { name: string }, options?: { newObjName?: string; contentType?: string; signal?: AbortSignal }): Promise<StorageObject> {
    return this.client.objects.move(this.containerName, this.name, newContainer as string, options);
  }
  changeContentType(contentType: string, options?: SignalOptions): Promise<void> {
    return this.client.objects.changeContentType(this.containerName, this.name, contentType, options);
  }
  /** Remove from the CDN edge (pyrax's `purge`). */
  purge(options?: { emailAddresses?: string | string[]; signal?: AbortSignal }): Promise<void> {
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

