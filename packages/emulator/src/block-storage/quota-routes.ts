import { jsonResponse } from "../respond";
import { badRequest, CinderFault } from "./cinder-errors";
import { type CinderRequest, entity, jsonBody, requireAdmin } from "./cinder-request";
import { QUOTAS, type QuotaName, type VolumeTypeRecord } from "./model";

/** What a project uses, per quota. */
function usage(r: CinderRequest, project: string) {
  const vols = r.cinder.tenantVolumes(project);
  const snaps = r.cinder.tenantSnapshots(project);
  const used: Record<string, number> = { volumes: vols.length, gigabytes: vols.reduce((n, v) => n + v.size, 0) + snaps.reduce((n, s) => n + s.size, 0), snapshots: snaps.length };
  for (const t of perTypeTypes(r)) {
    const of = vols.filter((v) => v.type === t.name);
    used[`volumes_${t.name}`] = of.length;
    used[`gigabytes_${t.name}`] = of.reduce((n, v) => n + v.size, 0);
    used[`snapshots_${t.name}`] = snaps.filter((s) => of.some((v) => v.id === s.volumeId)).length;
  }
  return used;
}

// Per-type quotas exist for OpenStack's types (`volumes___DEFAULT__` …); Rackspace's v1 SATA/SSD have none.
const perTypeTypes = (r: CinderRequest): VolumeTypeRecord[] => r.cinder.types.filter((t) => t.v3Only);

/** The quota set in Cinder's key order, unlimited (-1) per-type quotas included. */
function quotaSet(r: CinderRequest, limits: Record<QuotaName, number>): Record<string, number> {
  const { volumes, per_volume_gigabytes, snapshots, gigabytes, backups, backup_gigabytes, groups } = limits;
  const out: Record<string, number> = { volumes, per_volume_gigabytes, snapshots, gigabytes, backups, backup_gigabytes };
  for (const t of perTypeTypes(r)) Object.assign(out, { [`volumes_${t.name}`]: -1, [`gigabytes_${t.name}`]: -1, [`snapshots_${t.name}`]: -1 });
  out.groups = groups;
  return out;
}

/** /os-quota-sets/{project}[/defaults]: anyone shows their own; an admin shows any and updates. */
export async function quotaRoute(r: CinderRequest, project: string, sub: string | undefined): Promise<Response> {
  const m = r.request.method;
  if (sub === "defaults") {
    if (m !== "GET") throw new CinderFault(405, "The method is not allowed for this resource.");
    return jsonResponse(200, { quota_set: { ...quotaSet(r, QUOTAS), id: project } });
  }
  if (sub !== undefined) throw new CinderFault(404, "The resource could not be found.");
  if (m === "GET") {
    if (project !== r.project) requireAdmin(r, "volume_extension:quotas:show");
    const set = quotaSet(r, r.cinder.quotaOf(project));
    if (r.url.searchParams.get("usage") === "true" || r.url.searchParams.get("usage") === "True") {
      const used = usage(r, project);
      return jsonResponse(200, { quota_set: { ...Object.fromEntries(Object.entries(set).map(([k, limit]) => [k, { limit, in_use: used[k] ?? 0, reserved: 0 }])), id: project } });
    }
    return jsonResponse(200, { quota_set: { ...set, id: project } });
  }
  if (m === "PUT") {
    requireAdmin(r, "volume_extension:quotas:update");
    const e = entity(await jsonBody(r), "quota_set");
    const change: Partial<Record<QuotaName, number>> = {};
    for (const [k, v] of Object.entries(e)) {
      if (k === "tenant_id" || k === "id") continue;
      if (!(k in QUOTAS) && !/^(volumes|gigabytes|snapshots)_/.test(k)) throw badRequest(`Bad key(s) in quota set: ${k}`);
      const n = typeof v === "string" && /^-?\d+$/.test(v) ? Number(v) : v;
      if (typeof n !== "number" || !Number.isInteger(n)) throw badRequest(`${k} must be an integer`);
      if (n < -1) throw badRequest(`Invalid input received: Quota limit ${n} for ${k} must be -1 or greater.`);
      if (k in QUOTAS) change[k as QuotaName] = n;
    }
    r.cinder.quotas.set(project, { ...r.cinder.quotas.get(project), ...change });
    return jsonResponse(200, { quota_set: quotaSet(r, r.cinder.quotaOf(project)) });
  }
  if (m === "DELETE") {
    requireAdmin(r, "volume_extension:quotas:delete");
    r.cinder.quotas.delete(project);
    return new Response(null, { status: 200 });
  }
  throw new CinderFault(405, "The method is not allowed for this resource.");
}

/** GET /limits: the project's absolute limits and what it uses (no rate limits, as Cinder today). */
export function limitsRoute(r: CinderRequest): Response {
  if (r.request.method !== "GET") throw new CinderFault(405, "The method is not allowed for this resource.");
  const q = r.cinder.quotaOf(r.project);
  const used = usage(r, r.project);
  return jsonResponse(200, {
    limits: {
      rate: [],
      absolute: {
        maxTotalVolumes: q.volumes,
        maxTotalSnapshots: q.snapshots,
        maxTotalVolumeGigabytes: q.gigabytes,
        maxTotalBackups: q.backups,
        maxTotalBackupGigabytes: q.backup_gigabytes,
        totalVolumesUsed: used.volumes,
        totalGigabytesUsed: used.gigabytes,
        totalSnapshotsUsed: used.snapshots,
        totalBackupsUsed: 0,
        totalBackupGigabytesUsed: 0,
      },
    },
  });
}
