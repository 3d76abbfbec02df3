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
  /** The token's user has Keystone's admin role (Cinder's admin-only policies). */
  admin: boolean;
  /** The token's Keystone user id. */
  userId: string;
  /** `<endpoint root>/<version>/<project>`, for links. */
  base: string;
  /** The v3 microversion's minor number (`OpenStack-API-Version: volume 3.N`); 0 on v1/v2. */
  minor: number;
}

// oslo.utils' spellings (strutils.bool_from_string), compared lower-cased.
const OSLO_TRUE = ["1", "t", "true", "on", "y", "yes"];
const OSLO_FALSE = ["0", "f", "false", "off", "n", "no"];

/**
 * An admin's `all_tenants`: a list of every project's rows; a member's is ignored. Real Cinder reads it two ways:
 * on volumes (and their summary) as a strict boolean, a 400 for anything but oslo's spellings; on snapshots
 * leniently, where anything but a true spelling is false.
 */
export function allTenantsOf(r: CinderRequest, reading: "strict" | "lenient"): boolean {
  const raw = r.url.searchParams.get("all_tenants");
  if (!r.admin || r.version === "v1" || raw === null) return false;
  const v = raw.trim().toLowerCase();
  if (OSLO_TRUE.includes(v)) return true;
  if (reading === "strict" && !OSLO_FALSE.includes(v)) throw badRequest(`Value '${raw}' for 'all_tenants' is not a boolean.`);
  return false;
}

/** Cinder's policy refusal for a rule an admin alone passes. */
export function requireAdmin(r: CinderRequest, rule: string): void {
  if (!r.admin) throw new CinderFault(403, `Policy doesn't allow ${rule} to be performed.`);
}

/** Python's repr of a JSON value, as Cinder's schema errors quote it (`{'colour': 'blue'}`). */
export function pyRepr(v: unknown): string {
  if (typeof v === "string") return `'${v}'`;
  if (v === true) return "True";
  if (v === false) return "False";
  if (v === null || v === undefined) return "None";
  if (Array.isArray(v)) return `[${v.map(pyRepr).join(", ")}]`;
  if (typeof v === "object") return `{${Object.entries(v).map(([k, x]) => `'${k}': ${pyRepr(x)}`).join(", ")}}`;
  return String(v);
}

/** Cinder's JSON-schema refusal: `Invalid input for field/attribute size. Value: 0. 0 is less than the minimum of 1`. */
export function schemaError(field: string, value: unknown, why: string): CinderFault {
  return badRequest(`Invalid input for field/attribute ${field}. Value: ${typeof value === "string" ? value : pyRepr(value)}. ${why}`);
}

/** A size as Cinder's schema takes it: an integer ≥ 1, or a string of digits. */
export function sizeOf(field: string, v: unknown): number {
  if (typeof v === "string") {
    if (!/^[0-9]+$/.test(v)) throw schemaError(field, v, `'${v}' does not match '^[0-9]+$'`);
    v = Number(v);
  }
  if (typeof v !== "number" || !Number.isInteger(v)) throw schemaError(field, v, `${pyRepr(v)} is not valid under any of the given schemas`);
  if (v < 1) throw schemaError(field, v, `${v} is less than the minimum of 1`);
  return v;
}

const TRUTHY = [true, "True", "TRUE", "true", "1", "ON", "On", "on", "YES", "Yes", "yes", "y", "t"];
const FALSY = [false, "False", "FALSE", "false", "0", "OFF", "Off", "off", "NO", "No", "no", "n", "f"];

/** Cinder's `boolean` parameter type (os-set_bootable, os-update_readonly_flag). */
export function booleanOf(field: string, v: unknown): boolean {
  if (TRUTHY.includes(v as string)) return true;
  if (FALSY.includes(v as string)) return false;
  throw schemaError(field, v, `${pyRepr(v)} is not one of [${[...TRUTHY, ...FALSY].map(pyRepr).join(", ")}]`);
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
  if (e === undefined) throw badRequest(`'${key}' is a required property`);
  if (!isObject(e)) throw schemaError(key, e, `${pyRepr(e)} is not of type 'object'`);
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
export function page<T extends { id: string }>(r: CinderRequest, rows: T[], what = "Volume"): { rows: T[]; links?: Array<{ rel: string; href: string }> } {
  const raw = r.url.searchParams.get("limit");
  const limit = raw === null ? 1000 : Number(raw);
  if (raw !== null && !/^-?\d+$/.test(raw)) throw badRequest("limit param must be an integer");
  if (!Number.isInteger(limit) || limit < 0) throw badRequest("limit param must be positive");
  const marker = r.url.searchParams.get("marker");
  let from = 0;
  if (marker) {
    const at = rows.findIndex((x) => x.id === marker);
    // Cinder looks the marker up as a resource: a missing one is that resource's 404.
    if (at < 0) throw r.version === "v1" ? badRequest(`Invalid input received: marker [${marker}] not found`) : new CinderFault(404, `${what} ${marker} could not be found.`);
    from = at + 1;
  }
  const out = rows.slice(from, from + limit);
  if (r.version === "v1") return { rows: out };
  const more = from + limit < rows.length && out.length > 0;
  const next = new URL(r.url);
  next.searchParams.set("marker", out[out.length - 1]?.id ?? "");
  return { rows: out, links: more ? [{ rel: "next", href: next.toString() }] : [] };
}
