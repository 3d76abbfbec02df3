import { lazy } from "@rax/core";
import * as z from "zod";
import { ref } from "../ref";

export const wireSnapshot = lazy(() => z.looseObject({
  id: z.string(),
  volume_id: z.string().optional(),
  status: z.string().optional(),
  size: z.number().optional(),
  name: z.string().nullish(),
  display_name: z.string().nullish(),
  description: z.string().nullish(),
  display_description: z.string().nullish(),
  created_at: z.string().nullish(),
  metadata: z.record(z.string(), z.string()).nullish(),
  "os-extended-snapshot-attributes:progress": z.string().nullish(),
}));
export type WireSnapshot = z.output<ReturnType<typeof wireSnapshot>>;

export const snapshotBody = lazy(() => z.looseObject({ snapshot: wireSnapshot() }));
export const snapshotsBody = lazy(() => z.looseObject({
  snapshots: z.array(wireSnapshot()),
  snapshots_links: z.array(z.looseObject({ rel: z.string().optional() })).optional(),
}));

export interface SnapshotData {
  id: string;
  volumeId: string;
  /** creating, available, deleting, error, error_deleting */
  status: string;
  size: number;
  name: string;
  description: string;
  created?: string;
  /** "25.39%" while Rackspace builds it. */
  progress?: string;
  metadata: Record<string, string>;
  /** Every field Cinder sent, as sent. */
  raw: Record<string, unknown>;
}

export function toSnapshot(w: WireSnapshot): SnapshotData {
  const progress = w["os-extended-snapshot-attributes:progress"];
  return {
    id: w.id,
    volumeId: w.volume_id ?? "",
    status: w.status ?? "",
    size: w.size ?? 0,
    name: w.name ?? w.display_name ?? "",
    description: w.description ?? w.display_description ?? "",
    ...(w.created_at ? { created: w.created_at } : {}),
    ...(progress ? { progress } : {}),
    metadata: { ...(w.metadata ?? {}) },
    raw: { ...w },
  };
}

const text = lazy(() => z.string().max(255, "must be at most 255 characters"));

export const createSnapshotInput = lazy(() => z
  .strictObject({
    name: text().optional(),
    description: text().optional(),
    /** Snapshot an attached volume (its contents may change meanwhile: check the snapshot). */
    force: z.boolean().optional(),
  })
  .optional());
export type CreateSnapshotInput = z.input<ReturnType<typeof createSnapshotInput>>;

export const updateSnapshotInput = lazy(() => z.strictObject({ name: text().optional(), description: text().optional() }));
export type UpdateSnapshotInput = z.input<ReturnType<typeof updateSnapshotInput>>;

export const listSnapshotsInput = lazy(() => z
  .strictObject({
    /** Only this volume's snapshots (pyrax `vol.list_snapshots()`). */
    volume: ref().optional(),
    status: z.string().min(1).optional(),
    limit: z.number().int().positive().optional(),
    marker: z.string().min(1).optional(),
    pageSize: z.number().int().positive().optional(),
  })
  .optional());
export type ListSnapshotsInput = z.input<ReturnType<typeof listSnapshotsInput>>;
