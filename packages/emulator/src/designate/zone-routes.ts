import { jsonResponse } from "../respond";
import { type DesignateRequest, jsonObject, listing } from "./designate-request";
import { badRequest, DesignateFault, invalidObject, pyRepr, zoneNotFound } from "./errors";
import { DEFAULT_TTL, POOL_NAMESERVER, type ZoneRec } from "./model";
import { zoneView } from "./views";

const LABEL = /^(?!-)[A-Za-z0-9_-]{1,63}(?<!-)$/;
const EMAIL = /^[^@\s]+@[^@\s]+\.[^@\s]+$/;
const MAX_TTL = 2147483647;

/** The `zonename` format of Designate's schema: absolute (trailing dot), valid labels, ≤ 255 characters. */
export function isZoneName(name: string): boolean {
  return name.length <= 255 && name.endsWith(".") && name.slice(0, -1).split(".").every((l) => LABEL.test(l));
}

export function checkTtl(v: unknown): number {
  if (typeof v !== "number" || !Number.isInteger(v)) throw invalidObject("ttl", `${pyRepr(v)} is not of type 'integer'`, "type");
  if (v < 1) throw invalidObject("ttl", `${v} is less than the minimum of 1`, "minimum");
  if (v > MAX_TTL) throw invalidObject("ttl", `${v} is greater than the maximum of ${MAX_TTL}`, "maximum");
  return v;
}

function checkDescription(v: unknown): string | null {
  if (v === null) return null;
  if (typeof v !== "string") throw invalidObject("description", `${pyRepr(v)} is not of type 'string', 'null'`, "type");
  if (v.length > 160) throw invalidObject("description", `${pyRepr(v)} is too long`, "maxLength");
  return v;
}

function checkEmail(v: unknown): string {
  if (typeof v !== "string" || !EMAIL.test(v)) throw invalidObject("email", `${pyRepr(v)} is not a 'email'`);
  return v;
}

function allowOnly(body: Record<string, unknown>, keys: string[]): void {
  const extra = Object.keys(body).filter((k) => !keys.includes(k));
  if (extra.length) throw invalidObject("", `Additional properties are not allowed (${extra.map((k) => `'${k}'`).join(", ")} ${extra.length === 1 ? "was" : "were"} unexpected)`, "additionalProperties");
}

export function listZones(r: DesignateRequest): Response {
  const zones = r.dns.projectZones(r.projectId);
  return listing(r, "zones", zones, { name: (z) => z.name, type: () => "PRIMARY", email: (z) => z.email, status: (z) => z.status, description: (z) => z.description, ttl: (z) => z.ttl }, (z) => zoneView(r.root, z));
}

/** POST /v2/zones: 202, PENDING CREATE, `Location` the zone's URL; the SOA and NS recordsets made with it. */
export async function createZone(r: DesignateRequest): Promise<Response> {
  const b = await jsonObject(r);
  allowOnly(b, ["name", "email", "ttl", "description", "type", "masters", "attributes"]);
  const type = b.type ?? "PRIMARY";
  if (type !== "PRIMARY") throw invalidObject("type", `${pyRepr(type)} is not one of ['PRIMARY'] (the emulator has no SECONDARY zones)`, "enum");
  if (b.name === undefined) throw invalidObject("", "'name' is a required property", "required");
  if (typeof b.name !== "string" || !isZoneName(b.name)) throw invalidObject("name", `${pyRepr(b.name)} is not a 'zonename'`);
  if (b.email === undefined) throw invalidObject("", "'email' is a required property", "required");
  const init = { name: b.name, email: checkEmail(b.email), ttl: b.ttl === undefined ? DEFAULT_TTL : checkTtl(b.ttl), description: b.description === undefined ? null : checkDescription(b.description) };
  // central's _is_valid_zone_name, then storage's unique name (across every project).
  if (b.name.split(".").length <= 2) throw badRequest("More than one label is required", "invalid_zone_name");
  r.dns.settle();
  if (r.dns.zoneNamed(b.name)) throw new DesignateFault(409, "duplicate_zone", "Duplicate Zone");
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
  allowOnly(b, ["name", "email", "ttl", "description", "type", "masters", "attributes"]);
  if (b.name !== undefined && b.name !== z.name) throw badRequest("Renaming a zone is not allowed");
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
