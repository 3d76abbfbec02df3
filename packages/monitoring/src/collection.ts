import { type CallOptions, HttpError, lazy, linkPager, type LookupMiss, type NotFound, notFoundAs, type Paginated, type Query, type ServiceClient, validate } from "@rax/core";
import * as z from "zod/mini";

/** Every Cloud Monitoring list: `{"values":[…],"metadata":{"count","limit","marker","next_marker","next_href"}}` (monitoring.md "Collection shape"). */
export const collectionBody = <S extends z.ZodMiniType>(row: S) =>
  z.looseObject({
    values: z.array(row),
    metadata: z.optional(z.looseObject({ next_marker: z.nullish(z.string()) })),
  });

/** Paging options every Cloud Monitoring list takes. */
export const pageInput = lazy(() => ({
  /** Stop after this many rows in total. */
  limit: z.optional(z.int().check(z.positive())),
  /** Start at this id (the service's marker is the id of the first row of a page). */
  marker: z.optional(z.string().check(z.minLength(1))),
  /** Rows per request, 1–1000 (the service's default is 100). */
  pageSize: z.optional(z.int().check(z.gte(1), z.lte(1000))),
}));

/**
 * The page options alone, strictly: checkTypes, zones and notificationTypes pass theirs straight here,
 * and call options given in their place (`zones.list({ signal })`) must be refused, not ignored
 * while the requests go out with no signal.
 */
const pageOptions = lazy(() => z.optional(z.strictObject({ ...pageInput() })));

export interface PageOptions {
  limit?: number;
  marker?: string;
  pageSize?: number;
}

/**
 * GET `path` page after page. The service's `marker` is the id of the *first* row of the next page
 * (`metadata.next_marker`, monitoring.md "Pagination"), not the last row seen, so the cursor is what
 * the server names: core's `linkPager` with `next_marker` as the cursor (markerPager's "last row's
 * id" would repeat a row per page).
 */
export function listValues<S extends z.ZodMiniType, T>(
  client: ServiceClient,
  path: string,
  row: S,
  convert: (w: z.output<S>) => T,
  p: PageOptions = {},
  query: Query = {},
  o: CallOptions = {},
  /** What a 404 means for this list (its entity or check is gone): the error to throw instead. */
  missing?: (e: NotFound) => Error,
): Paginated<T> {
  const page: PageOptions = validate(pageOptions(), p, "options") ?? {};
  const body = collectionBody(row);
  return linkPager<z.output<S>>(
    async (marker, want) => {
      const limit = page.pageSize === undefined ? (want === undefined ? undefined : Math.min(want, 1000)) : want === undefined ? page.pageSize : Math.min(page.pageSize, want);
      // 200 is the only success (and no body snippet in errors: agent token rows carry secrets).
      const sent = client.json({ method: "GET", path, query: { ...query, limit, marker: marker ?? page.marker }, success: [200], ...o }, body);
      const b = await (missing ? notFoundAs(sent, missing) : sent);
      return { items: b.values as z.output<S>[], next: b.metadata?.next_marker ?? undefined };
    },
    { limit: page.limit },
  ).map(convert);
}

/**
 * `get()`, or — when the server does not route GET by id (Rackspace's mock serves notifications,
 * monitoring zones and notification types as lists only: a 405 or a bare 404) — the row with `id`
 * from `list()`. Not in the list either: `missing` with the lookup (a 404 naming the id and the
 * service, not the unrouted GET, which says nothing about whether the row exists).
 */
export async function getOrFindInList<T extends { id: string }>(client: ServiceClient, get: () => Promise<T>, list: () => Paginated<T>, id: string, unrouted: readonly number[], missing: (from: LookupMiss) => Error): Promise<T> {
  try {
    return await get();
  } catch (e) {
    const http = e instanceof HttpError ? e : e instanceof Error && e.cause instanceof HttpError ? e.cause : undefined;
    if (!http || !unrouted.includes(http.status)) throw e;
    for await (const row of list()) if (row.id === id) return row;
    throw missing({ in: client, by: "with id" });
  }
}
