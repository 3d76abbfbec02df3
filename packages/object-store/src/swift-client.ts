import type { RaxResponse, ServiceCall } from "@rax/core";
import type { SuccessStatuses } from "./success-status";

export interface ObjectStoreDefaults {
  /** Bodies larger than this go up as segments plus a manifest. */
  segmentSize: number;
  /** Parallel segment uploads. */
  segmentConcurrency: number;
  /** Names per bulk-delete request (Swift's `max_deletes_per_request`, 10 000). */
  bulkDeleteBatchSize: number;
}

/**
 * What the request functions need from the client: core's public `send` and the two endpoints.
 * `ObjectStore` is one; a test can pass any object of this shape.
 */
export interface SwiftClient {
  send(call: ServiceCall): Promise<RaxResponse>;
  /** Storage endpoint URL (`…/v1/AUTH_x`). */
  readonly endpoint: string;
  /** CDN management endpoint URL, resolved on first use. */
  readonly cdnEndpoint: string;
  readonly defaults: ObjectStoreDefaults;
}

/** One Swift call: a core `ServiceCall` (path relative to the endpoint) and the statuses that mean success. */
export type SwiftCall = Omit<Extract<ServiceCall, { path: string }>, "expectStatus" | "success"> & { ok: SuccessStatuses };

// Both build core's call field by field: object rest/spread copies through a slow generic path,
// and every Swift request goes through here. A field added to `SwiftCall` must be added here too.

/** Send to the storage endpoint; any status outside `ok` is an error (core's `success` check). */
export function storage(client: SwiftClient, c: SwiftCall): Promise<RaxResponse> {
  return client.send({
    method: c.method,
    path: c.path,
    query: c.query,
    headers: c.headers,
    body: c.body,
    json: c.json,
    signal: c.signal,
    timeouts: c.timeouts,
    timeout: c.timeout,
    retry: c.retry,
    idempotent: c.idempotent,
    success: c.ok,
  });
}

/** Send to the CDN management endpoint; any status outside `ok` is an error. */
export function cdn(client: SwiftClient, c: SwiftCall): Promise<RaxResponse> {
  return client.send({
    method: c.method,
    url: `${client.cdnEndpoint}${c.path}`,
    query: c.query,
    headers: c.headers,
    body: c.body,
    json: c.json,
    signal: c.signal,
    timeouts: c.timeouts,
    timeout: c.timeout,
    retry: c.retry,
    idempotent: c.idempotent,
    success: c.ok,
  });
}

/** pyrax's `MAX_FILE_SIZE`: one byte under 5 GiB, Swift's single-PUT limit. */
export const DEFAULT_SEGMENT_SIZE = 5 * 1024 ** 3 - 1;
export const DEFAULT_SEGMENT_CONCURRENCY = 4;
export const DEFAULT_BULK_DELETE_BATCH = 10_000;
