import { isIP } from "node:net";
import { jsonResponse } from "../respond";
import { type DesignateRequest, jsonObject, listing } from "./designate-request";
import { badRequest, DesignateFault, invalidObject, pyRepr, recordsetNotFound } from "./errors";
import type { RecordsetRec, ZoneRec } from "./model";
import { recordsetView } from "./views";
import { checkTtl, isZoneName } from "./zone-routes";

/** The record types Designate 15 serves (conf `supported_record_type`). */
const TYPES = ["A", "AAAA", "CNAME", "MX", "SRV", "TXT", "SPF", "NS", "PTR", "SSHFP", "SOA", "NAPTR", "CAA", "CERT"];

/** Each type's record format (objects/rrdata_*.py), enough to refuse what a name server would. */
const FORMATS: Record<string, (data: string) => boolean> = {
  A: (d) => isIP(d) === 4,
  AAAA: (d) => isIP(d) === 6,
  CNAME: isZoneName,
  NS: isZoneName,
  PTR: isZoneName,
  MX: (d) => /^\d{1,5} \S+\.$/.test(d) && Number(d.split(" ")[0]) <= 65535,
  SRV: (d) => /^\d{1,5} \d{1,5} \d{1,5} \S+\.$/.test(d),
  TXT: (d) => d.length <= 255 || d.startsWith('"'),
};

const filters = { name: (x: RecordsetRec) => x.name, type: (x: RecordsetRec) => x.type, ttl: (x: RecordsetRec) => x.ttl, data: (x: RecordsetRec) => x.records.join(" "), status: (x: RecordsetRec) => x.status, description: (x: RecordsetRec) => x.description };

export function listRecordsets(r: DesignateRequest, z: ZoneRec): Response {
  return listing(r, "recordsets", [...z.recordsets.values()], filters, (rs) => recordsetView(r.root, z, rs));
}

/** GET /v2/recordsets: every zone's recordsets in one listing. */
export function listAllRecordsets(r: DesignateRequest): Response {
  const zoneOf = new Map<string, ZoneRec>();
  const all: RecordsetRec[] = [];
  for (const z of r.dns.projectZones(r.projectId))
    for (const rs of z.recordsets.values()) {
      zoneOf.set(rs.id, z);
      all.push(rs);
    }
  return listing(r, "recordsets", all, filters, (rs) => recordsetView(r.root, zoneOf.get(rs.id)!, rs));
}

function checkRecords(type: string, v: unknown): string[] {
  if (!Array.isArray(v)) throw invalidObject("records", `${pyRepr(v)} is not a valid list of records`, "type");
  const records = [...new Set(v)];
  for (const [i, d] of records.entries()) {
    if (typeof d !== "string") throw invalidObject("records", `${pyRepr(d)} is not of type 'string'`, "type");
    const ok = FORMATS[type];
    if (ok && !ok(d)) throw new DesignateFault(400, "invalid_object", undefined, [{ path: ["records", String(i)], message: `${pyRepr(d)} is not a valid record for type ${type}`, validator: "format" }]);
  }
  return records as string[];
}

