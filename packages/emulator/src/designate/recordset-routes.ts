import { isIP } from "node:net";
import { jsonResponse } from "../respond";
import { type DesignateRequest, jsonObject, listing } from "./designate-request";
import { badRequest, DesignateFault, pyRepr, recordsetNotFound, schemaError } from "./errors";
import { byCreatedThenId, type RecordsetRec, type ZoneRec } from "./model";
import { recordsetView } from "./views";
import { allowOnly, checkDescription, checkName, checkTtl, isZoneName } from "./zone-routes";

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
  SOA: (d) => /^\S+\. \S+\. \d+ \d+ \d+ \d+ \d+$/.test(d),
};

const filters = { name: (x: RecordsetRec) => x.name, type: (x: RecordsetRec) => x.type, ttl: (x: RecordsetRec) => x.ttl, data: (x: RecordsetRec) => x.records.join(" "), status: (x: RecordsetRec) => x.status, description: (x: RecordsetRec) => x.description };

export function listRecordsets(r: DesignateRequest, z: ZoneRec): Response {
  return listing(r, "recordsets", [...z.recordsets.values()].sort(byCreatedThenId), filters, (rs) => recordsetView(r.root, z, rs));
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
  return listing(r, "recordsets", all.sort(byCreatedThenId), filters, (rs) => recordsetView(r.root, zoneOf.get(rs.id)!, rs));
}

/** The records list: a list (`… is not a valid list of records`), each in its type's format (`'x' is not a 'A' Record`). */
function checkRecords(type: string, v: unknown): string[] {
  if (!Array.isArray(v)) throw schemaError(["records"], `${pyRepr(v)} is not a valid list of records`, "type", ["list"]);
  const records = [...new Set(v.map((d) => String(d)))];
  const ok = FORMATS[type];
  records.forEach((d, i) => {
    if (ok && !ok(d)) throw schemaError(["records", i], `${pyRepr(d)} is not a '${type}' Record`, "format", [type]);
  });
  return records;
}

/** POST /v2/zones/{id}/recordsets: 202, PENDING CREATE, and the zone PENDING UPDATE with a new serial. */
export async function createRecordset(r: DesignateRequest, z: ZoneRec): Promise<Response> {
  const b = await jsonObject(r);
  allowOnly(b, ["name", "type", "records", "ttl", "description"], "recordset");
  const name = checkName(b.name, "Host name");
  const type = b.type;
  if (typeof type !== "string" || !TYPES.includes(type)) throw schemaError(["recordset", "type"], `'${type === undefined || type === null ? "None" : String(type)}' is not a valid record type`, "value", [type ?? null]);
  const records = b.records === undefined ? [] : checkRecords(type, b.records);
  if (type === "SOA") throw badRequest("Creating a SOA recordset is not allowed");
  const ttl = b.ttl === undefined || b.ttl === null ? null : checkTtl(b.ttl);
  const description = b.description === undefined ? null : checkDescription(b.description);
  if (z.action === "DELETE") throw badRequest("Can not update a deleting zone");
  // central's _is_valid_recordset_placement, in its order.
  if (name !== z.name && !name.endsWith(`.${z.name}`)) throw badRequest("RecordSet is not contained within it's parent zone", "invalid_recordset_location");
  if (type === "CNAME" && name === z.name) throw badRequest("CNAME recordsets may not be created at the zone apex", "invalid_recordset_location");
  const sameName = [...z.recordsets.values()].filter((x) => x.name === name && x.action !== "DELETE");
  if (sameName.some((x) => x.type === type)) throw new DesignateFault(409, "duplicate_recordset", "Duplicate RecordSet");
  if (sameName.length && (type === "CNAME" || sameName.some((x) => x.type === "CNAME"))) throw badRequest("CNAME recordsets may not share a name with any other records", "invalid_recordset_location");
  if (type === "CNAME" && records.length > 1) throw badRequest("CNAME recordsets may not have more than 1 record");
  const rs = r.dns.addRecordset(z, { name, type, records, ttl, description, managed: false });
  // A recordset without records has nothing to push to the name servers: 201, ACTIVE at once.
  if (records.length === 0) {
    r.dns.finish(rs);
    const view = recordsetView(r.root, z, rs);
    return jsonResponse(201, view, { location: view.links.self });
  }
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
  // name and type are immutable: not valid keys on update.
  allowOnly(b, ["records", "ttl", "description"], "recordset");
  const records = b.records === undefined ? rs.records : checkRecords(rs.type, b.records);
  if (rs.type === "CNAME" && records.length > 1) throw badRequest("CNAME recordsets may not have more than 1 record");
  const ttl = b.ttl === undefined ? rs.ttl : b.ttl === null ? null : checkTtl(b.ttl);
  const description = b.description === undefined ? rs.description : checkDescription(b.description);
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
