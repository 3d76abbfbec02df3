import { jsonResponse } from "../respond";
import { type DesignateRequest, jsonObject, listing } from "./designate-request";
import { badRequest, DesignateFault, invalidKeys, invalidValue, pyRepr, schemaError, zoneNotFound } from "./errors";
import { DEFAULT_TTL, POOL_NAMESERVER, type ZoneRec } from "./model";
import { zoneView } from "./views";

const LABEL = /^(?!-)[A-Za-z0-9_-]{1,63}(?<!-)$/;
const EMAIL = /^[^@\s]+@[^@\s]+\.[^@\s]+$/;
const MAX_TTL = 2147483647;
const ZONE_KEYS = ["name", "email", "ttl", "description", "type", "masters", "attributes"];

/** Designate's domain name check: absolute (trailing dot), valid labels, ≤ 255 characters. */
export function isZoneName(name: string): boolean {
  return name.length <= 255 && name.endsWith(".") && name.slice(0, -1).split(".").every((l) => LABEL.test(l));
}

/** The field checks of Designate's objects (a ValueError each, worded as Designate 15 words them). */
export function checkName(v: unknown, what: "Domain" | "Host name"): string {
  const name = typeof v === "string" ? v : String(v);
  if (!name.endsWith(".")) throw invalidValue(`${what} ${name} does not end with a dot`);
  if (!isZoneName(name)) throw invalidValue(`${what} ${name} is invalid`);
  return name;
}

export function checkTtl(v: unknown): number {
  const n = typeof v === "number" ? v : typeof v === "string" && /^-?\d+$/.test(v.trim()) ? Number(v) : NaN;
  if (!Number.isInteger(n)) throw invalidValue(`invalid literal for int() with base 10: ${pyRepr(v)}`);
  if (n < 0) throw invalidValue("Value must be >= 0 for field ttl");
  if (n > MAX_TTL) throw invalidValue(`Value must be <= ${MAX_TTL} for field ttl`);
  return n;
}

export function checkDescription(v: unknown): string | null {
  if (v === null) return null;
  const d = String(v);
  if (d.length > 160) throw invalidValue("String length is greater than maxsize of 160");
  return d;
}

function checkEmail(v: unknown): string {
  if (typeof v !== "string" || !EMAIL.test(v)) throw invalidValue(`${String(v)} is not an email`);
  return v;
}

/** Keys the resource does not take: `Keys ['foo'] are not valid for zone`. */
export function allowOnly(body: Record<string, unknown>, keys: string[], resource: string): void {
  const extra = Object.keys(body).filter((k) => !keys.includes(k));
  if (extra.length) throw invalidKeys(extra, resource);
}

export function listZones(r: DesignateRequest): Response {
  const zones = r.dns.projectZones(r.projectId);
  return listing(r, "zones", zones, { name: (z) => z.name, type: () => "PRIMARY", email: (z) => z.email, status: (z) => z.status, description: (z) => z.description, ttl: (z) => z.ttl }, (z) => zoneView(r.root, z));
}

/** POST /v2/zones: 202, PENDING CREATE, `Location` the zone's URL; the SOA and NS recordsets made with it. */
export async function createZone(r: DesignateRequest): Promise<Response> {
  const b = await jsonObject(r);
  allowOnly(b, ZONE_KEYS, "zone");
  const type = b.type ?? "PRIMARY";
  if (type !== "PRIMARY") throw schemaError(["type"], `${pyRepr(type)} is not one of ['PRIMARY'] (the emulator has no SECONDARY zones)`, "enum", ["PRIMARY"]);
  if (b.name === undefined) throw schemaError(["name"], "'name' is a required property", "required", "name");
  const name = checkName(b.name, "Domain");
  const init = { name, email: "", ttl: b.ttl === undefined ? DEFAULT_TTL : checkTtl(b.ttl), description: b.description === undefined ? null : checkDescription(b.description) };
  // Zone.validate: a PRIMARY zone needs an email (the error's path is Designate's own, odd as it is).
  if (b.email === undefined) throw schemaError(["type", "email"], "'email' is a required property", "required", "email");
  init.email = checkEmail(b.email);
  // central's _is_valid_zone_name, then storage's unique name (across every project).
  if (name.split(".").length <= 2) throw badRequest("More than one label is required", "invalid_zone_name");
  r.dns.settle();
  if (r.dns.zoneNamed(name)) throw new DesignateFault(409, "duplicate_zone", "Duplicate Zone");
  const z = r.dns.addZone(r.projectId, init);
  const view = zoneView(r.root, z);
  return jsonResponse(202, view, { location: view.links.self });
}

export function showZone(r: DesignateRequest, z: ZoneRec): Response {
  return jsonResponse(200, zoneView(r.root, z));
}

/** PATCH: email, ttl, description; 202 PENDING UPDATE with a new serial. */
export async function updateZone(r: DesignateRequest, z: ZoneRec): Promise<Response> {
  const b = await jsonObject(r);
  if (z.action === "DELETE") throw badRequest("Can not update a deleting zone");
  // name and type are immutable: not valid keys on update.
  allowOnly(b, ["email", "ttl", "description", "masters", "attributes"], "zone");
  const email = b.email === undefined ? z.email : checkEmail(b.email);
  const ttl = b.ttl === undefined ? z.ttl : checkTtl(b.ttl);
  const description = b.description === undefined ? z.description : checkDescription(b.description);
  Object.assign(z, { email, ttl, description });
  r.dns.touch(z);
  return jsonResponse(202, zoneView(r.root, z));
}

/** DELETE: 202 with the zone PENDING DELETE; gone (404) once the delete has run. Subzones first. */
export function deleteZone(r: DesignateRequest, z: ZoneRec): Response {
  const sub = r.dns.projectZones(r.projectId).find((x) => x.id !== z.id && x.name.endsWith(`.${z.name}`));
  if (sub) throw badRequest("Please delete any subzones before deleting this zone");
  if (z.action !== "DELETE") r.dns.change(z, "DELETE");
  return jsonResponse(202, zoneView(r.root, z));
}

/** GET /v2/zones/{id}/nameservers: the pool's name servers. */
export function zoneNameservers(): Response {
  return jsonResponse(200, { nameservers: [{ hostname: POOL_NAMESERVER, priority: 1 }] });
}

export function requireZone(r: DesignateRequest, id: string): ZoneRec {
  const z = r.dns.zone(r.projectId, id);
  if (!z) throw zoneNotFound();
  return z;
}
