/** Swift's default constraints, as Cloud Files documents them. */
export const MAX_FILE_SIZE = 5 * 1024 * 1024 * 1024 + 2;
export const MAX_CONTAINER_NAME_LENGTH = 256;
export const MAX_OBJECT_NAME_LENGTH = 1024;
export const MAX_META_COUNT = 90;
export const MAX_META_NAME_LENGTH = 128;
export const MAX_META_VALUE_LENGTH = 256;
export const MAX_META_OVERALL_SIZE = 4096;
export const MAX_HEADER_SIZE = 8192;
export const CONTAINER_LISTING_LIMIT = 10_000;
export const MAX_BULK_DELETES = 10_000;
export const MAX_MANIFEST_SEGMENTS = 1000;
export const MAX_MANIFEST_SIZE = 8 * 1024 * 1024;
export const MAX_LARGE_OBJECT_DEPTH = 10;
export const TEMP_URL_METHODS = ["GET", "HEAD", "PUT", "POST", "DELETE"] as const;
export const TEMP_URL_DIGESTS = ["sha1", "sha256", "sha512"] as const;
