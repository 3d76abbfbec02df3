import { type CallOptions, encodeSegment, markerPager, type NotFound, notFoundAs, type Paginated, type ServiceClient, validate } from "@rax/core";
import * as z from "zod/mini";
import { NoSuchFlavor } from "../errors";
import { READ_OK } from "../read-status";
import { type Ref, ref } from "../ref";
import { type FindFlavorInput, findFlavorInput, type FlavorData, flavorBody, flavorsBody, type ListFlavorsInput, listFlavorsInput, toFlavor } from "./models";

const missing = (id: string) => (e: NotFound) => new NoSuchFlavor(id, e);

/** GET /flavors/detail, page after page. */
export function listFlavors(client: ServiceClient, filters?: ListFlavorsInput, o: CallOptions = {}): Paginated<FlavorData> {
  const f = validate(listFlavorsInput(), filters, "filters") ?? {};
  return markerPager(
    async (marker, limit) => {
      const query = { minRam: f.minRam, minDisk: f.minDisk, limit, marker };
      const body = await client.json({ method: "GET", path: "flavors/detail", query, ...o, success: READ_OK }, flavorsBody());
      return { items: body.flavors, more: body.flavors_links?.some((l) => l.rel === "next") ?? false };
    },
    { markerOf: (row) => row.id, pageSize: f.pageSize, limit: f.limit, marker: f.marker },
  ).map(toFlavor);
}

/** GET /flavors/{id}. */
export async function getFlavor(client: ServiceClient, flavor: Ref, o: CallOptions = {}): Promise<FlavorData> {
  const id = validate(ref(), flavor, "flavor");
  const body = await notFoundAs(client.json({ method: "GET", path: `flavors/${encodeSegment(id)}`, ...o, success: READ_OK }, flavorBody()), missing(id));
  return toFlavor(body.flavor);
}

/** Every flavor matching all the given criteria, in Nova's order (the list is read once). */
export async function findFlavors(client: ServiceClient, criteria: FindFlavorInput, o: CallOptions = {}): Promise<FlavorData[]> {
  const c = validate(findFlavorInput(), criteria, "criteria");
  const all = await listFlavors(client, undefined, o).toArray();
  return all.filter((f) => (Object.keys(c) as (keyof typeof c)[]).every((k) => c[k] === undefined || f[k] === c[k]));
}

/** The first flavor matching the criteria (the seed's `[f for f in list() if f.ram == 1024][0]`). */
export async function findFlavor(client: ServiceClient, criteria: FindFlavorInput, o: CallOptions = {}): Promise<FlavorData> {
  const found = (await findFlavors(client, criteria, o))[0];
  if (found) return found;
  const what = JSON.stringify(validate(findFlavorInput(), criteria, "criteria"));
  throw new NoSuchFlavor(what, { in: client, by: "matching" });
}

/** GET /flavors/{id}/os-extra_specs. */
export async function getFlavorExtraSpecs(client: ServiceClient, flavor: Ref, o: CallOptions = {}): Promise<Record<string, unknown>> {
  const id = validate(ref(), flavor, "flavor");
  const body = await notFoundAs(client.json({ method: "GET", path: `flavors/${encodeSegment(id)}/os-extra_specs`, ...o, success: READ_OK }, z.looseObject({ extra_specs: z.record(z.string(), z.unknown()) })), missing(id));
  return body.extra_specs;
}
