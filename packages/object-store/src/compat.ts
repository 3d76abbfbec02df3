import type { Paginated, RaxResponse } from "@rax/core";
import type { AccountInfo } from "./account/requests";
import type { CdnAttributes, CdnContainer } from "./cdn/requests";
import type { Container } from "./containers/containers";
import type { ContainerListing } from "./containers/listing";
import type { ListingOptions } from "./swift-listing";
import type { Metadata, MetadataInput } from "./metadata-headers";
import type { ContainerRef, ObjectRef } from "./names";
import type { SignalOptions } from "./options";
import type { BulkDeleteJob, BulkDeleteOptions, BulkDeleteResult } from "./objects/models";
import type { FetchObjectOptions } from "./objects/fetch";
import type { ObjectInfo } from "./objects/models";
import type { StorageObject } from "./objects/objects";
import { ObjectStoreClient } from "./object-store";
import type { TempUrlOptions } from "./objects/temp-url";
import type { DownloadOptions } from "./transfer/download";
import type { SyncResult } from "./transfer/folder-sync";
import type { FolderUploadJob } from "./transfer/folder-upload";
import type { SyncFolderOptions, UploadFolderOptions } from "./transfer/folders";
import type { StoreObjectOptions } from "./transfer/store-options";
import type { UploadData } from "./transfer/upload-data";

/**
 * pyrax's flat names (`cf.createContainer`, `cf.storeObject`, `cf.getTempUrl`, …), each one line
 * over the namespaces of `ObjectStoreClient` (`cf.containers.create`, `cf.objects.store`, …). The
 * README's pyrax → rax table lists both.
 */
