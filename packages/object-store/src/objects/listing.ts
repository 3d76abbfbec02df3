import { type Paginated, ValidationError, lazy } from "@rax/core";
import * as z from "zod/mini";
import { asNoSuchContainer } from "../errors";
import { containerName, containerPath } from "../names";
import type { SwiftClient } from "../swift-client";
import {
  checkAfterMarker,
  checkRows,
  checkListingOptions,
  isRecord,
  jsonArray,
  type ListingOptions,
  type ListPage,
  listingPath,
  optionalNumber,
  optionalString,
  walkPages,
} from "../swift-listing";

// A container's listing: its objects, one page at a time or every page.

// Swift's JSON listing rows, as the contract and to word the error for a row the fast checks below
// refuse (built on first use). Loose: fields a newer Swift adds (symlink_path, …) are kept, not
// refused; optional fields may come as null (some Swift versions and proxies): null means absent.
// A delimiter listing mixes roll-up rows in; the object shape comes last so its complaint is reported.
const objectListingRows = lazy(() => {
  const subdirRow = z.looseObject({ subdir: z.string() });
  const objectRow = z.looseObject({
    name: z.string(),
    bytes: z.nullish(z.number()),
    hash: z.nullish(z.string()),
    content_type: z.nullish(z.string()),
    last_modified: z.nullish(z.string()),
  });
  return z.array(z.union([subdirRow, objectRow]));
});

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

/** Whether `row` is a listing row `listingOf` can convert (an object row or a `subdir` roll-up). */
function isObjectRow(row: unknown): boolean {
  if (!isRecord(row)) return false;
  if (typeof row.subdir === "string") return true;
  return typeof row.name === "string" && optionalNumber(row.bytes) && optionalString(row.hash) && optionalString(row.content_type) && optionalString(row.last_modified);
}

/** The row's name: what the next page's marker is. */
function rowName(row: Record<string, unknown>): string {
  return (typeof row.subdir === "string" ? row.subdir : row.name) as string;
}

/** A row `isObjectRow` accepted, as an ObjectListing. */
function listingOf(row: unknown): ObjectListing {
  const r = row as Record<string, unknown>;
  if (typeof r.subdir === "string") return { name: r.subdir, bytes: 0, hash: undefined, contentType: "pseudo/subdirectory", lastModified: undefined, isSubdir: true };
  return {
    name: r.name as string,
    bytes: (r.bytes as number | null | undefined) ?? 0,
    hash: (r.hash as string | null | undefined) ?? undefined,
    contentType: (r.content_type as string | null | undefined) ?? undefined,
    lastModified: (r.last_modified as string | null | undefined) ?? undefined,
    isSubdir: false,
  };
}

export function toObjectListing(row: unknown): ObjectListing | undefined {
  return isObjectRow(row) ? listingOf(row) : undefined;
}

/**
 * One page of checked wire rows, of `limit` rows (default: the caller's `limit`, else the server's
 * cap). Rows stay as parsed: a walk converts each as it hands it out, so a 10 000-row page is not
 * held twice (listing, issue #15).
 */
async function wirePage(client: SwiftClient, container: string, o: ListingOptions, marker: string | undefined, limit: number | undefined): Promise<ListPage<unknown>> {
  let listing: Awaited<ReturnType<typeof jsonArray>>;
  try {
    listing = await jsonArray(client, listingPath(containerPath(container), o, limit, marker ?? o.marker), undefined, o.signal);
  } catch (e) {
    throw asNoSuchContainer(e, container);
  }
  const rows = listing.rows as Record<string, unknown>[];
  checkRows(listing.res, rows, isObjectRow, objectListingRows());
  const first = rows[0];
  checkAfterMarker(listing.res, first && rowName(first), marker ?? o.marker);
  const last = rows.at(-1);
  return { items: rows, next: last === undefined || (limit !== undefined && rows.length < limit) ? undefined : rowName(last) };
}

/** One page, of `limit` rows (default: the caller's `limit`, else the server's cap). */
export async function objectPage(
  client: SwiftClient,
  container: string,
  o: ListingOptions,
  marker?: string,
  limit = o.limit,
): Promise<ListPage<ObjectListing>> {
  const page = await wirePage(client, container, o, marker, limit);
  return { items: page.items.map(listingOf), next: page.next };
}

/** Every row, page after page, past the server's 10 000 cap. */
export function walkObjects(client: SwiftClient, container: string, o: ListingOptions): Paginated<ObjectListing> {
  return walkPages(o, (marker, limit) => wirePage(client, container, o, marker, limit)).map(listingOf);
}

async function rowsOf(client: SwiftClient, container: string, o: ListingOptions): Promise<ObjectListing[]> {
  if (!o.fullListing) return (await objectPage(client, container, o)).items;
  return walkObjects(client, container, o).toArray();
}

/** The container's rows: one page, or every page with `fullListing: true`. Input checked first. */
export async function listObjectRows(client: SwiftClient, container: unknown, options?: unknown): Promise<ObjectListing[]> {
  const c = containerName(container);
  return rowsOf(client, c, checkListingOptions(options));
}

/** The container's rows as the caller's objects: one page, or every page with `fullListing: true`. */
export async function getObjects<T>(client: SwiftClient, container: unknown, options: unknown, convert: (row: ObjectListing, container: string) => T): Promise<T[]> {
  const c = containerName(container);
  return (await rowsOf(client, c, checkListingOptions(options))).map((r) => convert(r, c));
}

/** Object names (pyrax's `list_object_names`). */
export async function listObjectNames(client: SwiftClient, container: unknown, options?: unknown): Promise<string[]> {
  return (await listObjectRows(client, container, options)).map((r) => r.name);
}

/** Pseudo-folder names: the `subdir` rows of a delimiter listing (default delimiter "/"), every page. */
export async function listSubdirs(client: SwiftClient, container: unknown, options?: unknown): Promise<string[]> {
  const c = containerName(container);
  const o = checkListingOptions(options);
  const rows = await rowsOf(client, c, { ...o, delimiter: o.delimiter ?? "/", fullListing: true });
  return rows.filter((r) => r.isSubdir).map((r) => r.name);
}

/**
 * The container's objects, page by page (`await` for one page, `for await` for all, past Swift's
 * 10 000-per-request cap); `convert` turns each row into what the caller hands out. Input checked at the call.
 */
export function listObjects<T>(client: SwiftClient, container: unknown, options: unknown, convert: (row: ObjectListing, container: string) => T): Paginated<T> {
  const c = containerName(container);
  const o = checkListingOptions(options);
  if ("fullListing" in o) throw new ValidationError("options.fullListing", "use getObjects() or iterate the listing");
  // Pages are asked for with a limit (the caller's or Swift's cap), so a page shorter than it ends
  // the walk: a short container is one request, not one plus a trailing empty page.
  return walkObjects(client, c, o).map((r) => convert(r, c));
}

