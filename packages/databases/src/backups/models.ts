import { lazy } from "@rax/core";
import * as z from "zod";
import { ref } from "../ref";

const wireLink = lazy(() => z.looseObject({ href: z.string().optional(), rel: z.string().optional() }));

export const wireBackup = lazy(() =>
  z.looseObject({
    id: z.string(),
    name: z.string().nullish(),
    description: z.string().nullish(),
    instance_id: z.string().nullish(),
    status: z.string().optional(),
    size: z.number().nullish(),
    locationRef: z.string().nullish(),
    created: z.string().nullish(),
    updated: z.string().nullish(),
    parent_id: z.string().nullish(),
    datastore: z.looseObject({ type: z.string().nullish(), version: z.string().nullish() }).nullish(),
    fail_reason: z.string().nullish(),
  }),
);
export type WireBackup = z.output<ReturnType<typeof wireBackup>>;

export const backupBody = lazy(() => z.looseObject({ backup: wireBackup() }));
export const backupsBody = lazy(() => z.looseObject({ backups: z.array(wireBackup()), links: z.array(wireLink()).optional() }));

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
    name: z.string().min(1).max(64, "must be at most 64 characters"),
    description: z.string().max(512, "must be at most 512 characters").optional(),
    /** An incremental backup on top of this one (Trove and Rackspace's `parent_id`). */
    parent: ref().optional(),
    /** Trove: an incremental backup on top of the instance's latest completed one (sent as Trove's `incremental: 1`). */
    incremental: z.boolean().optional(),
  }),
);
export type CreateBackupInput = z.input<ReturnType<typeof createBackupInput>>;

export const listBackupsInput = lazy(() =>
  z
    .strictObject({
      /** Only this instance's backups (GET /instances/{id}/backups). */
      instance: ref().optional(),
      /** Stop after this many in all. */
      limit: z.number().int().positive().optional(),
      /** Start after this backup id. */
      marker: z.string().min(1).optional(),
      /** Rows per request. */
      pageSize: z.number().int().positive().optional(),
    })
    .optional(),
);
export type ListBackupsInput = z.input<ReturnType<typeof listBackupsInput>>;
