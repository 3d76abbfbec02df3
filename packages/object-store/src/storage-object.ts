import type { BulkDeleteResult } from "./objects/bulk-delete";
import type { DownloadOptions } from "./transfer/download";
import type { FetchObjectOptions } from "./objects/fetch";
import type { ObjectListing } from "./listing";
import type { Metadata, MetadataInput } from "./metadata-headers";
import { OBJECT_BRAND } from "./names";
import type { ObjectInfo } from "./objects/models";
import type { ObjectStore } from "./object-store";
import type { TempUrlOptions } from "./temp-url";

/**
 * A stored object (pyrax's `StorageObject`). Its methods call the client that produced it; the
 * fields are a snapshot from the call that produced it (`reload()` refreshes them).
 */
export class StorageObject {
  readonly [OBJECT_BRAND] = true as const;
  readonly client: ObjectStore;
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

  constructor(client: ObjectStore, info: ObjectInfo | (ObjectListing & { containerName: string }));
  /** A listing row of `containerName` (no `{ ...row, containerName }` copy per row). */
  constructor(client: ObjectStore, info: ObjectListing, containerName: string);
  constructor(client: ObjectStore, info: ObjectInfo | ObjectListing, containerName?: string) {
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
    const f = await this.client.getObject(this.containerName, this.name);
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
    return this.client.fetchObject(this.containerName, this.name, options as FetchObjectOptions);
  }
  fetchStream(options?: FetchObjectOptions) {
    return this.client.fetchObjectStream(this.containerName, this.name, options);
  }
  iterChunks(options: { chunkSize: number; signal?: AbortSignal }): AsyncGenerator<Buffer> {
    return this.client.iterObjectChunks(this.containerName, this.name, options);
  }
  fetchPartial(size: number): Promise<Buffer> {
    return this.client.fetchPartial(this.containerName, this.name, size);
  }
  /** Write to `directory` (recreating `a/b/` folders unless `structure: false`); returns the path. */
  download(directory: string, options?: DownloadOptions): Promise<string> {
    return this.client.downloadObject(this.containerName, this.name, directory, options);
  }
  delete(options?: { withSegments?: boolean }): Promise<void> {
    return this.client.deleteObject(this.containerName, this.name, options);
  }
  getMetadata(): Promise<Metadata> {
    return this.client.getObjectMetadata(this.containerName, this.name);
  }
  setMetadata(metadata: MetadataInput, options?: { clear?: boolean }): Promise<void> {
    return this.client.setObjectMetadata(this.containerName, this.name, metadata, options);
  }
  removeMetadataKey(key: string): Promise<void> {
    return this.client.removeObjectMetadataKey(this.containerName, this.name, key);
  }
  deleteInSeconds(seconds: number): Promise<void> {
    return this.client.deleteObjectInSeconds(this.containerName, this.name, seconds);
  }
  copy(newContainer: string | { name: string }, options?: { newObjName?: string; contentType?: string }): Promise<StorageObject> {
    return this.client.copyObject(this.containerName, this.name, newContainer as string, options);
  }
  move(newContainer: string | { name: string }, options?: { newObjName?: string; contentType?: string }): Promise<StorageObject> {
    return this.client.moveObject(this.containerName, this.name, newContainer as string, options);
  }
  changeContentType(contentType: string): Promise<void> {
    return this.client.changeObjectContentType(this.containerName, this.name, contentType);
  }
  /** Remove from the CDN edge (pyrax's `purge`). */
  purge(options?: { emailAddresses?: string | string[] }): Promise<void> {
    return this.client.purgeCdnObject(this.containerName, this.name, options);
  }
  /** `obj.getTempUrl(300)` or `obj.getTempUrl({ seconds: 300, method: "PUT" })`. */
  getTempUrl(options: TempUrlOptions | number): Promise<string> {
    return this.client.getTempUrl(this.containerName, this.name, options);
  }
  toString(): string {
    return `<StorageObject '${this.containerName}/${this.name}'>`;
  }
}

export type { BulkDeleteResult };
