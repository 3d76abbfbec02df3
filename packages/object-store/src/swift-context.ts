import type { RaxResponse } from "@rax/core";
import type { SuccessStatuses } from "./success-status";

export type QueryValue = string | number | boolean | undefined;

/** One Swift call, relative to the storage (or CDN) endpoint. */
export interface SwiftRequest {
  method: string;
  /** Already percent-encoded; "" for the account. */
  path: string;
  query?: Record<string, QueryValue>;
  headers?: Record<string, string | undefined>;
  body?: unknown;
  json?: unknown;
  signal?: AbortSignal;
  expectStatus?: number[];
  idempotent?: boolean;
  /** The statuses that mean success for this call (see OK); any other status is an error. */
  ok: SuccessStatuses;
}

export interface ObjectStoreDefaults {
  /** Bodies larger than this go up as segments plus a manifest. */
  segmentSize: number;
  /** Parallel segment uploads. */
  segmentConcurrency: number;
  /** Names per bulk-delete request (Swift's `max_deletes_per_request`, 10 000). */
  bulkDeleteBatchSize: number;
}

/** What the call modules need from the client; keeps them free of the class. */
export interface SwiftContext {
  storage(o: SwiftRequest): Promise<RaxResponse>;
  cdn(o: SwiftRequest): Promise<RaxResponse>;
  /** Storage endpoint URL (`…/v1/AUTH_x`). */
  readonly endpoint: string;
  readonly defaults: ObjectStoreDefaults;
}

/** pyrax's `MAX_FILE_SIZE`: one byte under 5 GiB, Swift's single-PUT limit. */
export const DEFAULT_SEGMENT_SIZE = 5 * 1024 ** 3 - 1;
export const DEFAULT_SEGMENT_CONCURRENCY = 4;
export const DEFAULT_BULK_DELETE_BATCH = 10_000;
