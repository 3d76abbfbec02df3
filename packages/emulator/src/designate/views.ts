import { DEFAULT_POOL_ID, type Progress, type RecordsetRec, type ZoneRec } from "./model";

/** Designate's timestamps: UTC, stored to the second, written with microseconds (`2026-12-03T06:48:36.000000`). */
const stamp = (ms: number) => new Date(ms).toISOString().replace(/\.\d{3}Z$/, ".000000");

function progress(x: Progress) {
  return { status: x.status, action: x.action, version: x.version, created_at: stamp(x.created), updated_at: x.updated === null ? null : stamp(x.updated) };
}

/** objects/adapters/api_v2/zone.py's fields, `project_id` for `tenant_id`. */
export function zoneView(root: string, z: ZoneRec) {
  const p = progress(z);
  return {
    id: z.id,
    pool_id: DEFAULT_POOL_ID,
    project_id: z.projectId,
    name: z.name,
    email: z.email,
    description: z.description,
    ttl: z.ttl,
    serial: z.serial,
    status: p.status,
    action: p.action,
    version: p.version,
    attributes: {},
    type: "PRIMARY",
    masters: [],
    created_at: p.created_at,
    updated_at: p.updated_at,
    transferred_at: null,
    links: { self: `${root}/v2/zones/${z.id}` },
  };
}

/** objects/adapters/api_v2/recordset.py's fields. */
export function recordsetView(root: string, z: ZoneRec, rs: RecordsetRec) {
  const p = progress(rs);
  return {
    id: rs.id,
    zone_id: z.id,
    project_id: z.projectId,
    name: rs.name,
    zone_name: z.name,
    type: rs.type,
    records: [...rs.records],
    description: rs.description,
    ttl: rs.ttl,
    status: p.status,
    action: p.action,
    version: p.version,
    created_at: p.created_at,
    updated_at: p.updated_at,
    links: { self: `${root}/v2/zones/${z.id}/recordsets/${rs.id}` },
  };
}
