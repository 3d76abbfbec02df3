import { sameRows } from "./same-rows";

/** One page of a listing. `next` is the cursor (marker, offset or href) of the next page, if any. */
export interface Page<T> {
  items: T[];
  next?: string;
  /** Total count when the server reports it (Cloud DNS `totalEntries`). */
  total?: number;
}

/**
 * What awaiting a listing gives: the first page, whose rows can also be looped over directly
 * (`for (const s of await cs.servers.list())`, `[...page]`), as pyrax's list calls return lists.
 */
export type ListedPage<T> = Page<T> & Iterable<T>;

// The iterator sits on the prototype, so a page still prints and compares as its plain fields.
const LISTED_PAGE = {
  [Symbol.iterator](this: Page<unknown>): Iterator<unknown> {
    return this.items[Symbol.iterator]();
  },
};

function listed<T>(p: Page<T>): ListedPage<T> {
  return Object.assign(Object.create(LISTED_PAGE) as object, p) as ListedPage<T>;
}

/** Fetches the page at `cursor` (undefined = first page). `want` = items still wanted, if bounded. */
export type PageFetcher<T> = (cursor: string | undefined, want: number | undefined) => Promise<Page<T>>;

export interface PaginatedOptions {
  /** Stop after this many items in total. */
  limit?: number;
}

/**
 * A listing that is both the first page and all pages:
 * `const page = await list()` → `Page<T>` (first page only; `for (const x of page)` loops over its rows);
 * `for await (const item of list())` → every item of every page, fetched lazily;
 * `await list().toArray()` → every item; `list().map(fn)` → the same listing with rows converted.
 * Nothing is fetched until one of these is used.
 *
 * A misbehaving server (a cache, or one that ignores the marker) cannot make a walk loop or
 * yield rows twice: a cursor is never fetched twice, and a page whose rows equal the previous
 * page's ends the walk before it is yielded.
 */
export class Paginated<T> implements AsyncIterable<T>, PromiseLike<ListedPage<T>> {
  // The class refers to itself, so the build emits it as `class _Paginated`: this keeps its name
  // (non-enumerable, like a function's own; tests/packaging/export-names).
  static get name(): string {
    return "Paginated";
  }
  // Rows are fetched raw and converted by #convert, so the repeat guard compares what the server
  // sent (plain data), not converted objects that may hold clients and sessions.
  readonly #fetch: PageFetcher<unknown>;
  #convert: (row: unknown) => T;
  readonly #limit?: number;
  #first?: Promise<Page<unknown>>;

  constructor(fetchPage: PageFetcher<T>, o: PaginatedOptions = {}) {
    this.#fetch = fetchPage;
    this.#convert = identity as (row: unknown) => T;
    this.#limit = o.limit;
  }

  static #derived<U>(from: Paginated<unknown>, convert: (row: unknown) => U): Paginated<U> {
    const p = new Paginated<U>(from.#fetch as PageFetcher<U>, { limit: from.#limit });
    p.#convert = convert;
    p.#first = from.#first;
    return p;
  }

