import type { BulkDeleteJob, BulkDeleteResult } from "./objects/bulk-delete";
import type { CdnAttributes } from "./cdn/requests";
import type { ContainerInfo } from "./containers/requests";
import type { DownloadOptions } from "./transfer/download";
import type { FetchObjectOptions } from "./objects/fetch";
import type { ListingOptions } from "./listing-options";
import type { Metadata, MetadataInput } from "./metadata-headers";
import { CONTAINER_BRAND, type ObjectRef } from "./names";
import type { ObjectInfo } from "./objects/models";
import type { ObjectStore } from "./object-store";
import type { StorageObject } from "./storage-object";
import type { StoreObjectOptions } from "./transfer/store-options";
import type { UploadData } from "./transfer/upload-data";
import type { TempUrlOptions } from "./temp-url";
import type { Paginated } from "@rax/core";

/**
 * A container (pyrax's `Container`). Methods call the client; fields are a snapshot. CDN fields
 * are filled by `getCdnAttributes()` (or `getContainer(name, { cdn: true })`).
 */
export class Container {
  readonly [CONTAINER_BRAND] = true as const;
  readonly client: ObjectStore;
  readonly name: string;
  objectCount: number;
  bytesUsed: number;
  metadata?: Metadata;
  #cdn: Partial<CdnAttributes> = {};

  constructor(client: ObjectStore, info: Pick<ContainerInfo, "name" | "objectCount" | "bytesUsed"> & { metadata?: Metadata }) {
    this.client = client;
    this.name = info.name;
    this.objectCount = info.objectCount;
    this.bytesUsed = info.bytesUsed;
    this.metadata = info.metadata;
  }

  /** pyrax's `total_bytes`. */
  get totalBytes(): number {
    return this.bytesUsed;
  }

  // CDN attributes live on the CDN endpoint: undefined until `getCdnAttributes()` (or
  // `getContainer(name, { cdn: true })`) loads them, and read-only — change them with
  // `makePublic()`, `makePrivate()`, `setCdnLogRetention()`.
  get cdnEnabled(): boolean | undefined {
    return this.#cdn.cdnEnabled;
  }
  get cdnTtl(): number | undefined {
    return this.#cdn.cdnTtl;
  }
  get cdnLogRetention(): boolean | undefined {
    return this.#cdn.cdnLogRetention;
  }
  get cdnUri(): string | undefined {
    return this.#cdn.cdnUri;
  }
  get cdnSslUri(): string | undefined {
    return this.#cdn.cdnSslUri;
  }
  get cdnStreamingUri(): string | undefined {
    return this.#cdn.cdnStreamingUri;
  }
  get cdnIosUri(): string | undefined {
    return this.#cdn.cdnIosUri;
  }

  /** @internal Store CDN attributes loaded by the client. */
  applyCdn(a: CdnAttributes): this {
    this.#cdn = { ...a };
    return this;
  }

  async reload(): Promise<this> {
    const fresh = await this.client.getContainer(this.name);
    this.objectCount = fresh.objectCount;
    this.bytesUsed = fresh.bytesUsed;
    this.metadata = fresh.metadata;
    return this;
  }

