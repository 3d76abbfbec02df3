import { HttpError, InvalidResponse, Paginated, type RaxResponse, redact, lazy, withQuery } from "@rax/core";
import * as z from "zod/mini";
import { parseOptions } from "./options";
import { parseJsonBody } from "./listing-body";
import { parseBody } from "./response-body";
import { OK } from "./success-status";
import { storage, type SwiftClient } from "./swift-client";

// Swift's listing protocol, shared by the account's (containers), a container's (objects) and the
// CDN's listings: the options and their query, JSON pages, marker paging past the 10 000 cap.

/** A listing's options: the one declaration (schema) its type and its checks come from. */
export const listingOptionsSchema = lazy(() =>
  z.strictObject({
    /** Page size (Swift caps it at 10 000). */
    limit: z.optional(z.number().check(z.int("must be a positive integer"), z.positive("must be a positive integer"))),
    /** Start after this name. */
    marker: z.optional(z.string("must be a string")),
    /** Stop before this name. */
    endMarker: z.optional(z.string("must be a string")),
    prefix: z.optional(z.string("must be a string")),
    /** Roll names up to the first occurrence of this character after the prefix (`subdir` entries). */
    delimiter: z.optional(z.string("must be a single character").check(z.length(1, "must be a single character"))),
    /** Walk every page instead of returning the first. */
    fullListing: z.optional(z.boolean("must be a boolean")),
    signal: z.optional(z.instanceof(AbortSignal)),
  }),
);

export type ListingOptions = z.infer<ReturnType<typeof listingOptionsSchema>>;

export function checkListingOptions(o: unknown, field = "options"): ListingOptions {
  if (o === undefined) return {};
  return parseOptions(listingOptionsSchema(), o, field);
}

export function listingQuery(o: ListingOptions, marker: string | undefined): Record<string, string | number | undefined> {
  return {
    format: "json",
    limit: o.limit,
    marker: marker || undefined,
    end_marker: o.endMarker || undefined,
    prefix: o.prefix || undefined,
    delimiter: o.delimiter,
  };
}

/**
 * `path` with the listing's query, as `withQuery(path, listingQuery(…))` spells it, without building
 * the query object for the common page (no marker, prefix or delimiter). A non-empty `path` only:
 * an account listing's empty path takes its query through core (joinUrl would add a slash).
 */
export function listingPath(path: string, o: ListingOptions, limit: number | undefined, marker: string | undefined): string {
  if (limit !== undefined && !Number.isSafeInteger(limit)) return withQuery(path, listingQuery({ ...o, limit }, marker));
  const base = limit === undefined ? `${path}?format=json` : `${path}?format=json&limit=${limit}`;
  if (!marker && !o.endMarker && !o.prefix && o.delimiter === undefined) return base;
  return withQuery(base, { marker: marker || undefined, end_marker: o.endMarker || undefined, prefix: o.prefix || undefined, delimiter: o.delimiter });
}

export interface ListPage<T> {
  items: T[];
  /** Marker for the next page; absent on the last one. */
  next?: string;
}

/**
 * The listing's JSON array, or an InvalidResponse when the body is something else. Rows are not
 * checked here: each listing checks (and converts) its rows in one pass of its own.
 */
export async function jsonArray(
  client: SwiftClient,
  path: string,
  query: Record<string, string | number | undefined> | undefined,
  signal?: AbortSignal,
): Promise<{ res: RaxResponse; rows: unknown[] }> {
  const res = await storage(client, { method: "GET", ok: OK.list, path, query, signal });
  if (res.status === 204) {
    await res.dump();
    return { res, rows: [] };
  }
  const body = parseJsonBody(res, await res.chunks());
  if (body === undefined) return { res, rows: [] };
  if (!Array.isArray(body))
    throw new InvalidResponse(
      { status: res.status, method: "GET", url: res.url, snippet: redact(JSON.stringify(body)).slice(0, 200), requestId: res.requestId },
      "listing is not a JSON array",
    );
  return { res, rows: body };
}