  #rows(p: Page<unknown>): Page<T> {
    const convert = this.#convert;
    if (convert === identity) return p as Page<T>;
    return { ...p, items: p.items.map(convert) };
  }

  #firstPage(): Promise<Page<unknown>> {
    // Without a limit there is nothing to cut: the fetch's own promise (no extra step per listing).
    this.#first ??= this.#limit === undefined ? this.#fetch(undefined, undefined) : this.#fetch(undefined, this.#limit).then((p) => this.#bound(p, 0));
    return this.#first;
  }

  #bound(p: Page<unknown>, seen: number): Page<unknown> {
    if (this.#limit === undefined) return p;
    const room = Math.max(0, this.#limit - seen);
    if (p.items.length < room) return p;
    return { ...p, items: p.items.slice(0, room), next: undefined };
  }

  then<A = ListedPage<T>, B = never>(
    onFulfilled?: ((value: ListedPage<T>) => A | PromiseLike<A>) | null,
    onRejected?: ((reason: unknown) => B | PromiseLike<B>) | null,
  ): Promise<A | B> {
    // One step, as `.then(rows).then(onFulfilled, onRejected)` was two: a conversion failure still
    // goes to onRejected, and a failure of onFulfilled itself still does not.
    return this.#firstPage().then(
      (p) => {
        let rows: ListedPage<T>;
        try {
          rows = listed(this.#rows(p));
        } catch (e) {
          if (onRejected) return onRejected(e);
          throw e;
        }
        return onFulfilled ? onFulfilled(rows) : (rows as A);
      },
      onRejected,
    );
  }

  /**
   * The same listing with every row passed through `fn` (wire row → model), page by page. Shares
   * this listing's fetcher, its `limit` and its first page if already fetched: nothing is re-paged.
   */
  map<U>(fn: (row: T) => U): Paginated<U> {
    const inner = this.#convert;
    const convert = inner === identity ? (fn as (row: unknown) => U) : (row: unknown) => fn(inner(row));
    return Paginated.#derived(this as Paginated<unknown>, convert);
  }

  /**
   * Every page, lazily. Stops at a page without a cursor, at the `limit`, before fetching a cursor
   * a second time, and before yielding a page whose rows equal the previous page's.
   */
  async *pages(): AsyncGenerator<Page<T>, void, undefined> {
    for await (const page of this.#walk()) yield this.#rows(page);
  }

  /** The pages as fetched (rows not converted): the walk `pages()` and the item iterator share. */
  async *#walk(): AsyncGenerator<Page<unknown>, void, undefined> {
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
      const fetched = this.#bound(await this.#fetch(next, want), seen);
      // An empty page ends the walk (one that still offers a cursor would loop forever); a page
      // equal to the one before is a server repeating itself: its rows were already yielded.
      if (fetched.items.length === 0 || sameRows(fetched.items, page.items)) return;
      page = fetched;
    }
  }

  /**
   * Every item of every page. Rows are converted one at a time as they are handed out, not a page
   * at a time: a 10 000-row page then holds no second array of converted objects, and an object
   * the caller drops dies young (listing, issue #15). A hand-written iterator, not an async
   * generator: `yield*` over a page cost several promises per row.
   */
  [Symbol.asyncIterator](): AsyncGenerator<T, void, undefined> {
    return new ItemIterator<T>(this.#walk(), this.#convert);
  }
  async toArray(): Promise<T[]> {
    const out: T[] = [];
    for await (const page of this.pages()) for (const item of page.items) out.push(item);
    return out;
  }
}

function identity<T>(row: T): T {
  return row;
}

/** `for await` over a Paginated: one resolved promise per row while a page lasts, one await per page. */
class ItemIterator<T> implements AsyncGenerator<T, void, undefined> {
  readonly #pages: AsyncGenerator<Page<unknown>, void, undefined>;
  readonly #convert: (row: unknown) => T;
  #items: readonly unknown[] = [];
  #at = 0;
  #done = false;

  constructor(pages: AsyncGenerator<Page<unknown>, void, undefined>, convert: (row: unknown) => T) {
    this.#pages = pages;
    this.#convert = convert;
  }

  next(): Promise<IteratorResult<T, void>> {
    if (this.#at < this.#items.length) {
      try {
        return Promise.resolve({ value: this.#convert(this.#items[this.#at++]), done: false });
      } catch (e) {
        return this.#fail(e);
      }
    }
    if (this.#done) return Promise.resolve({ value: undefined, done: true });
    return this.#nextPage();
  }

  async #nextPage(): Promise<IteratorResult<T, void>> {
    for (;;) {
      let r: IteratorResult<Page<unknown>, void>;
      try {
        r = await this.#pages.next();
      } catch (e) {
        this.#done = true;
        this.#items = [];
        throw e;
      }
      if (r.done) {
        this.#done = true;
        this.#items = [];
        return { value: undefined, done: true };
      }
      // An empty page (a first page, or a caller's fetcher) hands out nothing: ask for the next.
      if (r.value.items.length === 0) continue;
      this.#items = r.value.items;
      this.#at = 0;
      return this.next();
    }
  }

  #fail(e: unknown): Promise<never> {
    // A row that does not convert ends the walk, as a throw from an async generator does.
    this.#done = true;
    this.#items = [];
    return this.#pages.return(undefined).then(() => Promise.reject(e), () => Promise.reject(e));
  }

  async return(): Promise<IteratorResult<T, void>> {
    this.#done = true;
    this.#items = [];
    await this.#pages.return(undefined);
    return { value: undefined, done: true };
  }

  async throw(e: unknown): Promise<IteratorResult<T, void>> {
    await this.return();
    throw e;
  }

  [Symbol.asyncIterator](): this {
    return this;
  }
}
