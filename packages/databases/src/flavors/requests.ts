import { lazy, type CallOptions, encodeSegment, markerPager, type NotFound, notFoundAs, type Paginated, type ServiceClient, validate } from "@rax/core";
import * as z from "zod/mini";
import { NoSuchFlavor, NoUniqueMatch } from "../errors";
import { type FindFlavorInput, findFlavorInput, type FlavorData, type FlavorRef, flavorBody, flavorRef, flavorsBody, toFlavor } from "./models";

const missing = (id: string) => (e: NotFound) => new NoSuchFlavor(id, e);

const listFlavorsInput = lazy(() => z.optional(z.strictObject({ limit: z.optional(z.int().check(z.positive())), pageSize: z.optional(z.int().check(z.positive())) })));
export type ListFlavorsInput = z.input<ReturnType<typeof listFlavorsInput>>;

/** GET /flavors (Trove sends every flavor at once; a `next` link, where a cloud sends one, is followed). */
export function listFlavors(client: ServiceClient, filters?: ListFlavorsInput, o: CallOptions = {}): Paginated<FlavorData> {
  const f = validate(listFlavorsInput(), filters, "filters") ?? {};
  return markerPager(
    async (marker, limit) => {
      const body = await client.json({ method: "GET", path: "flavors", query: { limit, marker }, ...o }, flavorsBody());
      return { items: body.flavors, more: (body.links ?? []).some((l) => l.rel === "next") };
    },
    { markerOf: (row) => String(row.id), pageSize: f.pageSize, limit: f.limit },
  ).map(toFlavor);
}

/** GET /flavors/{id}. */
export async function getFlavor(client: ServiceClient, flavor: string | number | { id: string | number }, o: CallOptions = {}): Promise<FlavorData> {
  const given = validate(flavorRef(), flavor, "flavor");
  const id = typeof given === "object" ? String(given.id) : String(given);
  const body = await notFoundAs(client.json({ method: "GET", path: `flavors/${encodeSegment(id)}`, ...o }, flavorBody()), missing(id));
  return toFlavor(body.flavor);
}

/** The one flavor with this name or this RAM; `NoSuchFlavor` if none, `NoUniqueMatch` if several. */
export async function findFlavor(client: ServiceClient, by: FindFlavorInput, o: CallOptions = {}): Promise<FlavorData> {
  const q = validate(findFlavorInput(), by, "by");
  const all = await listFlavors(client, undefined, o).toArray();
  const matches = "name" in q ? all.filter((f) => f.name === q.name) : all.filter((f) => f.ram === q.ram);
  const label = "name" in q ? `name=${q.name}` : `ram=${q.ram}`;
  if (matches.length === 1) return matches[0]!;
  if (matches.length > 1) throw new NoUniqueMatch("flavors", matches.map((f) => f.id));
  throw new NoSuchFlavor(label, { in: client, by: "with" });
}

/**
 * What to send as `flavorRef` for pyrax's flavor forms: an object with an `id` is taken as is; an id,
 * name or RAM size is looked up in one listing (an id first, then a name, then RAM, as pyrax does).
 * Nothing matches → `NoSuchFlavor`, before the create or resize is sent.
 */
export async function flavorHref(client: ServiceClient, flavor: FlavorRef, field: string, o: CallOptions = {}): Promise<string> {
  const given = validate(flavorRef(), flavor, field);
  const hrefOf = (id: string, href?: string) => href ?? `${client.endpoint}/flavors/${encodeSegment(id)}`;
  if (typeof given === "object") {
    // Validation keeps only the id; a `Flavor` also carries its own URL.
    const href = (flavor as { href?: unknown }).href;
    return hrefOf(String(given.id), typeof href === "string" && href ? href : undefined);
  }
  const all = await listFlavors(client, undefined, o).toArray();
  const s = String(given);
  const hit = all.find((f) => f.id === s || String(f.raw.id) === s) ?? all.find((f) => f.name === s) ?? (typeof given === "number" ? all.find((f) => f.ram === given) : undefined);
  if (!hit) throw new NoSuchFlavor(s, { in: client, by: "with the id, name or RAM" });
  return hrefOf(hit.id, hit.href);
}
