import type { Paginated } from "@rax/core";
import type { CdnAttributes } from "../cdn/requests";
import type { Cdn } from "../cdn/cdn";
import { listContainerRows, listContainers } from "./listing";
import type { ListingOptions } from "../swift-listing";
import type { Metadata, MetadataInput } from "../metadata-headers";
import type { SignalOptions } from "../options";
import { CONTAINER_BRAND, type ContainerRef, type ObjectRef } from "../names";
import type { ObjectInfo } from "../objects/models";
import type { BulkDeleteJob, BulkDeleteOptions, BulkDeleteResult } from "../objects/models";
import type { FetchObjectOptions } from "../objects/fetch";
import type { Objects, ObjectsRoot, StorageObject } from "../objects/objects";
import type { TempUrlOptions } from "../objects/temp-url";
import type { DownloadOptions } from "../transfer/download";
import type { StoreObjectOptions } from "../transfer/store-options";
import type { UploadData } from "../transfer/upload-data";
import * as containers from "./requests";
import type { ContainerInfo, ContainerListing } from "./models";

/** What containers and `Container`s need of the client: its namespaces. */
export interface ContainersRoot extends ObjectsRoot {
  readonly containers: Containers;
  readonly objects: Objects;
  readonly cdn: Cdn;
}

function containerOf(root: ContainersRoot, info: ContainerInfo | ContainerListing): Container {
  if ("objectCount" in info) return new Container(root, info);
  return new Container(root, { name: info.name, objectCount: info.count, bytesUsed: info.bytes });
}

/** `cf.containers`: create, get, list, delete containers and their metadata. */
export class Containers {
  readonly #root: ContainersRoot;

  constructor(root: ContainersRoot) {
    this.#root = root;
  }

