import type { CallOptions, Paginated } from "@rax/core";
import type { VolumeAttachmentData } from "./attachments/models";
import { BlockStorage } from "./block-storage";
import type { Ref } from "./ref";
import type { CreateSnapshotInput, UpdateSnapshotInput } from "./snapshots/models";
import type { Snapshot } from "./snapshots/snapshots";
import type { VolumeType } from "./volume-types/volume-types";
import type { CreateVolumeInput, DeleteVolumeInput, UpdateVolumeInput } from "./volumes/models";
import type { Volume } from "./volumes/volumes";

/**
 * `BlockStorage` plus pyrax's flat `cloud_blockstorage` calls, camelCased, for scripts being ported
 * (`cbs.list_types()` → `cbs.listTypes()`). Each is one line over the canonical namespaces; new
 * code should call those (`cbs.types.list()`).
 */
export class PyraxBlockStorage extends BlockStorage {
  /** pyrax `cbs.list_types()`. */
  listTypes(o?: CallOptions): Paginated<VolumeType> {
    return this.types.list(o);
  }
  /** pyrax `cbs.list()`. */
  list(o?: CallOptions): Paginated<Volume> {
    return this.volumes.list(undefined, o);
  }
  /** pyrax `cbs.get(id)`. */
  get(volume: Ref, o?: CallOptions): Promise<Volume> {
    return this.volumes.get(volume, o);
  }
  /** pyrax `cbs.find(name=…)`. */
  find(name: string, o?: CallOptions): Promise<Volume> {
    return this.volumes.find(name, o);
  }
  /** pyrax `cbs.create(name, size, volume_type, …)`. */
  create(input: CreateVolumeInput, o?: CallOptions): Promise<Volume> {
    return this.volumes.create(input, o);
  }
  /** pyrax `cbs.update(vol, display_name, display_description)`. */
  update(volume: Ref, changes: UpdateVolumeInput, o?: CallOptions): Promise<Volume> {
    return this.volumes.update(volume, changes, o);
  }
  /** pyrax `cbs.delete_volume(vol, force)`. */
  deleteVolume(volume: Ref, options?: DeleteVolumeInput, o?: CallOptions): Promise<void> {
    return this.volumes.delete(volume, options, o);
  }
  /** pyrax `cbs.attach_to_instance(vol, server, mountpoint)`. */
  attachToInstance(volume: Ref, server: Ref, mountpoint?: string, o?: CallOptions): Promise<VolumeAttachmentData> {
    return this.volumes.attach(volume, server, mountpoint, o);
  }
  /** pyrax `cbs.detach(vol)`. */
  detach(volume: Ref, o?: CallOptions): Promise<void> {
    return this.volumes.detach(volume, o);
  }
  /** pyrax `cbs.create_snapshot(vol, name, description, force)`. */
  createSnapshot(volume: Ref, options?: CreateSnapshotInput, o?: CallOptions): Promise<Snapshot> {
    return this.snapshots.create(volume, options, o);
  }
  /** pyrax `cbs.list_snapshots()`. */
  listSnapshots(o?: CallOptions): Paginated<Snapshot> {
    return this.snapshots.list(undefined, o);
  }
  /** pyrax `cbs.get_snapshot(id)`. */
  getSnapshot(snapshot: Ref, o?: CallOptions): Promise<Snapshot> {
    return this.snapshots.get(snapshot, o);
  }
  /** pyrax `cbs.update_snapshot(snap, display_name, display_description)`. */
  updateSnapshot(snapshot: Ref, changes: UpdateSnapshotInput, o?: CallOptions): Promise<Snapshot> {
    return this.snapshots.update(snapshot, changes, o);
  }
  /** pyrax `cbs.delete_snapshot(snap)`. */
  deleteSnapshot(snapshot: Ref, o?: CallOptions): Promise<void> {
    return this.snapshots.delete(snapshot, o);
  }
}
