import { assignData, type CallOptions, type Paginated, ResourceFailed, type ServiceClient, validate, waitInPlace, type WaitOptions, waitUntil, waitUntilGone } from "@rax/core";
import { BackupFailed } from "../errors";
import { type Ref, ref } from "../ref";
import type { BackupData, CreateBackupInput, ListBackupsInput } from "./models";
import * as api from "./requests";

/** How `waitFor` polls: core's wait options (interval, attempts, timeout, signal, onProgress). */
export type WaitForOptions<R> = Omit<WaitOptions<R>, "failOn" | "faultOf">;

/** `waitFor` gives up after this long unless told otherwise. */
export const DEFAULT_WAIT_MS = 30 * 60_000;

/** `cdb.backups`: instance backups (kept after the instance is deleted). Every method takes an id or a `Backup`. */
export class Backups {
  constructor(readonly client: ServiceClient) {}

  /** Every backup (pyrax `list_backups()`), or one instance's with `{ instance }` (pyrax `list_backups(instance)`). */
  list(filters?: ListBackupsInput, o?: CallOptions): Paginated<Backup> {
    return api.listBackups(this.client, filters, o).map((d) => new Backup(this, d));
  }

  /** One backup (pyrax `get_backup`); `NoSuchBackup` if it does not exist. */
  async get(backup: Ref, o?: CallOptions): Promise<Backup> {
    return new Backup(this, await api.getBackup(this.client, backup, o));
  }

  /**
   * Backs up an instance (pyrax `create_backup(instance, name, description)`): status NEW, then
   * BUILDING, then COMPLETED (`waitFor`). `parent` (or Trove's `incremental`) makes it incremental.
   */
  async create(instance: Ref, input: CreateBackupInput, o?: CallOptions): Promise<Backup> {
    return new Backup(this, await api.createBackup(this.client, instance, input, o));
  }

  /** Deletes the backup and its stored files (pyrax `delete_backup`). */
  delete(backup: Ref, o?: CallOptions): Promise<void> {
    return api.deleteBackup(this.client, backup, o);
  }

  /**
   * Reloads until the status is one of `status` (COMPLETED by default; "deleted" resolves on 404).
   * FAILED or ERROR (unless asked for) rejects with `BackupFailed` carrying the service's reason.
   */
  async waitFor(backup: Ref, status: string | string[] = "COMPLETED", o: WaitForOptions<Backup> = {}): Promise<Backup> {
    const want = (Array.isArray(status) ? status : [status]).map((x) => String(x).toUpperCase());
    const wait = { interval: 5000, timeout: DEFAULT_WAIT_MS, ...o };
    const load = () => this.get(backup, { signal: o.signal });
    try {
      if (want.includes("DELETED")) {
        await waitUntilGone(load, { ...wait, failOn: ["DELETE_FAILED"] });
        const id = validate(ref(), backup, "backup");
        const last = backup instanceof Backup ? backup : undefined;
        return new Backup(this, { ...(last ?? { id, name: "", description: "", raw: {} }), raw: last?.raw ?? {}, status: "DELETED" });
      }
      const failOn = ["FAILED", "ERROR", "DELETE_FAILED"].filter((s) => !want.includes(s));
      return await waitUntil(load, "status", want, { ...wait, failOn });
    } catch (e) {
      // DELETE_FAILED while waiting for DELETED is a failed wait like FAILED while waiting for COMPLETED.
      if (e instanceof ResourceFailed) {
        const b = e.resource as Backup;
        throw new BackupFailed(b, want.join("/"), typeof b.raw?.fail_reason === "string" ? b.raw.fail_reason : undefined);
      }
      throw e;
    }
  }
}

export interface Backup extends BackupData {}

/** A backup as the service last described it (pyrax's `CloudDatabaseBackup`); verbs delegate to `cdb.backups`. */
export class Backup {
  // The class refers to itself (waitFor/currentToken), so the build emits it as `class _Backup`: this keeps its
  // name (tests/packaging/export-names).
  static get name(): string {
    return "Backup";
  }
  readonly #backups: Backups;

  constructor(backups: Backups, data: BackupData) {
    this.#backups = backups;
    assignData(this, data);
  }

  /** Reloads this object in place and returns it. */
  async reload(o?: CallOptions): Promise<this> {
    assignData(this, await api.getBackup(this.#backups.client, this, o));
    return this;
  }
  /** pyrax `backup.delete()`. */
  delete(o?: CallOptions): Promise<void> {
    return this.#backups.delete(this, o);
  }
  /**
   * `backups.waitFor(this, …)` that also refreshes this object with what the service said last (on success
   * and on `BackupFailed`), as pyrax's waits do: `backup.status` is not left at the status it started from.
   */
  waitFor(status?: string | string[], o?: WaitForOptions<Backup>): Promise<this> {
    return waitInPlace(this, () => this.#backups.waitFor(this, status, o));
  }
}
