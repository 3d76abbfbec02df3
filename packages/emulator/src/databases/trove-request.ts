import type { EmulatorContext } from "../context";
import { BodyTooLarge, readBody } from "../request-body";
import type { RegionTrove } from "./model";
import { badRequest, TroveFault } from "./trove-errors";

/** One authorised Trove request, as the route functions see it. */
export interface TroveRequest {
  ctx: EmulatorContext;
  request: Request;
  url: URL;
  trove: RegionTrove;
  region: string;
  project: string;
  /** The tenant base URL (`…/v1.0/<project>`), what `links` are built on. */
  base: string;
  /** The token's user has the admin role (Trove shows admins more of a datastore version). */
  admin: boolean;
}

/** Trove's 202: an empty body, still labelled JSON (real Trove 18 sends `Content-Type: application/json`). */
export const accepted = (): Response => new Response(null, { status: 202, headers: { "content-type": "application/json" } });

/** A body that is not JSON: Trove 18 lets webob answer, with webob's own body (not a Trove fault wrapper). */
const malformed = (): Response =>
  new Response(JSON.stringify({ code: "400 Bad Request", message: "Malformed request body<br /><br />\n\n\n", title: "Bad Request" }), { status: 400, headers: { "content-type": "application/json" } });

/** Thrown for a body that is not JSON; the handler answers it as is. */
export class MalformedBody extends Error {
  readonly response: Response = malformed();
}

/** The request's JSON object body (Trove: 400 for anything else). */
export async function jsonBody(r: TroveRequest): Promise<Record<string, unknown>> {
  let raw: Buffer;
  try {
    raw = await readBody(r.request, 1024 * 1024);
  } catch (e) {
    if (e instanceof BodyTooLarge) throw new TroveFault(413, "Request is too large.");
    throw e;
  }
  let data: unknown;
  try {
    data = JSON.parse(raw.toString("utf8"));
  } catch {
    throw new MalformedBody("Malformed request body");
  }
  if (!isObject(data)) throw badRequest("Malformed request body.");
  return data;
}

export function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

/** The one key of a body (`{"instance": {…}}`), or Trove's schema-validation 400. */
export function entity(body: Record<string, unknown>, key: string): Record<string, unknown> {
  const e = body[key];
  if (!isObject(e)) throw badRequest(`Validation error: '${key}' is a required property`);
  return e;
}

/**
 * Trove's paging (trove/common/pagination.py): rows sorted by `key`, those after `marker`, at most
 * `limit` (default 20); a `links: [{rel: "next"}]` whose marker is the page's last key when rows remain.
 */
export function page<T>(r: TroveRequest, rows: T[], key: (row: T) => string, collection: string): Record<string, unknown> {
  const sorted = [...rows].sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
  // Trove quotes the marker into the next link once more than the URL needs (`chico%2540…`), and unquotes it on the way in.
  const marker = unquote(r.url.searchParams.get("marker") ?? "");
  const raw = r.url.searchParams.get("limit");
  let limit = raw === null || raw === "" ? 20 : Number(raw);
  if (!Number.isInteger(limit) || limit < 0) throw badRequest(`limit must be a non-negative integer`);
  if (limit === 0) limit = 20;
  const from = marker ? sorted.findIndex((x) => key(x) > marker) : 0;
  const start = from < 0 ? sorted.length : from;
  if (start + limit < sorted.length) {
    const out = sorted.slice(start, start + limit);
    const next = new URL(r.url);
    next.searchParams.set("marker", encodeURIComponent(key(out[out.length - 1]!)));
    return { [collection]: out, links: [{ rel: "next", href: next.toString() }] };
  }
  return { [collection]: sorted.slice(start) };
}

/** A marker as Trove reads it: percent-decoded once more, or as sent when that is not valid percent-encoding. */
function unquote(marker: string): string {
  try {
    return decodeURIComponent(marker);
  } catch {
    return marker;
  }
}
