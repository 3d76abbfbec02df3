import { assignData, type CallOptions, type Paginated, ResourceFailed, validate, waitInPlace, waitUntil, waitUntilGone } from "@rax/core";
import * as attach from "../attachments/requests";
import type { VolumeAttachmentData } from "../attachments/models";
import { VolumeFailed } from "../errors";
import { type Ref, ref } from "../ref";
import type { CreateSnapshotInput } from "../snapshots/models";
import { DEFAULT_WAIT_MS, type Snapshot, type Snapshots, type WaitForOptions } from "../snapshots/snapshots";
import { failureReason } from "../user-messages";
import type { VolumeApi } from "../volume-api";
import type { Attachment, CreateVolumeInput, DeleteSnapshotsInput, DeleteVolumeInput, ListVolumesInput, UpdateVolumeInput, VolumeData } from "./models";
import * as api from "./requests";

/** `blockStorage.volumes`: Cloud Block Storage volumes. Every method takes a volume id or a `Volume`. */
export class Volumes {
  constructor(
    readonly client: VolumeApi,
    readonly snapshots: Snapshots,
  ) {}

  /** Volumes with details (pyrax `cbs.list()`); a `Paginated`: `await` it for the first page, `for await` for all. */
  list(filters?: ListVolumesInput, o?: CallOptions): Paginated<Volume> {
    return api.listVolumes(this.client, filters, o).map((d) => new Volume(this, d));
  }

  /** One volume, fresh from Cinder. `NoSuchVolume` if it does not exist. */
  async get(volume: Ref, o?: CallOptions): Promise<Volume> {
    return new Volume(this, await api.getVolume(this.client, volume, o));
  }

  /** The one volume named exactly `name`; `NoSuchVolume` if none, `NoUniqueMatch` if several. */
  async find(name: string, o?: CallOptions): Promise<Volume> {
    return new Volume(this, await api.findVolume(this.client, name, o));
  }

  /**
   * Creates a volume (status `creating`; `waitFor(vol, "available")`). `size` in GB: SATA 75–1024,
   * SSD 50–1024 on Rackspace; from a `snapshot`, a `clone` of a volume, or an `image`.
   */
  async create(input: CreateVolumeInput, o?: CallOptions): Promise<Volume> {
    return new Volume(this, await api.createVolume(this.client, input, o));
  }

  /** New name and/or description (pyrax `update`). */
  async update(volume: Ref, changes: UpdateVolumeInput, o?: CallOptions): Promise<Volume> {
    return new Volume(this, await api.updateVolume(this.client, volume, changes, o));
  }

  /**
   * Deletes the volume (pyrax `delete_volume`). Attached, with snapshots, or busy →
   * `VolumeNotDeletable` saying why; `{ force: true }` detaches it and deletes its snapshots first.
   */
  delete(volume: Ref, options?: DeleteVolumeInput, o?: CallOptions): Promise<void> {
    return api.deleteVolume(this.client, volume, options, o);
  }

  /** Attaches the volume to a server (an id or anything with an `id`) at `mountpoint` (Nova picks one when absent). */
  attach(volume: Ref, server: Ref, mountpoint?: string, o?: CallOptions): Promise<VolumeAttachmentData> {
    return attach.attachVolume(this.client, volume, server, mountpoint, o);
  }

  /**
   * Detaches the volume from its server; nothing happens if it is not attached (as pyrax) — nor while it is
   * still attaching (Cinder lists no attachment before `in-use`): wait for `in-use` first.
   */
  async detach(volume: Ref, o?: CallOptions): Promise<void> {
    const v = await api.getVolume(this.client, volume, o);
    for (const a of v.attachments) await attach.detachVolume(this.client, v.id, a.serverId, o);
  }

  /** Where the volume is attached, fresh from Cinder. */
  async attachments(volume: Ref, o?: CallOptions): Promise<Attachment[]> {
    return (await api.getVolume(this.client, volume, o)).attachments;
  }

  /** Every volume attached to `server`, as Nova lists them. */
  serverAttachments(server: Ref, o?: CallOptions): Promise<VolumeAttachmentData[]> {
    return attach.listServerAttachments(this.client, server, o);
  }

  /** Snapshots the volume (pyrax `create_snapshot`); `force: true` for an attached volume. */
  createSnapshot(volume: Ref, options?: CreateSnapshotInput, o?: CallOptions): Promise<Snapshot> {
    return this.snapshots.create(volume, options, o);
  }

  /** This volume's snapshots (pyrax `vol.list_snapshots()`). */
  /**
   * Deletes every snapshot of the volume one at a time, each waited until gone (pyrax
   * `delete_all_snapshots`; `interval`/`timeout` for those waits); resolves with how many. The volume stays.
   */
  deleteAllSnapshots(volume: Ref, options?: DeleteSnapshotsInput, o?: CallOptions): Promise<number> {
    return api.deleteAllVolumeSnapshots(this.client, volume, options, o);
  }

  listSnapshots(volume: Ref, o?: CallOptions): Paginated<Snapshot> {
    return this.snapshots.list({ volume: validate(ref(), volume, "volume") }, o);
  }

  /** The volume's metadata. */
  getMetadata(volume: Ref, o?: CallOptions): Promise<Record<string, string>> {
    return api.getVolumeMetadata(this.client, volume, o);
  }
  /** Merges `metadata` into the volume's; returns all of it. */
  setMetadata(volume: Ref, metadata: Record<string, string>, o?: CallOptions): Promise<Record<string, string>> {
    return api.setVolumeMetadata(this.client, volume, metadata, o);
  }
  /** Replaces all of the volume's metadata. */
  replaceMetadata(volume: Ref, metadata: Record<string, string>, o?: CallOptions): Promise<Record<string, string>> {
    return api.replaceVolumeMetadata(this.client, volume, metadata, o);
  }
  /** Deletes metadata keys. */
  deleteMetadata(volume: Ref, keys: string | string[], o?: CallOptions): Promise<void> {
    return api.deleteVolumeMetadata(this.client, volume, keys, o);
  }

