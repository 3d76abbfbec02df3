import { randomUUID } from "node:crypto";
import { emptyResponse, jsonResponse } from "../respond";
import { badRequest, CinderFault, notFound } from "./cinder-errors";
import { allTenantsOf, type CinderRequest, displayField, entity, jsonBody, metadataOf, page, pyRepr, schemaError } from "./cinder-request";
import type { SnapshotRecord } from "./model";
import { emptyAnswer, snapshotView } from "./views";
import { metadataRoute, sortRows, visibleVolume } from "./volume-routes";

/** GET /snapshots and /snapshots/detail: `volume_id`, `status` and `name` filters, all_tenants (admin), limit/marker. */
export function listSnapshots(r: CinderRequest): Response {
  const allTenants = allTenantsOf(r, "lenient");
  let rows = allTenants ? r.cinder.allSnapshots() : r.cinder.tenantSnapshots(r.project);
  const project = r.url.searchParams.get("project_id");
  if (allTenants && project) rows = rows.filter((s) => s.tenantId === project);
  const volumeId = r.url.searchParams.get("volume_id");
  if (volumeId) rows = rows.filter((s) => s.volumeId === volumeId);
  const status = r.url.searchParams.get("status");
  if (status) rows = rows.filter((s) => s.status === status);
  const name = r.url.searchParams.get("name");
  if (name) rows = rows.filter((s) => s.name === name);
  if (r.version !== "v1") rows = sortRows(r, rows, SNAPSHOT_SORT_KEYS, snapshotSortValue);
  const p = page(r, rows, "Snapshot");
  const detail = r.url.pathname.endsWith("/detail");
  return jsonResponse(200, { snapshots: p.rows.map((s) => snapshotView(s, r.version, detail, r.minor)), ...(p.links?.length ? { snapshots_links: p.links } : {}) });
}

const UUID = /^[0-9a-f]{8}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{12}$/i;
/** Snapshot columns Cinder sorts by (`name` is not one: it is display_name there). */
const SNAPSHOT_SORT_KEYS = ["id", "status", "size", "created_at", "updated_at", "volume_id", "display_name", "project_id", "user_id"];
function snapshotSortValue(s: SnapshotRecord, key: string): string | number {
  if (key === "display_name") return s.name ?? "";
  if (key === "size") return s.size;
  if (key === "created_at") return s.created;
  if (key === "updated_at") return s.updated ?? 0;
  if (key === "volume_id") return s.volumeId;
  if (key === "project_id") return s.tenantId;
  if (key === "user_id") return s.userId ?? "";
  return String((s as unknown as Record<string, unknown>)[key] ?? "");
}

/** `force` as Cinder reads it: a boolean or pyrax's string "true"/"false". */
function forceOf(v: unknown): boolean {
  if (v === undefined || v === null || v === false || v === "false" || v === "False") return false;
  if (v === true || v === "true" || v === "True") return true;
  throw badRequest(`Invalid value '${String(v)}' for force.`);
}

/** POST /snapshots: 200 on v1, 202 on v2/v3; an in-use volume needs `force`. */
export async function createSnapshot(r: CinderRequest): Promise<Response> {
  const e = entity(await jsonBody(r), "snapshot");
  if (r.version !== "v1" && typeof e.volume_id === "string" && !UUID.test(e.volume_id)) throw schemaError("volume_id", e.volume_id, `'${e.volume_id}' is not valid under any of the given schemas`);
  if (typeof e.volume_id !== "string") throw r.version === "v1" ? badRequest("Invalid input received: volume_id is required") : schemaError("snapshot", e, e.volume_id === undefined ? "'volume_id' is a required property" : `${pyRepr(e.volume_id)} is not of type 'string'`);
  const v = visibleVolume(r, e.volume_id);
  const force = forceOf(e.force);
  if (!(v.status === "available" || (force && v.status === "in-use"))) throw badRequest(`Invalid volume: Volume ${v.id} status must be available, but current status is: ${v.status}.`);
  const quota = r.cinder.quotaOf(r.project).snapshots;
  if (quota >= 0 && r.cinder.tenantSnapshots(r.project).length >= quota) throw new CinderFault(413, `SnapshotLimitExceeded: Maximum number of snapshots allowed (${quota}) exceeded`);
  const s: SnapshotRecord = {
    id: randomUUID(),
    tenantId: r.project,
    userId: r.userId,
    volumeId: v.id,
    name: displayField(e, "name", r.version) ?? (r.version === "v1" ? "" : null),
    description: displayField(e, "description", r.version) ?? (r.version === "v1" ? "" : null),
    size: v.size,
    status: "creating",
    created: r.cinder.now,
    metadata: metadataOf(e.metadata),
  };
  r.cinder.snapshots.set(s.id, s);
  r.cinder.transition(s, "creating", "available", r.cinder.cinder.timings.snapshot);
  return jsonResponse(r.version === "v1" ? 200 : 202, { snapshot: snapshotView(s, r.version, false, r.minor) });
}

/** A snapshot the caller may see: its own project's, or (admin) any project's, as real Cinder's admin context reads by id. Else Cinder's 404. */
export function visibleSnapshot(r: CinderRequest, id: string): SnapshotRecord {
  const found = r.cinder.snapshotFor(r.project, r.admin, id);
  if (!found) throw notFound(`Snapshot ${id} could not be found.`);
  return found;
}

export function showSnapshot(r: CinderRequest, id: string): Response {
  return jsonResponse(200, { snapshot: snapshotView(visibleSnapshot(r, id), r.version, true, r.minor) });
}

export async function updateSnapshot(r: CinderRequest, id: string): Promise<Response> {
  const s = visibleSnapshot(r, id);
  const e = entity(await jsonBody(r), "snapshot");
  const name = displayField(e, "name", r.version);
  const description = displayField(e, "description", r.version);
  if (name === undefined && description === undefined) throw badRequest("Invalid input received: name or description is required");
  if (name !== undefined) s.name = name;
  if (description !== undefined) s.description = description;
  s.updated = r.cinder.now;
  return jsonResponse(200, { snapshot: snapshotView(s, r.version, false, r.minor) });
}

/** DELETE /snapshots/{id} → 202; only `available` or `error`. */
export function deleteSnapshot(r: CinderRequest, id: string): Response {
  const s = visibleSnapshot(r, id);
  if (s.status !== "available" && s.status !== "error") throw badRequest("Invalid snapshot: Snapshot status must be available or error and must not be part of a group.");
  r.cinder.transition(s, "deleting", "deleting", r.cinder.cinder.timings.delete, () => {
    s.goneAt = r.cinder.now;
  });
  return r.version === "v1" ? emptyResponse(202) : emptyAnswer(202, "html");
}

export function snapshotMetadata(r: CinderRequest, id: string, key: string | undefined): Promise<Response> {
  const s = visibleSnapshot(r, id);
  return metadataRoute(r, s.metadata, (m) => (s.metadata = m), key, "Snapshot", s.id);
}
