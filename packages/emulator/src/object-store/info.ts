import { jsonResponse } from "../respond";
import {
  CONTAINER_LISTING_LIMIT,
  MAX_BULK_DELETES,
  MAX_CONTAINER_NAME_LENGTH,
  MAX_FILE_SIZE,
  MAX_HEADER_SIZE,
  MAX_MANIFEST_SEGMENTS,
  MAX_MANIFEST_SIZE,
  MAX_META_COUNT,
  MAX_META_NAME_LENGTH,
  MAX_META_OVERALL_SIZE,
  MAX_META_VALUE_LENGTH,
  MAX_OBJECT_NAME_LENGTH,
  TEMP_URL_DIGESTS,
  TEMP_URL_METHODS,
} from "./limits";

/**
 * `GET /info`: Swift's capabilities document (no token needed). It lists only
 * what the emulator does: no staticweb, versioned_writes or symlink sections.
 */
export function swiftInfo(): Response {
  return jsonResponse(200, {
    swift: {
      version: "2.30.0",
      max_file_size: MAX_FILE_SIZE,
      container_listing_limit: CONTAINER_LISTING_LIMIT,
      account_listing_limit: CONTAINER_LISTING_LIMIT,
      max_object_name_length: MAX_OBJECT_NAME_LENGTH,
      max_container_name_length: MAX_CONTAINER_NAME_LENGTH,
      max_meta_count: MAX_META_COUNT,
      max_meta_name_length: MAX_META_NAME_LENGTH,
      max_meta_value_length: MAX_META_VALUE_LENGTH,
      max_meta_overall_size: MAX_META_OVERALL_SIZE,
      max_header_size: MAX_HEADER_SIZE,
      strict_cors_mode: true,
      policies: [{ name: "Policy-0", aliases: "Policy-0", default: true }],
    },
    slo: { max_manifest_segments: MAX_MANIFEST_SEGMENTS, max_manifest_size: MAX_MANIFEST_SIZE, min_segment_size: 1 },
    dlo: { max_segments: 10000 },
    bulk_delete: { max_deletes_per_request: MAX_BULK_DELETES, max_failed_deletes: 1000 },
    tempurl: {
      methods: [...TEMP_URL_METHODS],
      allowed_digests: [...TEMP_URL_DIGESTS],
      outgoing_remove_headers: ["x-object-meta-*"],
      outgoing_allow_headers: ["x-object-meta-public-*"],
    },
  });
}