export class ObjectStore extends ObjectStoreClient {
  // ---- account ------------------------------------------------------------------------------
  /** Container/object counts, bytes used and account metadata (HEAD on the account). */
  getAccountDetails(options?: SignalOptions): Promise<AccountInfo> {
    return this.account.getDetails(options);
  }
  /** Alias of `getAccountDetails` (pyrax's `get_account_info`). */
  getAccountInfo(options?: SignalOptions): Promise<AccountInfo> {
    return this.account.getDetails(options);
  }
  getAccountMetadata(options?: SignalOptions): Promise<Metadata> {
    return this.account.getMetadata(options);
  }
  /** Add (default) or, with `clear: true`, replace the account metadata. */
  setAccountMetadata(metadata: MetadataInput, options?: { clear?: boolean; signal?: AbortSignal }): Promise<void> {
    return this.account.setMetadata(metadata, options);
  }
  removeAccountMetadataKey(key: string, options?: SignalOptions): Promise<void> {
    return this.account.removeMetadataKey(key, options);
  }
  /** Set the account's temp-URL key (a random 32-hex one when omitted) and return it. */
  setTempUrlKey(key?: string, options?: SignalOptions): Promise<string> {
    return this.account.setTempUrlKey(key, options);
  }
  getTempUrlKey(options?: SignalOptions): Promise<string | undefined> {
    return this.account.getTempUrlKey(options);
  }
  // ---- containers ---------------------------------------------------------------------------
  /** Create the container, or return it if it exists (pyrax's idempotent `create_container`). */
  createContainer(name: string, options?: { metadata?: MetadataInput; signal?: AbortSignal }): Promise<Container> {
    return this.containers.create(name, options);
  }
  /** HEAD the container; `NoSuchContainer` if absent. `{ cdn: true }` also loads its CDN attributes. */
  getContainer(container: ContainerRef, options?: { cdn?: boolean; signal?: AbortSignal }): Promise<Container> {
    return this.containers.get(container, options);
  }
  /** Container names (one page; `fullListing: true` for all). */
  listContainers(options?: ListingOptions): Promise<string[]> {
    return this.containers.listNames(options);
  }
  /** `{ name, count, bytes }` per container. */
  listContainersInfo(options?: ListingOptions): Promise<ContainerListing[]> {
    return this.containers.listInfo(options);
  }
  /** `Container` objects from the listing (no HEAD per container). */
  getAllContainers(options?: ListingOptions): Promise<Container[]> {
    return this.containers.getAll(options);
  }
  /** Every container, page by page (await it for the first page). */
  iterContainers(options?: Omit<ListingOptions, "fullListing">): Paginated<ContainerListing> {
    return this.containers.list(options);
  }
  /** Delete the container; with `deleteObjects: true` its objects are bulk-deleted first. */
  deleteContainer(container: ContainerRef, options?: { deleteObjects?: boolean; signal?: AbortSignal }): Promise<void> {
    return this.containers.delete(container, options);
  }
  getContainerMetadata(container: ContainerRef, options?: SignalOptions): Promise<Metadata> {
    return this.containers.getMetadata(container, options);
  }
  setContainerMetadata(container: ContainerRef, metadata: MetadataInput, options?: { clear?: boolean; signal?: AbortSignal }): Promise<void> {
    return this.containers.setMetadata(container, metadata, options);
  }
  removeContainerMetadataKey(container: ContainerRef, key: string, options?: SignalOptions): Promise<void> {
    return this.containers.removeMetadataKey(container, key, options);
  }
  setContainerWebIndexPage(container: ContainerRef, page: string, options?: SignalOptions): Promise<void> {
    return this.containers.setWebIndexPage(container, page, options);
  }
  setContainerWebErrorPage(container: ContainerRef, page: string, options?: SignalOptions): Promise<void> {
    return this.containers.setWebErrorPage(container, page, options);
  }
  // ---- objects ------------------------------------------------------------------------------
  /** Store `data` as `name`. Content over `segmentSize` becomes a segmented large object. */
  storeObject(container: ContainerRef, name: string, data: UploadData, options?: StoreObjectOptions): Promise<StorageObject> {
    return this.objects.store(container, name, data, options);
  }
  /** Upload a local file; the object name defaults to the file's base name. */
  uploadFile(container: ContainerRef, path: string, options?: StoreObjectOptions & { objName?: string }): Promise<StorageObject> {
    return this.objects.uploadFile(container, path, options);
  }
  /** HEAD the object; `NoSuchObject` if absent. */
  getObject(container: ContainerRef, name: ObjectRef, options?: SignalOptions): Promise<StorageObject> {
    return this.objects.get(container, name, options);
  }
  /**
   * The object's content: a Buffer; `{ meta, data }` with `includeMeta`; an async iterator of
   * `chunkSize`-byte Buffers with `chunkSize` (both: `{ meta, data }` with `data` the iterator).
   * `range` / `offset` + `size` read part of it.
   */
  fetchObject(container: ContainerRef, name: ObjectRef, options: FetchObjectOptions & { includeMeta: true; chunkSize: number }): Promise<{ meta: ObjectInfo; data: AsyncIterable<Buffer> }>;
  fetchObject(container: ContainerRef, name: ObjectRef, options: FetchObjectOptions & { chunkSize: number }): Promise<AsyncIterable<Buffer>>;
  fetchObject(container: ContainerRef, name: ObjectRef, options: FetchObjectOptions & { includeMeta: true }): Promise<{ meta: ObjectInfo; data: Buffer }>;
  fetchObject(container: ContainerRef, name: ObjectRef, options?: FetchObjectOptions): Promise<Buffer>;
  fetchObject(container: ContainerRef, name: ObjectRef, options?: FetchObjectOptions): Promise<unknown> {
    return this.objects.fetch(container, name, options as never);
  }
  /** The object's metadata and its body as a stream (read it or call `res.dump()`). */
  fetchObjectStream(container: ContainerRef, name: ObjectRef, options?: Omit<FetchObjectOptions, "chunkSize" | "includeMeta">): Promise<{ meta: ObjectInfo; body: RaxResponse["body"] }> {
    return this.objects.fetchStream(container, name, options);
  }
  /** Async iterator of `chunkSize`-byte Buffers from one streaming GET. */
  iterObjectChunks(container: ContainerRef, name: ObjectRef, options: Omit<FetchObjectOptions, "includeMeta"> & { chunkSize: number }): AsyncGenerator<Buffer> {
    return this.objects.iterChunks(container, name, options);
  }
  /** The first `size` bytes (pyrax's `fetch_partial`). */
  fetchPartial(container: ContainerRef, name: ObjectRef, size: number, options?: SignalOptions): Promise<Buffer> {
    return this.objects.fetchPartial(container, name, size, options);
  }
  /**
   * Download into `directory` (which must exist), recreating the name's folders unless
   * `structure: false`. Never writes outside `directory`; writes a temp file and renames it
   * once complete and MD5-checked. Returns the file's path.
   */
  downloadObject(container: ContainerRef, name: ObjectRef, directory: string, options?: DownloadOptions): Promise<string> {
    return this.objects.download(container, name, directory, options);
  }
  /** Delete an object; `withSegments: true` also deletes a static large object's segments. */
  deleteObject(container: ContainerRef, name: ObjectRef, options?: { withSegments?: boolean; signal?: AbortSignal }): Promise<void> {
    return this.objects.delete(container, name, options);
  }
  /** Bulk-delete every object in the container. */
  deleteAllObjects(container: ContainerRef, options?: SignalOptions): Promise<BulkDeleteResult> {
    return this.objects.deleteAll(container, options);
  }
  /** Server-side copy (`X-Copy-From`); the new object keeps the name unless `newObjName`. */
  copyObject( container: ContainerRef, name: ObjectRef, newContainer: ContainerRef, options?: { newObjName?: string; contentType?: string; signal?: AbortSignal }, ): Promise<StorageObject> {
    return this.objects.copy(container, name, newContainer, options);
  }
  /** Copy, then delete the original. */
  moveObject( container: ContainerRef, name: ObjectRef, newContainer: ContainerRef, options?: { newObjName?: string; contentType?: string; signal?: AbortSignal }, ): Promise<StorageObject> {
    return this.objects.move(container, name, newContainer, options);
  }
  /** Copy the object onto itself with a new Content-Type (pyrax's way; keeps metadata). */
  changeObjectContentType(container: ContainerRef, name: ObjectRef, contentType: string, options?: SignalOptions): Promise<void> {
    return this.objects.changeContentType(container, name, contentType, options);
  }
  getObjectMetadata(container: ContainerRef, name: ObjectRef, options?: SignalOptions): Promise<Metadata> {
    return this.objects.getMetadata(container, name, options);
  }
  /**
   * Merge `metadata` into the object's (default), or replace it with `clear: true`. Swift's POST
   * replaces the whole set, so this HEADs first; content type, expiry and manifest are kept.
   */
  setObjectMetadata(container: ContainerRef, name: ObjectRef, metadata: MetadataInput, options?: { clear?: boolean; signal?: AbortSignal }): Promise<void> {
    return this.objects.setMetadata(container, name, metadata, options);
  }
  removeObjectMetadataKey(container: ContainerRef, name: ObjectRef, key: string, options?: SignalOptions): Promise<void> {
    return this.objects.removeMetadataKey(container, name, key, options);
  }
  /** Have Swift delete the object after `seconds`, keeping its metadata and content type. */
  deleteObjectInSeconds(container: ContainerRef, name: ObjectRef, seconds: number, options?: SignalOptions): Promise<void> {
    return this.objects.deleteInSeconds(container, name, seconds, options);
  }
  // ---- listings -----------------------------------------------------------------------------
  /**
   * Objects in the container: `await` it for one page (`{ items, next }`), or `for await` to walk
   * every page past Swift's 10 000-per-request cap (marker = last name). `limit` is the page size.
   */
  listObjects(container: ContainerRef, options?: Omit<ListingOptions, "fullListing">): Paginated<StorageObject> {
    return this.objects.list(container, options);
  }
  /** pyrax's `get_objects`: `StorageObject`s of one page, or all pages with `fullListing: true`. */
  getObjects(container: ContainerRef, options?: ListingOptions): Promise<StorageObject[]> {
    return this.objects.getAll(container, options);
  }
  /** Alias of `getObjects` (pyrax's `list_container_objects`). */
  listContainerObjects(container: ContainerRef, options?: ListingOptions): Promise<StorageObject[]> {
    return this.objects.getAll(container, options);
  }
  /** Alias of `getObjects` (pyrax's `get_container_objects`). */
  getContainerObjects(container: ContainerRef, options?: ListingOptions): Promise<StorageObject[]> {
    return this.objects.getAll(container, options);
  }
  /** Object names (pyrax's `list_object_names` / `list_container_object_names`). */
  listObjectNames(container: ContainerRef, options?: ListingOptions): Promise<string[]> {
    return this.objects.listNames(container, options);
  }
  /** Alias of `listObjectNames`. */
  listContainerObjectNames(container: ContainerRef, options?: ListingOptions): Promise<string[]> {
    return this.objects.listNames(container, options);
  }
  /** Pseudo-folder names (`subdir` entries of a delimiter listing; default delimiter "/"). */
  listSubdirs(container: ContainerRef, options?: { prefix?: string; delimiter?: string; signal?: AbortSignal }): Promise<string[]> {
    return this.objects.listSubdirs(container, options);
  }
  /** Alias of `listSubdirs` (pyrax's `list_container_subdirs`). */
  listContainerSubdirs(container: ContainerRef, options?: { prefix?: string; delimiter?: string; signal?: AbortSignal }): Promise<string[]> {
    return this.objects.listSubdirs(container, options);
  }
  // ---- bulk delete --------------------------------------------------------------------------
  /**
   * Delete many objects with one request per 10 000 names (`batchSize`). Returns pyrax's result
   * dictionary summed over batches; with `async: true` returns a job at once instead.
   */
  bulkDelete(container: ContainerRef, names: ObjectRef[], options?: Omit<BulkDeleteOptions, "async"> & { async?: false }): Promise<BulkDeleteResult>;
  bulkDelete(container: ContainerRef, names: ObjectRef[], options: BulkDeleteOptions & { async: true }): BulkDeleteJob;
  bulkDelete(container: ContainerRef, names: ObjectRef[], options?: BulkDeleteOptions): Promise<BulkDeleteResult> | BulkDeleteJob {
    return this.objects.bulkDelete(container, names, options as never);
  }
  // ---- folders ------------------------------------------------------------------------------
  /**
   * Upload a folder tree in the background: returns a job at once (core's `Job`: `await job`,
   * `on("progress")`, `cancel()`, `key`; `await job.scanned` → pyrax's `{ key, totalBytes }`).
   */
  uploadFolder(path: string, options?: UploadFolderOptions): FolderUploadJob {
    return this.folders.upload(path, options);
  }
  /** Bytes uploaded so far by the folder upload `key` (pyrax's `get_uploaded`). */
  getUploaded(key: string): number {
    return this.folders.getUploaded(key);
  }
  /** Stop the folder upload `key` (pyrax's `cancel_folder_upload`). */
  cancelFolderUpload(key: string): void {
    return this.folders.cancelUpload(key);
  }
  /**
   * Make the container match the folder: ONE paged listing, compared by size + MD5 (and by
   * timestamp unless `ignoreTimestamps`); uploads new/changed files, optionally deletes objects
   * with no local file under the prefix. Returns `{ uploaded, skipped, deleted, failed }`.
   */
  syncFolderToContainer(path: string, container: ContainerRef, options?: SyncFolderOptions): Promise<SyncResult> {
    return this.folders.sync(path, container, options);
  }
  // ---- CDN ----------------------------------------------------------------------------------
  /** Publish the container on the CDN (`ttl` 900 … 31 536 000 s). */
  makeContainerPublic(container: ContainerRef, options?: { ttl?: number; signal?: AbortSignal }): Promise<void> {
    return this.cdn.makePublic(container, options);
  }
  makeContainerPrivate(container: ContainerRef, options?: SignalOptions): Promise<void> {
    return this.cdn.makePrivate(container, options);
  }
  /** CDN status, TTL, log retention and URIs (defaults when never published). */
  getContainerCdnAttributes(container: ContainerRef, options?: SignalOptions): Promise<CdnAttributes> {
    return this.cdn.getAttributes(container, options);
  }
  setCdnLogRetention(container: ContainerRef, enabled: boolean, options?: SignalOptions): Promise<void> {
    return this.cdn.setLogRetention(container, enabled, options);
  }
  /** Remove an object from the CDN edge; optionally email the addresses when done. */
  purgeCdnObject(container: ContainerRef, name: ObjectRef, options?: { emailAddresses?: string | string[]; signal?: AbortSignal }): Promise<void> {
    return this.cdn.purge(container, name, options);
  }
  /** Names of CDN-enabled containers. */
  listPublicContainers(options?: ListingOptions): Promise<string[]> {
    return this.cdn.listPublic(options);
  }
  /** Every container the CDN knows, with its attributes. */
  listCdnContainers(options?: ListingOptions): Promise<CdnContainer[]> {
    return this.cdn.list(options);
  }
  // ---- temp URLs ----------------------------------------------------------------------------
  /**
   * A temporary URL for the object, signed with the account's key (fetched once and cached when
   * `key` is not given). `options` may be just the number of seconds, as in pyrax.
   */
  getTempUrl(container: ContainerRef, name: ObjectRef, options: TempUrlOptions | number): Promise<string> {
    return this.objects.getTempUrl(container, name, options);
  }
}
