import { lazy } from "@rax/core";
import * as z from "zod";
import { metadataInput, ref } from "../ref";

const wireAttachment = lazy(() => z.looseObject({
  id: z.string().optional(),
  attachment_id: z.string().optional(),
  server_id: z.string().nullish(),
  volume_id: z.string().optional(),
  device: z.string().nullish(),
  host_name: z.string().nullish(),
}));

export const wireVolume = lazy(() => z.looseObject({
  id: z.string(),
  status: z.string().optional(),
  size: z.number().optional(),
  name: z.string().nullish(),
  display_name: z.string().nullish(),
  description: z.string().nullish(),
  display_description: z.string().nullish(),
  volume_type: z.string().nullish(),
  availability_zone: z.string().nullish(),
  created_at: z.string().nullish(),
  snapshot_id: z.string().nullish(),
  source_volid: z.string().nullish(),
  image_id: z.string().nullish(),
  // v1 sends a boolean, v2/v3 the strings "true"/"false".
  bootable: z.union([z.boolean(), z.string()]).nullish(),
  attachments: z.array(wireAttachment()).nullish(),
  metadata: z.record(z.string(), z.string()).nullish(),
}));
export type WireVolume = z.output<ReturnType<typeof wireVolume>>;

export const volumeBody = lazy(() => z.looseObject({ volume: wireVolume() }));
export const volumesBody = lazy(() => z.looseObject({
  volumes: z.array(wireVolume()),
  volumes_links: z.array(z.looseObject({ rel: z.string().optional(), href: z.string().optional() })).optional(),
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

/** Rackspace's per-type size limits in GB (SATA 75–1024, SSD 50–1024); other clouds' types: any size ≥ 1. */
export const SIZE_LIMITS: Readonly<Record<string, { min: number; max: number }>> = { SATA: { min: 75, max: 1024 }, SSD: { min: 50, max: 1024 } };

const text = (max: number) => z.string().max(max, `must be at most ${max} characters`);

export const createVolumeInput = lazy(() => z
  .strictObject({
    /** GB, a whole number. Optional only for a volume from a snapshot or a clone (it takes the source's size). */
    size: z.number().int("must be a whole number of GB").positive("must be a positive number of GB").optional(),
    name: text(255).optional(),
    description: text(255).optional(),
    /** A type name or id (`SATA`, `SSD`); the cloud's default when absent. */
    volumeType: z.string().min(1).optional(),
    metadata: metadataInput().optional(),
    /** Create from this snapshot (pyrax `snapshot_id`). */
    snapshot: ref().optional(),
    /** Clone this volume (pyrax `clone_id`, Cinder `source_volid`). */
    clone: ref().optional(),
    /** Make it bootable from this image (pyrax `image`, Cinder `imageRef`). */
    image: ref().optional(),
    availabilityZone: z.string().min(1).optional(),
  })
  .superRefine((v, ctx) => {
    const sources = (["snapshot", "clone", "image"] as const).filter((k) => v[k] !== undefined);
    if (sources.length > 1) ctx.addIssue({ code: "custom", path: [sources[1]!], message: `cannot be combined with ${sources[0]}` });
    if (v.size === undefined && !v.snapshot && !v.clone) ctx.addIssue({ code: "custom", path: ["size"], message: "is required (GB) unless the volume comes from a snapshot or a clone" });
    const limits = v.volumeType ? SIZE_LIMITS[v.volumeType.toUpperCase()] : undefined;
    if (limits && v.size !== undefined && (v.size < limits.min || v.size > limits.max))
      ctx.addIssue({ code: "custom", path: ["size"], message: `must be between ${limits.min} and ${limits.max} GB for a ${v.volumeType!.toUpperCase()} volume` });
  }));
export type CreateVolumeInput = z.input<ReturnType<typeof createVolumeInput>>;

export const updateVolumeInput = lazy(() => z.strictObject({ name: text(255).optional(), description: text(255).optional() }));
export type UpdateVolumeInput = z.input<ReturnType<typeof updateVolumeInput>>;

export const listVolumesInput = lazy(() => z
  .strictObject({
    /** Stop after this many volumes in all. */
    limit: z.number().int().positive().optional(),
    /** Start after this volume id. */
    marker: z.string().min(1).optional(),
    /** Volumes per request. */
    pageSize: z.number().int().positive().optional(),
    status: z.string().min(1).optional(),
    name: z.string().min(1).optional(),
  })
  .optional());
export type ListVolumesInput = z.input<ReturnType<typeof listVolumesInput>>;

export const deleteVolumeInput = lazy(() => z
  .strictObject({
    /** Detach the volume and delete its snapshots first (pyrax `delete(force=True)`). */
    force: z.boolean().optional(),
    /** How often to poll while a forced delete waits for the detach and the snapshots (ms). */
    interval: z.number().int().positive().optional(),
    /** Deadline for those waits (ms). */
    timeout: z.number().int().positive().optional(),
  })
  .optional());
export type DeleteVolumeInput = z.input<ReturnType<typeof deleteVolumeInput>>;