// Pieces of the hand-written row checks in objects/listing.ts and containers/listing.ts, run on
// every row of every page (zod's generic walk was a visible share of a small listing's CPU). Those
// must accept exactly what their row schemas accept; when one refuses a row, the schema re-checks
// the listing to name the row and the field.
export const optionalString = (v: unknown): boolean => v == null || typeof v === "string";
export const optionalNumber = (v: unknown): boolean => v == null || (typeof v === "number" && Number.isFinite(v));
export const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);

/**
 * Swift lists names in UTF-8 byte order and strictly after `marker`. A first row at or before the
 * marker means the server ignored it (or a cache repeated a page): walking on would loop forever
 * (or yield rows twice), and stopping quietly would pass a partial listing off as whole.
 */
export function checkAfterMarker(res: RaxResponse, first: string | undefined, marker: string | undefined): void {
  if (marker === undefined || marker === "" || first === undefined) return;
  if (Buffer.compare(Buffer.from(first, "utf8"), Buffer.from(marker, "utf8")) > 0) return;
  throw new InvalidResponse(
    { status: res.status, method: "GET", url: res.url, snippet: "", requestId: res.requestId },
    `listing repeated a page: first row ${JSON.stringify(first)} is not after marker ${JSON.stringify(marker)} (the server ignored the marker)`,
  );
}

/** Every row converted by `convert`; the first it refuses → the schema's InvalidResponse naming that row. */
export function checkedRows<T>(res: RaxResponse, rows: unknown[], convert: (row: unknown) => T | undefined, schema: z.ZodMiniType<unknown[]>): T[] {
  const out: T[] = [];
  for (let i = 0; i < rows.length; i++) {
    const item = convert(rows[i]);
    if (item === undefined) refuseRow(res, rows, i, schema);
    out.push(item);
  }
  return out;
}

/** Every row passes `accepts` (nothing converted); the first it refuses → as checkedRows. */
export function checkRows(res: RaxResponse, rows: unknown[], accepts: (row: unknown) => boolean, schema: z.ZodMiniType<unknown[]>): void {
  for (let i = 0; i < rows.length; i++) if (!accepts(rows[i])) refuseRow(res, rows, i, schema);
}

function refuseRow(res: RaxResponse, rows: unknown[], i: number, schema: z.ZodMiniType<unknown[]>): never {
  parseBody(res, rows, schema, "listing row");
  // Unreachable while the fast check and the schema agree; should they drift, refusing is the safe side.
  throw new InvalidResponse(
    { status: res.status, method: "GET", url: res.url, snippet: "", path: String(i), requestId: res.requestId },
    `Unexpected listing row at ${i}`,
  );
}

/**
 * Swift's default listing cap (`container_listing_limit`). Walks ask for it explicitly: Swift
 * answers full pages while more rows exist, so a shorter page is known to be the last one and
 * no trailing empty page is fetched.
 */
const SWIFT_LISTING_CAP = 10_000;

/**
 * `next` is the last name (Swift pages by marker, there is no total) — absent when the page is
 * shorter than the `limit` asked for, since Swift only sends short pages at the end.
 */
export function pageOf<T extends { name: string }>(items: T[], limit: number | undefined): ListPage<T> {
  const short = limit !== undefined && items.length < limit;
  return { items, next: short ? undefined : items.at(-1)?.name };
}

/**
 * Every page from `o.marker` on. Without a caller's `limit` it asks for Swift's cap; a server
 * configured with a lower cap refuses that with 412, and the walk goes on without a limit,
 * stopping at the first empty page.
 */
export function walkPages<T>(o: ListingOptions, fetch: (marker: string | undefined, limit: number | undefined) => Promise<ListPage<T>>): Paginated<T> {
  let limit: number | undefined = o.limit ?? SWIFT_LISTING_CAP;
  let implicit = o.limit === undefined;
  // Core's pager walks the pages; this fetcher only adds Swift's 412 fallback to limit-less paging.
  return new Paginated<T>(async (cursor) => {
    for (;;) {
      try {
        return await fetch(cursor ?? o.marker, limit);
      } catch (e) {
        if (implicit && e instanceof HttpError && e.status === 412) {
          implicit = false;
          limit = undefined;
          continue;
        }
        throw e;
      }
    }
  });
}

