import type { EmulatorContext } from "../context";
import { BodyTooLarge, readBody } from "../request-body";
import { MaasFault } from "./maas-errors";
import type { TenantMonitoring } from "./model";

/** One authorised Cloud Monitoring request, as the route functions see it. */
export interface MaasRequest {
  ctx: EmulatorContext;
  request: Request;
  url: URL;
  account: TenantMonitoring;
  /** The tenant's base URL (`…/v1.0/<tenant>`), for Location headers and next_href. */
  base: string;
  now: number;
}

export function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

/** The JSON object body (anything else: 400 badRequest). */
export async function jsonBody(r: MaasRequest): Promise<Record<string, unknown>> {
  let raw: Buffer;
  try {
    raw = await readBody(r.request, 256 * 1024);
  } catch (e) {
    if (e instanceof BodyTooLarge) throw new MaasFault(413, "requestTooLargeError", "Request body too large");
    throw e;
  }
  let data: unknown;
  try {
    data = JSON.parse(raw.toString("utf8") || "null");
  } catch {
    throw new MaasFault(400, "badRequest", "Invalid JSON", "The request body is not valid JSON");
  }
  if (!isObject(data)) throw new MaasFault(400, "badRequest", "Invalid request body", "The request body must be a JSON object");
  return data;
}

/**
 * One page of `rows` (sorted by `keyOf`) as the service pages: `limit` 1–1000 (default 100, else
 * 400 invalidLimit), `marker` = key of the first row of the page, `metadata.next_marker` = key of
 * the first row of the next page (monitoring.md "Pagination", "Collection shape").
 */
/**
 * One page of `rows` by key. `reverse` (time series collections' `?reverse=true`, the API's "Time
 * series collections": "objects in reversed order"; by default oldest first) walks keys downwards.
 */
export function page<T>(r: MaasRequest, rows: T[], keyOf: (row: T) => string, o: { reverse?: boolean } = {}): { values: T[]; metadata: Record<string, unknown> } {
  const rawLimit = r.url.searchParams.get("limit");
  const limit = rawLimit === null ? 100 : Number(rawLimit);
  if (!Number.isInteger(limit) || limit < 1 || limit > 1000) throw new MaasFault(400, "invalidLimit", "Limit must be an integer between 1 and 1000", `Invalid limit: ${rawLimit}`);
  const marker = r.url.searchParams.get("marker");
  const dir = o.reverse ? -1 : 1;
  const sorted = [...rows].sort((a, b) => dir * (keyOf(a) < keyOf(b) ? -1 : keyOf(a) > keyOf(b) ? 1 : 0));
  const from = marker === null ? 0 : sorted.findIndex((x) => (o.reverse ? keyOf(x) <= marker : keyOf(x) >= marker));
  const start = from < 0 ? sorted.length : from;
  const values = sorted.slice(start, start + limit);
  const next = sorted[start + limit];
  const nextMarker = next === undefined ? null : keyOf(next);
  let nextHref: string | null = null;
  if (nextMarker !== null) {
    // The handler sees `/v1.0/<tenant>/<rest>`; the href is the catalog URL + `<rest>`.
    const rest = r.url.pathname.split("/").slice(3).join("/");
    const q = new URLSearchParams(r.url.search);
    q.set("marker", nextMarker);
    q.set("limit", String(limit));
    nextHref = `${r.base}/${rest}?${q}`;
  }
  return { values, metadata: { count: values.length, limit, marker, next_marker: nextMarker, next_href: nextHref } };
}

/** An integer query parameter or undefined; anything else → 400 naming it. */
export function intParam(r: MaasRequest, name: string): number | undefined {
  const raw = r.url.searchParams.get(name);
  if (raw === null) return undefined;
  if (!/^-?\d+$/.test(raw)) throw new MaasFault(400, "badRequest", `Validation error for key '${name}'`, `${name} must be an integer (ms since the epoch)`);
  return Number(raw);
}
