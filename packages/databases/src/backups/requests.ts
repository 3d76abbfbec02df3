import { type CallOptions, encodeSegment, jsonFor, markerPager, type NotFound, notFoundAs, type Paginated, sendFor, type ServiceClient, validate } from "@rax/core";
import { NoSuchBackup, NoSuchInstance } from "../errors";
import { instancePath } from "../instances/requests";
import { type Ref, ref } from "../ref";
import { type BackupData, backupBody, backupsBody, type CreateBackupInput, createBackupInput, type ListBackupsInput, listBackupsInput, toBackup } from "./models";
import { busyAs } from "../instances/instance-busy";

const backupPath = (id: string) => `backups/${encodeSegment(id)}`;
const missing = (id: string) => (e: NotFound) => new NoSuchBackup(id, e);

/**
 * GET /backups (every backup of the account), or GET /instances/{id}/backups with `instance`; page
 * after page by id (`limit` + `marker`, a `next` link says more follow).
 */
export function listBackups(client: ServiceClient, filters?: ListBackupsInput, o: CallOptions = {}): Paginated<BackupData> {
  const f = validate(listBackupsInput(), filters, "filters") ?? {};
  const path = f.instance !== undefined ? instancePath(f.instance, "/backups") : "backups";
  return markerPager(
    async (marker, limit) => {
      const call = client.json({ method: "GET", path, query: { limit, marker }, ...o }, backupsBody());
      const body = f.instance !== undefined ? await notFoundAs(call, (e) => new NoSuchInstance(f.instance!, e)) : await call;
      return { items: body.backups, more: (body.links ?? []).some((l) => l.rel === "next") };
    },
    { markerOf: (row) => row.id, pageSize: f.pageSize, limit: f.limit, marker: f.marker },
  ).map(toBackup);
}

/** GET /backups/{id}. */
export async function getBackup(client: ServiceClient, backup: Ref, o: CallOptions = {}): Promise<BackupData> {
  const id = validate(ref(), backup, "backup");
  const body = await notFoundAs(client.json({ method: "GET", path: backupPath(id), ...o }, backupBody()), missing(id));
  return toBackup(body.backup);
}

/**
 * POST /backups → 202 `{"backup": {…, "status": "NEW"}}`: the backup as the service made it, with
 * its id (pyrax returned one built from the request, without an id). An instance that does not
 * exist → `NoSuchInstance`.
 */
export async function createBackup(client: ServiceClient, instance: Ref, input: CreateBackupInput, o: CallOptions = {}): Promise<BackupData> {
  const id = validate(ref(), instance, "instance");
  const i = validate(createBackupInput(), input, "backup");
  const backup = {
    instance: id,
    name: i.name,
    ...(i.description !== undefined ? { description: i.description } : {}),
    ...(i.parent !== undefined ? { parent_id: i.parent } : {}),
    // Trove's schema wants an integer here (`True is not of type 'integer'`).
    ...(i.incremental ? { incremental: 1 } : {}),
  };
  const body = await busyAs(notFoundAs(jsonFor(client, { method: "POST", path: "backups", json: { backup }, ...o }, [202], backupBody()), (e) =>
    i.parent !== undefined && e.serverMessage.includes(i.parent) ? new NoSuchBackup(i.parent, e) : new NoSuchInstance(id, e),
  ), id);
  return toBackup(body.backup);
}

/** DELETE /backups/{id} → 202. */
export async function deleteBackup(client: ServiceClient, backup: Ref, o: CallOptions = {}): Promise<void> {
  const id = validate(ref(), backup, "backup");
  const res = await notFoundAs(sendFor(client, { method: "DELETE", path: backupPath(id), ...o }, [202]), missing(id));
  await res.dump();
}

