import type { EmulatorContext } from "../context";
import { readBodyOr } from "../request-body";
import { jsonResponse } from "../respond";
import { badRequest, DesignateFault, pyRepr, schemaError } from "./errors";
import type { DesignateState } from "./model";

/** One call to the Designate API: who asks, and the endpoint root links are built on. */
export interface DesignateRequest {
  ctx: EmulatorContext;
  request: Request;
  url: URL;
  dns: DesignateState;
  projectId: string;
  /** The endpoint's root as the client reached it (no trailing slash): links start here. */
  root: string;
}

const UUID = /^[0-9a-f]{8}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{12}$/i;

/** utils.validate_uuid: a path id that is no UUID is 400 `invalid_uuid`, before any lookup. */
export function uuidParam(name: string, value: string): string {
  if (!UUID.test(value)) throw badRequest(`Invalid UUID ${name}: ${value}`, "invalid_uuid");
  return value;
}

/** patches.py `body_dict`: JSON only; empty → `empty_request_body`, unparsable → `invalid_json`; an object expected. */
export async function jsonObject(r: DesignateRequest): Promise<Record<string, unknown>> {
  const type = (r.request.headers.get("content-type") ?? "").split(";")[0]!.trim().toLowerCase();
  if (type !== "application/json" && type !== "application/json-patch+json") throw new DesignateFault(415, "unsupported_content_type", "Content-type must be application/json");
  const raw = await readBodyOr(r.request, 1024 * 1024, () => new DesignateFault(413, "request_entity_too_large", "Request body too large"));
  if (raw.length === 0) throw badRequest("Request Body is empty", "empty_request_body");
  let body: unknown;
  try {
    body = JSON.parse(raw.toString("utf8"));
  } catch (e) {
    throw badRequest(e instanceof Error ? e.message : "Invalid JSON", "invalid_json");
  }
  if (!body || typeof body !== "object" || Array.isArray(body)) throw schemaError([], `${pyRepr(body)} is not of type 'object'`, "type", "object");
  return body as Record<string, unknown>;
}

/**
 * A listing as Designate pages it (utils.get_paging_params, api_v2 base adapter): filters on `filters`
 * (`*` matches anything), `limit` (default 20, "max" = 1000) and `marker` (an id), `links.self` /
 * `links.next`, and `metadata.total_count` over everything the filters matched.
 */
export function listing<T extends { id: string }>(r: DesignateRequest, key: string, items: T[], filters: Record<string, (x: T) => unknown>, view: (x: T) => unknown): Response {
  const q = r.url.searchParams;
  let matched = items;
  for (const [name, get] of Object.entries(filters)) {
    const want = q.get(name);
    if (want === null) continue;
    const pattern = new RegExp(`^${want.split("*").map((part) => part.replace(/[.+?^${}()|[\]\\]/g, "\\$&")).join(".*")}$`, "i");
    matched = matched.filter((x) => pattern.test(String(get(x) ?? "")));
  }
  const rawLimit = q.get("limit");
  const limit = rawLimit === null ? 20 : rawLimit.toLowerCase() === "max" ? 1000 : Number(rawLimit);
  if (!Number.isInteger(limit) || limit <= 0 || limit > 1000) throw badRequest("limit should be an integer between 1 and 1000", "invalid_limit");
  const marker = q.get("marker");
  let start = 0;
  if (marker !== null) {
    const at = matched.findIndex((x) => x.id === marker);
    if (at < 0) throw badRequest(`Marker ${marker} could not be found`, "invalid_marker");
    start = at + 1;
  }
  const pageItems = matched.slice(start, start + limit);
  const links: Record<string, string> = { self: `${r.root}${r.url.pathname}${r.url.search}` };
  if (start + limit < matched.length) {
    const next = new URLSearchParams(q);
    next.set("limit", String(limit));
    next.set("marker", pageItems.at(-1)!.id);
    links.next = `${r.root}${r.url.pathname}?${next}`;
  }
  return jsonResponse(200, { [key]: pageItems.map(view), links, metadata: { total_count: matched.length } });
}
