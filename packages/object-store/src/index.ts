export { ObjectStore } from "./compat";
export { ObjectStoreClient, type ObjectStoreOptions } from "./object-store";
export { Account } from "./account/account";
export { Containers, Container } from "./containers/containers";
export { Objects, StorageObject } from "./objects/objects";
export { Cdn } from "./cdn/cdn";
export { Folders, type UploadFolderOptions, type SyncFolderOptions } from "./transfer/folders";
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
export type { ContainerInfo } from "./containers/models";
export type { ObjectInfo } from "./objects/models";
export type { ObjectListing } from "./objects/listing";
export type { ContainerListing } from "./containers/listing";
export type { ListingOptions } from "./swift-listing";
export type { Metadata, MetadataInput } from "./metadata-headers";
export type { StoreObjectOptions, UploadFileOptions } from "./transfer/store-options";
export type { FetchObjectOptions } from "./objects/fetch";
export type { DownloadOptions } from "./transfer/download";
export type { BulkDeleteResult, BulkDeleteJob, BulkDeleteProgress, BulkDeleteOptions } from "./objects/models";
export type { FolderUploadJob, FolderProgress, FolderUploadResult } from "./transfer/folder-upload";
export type { SyncResult } from "./transfer/folder-sync";
export { type CdnAttributes, type CdnContainer, DEFAULT_CDN_TTL, MIN_CDN_TTL, MAX_CDN_TTL } from "./cdn/requests";
export type { TempUrlOptions, TempUrlMethod, TempUrlAlgorithm } from "./objects/temp-url";
export type { UploadData } from "./transfer/upload-data";
export type { SignalOptions } from "./options";
export type { ContainerRef, ObjectRef } from "./names";
export { getChecksum, getFileChecksum } from "./transfer/checksum";
export { DEFAULT_SEGMENT_SIZE, DEFAULT_SEGMENT_CONCURRENCY, DEFAULT_BULK_DELETE_BATCH } from "./swift-client";
