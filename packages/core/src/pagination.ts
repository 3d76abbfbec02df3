/** One page of a listing. `next` is the cursor (marker, offset or href) of the next page, if any. */
export interface Page<T> {
  items: T[];
  next?: string;
  /** Total count when the server reports it (Cloud DNS `totalEntries`). */
  total?: number;
}

/** Fetches the page at `cursor` (undefined = first page). `want` = items still wanted, if bounded. */
export type PageFetcher<T> = (cursor: string | undefined, want: number | undefined) => Promise<Page<T>>;

export interface PaginatedOptions {
  /** Stop after this many items in total. */
  limit?: number;
}

/**
 * A listing that is both the first page and all pages:
 * `const page = await list()` → `Page<T>` (first page only);
 * `for await (const item of list())` → every item of every page, fetched lazily;
 * `await list().toArray()` → every item. Nothing is fetched until one of these is used.
 */
export class Paginated<T> implements AsyncIterable<T>, PromiseLike<Page<T>> {
  readonly #fetch: PageFetcher<T>;
  readonly #limit?: number;
  #first?: Promise<Page<T>>;

  constructor(fetchPage: PageFetcher<T>, o: PaginatedOptions = {}) {
    this.#fetch = fetchPage;
    this.#limit = o.limit;
  }

  #firstPage(): Promise<Page<T>> {
    this.#first ??= this.#fetch(undefined, this.#limit).then((p) => this.#bound(p, 0));
    return this.#first;
  }

  #bound(p: Page<T>, seen: number): Page<T> {
    if (this.#limit === undefined) return p;
    const room = Math.max(0, this.#limit - seen);
    if (p.items.length < room) return p;
    return { ...p, items: p.items.slice(0, room), next: undefined };
  }

  then<A = Page<T>, B = never>(
    onFulfilled?: ((value: Page<T>) => A | PromiseLike<A>) | null,
    onRejected?: ((reason: unknown) => B | PromiseLike<B>) | null,
  ): Promise<A | B> {
    return this.#firstPage().then(onFulfilled, onRejected);
  }

  /** Every page, lazily. Stops on a missing/repeated cursor or the `limit`. */
  async *pages(): AsyncGenerator<Page<T>, void, undefined> {
    let seen = 0;
    let page = await this.#firstPage();
    const cursors = new Set<string>();
    for (;;) {
      seen += page.items.length;
      yield page;
      const next = page.next;
      if (next === undefined || next === "" || cursors.has(next)) return;
      if (this.#limit !== undefined && seen >= this.#limit) return;
      cursors.add(next);
      const want = this.#limit === undefined ? undefined : this.#limit - seen;
      page = this.#bound(await this.#fetch(next, want), seen);
      // An empty page that still offers a cursor would loop forever against a misbehaving server.
      if (page.items.length === 0) {
        yield page;
        return;
      }
    }
  }

  async *[Symbol.asyncIterator](): AsyncGenerator<T, void, undefined> {
    for await (const page of this.pages()) yield* page.items;
  }

  async toArray(): Promise<T[]> {
    const out: T[] = [];
    for await (const item of this) out.push(item);
    return out;
  }
}

export interface MarkerPagerOptions<T> extends PaginatedOptions {
  /** Marker for the page after `item` (Swift: name, Nova: id). */
  markerOf: (item: T) => string;
  /** Page size the server uses; a shorter page ends the listing without an extra request. */
  pageSize?: number;
}

/** Swift/Nova style: `?marker=<last item>`, until a short or empty page. */
export function markerPager<T>(
  fetchPage: (marker: string | undefined, want: number | undefined) => Promise<T[]>,
  o: MarkerPagerOptions<T>,
): Paginated<T> {
  return new Paginated<T>(
    async (cursor, want) => {
      const size = o.pageSize === undefined ? want : want === undefined ? o.pageSize : Math.min(o.pageSize, want);
      const items = await fetchPage(cursor, size);
      const last = items[items.length - 1];
      const short = size !== undefined && items.length < size;
      return { items, next: last === undefined || short ? undefined : o.markerOf(last) };
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
