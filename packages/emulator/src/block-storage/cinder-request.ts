import type { EmulatorContext } from "../context";
import { BodyTooLarge, readBody } from "../request-body";
import { badRequest, CinderFault } from "./cinder-errors";
import type { RegionCinder } from "./model";
import type { CinderVersion } from "./views";

/** One authorised Cinder request, as the route functions see it. */
export interface CinderRequest {
  ctx: EmulatorContext;
  request: Request;
  url: URL;
  cinder: RegionCinder;
  region: string;
  project: string;
  version: CinderVersion;
}

/** The request's JSON object body (Cinder: 400 for anything else). */
export async function jsonBody(r: CinderRequest): Promise<Record<string, unknown>> {
  let raw: Buffer;
  try {
    raw = await readBody(r.request, 1024 * 1024);
  } catch (e) {
    if (e instanceof BodyTooLarge) throw new CinderFault(413, "Request is too large.");
    throw e;
  }
  let data: unknown;
  try {
    data = JSON.parse(raw.toString("utf8"));
  } catch {
    throw badRequest("Malformed request body");
  }
  if (!isObject(data)) throw badRequest("Malformed request body");
  return data;
}

export function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

/** The one key of a body (`{"volume": {…}}`), or Cinder's 400. */
export function entity(body: Record<string, unknown>, key: string): Record<string, unknown> {
  const e = body[key];
  if (!isObject(e)) throw badRequest(`Missing required element '${key}' in request body.`);
  return e;
}

/** `display_name` on v1, `name` on v2/v3 (v2/v3 also take the v1 names, as Cinder does). */
export function displayField(e: Record<string, unknown>, field: "name" | "description", version: CinderVersion): string | undefined {
  const v = version === "v1" ? e[`display_${field}`] : (e[field] ?? e[`display_${field}`]);
  if (v === undefined || v === null) return undefined;
  if (typeof v !== "string") throw badRequest(`Invalid input received: ${field} must be a string`);
  if (v.length > 255) throw badRequest(`Invalid input received: ${field} has more than 255 characters.`);
  return v;
}

/** Validates metadata as Cinder does: string keys 1–255, string values ≤ 255. */
export function metadataOf(v: unknown): Record<string, string> {
  if (v === undefined || v === null) return {};
  if (!isObject(v)) throw badRequest("Invalid input received: metadata must be a dict");
  const out: Record<string, string> = {};
  for (const [k, x] of Object.entries(v)) {
    if (k.length < 1 || k.length > 255) throw badRequest("Invalid input received: metadata key must be 1-255 characters");
    if (typeof x !== "string") throw badRequest(`Invalid input received: value of metadata key ${k} must be a string`);
    if (x.length > 255) throw badRequest(`Invalid input received: value of metadata key ${k} has more than 255 characters`);
    out[k] = x;
  }
  return out;
}

/** limit/marker paging over `rows` (by id); v2/v3 add a `next` link when rows remain. */
export function page<T extends { id: string }>(r: CinderRequest, rows: T[]): { rows: T[]; links?: Array<{ rel: string; href: string }> } {
  const marker = r.url.searchParams.get("marker");
  let from = 0;
  if (marker) {
    const at = rows.findIndex((x) => x.id === marker);
    if (at < 0) throw badRequest(`Invalid input received: marker [${marker}] not found`);
    from = at + 1;
  }
  const raw = r.url.searchParams.get("limit");
  const limit = raw === null ? 1000 : Number(raw);
  if (!Number.isInteger(limit) || limit < 0) throw badRequest("Invalid input received: limit must be a non-negative integer");
  const out = rows.slice(from, from + limit);
  if (r.version === "v1") return { rows: out };
  const more = from + limit < rows.length && out.length > 0;
  const next = new URL(r.url);
  next.searchParams.set("marker", out[out.length - 1]?.id ?? "");
  return { rows: out, links: more ? [{ rel: "next", href: next.toString() }] : [] };
}