  storeObject(name: string, data: UploadData, options?: StoreObjectOptions): Promise<StorageObject> {
    return this.client.storeObject(this, name, data, options);
  }
  uploadFile(path: string, options?: StoreObjectOptions & { objName?: string }): Promise<StorageObject> {
    return this.client.uploadFile(this, path, options);
  }
  getObject(name: ObjectRef): Promise<StorageObject> {
    return this.client.getObject(this, name);
  }
  fetchObject(name: ObjectRef, options: FetchObjectOptions & { chunkSize: number }): Promise<AsyncIterable<Buffer>>;
  fetchObject(name: ObjectRef, options: FetchObjectOptions & { includeMeta: true }): Promise<{ meta: ObjectInfo; data: Buffer }>;
  fetchObject(name: ObjectRef, options?: FetchObjectOptions): Promise<Buffer>;
  fetchObject(name: ObjectRef, options?: FetchObjectOptions): Promise<unknown> {
    return this.client.fetchObject(this, name, options as FetchObjectOptions);
  }
  iterObjectChunks(name: ObjectRef, options: { chunkSize: number; signal?: AbortSignal }): AsyncGenerator<Buffer> {
    return this.client.iterObjectChunks(this, name, options);
  }
  downloadObject(name: ObjectRef, directory: string, options?: DownloadOptions): Promise<string> {
    return this.client.downloadObject(this, name, directory, options);
  }
  listObjects(options?: Omit<ListingOptions, "fullListing">): Paginated<StorageObject> {
    return this.client.listObjects(this, options);
  }
  /** pyrax's `get_objects`: one page, or every page with `fullListing: true`. */
  getObjects(options?: ListingOptions): Promise<StorageObject[]> {
    return this.client.getObjects(this, options);
  }
  listObjectNames(options?: ListingOptions): Promise<string[]> {
    return this.client.listObjectNames(this, options);
  }
  listSubdirs(options?: { prefix?: string; delimiter?: string }): Promise<string[]> {
    return this.client.listSubdirs(this, options);
  }
  deleteObject(name: ObjectRef, options?: { withSegments?: boolean }): Promise<void> {
    return this.client.deleteObject(this, name, options);
  }
  deleteAllObjects(): Promise<BulkDeleteResult> {
    return this.client.deleteAllObjects(this);
  }
  bulkDelete(names: (string | StorageObject)[], options?: { batchSize?: number }): Promise<BulkDeleteResult>;
  bulkDelete(names: (string | StorageObject)[], options: { async: true; batchSize?: number }): BulkDeleteJob;
  bulkDelete(names: (string | StorageObject)[], options?: { async?: boolean; batchSize?: number }): unknown {
    return this.client.bulkDelete(this, names, options as { batchSize?: number });
  }
  deleteObjectInSeconds(name: ObjectRef, seconds: number): Promise<void> {
    return this.client.deleteObjectInSeconds(this, name, seconds);
  }
  copyObject(name: ObjectRef, newContainer: string | Container, options?: { newObjName?: string; contentType?: string }): Promise<StorageObject> {
    return this.client.copyObject(this, name, newContainer, options);
  }
  moveObject(name: ObjectRef, newContainer: string | Container, options?: { newObjName?: string; contentType?: string }): Promise<StorageObject> {
    return this.client.moveObject(this, name, newContainer, options);
  }
  /** Delete the container; `deleteObjects: true` empties it first. */
  delete(options?: { deleteObjects?: boolean }): Promise<void> {
    return this.client.deleteContainer(this, options);
  }
  getMetadata(): Promise<Metadata> {
    return this.client.getContainerMetadata(this);
  }
  setMetadata(metadata: MetadataInput, options?: { clear?: boolean }): Promise<void> {
    return this.client.setContainerMetadata(this, metadata, options);
  }
  removeMetadataKey(key: string): Promise<void> {
    return this.client.removeContainerMetadataKey(this, key);
  }
  setWebIndexPage(page: string): Promise<void> {
    return this.client.setContainerWebIndexPage(this, page);
  }
  setWebErrorPage(page: string): Promise<void> {
    return this.client.setContainerWebErrorPage(this, page);
  }
  async makePublic(options?: { ttl?: number }): Promise<void> {
    await this.client.makeContainerPublic(this, options);
    this.#cdn.cdnEnabled = true;
    if (options?.ttl !== undefined) this.#cdn.cdnTtl = options.ttl;
  }
  async makePrivate(): Promise<void> {
    await this.client.makeContainerPrivate(this);
    this.#cdn.cdnEnabled = false;
  }
  /** Fetch the CDN attributes and store them on this object. */
  async getCdnAttributes(): Promise<CdnAttributes> {
    const a = await this.client.getContainerCdnAttributes(this);
    this.applyCdn(a);
    return a;
  }
  /** pyrax's `cont.cdn_log_retention = True`. */
  async setCdnLogRetention(enabled: boolean): Promise<void> {
    await this.client.setCdnLogRetention(this, enabled);
    this.#cdn.cdnLogRetention = enabled;
  }
  purgeCdnObject(name: ObjectRef, options?: { emailAddresses?: string | string[] }): Promise<void> {
    return this.client.purgeCdnObject(this, name, options);
  }
  /** `cont.getTempUrl("name", 300)` or with `{ seconds, method, … }`. */
  getTempUrl(name: ObjectRef, options: TempUrlOptions | number): Promise<string> {
    return this.client.getTempUrl(this, name, options);
  }
  toString(): string {
    return `<Container '${this.name}'>`;
  }
}
