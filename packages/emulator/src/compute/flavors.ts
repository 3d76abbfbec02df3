import { jsonResponse } from "../respond";
import { badRequest, notFound } from "./nova-errors";
import type { NovaRequest } from "./nova-request";
import { page } from "./paging";
import { FLAVORS } from "./seed-data";
import { flavorView, links } from "./views";

/** `/flavors[/detail]`: Nova sorts by flavorid; `minRam` / `minDisk` filter. */
export function listFlavors(r: NovaRequest, detail: boolean): Response {
  const q = r.url.searchParams;
  const minRam = intParam(q.get("minRam"), "minRam");
  const minDisk = intParam(q.get("minDisk"), "minDisk");
  // Nova sorts flavors by flavorid.
  const rows = [...FLAVORS].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)).filter((f) => (minRam === undefined || f.ram >= minRam) && (minDisk === undefined || f.disk >= minDisk));
  const { items, links: next } = page(rows, r.url, (f) => f.id, r.at, detail ? "flavors/detail" : "flavors");
  const flavors = items.map((f) => (detail ? flavorView(r.at, f) : { id: f.id, name: f.name, links: links(r.at, "flavors", f.id) }));
  return jsonResponse(200, { flavors, ...(next ? { flavors_links: next } : {}) });
}

function intParam(v: string | null, name: string): number | undefined {
  if (v === null) return undefined;
  if (!/^\d+$/.test(v)) throw badRequest(`Invalid ${name} filter [${v}]`);
  return Number(v);
}

export function showFlavor(r: NovaRequest, id: string, extraSpecs: boolean): Response {
  const f = r.compute.flavor(id);
  if (!f) throw notFound(`Flavor ${id} could not be found.`);
  if (extraSpecs) return jsonResponse(200, { extra_specs: { ...f.extraSpecs } });
  return jsonResponse(200, { flavor: flavorView(r.at, f) });
}
