import { HttpError, InvalidResponse, Paginated, type RaxResponse, redact } from "@rax/core";
import * as z from "zod";
import { asNoSuchContainer } from "./errors";
import { type ListingOptions, listingQuery } from "./listing-options";
import { containerPath } from "./names";
import { parseBody } from "./response-body";
import { OK } from "./success-status";
import { storage, type SwiftClient } from "./swift-client";

// Swift's JSON listing rows, as the contract and to word the error for a row the fast checks below
// refuse. Loose: fields a newer Swift adds (symlink_path, …) are kept, not refused.
const subdirRow = z.looseObject({ subdir: z.string() });
// Optional fields may come as null (some Swift versions and proxies): null means absent.
const objectRow = z.looseObject({
  name: z.string(),
  bytes: z.number().nullish(),
  hash: z.string().nullish(),
  content_type: z.string().nullish(),
  last_modified: z.string().nullish(),
});
// A delimiter listing mixes roll-up rows in; the object shape comes last so its complaint is reported.
const objectListingRows = z.array(z.union([subdirRow, objectRow]));
const containerListingRows = z.array(z.looseObject({ name: z.string(), count: z.number().nullish(), bytes: z.number().nullish() }));

/** One row of a container listing. */
export interface ObjectListing {
  name: string;
  bytes: number;
  /** MD5 for plain objects; for large objects the server's manifest hash. */
  hash?: string;
  contentType?: string;
  /** ISO-8601 UTC as Swift sends it (no zone suffix). */
  lastModified?: string;
  /** A `{"subdir": …}` roll-up entry from a delimiter listing (pyrax's `pseudo/subdirectory`). */
  isSubdir: boolean;
}

/** One row of the account listing (pyrax's `list_containers_info`). */
export interface ContainerListing {
  name: string;
  count: number;
  bytes: number;
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
async function jsonArray(
  client: SwiftClient,
  path: string,
  query: Record<string, string | number | undefined>,
  signal?: AbortSignal,
): Promise<{ res: RaxResponse; rows: unknown[] }> {
  const res = await storage(client, { method: "GET", ok: OK.list, path, query, signal });
  if (res.status === 204) {
    await res.dump();
    return { res, rows: [] };
  }
  const body = await res.json();
  if (body === undefined) return { res, rows: [] };
  if (!Array.isArray(body))
    throw new InvalidResponse(
      { status: res.status, method: "GET", url: res.url, snippet: redact(JSON.stringify(body)).slice(0, 200), requestId: res.requestId },
      "listing is not a JSON array",
    );
  return { res, rows: body };
}

// Hand-written twins of the zod row shapes above, run on every row of every page (zod's generic
// walk was a visible share of a small listing's CPU). They must accept exactly what the schemas
// accept; when one refuses a row, the schema re-checks the listing to name the row and the field.
const optionalString = (v: unknown): boolean => v == null || typeof v === "string";
const optionalNumber = (v: unknown): boolean => v == null || (typeof v === "number" && Number.isFinite(v));
const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);

function toObjectListing(row: unknown): ObjectListing | undefined {
  if (!isRecord(row)) return undefined;
  const subdir = row.subdir;
  if (typeof subdir === "string") return { name: subdir, bytes: 0, hash: undefined, contentType: "pseudo/subdirectory", lastModified: undefined, isSubdir: true };
  const { name, bytes, hash, content_type: contentType, last_modified: lastModified } = row;
  if (typeof name !== "string" || !optionalNumber(bytes) || !optionalString(hash) || !optionalString(contentType) || !optionalString(lastModified))
    return undefined;
  return {
    name,
    bytes: (bytes as number | null | undefined) ?? 0,
    hash: (hash as string | null | undefined) ?? undefined,
    contentType: (contentType as string | null | undefined) ?? undefined,
    lastModified: (lastModified as string | null | undefined) ?? undefined,
    isSubdir: false,
  };
}

function toContainerListing(row: unknown): ContainerListing | undefined {
  if (!isRecord(row)) return undefined;
  const { name, count, bytes } = row;
  if (typeof name !== "string" || !optionalNumber(count) || !optionalNumber(bytes)) return undefined;
  return { name, count: (count as number | null | undefined) ?? 0, bytes: (bytes as number | null | undefined) ?? 0 };
}

