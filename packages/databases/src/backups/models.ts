import { lazy } from "@rax/core";
import * as z from "zod/mini";
import { ref } from "../ref";

const wireLink = lazy(() => z.looseObject({ href: z.optional(z.string()), rel: z.optional(z.string()) }));

export const wireBackup = lazy(() =>
  z.looseObject({
    id: z.string(),
    name: z.nullish(z.string()),
    description: z.nullish(z.string()),
    instance_id: z.nullish(z.string()),
    status: z.optional(z.string()),
    size: z.nullish(z.number()),
    locationRef: z.nullish(z.string()),
    created: z.nullish(z.string()),
    updated: z.nullish(z.string()),
    parent_id: z.nullish(z.string()),
    datastore: z.nullish(z.looseObject({ type: z.nullish(z.string()), version: z.nullish(z.string()) })),
    fail_reason: z.nullish(z.string()),
  }),
);
export type WireBackup = z.output<ReturnType<typeof wireBackup>>;

export const backupBody = lazy(() => z.looseObject({ backup: wireBackup() }));
export const backupsBody = lazy(() => z.looseObject({ backups: z.array(wireBackup()), links: z.optional(z.array(wireLink())) }));

export interface BackupData {
  id: string;
  name: string;
  description: string;
  instanceId?: string;
  /** NEW, BUILDING (Trove; Rackspace: RUNNING), COMPLETED, FAILED, DELETE_FAILED. */
  status: string;
  /** GB, once COMPLETED. */
  size?: number;
  locationRef?: string;
  created?: string;
  updated?: string;
  /** The backup an incremental one builds on. */
  parentId?: string;
  datastore?: { type: string; version: string };
  /** Every field the service sent, as sent. */
  raw: Record<string, unknown>;
}

export function toBackup(w: WireBackup): BackupData {
  const opt = <K extends string>(k: K, v: string | null | undefined) => (v ? { [k]: v } : {}) as Partial<Record<K, string>>;
  return {
    id: w.id,
    name: w.name ?? "",
    description: w.description ?? "",
    ...opt("instanceId", w.instance_id),
    status: w.status ?? "",
    ...(typeof w.size === "number" ? { size: w.size } : {}),
    ...opt("locationRef", w.locationRef),
    ...opt("created", w.created),
    ...opt("updated", w.updated),
    ...opt("parentId", w.parent_id),
    ...(w.datastore?.type ? { datastore: { type: w.datastore.type, version: w.datastore.version ?? "" } } : {}),
    raw: { ...w },
  };
}

export const createBackupInput = lazy(() =>
  z.strictObject({
    /** At most 64 characters (the seed). */
    name: z.string().check(z.minLength(1), z.maxLength(64, "must be at most 64 characters")),
    description: z.optional(z.string().check(z.maxLength(512, "must be at most 512 characters"))),
    /** An incremental backup on top of this one (Trove and Rackspace's `parent_id`). */
    parent: z.optional(ref()),
    /** Trove: an incremental backup on top of the instance's latest completed one (sent as Trove's `incremental: 1`). */
    incremental: z.optional(z.boolean()),
  }),
);
export type CreateBackupInput = z.input<ReturnType<typeof createBackupInput>>;

export const listBackupsInput = lazy(() =>
  z.optional(
    z.strictObject({
      /** Only this instance's backups (GET /instances/{id}/backups). */
      instance: z.optional(ref()),
      /** Stop after this many in all. */
      limit: z.optional(z.int().check(z.positive())),
      /** Start after this backup id. */
      marker: z.optional(z.string().check(z.minLength(1))),
      /** Rows per request. */
      pageSize: z.optional(z.int().check(z.positive())),
    }),
  ),
);
export type ListBackupsInput = z.input<ReturnType<typeof listBackupsInput>>;
