import { badRequest } from "./nova-errors";
import type { LinkBase } from "./views";

const MAX_LIMIT = 1000;

/**
 * Nova's `limit` + `marker` paging over rows already filtered and sorted; `next` link when the page
 * is full. `all` is every row in the same order, deleted ones included: Nova finds a marker among
 * deleted servers too (read_deleted=yes), so a walk that deletes each server it is handed goes on.
 */
export function page<T>(rows: T[], url: URL, idOf: (row: T) => string, at: LinkBase, collection: string, all: T[] = rows): { items: T[]; links?: Array<{ rel: string; href: string }> } {
  const rawLimit = url.searchParams.get("limit");
  let limit = MAX_LIMIT;
  if (rawLimit !== null) {
    if (!/^\d+$/.test(rawLimit)) throw badRequest("limit param must be an integer");
    limit = Math.min(Number(rawLimit), MAX_LIMIT);
  }
  let start = 0;
  const marker = url.searchParams.get("marker");
  if (marker !== null) {
    const at = rows.findIndex((r) => idOf(r) === marker);
    if (at >= 0) start = at + 1;
    else {
      const anywhere = all.findIndex((r) => idOf(r) === marker);
      if (anywhere < 0) throw badRequest(`marker [${marker}] not found`);
      const later = new Set(all.slice(anywhere + 1));
      start = rows.findIndex((r) => later.has(r));
      if (start < 0) start = rows.length;
    }
  }
  const items = rows.slice(start, start + limit);
  if (items.length === 0 || items.length < limit) return { items };
  const next = new URLSearchParams(url.searchParams);
  next.set("limit", String(limit));
  next.set("marker", idOf(items[items.length - 1]!));
  return { items, links: [{ rel: "next", href: `${at.base}/${at.version}/${at.tenantId}/${collection}?${next}` }] };
}
