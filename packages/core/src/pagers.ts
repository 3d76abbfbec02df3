import { Paginated, type PaginatedOptions } from "./pagination";

// The pagers, apart from `Paginated` itself: a bundle that only walks its own pages (object
// storage's Swift listings) leaves these out.

/**
 * What a marker page fetcher returns: the rows, or the rows and whether more pages follow when
 * the fetcher knows better than the short-page rule (e.g. it fell back to the server's own page
 * size after the one asked for was refused).
 */
export type MarkerPageResult<T> = T[] | { items: T[]; more?: boolean };

export interface MarkerPagerOptions<T> extends PaginatedOptions {
  /** Marker for the page after `item` (Swift: name, Nova: id). */
  markerOf: (item: T) => string;
  /** Page size the server uses; a shorter page ends the listing without an extra request. */
  pageSize?: number;
  /** Marker to start after (the caller's own `marker` option). */
  marker?: string;
}

/**
 * Swift/Nova style: `?marker=<last item>&limit=<pageSize>`, until a page shorter than asked for
 * (no trailing empty request) or an empty page. Without a `pageSize` the walk ends at an empty page.
 */
export function markerPager<T>(
  fetchPage: (marker: string | undefined, want: number | undefined) => Promise<MarkerPageResult<T>>,
  o: MarkerPagerOptions<T>,
): Paginated<T> {
  return new Paginated<T>(
    async (cursor, want) => {
      const size = o.pageSize === undefined ? want : want === undefined ? o.pageSize : Math.min(o.pageSize, want);
      const got = await fetchPage(cursor ?? o.marker, size);
      const items = Array.isArray(got) ? got : got.items;
      const more = Array.isArray(got) ? undefined : got.more;
      const last = items[items.length - 1];
      const short = size !== undefined && items.length < size;
      const done = last === undefined || (more === undefined ? short : !more);
      return { items, next: done ? undefined : o.markerOf(last) };
    },
    { limit: o.limit },
  );
}

export interface OffsetPagerOptions extends PaginatedOptions {
  /** Items per request (Cloud DNS: ≤ 100; offsets must be multiples of it). */
  pageSize: number;
  /** First offset. Default 0. */
  start?: number;
}

/** Cloud DNS style: `?limit=&offset=`, until a short page or `total` is reached. */
export function offsetPager<T>(
  fetchPage: (offset: number, limit: number) => Promise<{ items: T[]; total?: number }>,
  o: OffsetPagerOptions,
): Paginated<T> {
  return new Paginated<T>(
    async (cursor) => {
      const offset = cursor === undefined ? (o.start ?? 0) : Number(cursor);
      const { items, total } = await fetchPage(offset, o.pageSize);
      const end = offset + items.length;
      const more = items.length >= o.pageSize && (total === undefined || end < total);
      return { items, next: more ? String(end) : undefined, ...(total !== undefined ? { total } : {}) };
    },
    { limit: o.limit },
  );
}

/** Glance/Queues/Monitoring style: the server returns the next page's href (or next marker). */
export function linkPager<T>(
  fetchPage: (href: string | undefined, want: number | undefined) => Promise<{ items: T[]; next?: string | null }>,
  o: PaginatedOptions = {},
): Paginated<T> {
  return new Paginated<T>(
    async (cursor, want) => {
      const { items, next } = await fetchPage(cursor, want);
      return { items, next: next ?? undefined };
    },
    { limit: o.limit },
  );
}
