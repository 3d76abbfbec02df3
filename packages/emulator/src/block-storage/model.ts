import { randomUUID } from "node:crypto";
import type { EmulatorState } from "../state";
import { badRequest, CinderFault, notFound } from "./cinder-errors";

/** How long each transition takes on the emulator's clock (ms). Tests shorten or lengthen them. */
export interface CinderTimings {
  create: number;
  attach: number;
  detach: number;
  snapshot: number;
  delete: number;
}
export const DEFAULT_CINDER_TIMINGS: CinderTimings = { create: 1000, attach: 300, detach: 300, snapshot: 1000, delete: 300 };

/** Rackspace's two types and their size limits (GB). */
export interface VolumeTypeRecord {
  id: number;
  name: string;
  min: number;
  max: number;
}
export const VOLUME_TYPES: readonly VolumeTypeRecord[] = [
  { id: 1, name: "SATA", min: 75, max: 1024 },
  { id: 2, name: "SSD", min: 50, max: 1024 },
];

/** Per-project quotas (Cinder's defaults). */
export const QUOTAS = { volumes: 10, snapshots: 10, gigabytes: 10240 };

interface Pending {
  to: string;
  at: number;
  /** Applied when the transition lands. */
  then?: () => void;
}

export interface AttachmentRecord {
  serverId: string;
  device: string;
}

export interface VolumeRecord {
  id: string;
  tenantId: string;
  name: string;
  description: string;
  size: number;
  type: string;
  status: string;
  created: number;
  snapshotId: string | null;
  sourceVolid: string | null;
  imageId: string | null;
  metadata: Record<string, string>;
  attachment?: AttachmentRecord;
  pending?: Pending;
  goneAt?: number;
}

export interface SnapshotRecord {
  id: string;
  tenantId: string;
  volumeId: string;
  name: string;
  description: string;
  size: number;
  status: string;
  created: number;
  metadata: Record<string, string>;
  pending?: Pending;
  goneAt?: number;
}

/** One region's Cinder: volumes and snapshots of every project. */
export class RegionCinder {
  readonly volumes = new Map<string, VolumeRecord>();
  readonly snapshots = new Map<string, SnapshotRecord>();

  constructor(readonly cinder: CinderState) {}

  get now(): number {
    return this.cinder.state.clock.now();
  }

  #settle<R extends { pending?: Pending; status: string }>(r: R): void {
    const p = r.pending;
    if (p && p.at <= this.now) {
      r.status = p.to;
      r.pending = undefined;
      p.then?.();
    }
  }

  /** Starts a transition: `status` now, `to` after `ms`. */
  transition<R extends { pending?: Pending; status: string }>(r: R, status: string, to: string, ms: number, then?: () => void): void {
    r.status = status;
    r.pending = { to, at: this.now + ms, ...(then ? { then } : {}) };
  }

  volume(tenantId: string, id: string): VolumeRecord | undefined {
    const v = this.volumes.get(id);
    if (!v || v.tenantId !== tenantId) return undefined;
    this.#settle(v);
    if (v.goneAt !== undefined && v.goneAt <= this.now) {
      this.volumes.delete(id);
      return undefined;
    }
    return v;
  }

  requireVolume(tenantId: string, id: string): VolumeRecord {
    const v = this.volume(tenantId, id);
    if (!v) throw notFound(`Volume ${id} could not be found.`);
    return v;
  }

  snapshot(tenantId: string, id: string): SnapshotRecord | undefined {
    const s = this.snapshots.get(id);
    if (!s || s.tenantId !== tenantId) return undefined;
    this.#settle(s);
    if (s.goneAt !== undefined && s.goneAt <= this.now) {
      this.snapshots.delete(id);
      return undefined;
    }
    return s;
  }

  requireSnapshot(tenantId: string, id: string): SnapshotRecord {
    const s = this.snapshot(tenantId, id);
    if (!s) throw notFound(`Snapshot ${id} could not be found.`);
    return s;
  }

  /** The project's volumes, newest first (Cinder sorts by created_at desc). */
  tenantVolumes(tenantId: string): VolumeRecord[] {
    return [...this.volumes.keys()].map((id) => this.volume(tenantId, id)).filter((v): v is VolumeRecord => !!v).sort((a, b) => b.created - a.created);
  }

  tenantSnapshots(tenantId: string): SnapshotRecord[] {
    return [...this.snapshots.keys()].map((id) => this.snapshot(tenantId, id)).filter((s): s is SnapshotRecord => !!s).sort((a, b) => b.created - a.created);
  }

  createVolume(tenantId: string, init: Omit<VolumeRecord, "id" | "tenantId" | "status" | "created">): VolumeRecord {
    const used = this.tenantVolumes(tenantId);
    if (used.length >= QUOTAS.volumes) throw new CinderFault(413, `VolumeLimitExceeded: Maximum number of volumes allowed (${QUOTAS.volumes}) exceeded for quota 'volumes'.`);
    const gb = used.reduce((n, v) => n + v.size, 0);
    if (gb + init.size > QUOTAS.gigabytes)
      throw new CinderFault(413, `VolumeSizeExceedsAvailableQuota: Requested volume or snapshot exceeds allowed gigabytes quota. Requested ${init.size}G, quota is ${QUOTAS.gigabytes}G and ${gb}G has been consumed.`);
    const v: VolumeRecord = { ...init, id: randomUUID(), tenantId, status: "creating", created: this.now };
    this.volumes.set(v.id, v);
    this.transition(v, "creating", "available", this.cinder.timings.create);
    return v;
  }

  /** The volume attached to `serverId` with this device, or the next free /dev/xvdX. */
  nextDevice(tenantId: string, serverId: string): string {
    const taken = new Set(this.tenantVolumes(tenantId).filter((v) => v.attachment?.serverId === serverId).map((v) => v.attachment!.device));
    for (const c of "bcdefghijklmnopqrstuvwxyz") if (!taken.has(`/dev/xvd${c}`)) return `/dev/xvd${c}`;
    throw badRequest("No free device name");
  }
}

export class CinderState {
  readonly timings: CinderTimings = { ...DEFAULT_CINDER_TIMINGS };
  private readonly regions = new Map<string, RegionCinder>();

  constructor(readonly state: EmulatorState) {}

  region(name: string): RegionCinder {
    let r = this.regions.get(name);
    if (!r) {
      r = new RegionCinder(this);
      this.regions.set(name, r);
    }
    return r;
  }
}

const states = new WeakMap<EmulatorState, CinderState>();

/** The block-storage state of an emulator (created on first use). Tests reach it to change `timings`. */
export function cinderState(state: EmulatorState): CinderState {
  let c = states.get(state);
  if (!c) {
    c = new CinderState(state);
    states.set(state, c);
  }
  return c;
}
