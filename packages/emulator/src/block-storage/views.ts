import type { SnapshotRecord, VolumeRecord } from "./model";

/** Cinder's timestamps: ISO without the zone, microseconds (`2012-11-07T20:28:13.000000`). */
export const stamp = (ms: number) => new Date(ms).toISOString().replace(/\.(\d{3})Z$/, ".$1000");

/** The API version of a request path (`v1` names things `display_name`; v2/v3 `name`). */
export type CinderVersion = "v1" | "v2" | "v3";

export function volumeView(v: VolumeRecord, version: CinderVersion): Record<string, unknown> {
  const names = version === "v1" ? { display_name: v.name, display_description: v.description } : { name: v.name, description: v.description };
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
    bootable: version === "v1" ? v.imageId !== null : String(v.imageId !== null),
    ...(v.imageId ? { volume_image_metadata: { image_id: v.imageId } } : {}),
    attachments,
    metadata: { ...v.metadata },
    ...(version === "v1" ? {} : { links: [], multiattach: false, encrypted: false, user_id: null, "os-vol-tenant-attr:tenant_id": v.tenantId }),
  };
}

export function snapshotView(s: SnapshotRecord, version: CinderVersion): Record<string, unknown> {
  const names = version === "v1" ? { display_name: s.name, display_description: s.description } : { name: s.name, description: s.description };
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
