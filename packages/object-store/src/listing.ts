import { InvalidResponse, redact } from "@rax/core";
import * as z from "zod";
import { asNoSuchContainer } from "./errors";
import { type ListingOptions, listingQuery } from "./listing-options";
import { containerPath } from "./names";
import { parseBody } from "./response-body";
import type { SwiftContext } from "./swift-context";

// Swift's JSON listing rows. Loose: fields a newer Swift adds (symlink_path, …) are kept, not refused.
const subdirRow = z.looseObject({ subdir: z.string() });
const objectRow = z.looseObject({
  name: z.string(),
  bytes: z.number().optional(),
  hash: z.string().optional(),
  content_type: z.string().optional(),
  last_modified: z.string().optional(),
});
// A delimiter listing mixes roll-up rows in; the object shape comes last so its complaint is reported.
const objectListingRows = z.array(z.union([subdirRow, objectRow]));
const containerListingRows = z.array(z.looseObject({ name: z.string(), count: z.number().optional(), bytes: z.number().optional() }));

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

/** The listing's rows, each checked by `rows` (a bad row → InvalidResponse with its index as `path`). */
async function jsonArray<S extends z.ZodType<unknown[]>>(
  ctx: SwiftContext,
  path: string,
  query: Record<string, string | number | undefined>,
  rows: S,
  signal?: AbortSignal,
): Promise<z.output<S>> {
  const res = await ctx.storage({ method: "GET", path, query, signal });
  if (res.status === 204) {
    await res.dump();
    return [] as z.output<S>;
  }
  const body = await res.json();
  if (body === undefined) return [] as z.output<S>;
  if (!Array.isArray(body))
    throw new InvalidResponse(
      { status: res.status, method: "GET", url: res.url, snippet: redact(JSON.stringify(body)).slice(0, 200), requestId: res.requestId },
      "listing is not a JSON array",
    );
  return parseBody(res, body, rows, "listing row");
}

function toObjectListing(row: z.output<typeof objectListingRows>[number]): ObjectListing {
  if ("subdir" in row && typeof row.subdir === "string")
    return { name: row.subdir, bytes: 0, contentType: "pseudo/subdirectory", isSubdir: true };
  const o = row as z.output<typeof objectRow>;
  return { name: o.name, bytes: o.bytes ?? 0, hash: o.hash, contentType: o.content_type, lastModified: o.last_modified, isSubdir: false };
}

/** One page; `next` is the last name, since Swift pages by marker (there is no total). */
export async function objectPage(ctx: SwiftContext, container: string, o: ListingOptions, marker?: string): Promise<ListPage<ObjectListing>> {
  let rows: z.output<typeof objectListingRows>;
  try {
    rows = await jsonArray(ctx, containerPath(container), listingQuery(o, marker ?? o.marker), objectListingRows, o.signal);
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
  const rows = await jsonArray(ctx, "", listingQuery(o, marker ?? o.marker), containerListingRows, o.signal);
  const items = rows.map((r) => ({ name: r.name, count: r.count ?? 0, bytes: r.bytes ?? 0 }));
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