  /**
   * Reloads the volume until its status is one of `status` ("available", "in-use"…; "deleted"
   * resolves when Cinder says 404). `error` (unless asked for) rejects with `VolumeFailed`;
   * running out of `attempts`/`timeout` with `WaitTimeout`; `signal` with `AbortError`.
   */
  async waitFor(volume: Ref, status: string | string[] = "available", o: WaitForOptions<Volume> = {}): Promise<Volume> {
    const want = (Array.isArray(status) ? status : [status]).map((x) => String(x).toLowerCase());
    const wait = { interval: 5000, timeout: DEFAULT_WAIT_MS, ...o };
    const load = () => this.get(volume, { signal: o.signal });
    try {
      if (want.includes("deleted")) {
        let last = volume instanceof Volume ? volume : undefined;
        await waitUntilGone(async () => (last = await load()), { ...wait, failOn: ["error_deleting"] });
        const id = validate(ref(), volume, "volume");
        return new Volume(this, { ...(last ?? { id, size: 0, name: "", description: "", bootable: false, attachments: [], metadata: {}, raw: {} }), raw: last?.raw ?? {}, status: "deleted" });
      }
      const failOn = ["error", "error_deleting", "error_restoring", "error_extending"].filter((s) => !want.includes(s));
      return await waitUntil(load, "status", want, { ...wait, failOn });
    } catch (e) {
      // error_deleting while waiting for "deleted" is a failed wait like error while waiting for "available".
      if (e instanceof ResourceFailed) {
        const failed = e.resource as Volume;
        throw new VolumeFailed(failed, want.join("/"), undefined, await failureReason(this.client, failed.id, { signal: o.signal }));
      }
      throw e;
    }
  }
}

export interface Volume extends VolumeData {}

/**
 * A volume as Cinder last described it (pyrax's `CloudBlockStorageVolume`; call `reload()` to
 * refresh), with pyrax's object verbs delegating to `blockStorage.volumes`.
 */
export class Volume {
  // The class refers to itself (waitFor/currentToken), so the build emits it as `class _Volume`: this keeps its
  // name (tests/packaging/export-names).
  static get name(): string {
    return "Volume";
  }
  readonly #volumes: Volumes;

  constructor(volumes: Volumes, data: VolumeData) {
    this.#volumes = volumes;
    assignData(this, data);
  }

  /** Reloads this object in place and returns it. */
  async reload(o?: CallOptions): Promise<this> {
    assignData(this, await api.getVolume(this.#volumes.client, this, o));
    return this;
  }
  delete(options?: DeleteVolumeInput, o?: CallOptions): Promise<void> {
    return this.#volumes.delete(this, options, o);
  }
  /**
   * New name and/or description; refreshes this object in place from Cinder's answer (its full
   * detail view) and returns it. `volumes.update(id, …)` returns a new `Volume` instead.
   */
  async update(changes: UpdateVolumeInput, o?: CallOptions): Promise<this> {
    assignData(this, await api.updateVolume(this.#volumes.client, this, changes, o));
    return this;
  }
  /**
   * `volumes.waitFor(this, …)` that also refreshes this object with what Cinder said last (on success
   * and on `VolumeFailed`), as pyrax's waits do: `volume.status` is not left at the status it started from.
   */
  waitFor(status?: string | string[], o?: WaitForOptions<Volume>): Promise<this> {
    return waitInPlace(this, () => this.#volumes.waitFor(this, status, o));
  }
  /** pyrax `vol.attach_to_instance(server, mountpoint)`. */
  attachToInstance(server: Ref, mountpoint?: string, o?: CallOptions): Promise<VolumeAttachmentData> {
    return this.#volumes.attach(this, server, mountpoint, o);
  }
  attach(server: Ref, mountpoint?: string, o?: CallOptions): Promise<VolumeAttachmentData> {
    return this.#volumes.attach(this, server, mountpoint, o);
  }
  detach(o?: CallOptions): Promise<void> {
    return this.#volumes.detach(this, o);
  }
  /** pyrax `vol.delete_all_snapshots()`: deletes this volume's snapshots one at a time; resolves with how many. */
  deleteAllSnapshots(options?: DeleteSnapshotsInput, o?: CallOptions): Promise<number> {
    return this.#volumes.deleteAllSnapshots(this, options, o);
  }
  createSnapshot(options?: CreateSnapshotInput, o?: CallOptions): Promise<Snapshot> {
    return this.#volumes.createSnapshot(this, options, o);
  }
  listSnapshots(o?: CallOptions): Paginated<Snapshot> {
    return this.#volumes.listSnapshots(this, o);
  }
  getMetadata(o?: CallOptions): Promise<Record<string, string>> {
    return this.#volumes.getMetadata(this, o);
  }
  setMetadata(metadata: Record<string, string>, o?: CallOptions): Promise<Record<string, string>> {
    return this.#volumes.setMetadata(this, metadata, o);
  }
  replaceMetadata(metadata: Record<string, string>, o?: CallOptions): Promise<Record<string, string>> {
    return this.#volumes.replaceMetadata(this, metadata, o);
  }
  deleteMetadata(keys: string | string[], o?: CallOptions): Promise<void> {
    return this.#volumes.deleteMetadata(this, keys, o);
  }
}
