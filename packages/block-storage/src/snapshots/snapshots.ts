import { assignData, type CallOptions, type Paginated, ResourceFailed, type ServiceClient, validate, waitInPlace, type WaitOptions, waitUntil, waitUntilGone } from "@rax/core";
import { SnapshotFailed } from "../errors";
import { failureReason } from "../user-messages";
import { type Ref, ref } from "../ref";
import type { CreateSnapshotInput, ListSnapshotsInput, SnapshotData, UpdateSnapshotInput } from "./models";
import * as api from "./requests";

/** How `waitFor` polls: core's wait options (interval, attempts, timeout, signal, onProgress). */
export type WaitForOptions<R> = Omit<WaitOptions<R>, "failOn" | "faultOf">;

/** `waitFor` gives up after this long unless told otherwise. */
export const DEFAULT_WAIT_MS = 30 * 60_000;

/** `blockStorage.snapshots`: point-in-time copies of volumes. Every method takes an id or a `Snapshot`. */
export class Snapshots {
  constructor(readonly client: ServiceClient) {}

  /** Snapshots with details (pyrax `list_snapshots`); `{ volume }` keeps one volume's. */
  list(filters?: ListSnapshotsInput, o?: CallOptions): Paginated<Snapshot> {
    return api.listSnapshots(this.client, filters, o).map((d) => new Snapshot(this, d));
  }

  /** One snapshot (pyrax `get_snapshot`). `NoSuchSnapshot` if it does not exist. */
  async get(snapshot: Ref, o?: CallOptions): Promise<Snapshot> {
    return new Snapshot(this, await api.getSnapshot(this.client, snapshot, o));
  }

  /**
   * Snapshots `volume` (status `creating`; `waitFor(snap, "available")`). An attached volume needs
   * `force: true`, else `VolumeNotAvailable`.
   */
  async create(volume: Ref, options?: CreateSnapshotInput, o?: CallOptions): Promise<Snapshot> {
    return new Snapshot(this, await api.createSnapshot(this.client, volume, options, o));
  }

  /** New name and/or description (pyrax `update_snapshot`). */
  async update(snapshot: Ref, changes: UpdateSnapshotInput, o?: CallOptions): Promise<Snapshot> {
    return new Snapshot(this, await api.updateSnapshot(this.client, snapshot, changes, o));
  }

  /** Deletes the snapshot; it must be `available` or `error`, one per volume at a time. */
  delete(snapshot: Ref, o?: CallOptions): Promise<void> {
    return api.deleteSnapshot(this.client, snapshot, o);
  }

  /** The snapshot's metadata. */
  getMetadata(snapshot: Ref, o?: CallOptions): Promise<Record<string, string>> {
    return api.getSnapshotMetadata(this.client, snapshot, o);
  }

  /** Merges `metadata` into the snapshot's; returns all of it. */
  setMetadata(snapshot: Ref, metadata: Record<string, string>, o?: CallOptions): Promise<Record<string, string>> {
    return api.setSnapshotMetadata(this.client, snapshot, metadata, o);
  }

  /**
   * Reloads until the status is one of `status` ("available" usually; "deleted" resolves on 404).
   * `error` (unless asked for) rejects with `SnapshotFailed`; so does `error_deleting` while waiting for "deleted".
   */
  async waitFor(snapshot: Ref, status: string | string[] = "available", o: WaitForOptions<Snapshot> = {}): Promise<Snapshot> {
    const want = (Array.isArray(status) ? status : [status]).map((x) => String(x).toLowerCase());
    const wait = { interval: 5000, timeout: DEFAULT_WAIT_MS, ...o };
    const load = () => this.get(snapshot, { signal: o.signal });
    try {
      if (want.includes("deleted")) {
        let last = snapshot instanceof Snapshot ? snapshot : undefined;
        // A delete that fails leaves the snapshot at error_deleting for good: that ends the wait, as it does for a volume.
        await waitUntilGone(async () => (last = await load()), { ...wait, failOn: ["error_deleting"] });
        const id = validate(ref(), snapshot, "snapshot");
        return new Snapshot(this, { ...(last ?? { id, volumeId: "", size: 0, name: "", description: "", metadata: {}, raw: {} }), raw: last?.raw ?? {}, status: "deleted" });
      }
      return await waitUntil(load, "status", want, { ...wait, failOn: want.includes("error") ? [] : ["error"] });
    } catch (e) {
      if (e instanceof ResourceFailed) {
        const failed = e.resource as Snapshot;
        throw new SnapshotFailed(failed, want.join("/"), await failureReason(this.client, failed.id, { signal: o.signal }));
      }
      throw e;
    }
  }
}

export interface Snapshot extends SnapshotData {}

/** A snapshot as Cinder last described it (pyrax's `CloudBlockStorageSnapshot`); verbs delegate to `blockStorage.snapshots`. */
export class Snapshot {
  // The class refers to itself (waitFor/currentToken), so the build emits it as `class _Snapshot`: this keeps its
  // name (tests/packaging/export-names).
  static get name(): string {
    return "Snapshot";
  }
  readonly #snapshots: Snapshots;

  constructor(snapshots: Snapshots, data: SnapshotData) {
    this.#snapshots = snapshots;
    assignData(this, data);
  }

  /** Reloads this object in place and returns it. */
  async reload(o?: CallOptions): Promise<this> {
    assignData(this, await api.getSnapshot(this.#snapshots.client, this, o));
    return this;
  }
  delete(o?: CallOptions): Promise<void> {
    return this.#snapshots.delete(this, o);
  }
  /** New name and/or description; refreshes this object in place from Cinder's answer and returns it. */
  async update(changes: UpdateSnapshotInput, o?: CallOptions): Promise<this> {
    assignData(this, await api.updateSnapshot(this.#snapshots.client, this, changes, o));
    return this;
  }
  /**
   * `snapshots.waitFor(this, …)` that also refreshes this object with what Cinder said last (on success
   * and on `SnapshotFailed`), as pyrax's waits do: `snapshot.status` is not left at the status it started from.
   */
  waitFor(status?: string | string[], o?: WaitForOptions<Snapshot>): Promise<this> {
    return waitInPlace(this, () => this.#snapshots.waitFor(this, status, o));
  }
  getMetadata(o?: CallOptions): Promise<Record<string, string>> {
    return this.#snapshots.getMetadata(this, o);
  }
  setMetadata(metadata: Record<string, string>, o?: CallOptions): Promise<Record<string, string>> {
    return this.#snapshots.setMetadata(this, metadata, o);
  }
}