  /** Create the container, or return it if it exists (pyrax's idempotent `create_container`). */
  async create(name: string, options?: { metadata?: MetadataInput; signal?: AbortSignal }): Promise<Container> {
    return containerOf(this.#root, await containers.createContainer(this.#root, name, options));
  }

  /** HEAD the container; `NoSuchContainer` if absent. `{ cdn: true }` also loads its CDN attributes. */
  async get(container: ContainerRef, options?: { cdn?: boolean; signal?: AbortSignal }): Promise<Container> {
    const { info, cdn } = await containers.getContainerAndCdn(this.#root, container, options);
    const c = containerOf(this.#root, info);
    if (cdn) c.applyCdn(cdn);
    return c;
  }

  /** Container names (one page; `fullListing: true` for all). */
  async listNames(options?: ListingOptions): Promise<string[]> {
    return (await listContainerRows(this.#root, options)).map((r) => r.name);
  }

  /** `{ name, count, bytes }` per container. */
  listInfo(options?: ListingOptions): Promise<ContainerListing[]> {
    return listContainerRows(this.#root, options);
  }

  /** `Container` objects from the listing (no HEAD per container). */
  async getAll(options?: ListingOptions): Promise<Container[]> {
    return (await listContainerRows(this.#root, options)).map((r) => containerOf(this.#root, r));
  }

  /** Every container, page by page (await it for the first page). */
  list(options?: Omit<ListingOptions, "fullListing">): Paginated<ContainerListing> {
    return listContainers(this.#root, options);
  }

  /** Delete the container; with `deleteObjects: true` its objects are bulk-deleted first. */
  delete(container: ContainerRef, options?: { deleteObjects?: boolean; signal?: AbortSignal }): Promise<void> {
    return containers.deleteContainer(this.#root, container, options);
  }

  getMetadata(container: ContainerRef, options?: SignalOptions): Promise<Metadata> {
    return containers.getContainerMetadata(this.#root, container, options);
  }

  setMetadata(container: ContainerRef, metadata: MetadataInput, options?: { clear?: boolean; signal?: AbortSignal }): Promise<void> {
    return containers.setContainerMetadata(this.#root, container, metadata, options);
  }

  removeMetadataKey(container: ContainerRef, key: string, options?: SignalOptions): Promise<void> {
    return containers.removeContainerMetadataKey(this.#root, container, key, options);
  }

  setWebIndexPage(container: ContainerRef, page: string, options?: SignalOptions): Promise<void> {
    return containers.setWebPage(this.#root, container, "index", page, options);
  }

  setWebErrorPage(container: ContainerRef, page: string, options?: SignalOptions): Promise<void> {
    return containers.setWebPage(this.#root, container, "error", page, options);
  }
}

/**
 * A container (pyrax's `Container`). Methods call the client; fields are a snapshot. CDN fields
 * are filled by `getCdnAttributes()` (or `getContainer(name, { cdn: true })`).
 */
export class Container {
  readonly [CONTAINER_BRAND] = true as const;
  /** The client this container came from (its namespaces do the work). */
  readonly client: ContainersRoot;
  readonly name: string;
  objectCount: number;
  bytesUsed: number;
  metadata?: Metadata;
  #cdn: Partial<CdnAttributes> = {};

  constructor(client: ContainersRoot, info: Pick<ContainerInfo, "name" | "objectCount" | "bytesUsed"> & { metadata?: Metadata }) {
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

  async reload(options?: SignalOptions): Promise<this> {
    const fresh = await this.client.containers.get(this.name, options);
    this.objectCount = fresh.objectCount;
    this.bytesUsed = fresh.bytesUsed;
    this.metadata = fresh.metadata;
    return this;
  }

  storeObject(name: string, data: UploadData, options?: StoreObjectOptions): Promise<StorageObject> {
    return this.client.objects.store(this, name, data, options);
  }
  uploadFile(path: string, options?: StoreObjectOptions & { objName?: string }): Promise<StorageObject> {
    return this.client.objects.uploadFile(this, path, options);
  }
  getObject(name: ObjectRef, options?: SignalOptions): Promise<StorageObject> {
    return this.client.objects.get(this, name, options);
  }
  fetchObject(name: ObjectRef, options: FetchObjectOptions & { includeMeta: true; chunkSize: number }): Promise<{ meta: ObjectInfo; data: AsyncIterable<Buffer> }>;
  fetchObject(name: ObjectRef, options: FetchObjectOptions & { chunkSize: number }): Promise<AsyncIterable<Buffer>>;
  fetchObject(name: ObjectRef, options: FetchObjectOptions & { includeMeta: true }): Promise<{ meta: ObjectInfo; data: Buffer }>;
  fetchObject(name: ObjectRef, options?: FetchObjectOptions): Promise<Buffer>;
  fetchObject(name: ObjectRef, options?: FetchObjectOptions): Promise<unknown> {
    return this.client.objects.fetch(this, name, options as FetchObjectOptions);
  }
  iterObjectChunks(name: ObjectRef, options: { chunkSize: number; signal?: AbortSignal }): AsyncGenerator<Buffer> {
    return this.client.objects.iterChunks(this, name, options);
  }
  downloadObject(name: ObjectRef, directory: string, options?: DownloadOptions): Promise<string> {
    return this.client.objects.download(this, name, directory, options);
  }
  listObjects(options?: Omit<ListingOptions, "fullListing">): Paginated<StorageObject> {
    return this.client.objects.list(this, options);
  }
  /** pyrax's `get_objects`: one page, or every page with `fullListing: true`. */
  getObjects(options?: ListingOptions): Promise<StorageObject[]> {
    return this.client.objects.getAll(this, options);
  }
  listObjectNames(options?: ListingOptions): Promise<string[]> {
    return this.client.objects.listNames(this, options);
  }
  listSubdirs(options?: { prefix?: string; delimiter?: string }): Promise<string[]> {
    return this.client.objects.listSubdirs(this, options);
  }
  deleteObject(name: ObjectRef, options?: { withSegments?: boolean; signal?: AbortSignal }): Promise<void> {
    return this.client.objects.delete(this, name, options);
  }
  deleteAllObjects(options?: SignalOptions): Promise<BulkDeleteResult> {
    return this.client.objects.deleteAll(this, options);
  }
  bulkDelete(names: (string | StorageObject)[], options?: Omit<BulkDeleteOptions, "async"> & { async?: false }): Promise<BulkDeleteResult>;
  bulkDelete(names: (string | StorageObject)[], options: BulkDeleteOptions & { async: true }): BulkDeleteJob;
  bulkDelete(names: (string | StorageObject)[], options?: BulkDeleteOptions): unknown {
    return this.client.objects.bulkDelete(this, names, options as { batchSize?: number });
  }
  deleteObjectInSeconds(name: ObjectRef, seconds: number, options?: SignalOptions): Promise<void> {
    return this.client.objects.deleteInSeconds(this, name, seconds, options);
  }
  copyObject(name: ObjectRef, newContainer: string | Container, options?: { newObjName?: string; contentType?: string; signal?: AbortSignal }): Promise<StorageObject> {
    return this.client.objects.copy(this, name, newContainer, options);
  }
  moveObject(name: ObjectRef, newContainer: string | Container, options?: { newObjName?: string; contentType?: string; signal?: AbortSignal }): Promise<StorageObject> {
    return this.client.objects.move(this, name, newContainer, options);
  }
  /** Delete the container; `deleteObjects: true` empties it first. */
  delete(options?: { deleteObjects?: boolean; signal?: AbortSignal }): Promise<void> {
    return this.client.containers.delete(this, options);
  }
  getMetadata(options?: SignalOptions): Promise<Metadata> {
    return this.client.containers.getMetadata(this, options);
  }
  setMetadata(metadata: MetadataInput, options?: { clear?: boolean; signal?: AbortSignal }): Promise<void> {
    return this.client.containers.setMetadata(this, metadata, options);
  }
  removeMetadataKey(key: string, options?: SignalOptions): Promise<void> {
    return this.client.containers.removeMetadataKey(this, key, options);
  }
  setWebIndexPage(page: string, options?: SignalOptions): Promise<void> {
    return this.client.containers.setWebIndexPage(this, page, options);
  }
  setWebErrorPage(page: string, options?: SignalOptions): Promise<void> {
    return this.client.containers.setWebErrorPage(this, page, options);
  }
  async makePublic(options?: { ttl?: number; signal?: AbortSignal }): Promise<void> {
    await this.client.cdn.makePublic(this, options);
    this.#cdn.cdnEnabled = true;
    if (options?.ttl !== undefined) this.#cdn.cdnTtl = options.ttl;
  }
  async makePrivate(options?: SignalOptions): Promise<void> {
    await this.client.cdn.makePrivate(this, options);
    this.#cdn.cdnEnabled = false;
  }
  /** Fetch the CDN attributes and store them on this object. */
  async getCdnAttributes(options?: SignalOptions): Promise<CdnAttributes> {
    const a = await this.client.cdn.getAttributes(this, options);
    this.applyCdn(a);
    return a;
  }
  /** pyrax's `cont.cdn_log_retention = True`. */
  async setCdnLogRetention(enabled: boolean, options?: SignalOptions): Promise<void> {
    await this.client.cdn.setLogRetention(this, enabled, options);
    this.#cdn.cdnLogRetention = enabled;
  }
  purgeCdnObject(name: ObjectRef, options?: { emailAddresses?: string | string[]; signal?: AbortSignal }): Promise<void> {
    return this.client.cdn.purge(this, name, options);
  }
  /** `cont.getTempUrl("name", 300)` or with `{ seconds, method, … }`. */
  getTempUrl(name: ObjectRef, options: TempUrlOptions | number): Promise<string> {
    return this.client.objects.getTempUrl(this, name, options);
  }
  toString(): string {
    return `<Container '${this.name}'>`;
  }
}