/** POST /v2/zones/{id}/recordsets: 202, PENDING CREATE, and the zone PENDING UPDATE with a new serial. */
export async function createRecordset(r: DesignateRequest, z: ZoneRec): Promise<Response> {
  const b = await jsonObject(r);
  const extra = Object.keys(b).filter((k) => !["name", "type", "records", "ttl", "description"].includes(k));
  if (extra.length) throw invalidObject("", `Additional properties are not allowed (${extra.map((k) => `'${k}'`).join(", ")} ${extra.length === 1 ? "was" : "were"} unexpected)`, "additionalProperties");
  for (const key of ["name", "type"]) if (b[key] === undefined) throw invalidObject("", `'${key}' is a required property`, "required");
  if (typeof b.name !== "string" || !isZoneName(b.name)) throw invalidObject("name", `${pyRepr(b.name)} is not a 'hostname'`);
  if (typeof b.type !== "string" || !TYPES.includes(b.type)) throw invalidObject("type", `${pyRepr(b.type)} is not one of [${TYPES.map(pyRepr).join(", ")}]`, "enum");
  if (b.type === "SOA") throw badRequest("Creating a SOA recordset is not allowed");
  const records = b.records === undefined ? [] : checkRecords(b.type, b.records);
  const ttl = b.ttl === undefined || b.ttl === null ? null : checkTtl(b.ttl);
  const description = typeof b.description === "string" ? b.description : null;
  if (z.action === "DELETE") throw badRequest("Can not update a deleting zone");
  // central's _is_valid_recordset_placement, in its order.
  const name = b.name;
  if (name !== z.name && !name.endsWith(`.${z.name}`)) throw badRequest("RecordSet is not contained within it's parent zone", "invalid_recordset_location");
  if (b.type === "CNAME" && name === z.name) throw badRequest("CNAME recordsets may not be created at the zone apex", "invalid_recordset_location");
  const sameName = [...z.recordsets.values()].filter((x) => x.name === name && x.action !== "DELETE");
  if (sameName.some((x) => x.type === b.type)) throw new DesignateFault(409, "duplicate_recordset", "Duplicate RecordSet");
  if (sameName.length && (b.type === "CNAME" || sameName.some((x) => x.type === "CNAME"))) throw badRequest("CNAME recordsets may not share a name with any other records", "invalid_recordset_location");
  if (b.type === "CNAME" && records.length > 1) throw badRequest("CNAME recordsets may not have more than 1 record");
  const rs = r.dns.addRecordset(z, { name, type: b.type, records, ttl, description, managed: false });
  r.dns.touch(z);
  const view = recordsetView(r.root, z, rs);
  return jsonResponse(202, view, { location: view.links.self });
}

export function requireRecordset(r: DesignateRequest, z: ZoneRec, id: string): RecordsetRec {
  const rs = z.recordsets.get(id);
  if (!rs) throw recordsetNotFound();
  return rs;
}

export function showRecordset(r: DesignateRequest, z: ZoneRec, rs: RecordsetRec): Response {
  return jsonResponse(200, recordsetView(r.root, z, rs));
}

/** PUT: records, ttl, description (name and type are immutable); managed ones (SOA, apex NS) refused. */
export async function updateRecordset(r: DesignateRequest, z: ZoneRec, rs: RecordsetRec): Promise<Response> {
  const b = await jsonObject(r);
  if (rs.managed) throw badRequest("Managed records may not be updated");
  for (const key of ["name", "type"] as const) if (b[key] !== undefined && b[key] !== rs[key]) throw invalidObject(key, `${key} is immutable`, "immutable");
  const records = b.records === undefined ? rs.records : checkRecords(rs.type, b.records);
  if (rs.type === "CNAME" && records.length > 1) throw badRequest("CNAME recordsets may not have more than 1 record");
  const ttl = b.ttl === undefined ? rs.ttl : b.ttl === null ? null : checkTtl(b.ttl);
  const description = b.description === undefined ? rs.description : typeof b.description === "string" ? b.description : null;
  if (z.action === "DELETE") throw badRequest("Can not update a deleting zone");
  Object.assign(rs, { records, ttl, description });
  r.dns.change(rs, "UPDATE");
  r.dns.touch(z);
  return jsonResponse(202, recordsetView(r.root, z, rs));
}

/** DELETE: 202 with the recordset PENDING DELETE; SOA and the apex NS stay. */
export function deleteRecordset(r: DesignateRequest, z: ZoneRec, rs: RecordsetRec): Response {
  if (rs.type === "SOA") throw badRequest("Deleting a SOA recordset is not allowed");
  if (rs.managed) throw badRequest("Managed records may not be deleted");
  if (rs.action !== "DELETE") {
    r.dns.change(rs, "DELETE");
    r.dns.touch(z);
  }
  return jsonResponse(202, recordsetView(r.root, z, rs));
}
