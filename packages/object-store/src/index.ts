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
export type { AccountInfo } from "./account/requests";
export type { ContainerInfo } from "./containers/requests";
export type { ObjectInfo } from "./objects/models";
export type { ObjectListing, ContainerListing } from "./listing";
export type { ListingOptions } from "./listing-options";
export type { Metadata, MetadataInput } from "./metadata-headers";
export type { StoreObjectOptions } from "./transfer/store-options";
export type { FetchObjectOptions } from "./objects/fetch";
export type { DownloadOptions } from "./transfer/download";
export type { BulkDeleteResult, BulkDeleteJob } from "./objects/bulk-delete";
export { FolderUploadJob, type FolderProgress, type FolderUploadResult } from "./transfer/folder-upload";
export type { SyncResult } from "./transfer/folder-sync";
export { type CdnAttributes, type CdnContainer, DEFAULT_CDN_TTL, MIN_CDN_TTL, MAX_CDN_TTL } from "./cdn/requests";
export type { TempUrlOptions, TempUrlMethod, TempUrlAlgorithm } from "./temp-url";
export type { UploadData } from "./transfer/upload-data";
export type { ContainerRef, ObjectRef } from "./names";
export { getChecksum, getFileChecksum } from "./transfer/checksum";
export { DEFAULT_SEGMENT_SIZE, DEFAULT_SEGMENT_CONCURRENCY, DEFAULT_BULK_DELETE_BATCH } from "./swift-client";
