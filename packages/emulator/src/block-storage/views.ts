import { emptyResponse } from "../respond";
import type { SnapshotRecord, VolumeRecord } from "./model";

/** Cinder's timestamps: ISO without the zone, microseconds (`2012-11-07T20:28:13.000000`). */
export const stamp = (ms: number) => new Date(ms).toISOString().replace(/\.(\d{3})Z$/, ".$1000");

/** The API version of a request path (`v1` names things `display_name`; v2/v3 `name`). */
export type CinderVersion = "v1" | "v2" | "v3";

/** How a v2/v3 volume is shown: Cinder's view builder plus the extensions the caller's policy allows. */
export interface VolumeViewOptions {
  /** `…/v3/<project>` of the request, for the self/bookmark links. */
  base: string;
  admin: boolean;
  /** show and detail carry the tenant-attr (and, for an admin, host and migration) extensions; create and update do not. */
  extended: boolean;
  /** The id of a type, by name (volume_type_id from 3.63). */
  typeId: (name: string) => string | null;
  /** The request's v3 microversion minor: fields appear from the versions Cinder added them in. */
  minor: number;
}

export function volumeView(v: VolumeRecord, version: CinderVersion, o?: VolumeViewOptions): Record<string, unknown> {
  if (version !== "v1" && o) return v3VolumeView(v, version, o);
  const names = version === "v1" ? { display_name: v.name ?? "", display_description: v.description ?? "" } : { name: v.name, description: v.description };
  const attachments = v.attachment && (v.status === "in-use" || v.status === "detaching")
    ? [{ id: v.id, volume_id: v.id, server_id: v.attachment.serverId, device: v.attachment.device, ...(version === "v1" ? {} : { attachment_id: `${v.id.slice(0, 8)}-att`, host_name: null }) }]
    : [];
  return {
    id: v.id,
    ...names,
    size: v.size,
    volume_type: v.type,
    status: v.status,
    availability_zone: "nova",
    created_at: stamp(v.created),
    snapshot_id: v.snapshotId,
    source_volid: v.sourceVolid,
    bootable: version === "v1" ? bootableOf(v) : String(bootableOf(v)),
    ...(v.imageId ? { volume_image_metadata: { image_id: v.imageId } } : {}),
    attachments,
    metadata: { ...v.metadata },
    ...(version === "v1" ? {} : { links: [], multiattach: false, encrypted: false, user_id: null, "os-vol-tenant-attr:tenant_id": v.tenantId }),
  };
}

/** The self and bookmark links Cinder puts on each volume (bookmark: the same path without the version). */
export function resourceLinks(base: string, kind: string, id: string) {
  return [
    { rel: "self", href: `${base}/${kind}/${id}` },
    { rel: "bookmark", href: `${base.replace(/\/v[123]\/([^/]+)$/, "/$1")}/${kind}/${id}` },
  ];
}

/** The emulator's one volume service (what `service_uuid` names from 3.48). */
const SERVICE_UUID = "5b9a1c4e-7d1f-4a43-9c8e-2f6b3d0a9e11";

const bootableOf = (v: VolumeRecord) => v.bootable ?? v.imageId !== null;

function v3VolumeView(v: VolumeRecord, version: CinderVersion, o: VolumeViewOptions): Record<string, unknown> {
  const attachments = v.attachment && (v.status === "in-use" || v.status === "detaching")
    ? [{ id: v.id, volume_id: v.id, server_id: v.attachment.serverId, device: v.attachment.device, attachment_id: `${v.id.slice(0, 8)}-att`, host_name: null, attached_at: stamp(v.updated ?? v.created) }]
    : [];
  return {
    id: v.id,
    status: v.status,
    size: v.size,
    availability_zone: "nova",
    created_at: stamp(v.created),
    updated_at: v.updated === undefined ? null : stamp(v.updated),
    name: v.name,
    description: v.description,
    volume_type: v.type,
    snapshot_id: v.snapshotId,
    source_volid: v.sourceVolid,
    metadata: { ...v.metadata, ...v.adminMetadata },
    links: resourceLinks(o.base, "volumes", v.id),
    user_id: v.userId ?? null,
    bootable: String(bootableOf(v)),
    encrypted: false,
    replication_status: null,
    consistencygroup_id: null,
    multiattach: false,
    attachments,
    ...(v.imageId ? { volume_image_metadata: { image_id: v.imageId } } : {}),
    ...(o.admin ? { migration_status: null } : {}),
    ...(o.minor >= 13 ? { group_id: null } : {}),
    ...(o.minor >= 21 && o.admin ? { provider_id: null } : {}),
    // The fake backend's answers: unscheduled while creating, then the volume service's uuid.
    ...(o.minor >= 48 ? (v.status === "creating" ? { shared_targets: true, service_uuid: null } : { shared_targets: false, service_uuid: SERVICE_UUID }) : {}),
    ...(o.minor >= 61 && o.admin ? { cluster_name: null } : {}),
    ...(o.minor >= 63 ? { volume_type_id: o.typeId(v.type) } : {}),
    ...(o.minor >= 65 ? { consumes_quota: true } : {}),
    ...(o.extended ? { "os-vol-tenant-attr:tenant_id": v.tenantId } : {}),
    ...(o.extended && o.admin ? { "os-vol-mig-status-attr:migstat": null, "os-vol-mig-status-attr:name_id": null, "os-vol-host-attr:host": "rax-emulator@fake#fake" } : {}),
  };
}

/** A v2/v3 snapshot: show and detail add the extended attributes (project, progress). */
function v3SnapshotView(s: SnapshotRecord, extended: boolean, minor: number): Record<string, unknown> {
  return {
    id: s.id,
    created_at: stamp(s.created),
    updated_at: s.updated === undefined ? null : stamp(s.updated),
    name: s.name,
    description: s.description,
    volume_id: s.volumeId,
    status: s.status,
    size: s.size,
    metadata: { ...s.metadata },
    ...(extended ? { "os-extended-snapshot-attributes:project_id": s.tenantId, "os-extended-snapshot-attributes:progress": s.status === "available" ? "100%" : "0%" } : {}),
    ...(minor >= 14 ? { group_snapshot_id: null } : {}),
    ...(minor >= 41 ? { user_id: s.userId ?? null } : {}),
    ...(minor >= 65 ? { consumes_quota: true } : {}),
  };
}

export function snapshotView(s: SnapshotRecord, version: CinderVersion, extended = true, minor = 0): Record<string, unknown> {
  if (version !== "v1") return v3SnapshotView(s, extended, minor);
  const names = { display_name: s.name ?? "", display_description: s.description ?? "" };
  return {
    id: s.id,
    ...names,
    volume_id: s.volumeId,
    size: s.size,
    status: s.status,
    created_at: stamp(s.created),
    metadata: { ...s.metadata },
    "os-extended-snapshot-attributes:progress": s.status === "available" ? "100%" : "0%",
    "os-extended-snapshot-attributes:project_id": s.tenantId,
  };
}

/**
 * Cinder's bodiless answers still name a type: webob's default `text/html` for deletes, and
 * `application/json` for actions and extra-spec deletes (their controllers are JSON-serialised).
 */
export function emptyAnswer(status: number, type: "html" | "json"): Response {
  return emptyResponse(status, { "content-type": type === "html" ? "text/html; charset=UTF-8" : "application/json" });
}
