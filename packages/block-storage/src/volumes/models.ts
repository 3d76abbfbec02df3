import { lazy, ValidationError } from "@rax/core";
import * as z from "zod/mini";
import { metadataInput, ref } from "../ref";

const wireAttachment = lazy(() => z.looseObject({
  id: z.optional(z.string()),
  attachment_id: z.optional(z.string()),
  server_id: z.nullish(z.string()),
  volume_id: z.optional(z.string()),
  device: z.nullish(z.string()),
  host_name: z.nullish(z.string()),
}));

export const wireVolume = lazy(() => z.looseObject({
  id: z.string(),
  status: z.optional(z.string()),
  size: z.optional(z.number()),
  name: z.nullish(z.string()),
  display_name: z.nullish(z.string()),
  description: z.nullish(z.string()),
  display_description: z.nullish(z.string()),
  volume_type: z.nullish(z.string()),
  availability_zone: z.nullish(z.string()),
  created_at: z.nullish(z.string()),
  snapshot_id: z.nullish(z.string()),
  source_volid: z.nullish(z.string()),
  image_id: z.nullish(z.string()),
  // v1 sends a boolean, v2/v3 the strings "true"/"false".
  bootable: z.nullish(z.union([z.boolean(), z.string()])),
  attachments: z.nullish(z.array(wireAttachment())),
  metadata: z.nullish(z.record(z.string(), z.string())),
}));
export type WireVolume = z.output<ReturnType<typeof wireVolume>>;

export const volumeBody = lazy(() => z.looseObject({ volume: wireVolume() }));
export const volumesBody = lazy(() => z.looseObject({
  volumes: z.array(wireVolume()),
  volumes_links: z.optional(z.array(z.looseObject({ rel: z.optional(z.string()), href: z.optional(z.string()) }))),
}));
export const metadataBody = lazy(() => z.looseObject({ metadata: z.record(z.string(), z.string()) }));

/** Where a volume is attached: the server, the device on it, and the attachment's id. */
export interface Attachment {
  serverId: string;
  device?: string;
  /** Nova's attachment id (the volume id) or Cinder's v3 attachment id. */
  id?: string;
  volumeId?: string;
}

export interface VolumeData {
  id: string;
  /** creating, available, attaching, in-use, detaching, deleting, error, error_deleting… */
  status: string;
  size: number;
  name: string;
  description: string;
  volumeType?: string;
  availabilityZone?: string;
  created?: string;
  snapshotId?: string;
  sourceVolumeId?: string;
  imageId?: string;
  bootable: boolean;
  attachments: Attachment[];
  metadata: Record<string, string>;
  /** Every field Cinder sent, as sent. */
  raw: Record<string, unknown>;
}

export function toVolume(w: WireVolume): VolumeData {
  const opt = <K extends string>(k: K, v: string | null | undefined) => (v ? { [k]: v } : {}) as Partial<Record<K, string>>;
  return {
    id: w.id,
    status: w.status ?? "",
    size: w.size ?? 0,
    name: w.name ?? w.display_name ?? "",
    description: w.description ?? w.display_description ?? "",
    ...opt("volumeType", w.volume_type),
    ...opt("availabilityZone", w.availability_zone),
    ...opt("created", w.created_at),
    ...opt("snapshotId", w.snapshot_id),
    ...opt("sourceVolumeId", w.source_volid),
    ...opt("imageId", w.image_id),
    bootable: w.bootable === true || w.bootable === "true",
    attachments: (w.attachments ?? [])
      .filter((a) => a.server_id)
      .map((a) => ({
        serverId: a.server_id!,
        ...(a.device ? { device: a.device } : {}),
        ...(a.attachment_id ?? a.id ? { id: (a.attachment_id ?? a.id)! } : {}),
        ...(a.volume_id ? { volumeId: a.volume_id } : {}),
      })),
    metadata: { ...(w.metadata ?? {}) },
    raw: { ...w },
  };
}

/**
 * Rackspace's per-type size limits in GB (SATA 75–1024, SSD 50–1024), checked on its v1 API only:
 * another cloud's "ssd" type takes whatever sizes that cloud allows.
 */
export const SIZE_LIMITS: Readonly<Record<string, { min: number; max: number }>> = { SATA: { min: 75, max: 1024 }, SSD: { min: 50, max: 1024 } };

