import { type Paginated, lazy } from "@rax/core";
import * as z from "zod/mini";
import type { SwiftClient } from "../swift-client";
import {
  checkAfterMarker,
  checkedRows,
  checkListingOptions,
  isRecord,
  jsonArray,
  type ListingOptions,
  type ListPage,
  listingQuery,
  optionalNumber,
  pageOf,
  walkPages,
} from "../swift-listing";

// The account's listing: its containers, one page at a time or every page.

const containerListingRows = lazy(() => z.array(z.looseObject({ name: z.string(), count: z.nullish(z.number()), bytes: z.nullish(z.number()) })));

/** One row of the account listing (pyrax's `list_containers_info`). */
export interface ContainerListing {
  name: string;
  count: number;
  bytes: number;
}

function toContainerListing(row: unknown): ContainerListing | undefined {
  if (!isRecord(row)) return undefined;
  const { name, count, bytes } = row;
  if (typeof name !== "string" || !optionalNumber(count) || !optionalNumber(bytes)) return undefined;
  return { name, count: (count as number | null | undefined) ?? 0, bytes: (bytes as number | null | undefined) ?? 0 };
}

export async function containerPage(client: SwiftClient, o: ListingOptions, marker?: string, limit = o.limit): Promise<ListPage<ContainerListing>> {
  const { res, rows } = await jsonArray(client, "", listingQuery({ ...o, limit }, marker ?? o.marker), o.signal);
  const items = checkedRows(res, rows, toContainerListing, containerListingRows());
  checkAfterMarker(res, items[0]?.name, marker ?? o.marker);
  return pageOf(items, limit);
}

export function walkContainers(client: SwiftClient, o: ListingOptions): Paginated<ContainerListing> {
  return walkPages(o, (marker, limit) => containerPage(client, o, marker, limit));
}

/** The account's containers: one page, or every page with `fullListing: true`. Options checked first. */
export async function listContainerRows(client: SwiftClient, options?: unknown): Promise<ContainerListing[]> {
  const o = checkListingOptions(options);
  if (!o.fullListing) return (await containerPage(client, o)).items;
  return walkContainers(client, o).toArray();
}

/**
 * Every container, page by page (await it for the first page). Options checked at the call. Pages
 * are asked for with a limit, so a short page ends the walk without a trailing empty request.
 */
export function listContainers(client: SwiftClient, options?: unknown): Paginated<ContainerListing> {
  return walkContainers(client, checkListingOptions(options));
}
