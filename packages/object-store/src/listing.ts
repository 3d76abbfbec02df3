import { InvalidResponse } from "@rax/core";
import { asNoSuchContainer } from "./errors";
import { type ListingOptions, listingQuery } from "./listing-options";
import { containerPath } from "./names";
import type { SwiftContext } from "./swift-context";

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

async function jsonArray(ctx: SwiftContext, path: string, query: Record<string, string | number | undefined>, signal?: AbortSignal) {
  const res = await ctx.storage({ method: "GET", path, query, signal });
  if (res.status === 204) {
    await res.dump();
    return [];
  }
  const body = await res.json();
  if (body === undefined) return [];
  if (!Array.isArray(body))
    throw new InvalidResponse({ status: res.status, method: "GET", url: res.url, snippet: JSON.stringify(body).slice(0, 200) }, "listing is not a JSON array");
  return body as Record<string, unknown>[];
}

function toObjectListing(row: Record<string, unknown>): ObjectListing {
  if (typeof row.subdir === "string")
    return { name: row.subdir, bytes: 0, contentType: "pseudo/subdirectory", isSubdir: true };
  return {
    name: String(row.name),
    bytes: Number(row.bytes ?? 0),
    hash: typeof row.hash === "string" ? row.hash : undefined,
    contentType: typeof row.content_type === "string" ? row.content_type : undefined,
    lastModified: typeof row.last_modified === "string" ? row.last_modified : undefined,
    isSubdir: false,
  };
}

/** One page; `next` is the last name, since Swift pages by marker (there is no total). */
export async function objectPage(ctx: SwiftContext, container: string, o: ListingOptions, marker?: string): Promise<ListPage<ObjectListing>> {
  let rows: Record<string, unknown>[];
  try {
    rows = await jsonArray(ctx, containerPath(container), listingQuery(o, marker ?? o.marker), o.signal);
  } catch (e) {
    throw asNoSuchContainer(e, container);
  }
  const items = rows.map(toObjectListing);
  const last = items.at(-1);
  return { items, next: last?.name };
}

/** Every row, page after page, past the server's 10 000 cap. */
export async function* walkObjects(ctx: SwiftContext, container: string, o: ListingOptions): AsyncGenerator<ObjectListing> {
  let marker = o.marker;
  for (;;) {
    const page = await objectPage(ctx, container, o, marker);
    yield* page.items;
    if (!page.next) return;
    marker = page.next;
  }
}

export async function listObjectRows(ctx: SwiftContext, container: string, o: ListingOptions): Promise<ObjectListing[]> {
  if (!o.fullListing) return (await objectPage(ctx, container, o)).items;
  const out: ObjectListing[] = [];
  for await (const row of walkObjects(ctx, container, o)) out.push(row);
  return out;
}

export async function containerPage(ctx: SwiftContext, o: ListingOptions, marker?: string): Promise<ListPage<ContainerListing>> {
  const rows = await jsonArray(ctx, "", listingQuery(o, marker ?? o.marker), o.signal);
  const items = rows.map((r) => ({ name: String(r.name), count: Number(r.count ?? 0), bytes: Number(r.bytes ?? 0) }));
  return { items, next: items.at(-1)?.name };
}

export async function* walkContainers(ctx: SwiftContext, o: ListingOptions): AsyncGenerator<ContainerListing> {
  let marker = o.marker;
  for (;;) {
    const page = await containerPage(ctx, o, marker);
    yield* page.items;
    if (!page.next) return;
    marker = page.next;
  }
}

export async function listContainerRows(ctx: SwiftContext, o: ListingOptions): Promise<ContainerListing[]> {
  if (!o.fullListing) return (await containerPage(ctx, o)).items;
  const out: ContainerListing[] = [];
  for await (const row of walkContainers(ctx, o)) out.push(row);
  return out;
}