/**
 * Rackspace's size rule for a volume type (see `SIZE_LIMITS`); `ValidationError` on `volume.size`.
 * No type on a new blank volume is SATA: Rackspace's default (pyrax sends `volume_type: "SATA"`), so
 * a 50 GB volume without a type is refused here, not by the service.
 */
export function checkRackspaceSize(size: number | undefined, volumeType: string | undefined, fromSource = false): void {
  const type = volumeType ?? (fromSource ? undefined : "SATA");
  const limits = type ? SIZE_LIMITS[type.toUpperCase()] : undefined;
  if (limits && size !== undefined && (size < limits.min || size > limits.max))
    throw new ValidationError("volume.size", `must be between ${limits.min} and ${limits.max} GB for a ${type!.toUpperCase()} volume${volumeType === undefined ? " (SATA is the default volumeType)" : ""}`);
}

const text = (max: number) => z.string().check(z.maxLength(max, `must be at most ${max} characters`));

export const createVolumeInput = lazy(() =>
  z.strictObject({
    /** GB, a whole number. Optional only for a volume from a snapshot or a clone (it takes the source's size). */
    // z.int() as a check, not the root: z.int(message) would put its message on a non-number too.
    size: z.optional(z.number().check(z.int("must be a whole number of GB"), z.positive("must be a positive number of GB"))),
    name: z.optional(text(255)),
    description: z.optional(text(255)),
    /** A type name or id (`SATA`, `SSD`); the cloud's default when absent. */
    volumeType: z.optional(z.string().check(z.minLength(1))),
    metadata: z.optional(metadataInput()),
    /** Create from this snapshot (pyrax `snapshot_id`). */
    snapshot: z.optional(ref()),
    /** Clone this volume (pyrax `clone_id`, Cinder `source_volid`). */
    clone: z.optional(ref()),
    /** Make it bootable from this image (pyrax `image`, Cinder `imageRef`). */
    image: z.optional(ref()),
    availabilityZone: z.optional(z.string().check(z.minLength(1))),
  }).check(
    z.superRefine((v, ctx) => {
      const sources = (["snapshot", "clone", "image"] as const).filter((k) => v[k] !== undefined);
      if (sources.length > 1) ctx.addIssue({ code: "custom", path: [sources[1]!], message: `cannot be combined with ${sources[0]}` });
      if (v.size === undefined && !v.snapshot && !v.clone) ctx.addIssue({ code: "custom", path: ["size"], message: "is required (GB) unless the volume comes from a snapshot or a clone" });
    }),
  ),
);
export type CreateVolumeInput = z.input<ReturnType<typeof createVolumeInput>>;

export const updateVolumeInput = lazy(() => z.strictObject({ name: z.optional(text(255)), description: z.optional(text(255)) }));
export type UpdateVolumeInput = z.input<ReturnType<typeof updateVolumeInput>>;

export const listVolumesInput = lazy(() =>
  z.optional(
    z.strictObject({
      /** Stop after this many volumes in all. */
      limit: z.optional(z.int().check(z.positive())),
      /** Start after this volume id. */
      marker: z.optional(z.string().check(z.minLength(1))),
      /** Volumes per request. */
      pageSize: z.optional(z.int().check(z.positive())),
      status: z.optional(z.string().check(z.minLength(1))),
      name: z.optional(z.string().check(z.minLength(1))),
    }),
  ),
);
export type ListVolumesInput = z.input<ReturnType<typeof listVolumesInput>>;

export const deleteVolumeInput = lazy(() =>
  z.optional(
    z.strictObject({
      /** Detach the volume and delete its snapshots first (pyrax `delete(force=True)`). */
      force: z.optional(z.boolean()),
      /** How often to poll while a forced delete waits for the detach and the snapshots (ms). */
      interval: z.optional(z.int().check(z.positive())),
      /** Deadline for those waits (ms). */
      timeout: z.optional(z.int().check(z.positive())),
    }),
  ),
);
export type DeleteVolumeInput = z.input<ReturnType<typeof deleteVolumeInput>>;

/** How `deleteAllSnapshots` waits for each snapshot to be gone. */
export const deleteSnapshotsInput = lazy(() =>
  z.optional(
    z.strictObject({
      /** How often to poll while each snapshot is being deleted (ms). */
      interval: z.optional(z.int().check(z.positive())),
      /** Deadline for each wait (ms). */
      timeout: z.optional(z.int().check(z.positive())),
    }),
  ),
);
export type DeleteSnapshotsInput = z.input<ReturnType<typeof deleteSnapshotsInput>>;
