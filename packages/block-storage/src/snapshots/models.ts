import { lazy } from "@rax/core";
import * as z from "zod/mini";
import { ref } from "../ref";

export const wireSnapshot = lazy(() => z.looseObject({
  id: z.string(),
  volume_id: z.optional(z.string()),
  status: z.optional(z.string()),
  size: z.optional(z.number()),
  name: z.nullish(z.string()),
  display_name: z.nullish(z.string()),
  description: z.nullish(z.string()),
  display_description: z.nullish(z.string()),
  created_at: z.nullish(z.string()),
  metadata: z.nullish(z.record(z.string(), z.string())),
  "os-extended-snapshot-attributes:progress": z.nullish(z.string()),
}));
export type WireSnapshot = z.output<ReturnType<typeof wireSnapshot>>;

export const snapshotBody = lazy(() => z.looseObject({ snapshot: wireSnapshot() }));
export const snapshotsBody = lazy(() => z.looseObject({
  snapshots: z.array(wireSnapshot()),
  snapshots_links: z.optional(z.array(z.looseObject({ rel: z.optional(z.string()) }))),
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

const text = lazy(() => z.string().check(z.maxLength(255, "must be at most 255 characters")));

export const createSnapshotInput = lazy(() =>
  z.optional(
    z.strictObject({
      name: z.optional(text()),
      description: z.optional(text()),
      /** Snapshot an attached volume (its contents may change meanwhile: check the snapshot). */
      force: z.optional(z.boolean()),
    }),
  ),
);
export type CreateSnapshotInput = z.input<ReturnType<typeof createSnapshotInput>>;

export const updateSnapshotInput = lazy(() => z.strictObject({ name: z.optional(text()), description: z.optional(text()) }));
export type UpdateSnapshotInput = z.input<ReturnType<typeof updateSnapshotInput>>;

export const listSnapshotsInput = lazy(() =>
  z.optional(
    z.strictObject({
      /** Only this volume's snapshots (pyrax `vol.list_snapshots()`). */
      volume: z.optional(ref()),
      status: z.optional(z.string().check(z.minLength(1))),
      limit: z.optional(z.int().check(z.positive())),
      marker: z.optional(z.string().check(z.minLength(1))),
      pageSize: z.optional(z.int().check(z.positive())),
    }),
  ),
);
export type ListSnapshotsInput = z.input<ReturnType<typeof listSnapshotsInput>>;