/**
 * Swift lists names in UTF-8 byte order and strictly after `marker`. A first row at or before the
 * marker means the server ignored it (or a cache repeated a page): walking on would loop forever
 * (or yield rows twice), and stopping quietly would pass a partial listing off as whole.
 */
function checkAfterMarker(res: RaxResponse, first: { name: string } | undefined, marker: string | undefined): void {
  if (marker === undefined || marker === "" || first === undefined) return;
  if (Buffer.compare(Buffer.from(first.name, "utf8"), Buffer.from(marker, "utf8")) > 0) return;
  throw new InvalidResponse(
    { status: res.status, method: "GET", url: res.url, snippet: "", requestId: res.requestId },
    `listing repeated a page: first row ${JSON.stringify(first.name)} is not after marker ${JSON.stringify(marker)} (the server ignored the marker)`,
  );
}

/** Every row converted by `convert`; the first it refuses → the schema's InvalidResponse naming that row. */
function checkedRows<T>(res: RaxResponse, rows: unknown[], convert: (row: unknown) => T | undefined, schema: z.ZodType<unknown[]>): T[] {
  const out: T[] = [];
  for (let i = 0; i < rows.length; i++) {
    const item = convert(rows[i]);
    if (item === undefined) {
      parseBody(res, rows, schema, "listing row");
      // Unreachable while the fast check and the schema agree; should they drift, refusing is the safe side.
      throw new InvalidResponse(
        { status: res.status, method: "GET", url: res.url, snippet: "", path: String(i), requestId: res.requestId },
        `Unexpected listing row at ${i}`,
      );
    }
    out.push(item);
  }
  return out;
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
function pageOf<T extends { name: string }>(items: T[], limit: number | undefined): ListPage<T> {
  const short = limit !== undefined && items.length < limit;
  return { items, next: short ? undefined : items.at(-1)?.name };
}

/** One page, of `limit` rows (default: the caller's `limit`, else the server's cap). */
export async function objectPage(
  client: SwiftClient,
  container: string,
  o: ListingOptions,
  marker?: string,
  limit = o.limit,
): Promise<ListPage<ObjectListing>> {
  let listing: Awaited<ReturnType<typeof jsonArray>>;
  try {
    listing = await jsonArray(client, containerPath(container), listingQuery({ ...o, limit }, marker ?? o.marker), o.signal);
  } catch (e) {
    throw asNoSuchContainer(e, container);
  }
  const items = checkedRows(listing.res, listing.rows, toObjectListing, objectListingRows);
  checkAfterMarker(listing.res, items[0], marker ?? o.marker);
  return pageOf(items, limit);
}

/**
 * Every page from `o.marker` on. Without a caller's `limit` it asks for Swift's cap; a server
 * configured with a lower cap refuses that with 412, and the walk goes on without a limit,
 * stopping at the first empty page.
 */
function walkPages<T>(o: ListingOptions, fetch: (marker: string | undefined, limit: number | undefined) => Promise<ListPage<T>>): Paginated<T> {
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

/** Every row, page after page, past the server's 10 000 cap. */
export function walkObjects(client: SwiftClient, container: string, o: ListingOptions): Paginated<ObjectListing> {
  return walkPages(o, (marker, limit) => objectPage(client, container, o, marker, limit));
}

export async function listObjectRows(client: SwiftClient, container: string, o: ListingOptions): Promise<ObjectListing[]> {
  if (!o.fullListing) return (await objectPage(client, container, o)).items;
  return walkObjects(client, container, o).toArray();
}

export async function containerPage(client: SwiftClient, o: ListingOptions, marker?: string, limit = o.limit): Promise<ListPage<ContainerListing>> {
  const { res, rows } = await jsonArray(client, "", listingQuery({ ...o, limit }, marker ?? o.marker), o.signal);
  const items = checkedRows(res, rows, toContainerListing, containerListingRows);
  checkAfterMarker(res, items[0], marker ?? o.marker);
  return pageOf(items, limit);
}

export function walkContainers(client: SwiftClient, o: ListingOptions): Paginated<ContainerListing> {
  return walkPages(o, (marker, limit) => containerPage(client, o, marker, limit));
}

export async function listContainerRows(client: SwiftClient, o: ListingOptions): Promise<ContainerListing[]> {
  if (!o.fullListing) return (await containerPage(client, o)).items;
  return walkContainers(client, o).toArray();
}
