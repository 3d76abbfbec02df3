export { ObjectStore, type ObjectStoreOptions, type UploadFolderOptions, type SyncFolderOptions } from "./object-store";
export { Container } from "./container";
export { StorageObject } from "./storage-object";
export {
  NoSuchContainer,
  NoSuchObject,
  NotCDNEnabled,
  UploadFailed,
  DownloadFailed,
  MissingTempUrlKey,
  type UploadFailedInit,
} from "./errors";
export type { AccountInfo } from "./account";
export type { ContainerInfo } from "./containers";
export type { ObjectInfo } from "./object-info";
export type { ObjectListing, ContainerListing } from "./listing";
export type { ListingOptions } from "./listing-options";
export type { Metadata, MetadataInput } from "./metadata-headers";
export type { StoreObjectOptions } from "./store-options";
export type { FetchObjectOptions } from "./fetch-object";
export type { DownloadOptions } from "./download";
export type { BulkDeleteResult, BulkDeleteJob } from "./bulk-delete";
export { FolderUploadJob, type FolderProgress, type FolderUploadResult } from "./folder-upload";
export type { SyncResult } from "./folder-sync";
export { type CdnAttributes, type CdnContainer, DEFAULT_CDN_TTL, MIN_CDN_TTL, MAX_CDN_TTL } from "./cdn";
export type { TempUrlOptions, TempUrlMethod, TempUrlAlgorithm } from "./temp-url";
export type { UploadData } from "./upload-data";
export type { ContainerRef, ObjectRef } from "./names";
export { getChecksum, getFileChecksum } from "./checksum";
export { DEFAULT_SEGMENT_SIZE, DEFAULT_SEGMENT_CONCURRENCY, DEFAULT_BULK_DELETE_BATCH } from "./swift-client";
