import { randomUUID } from "node:crypto";
import type { EmulatorState } from "../state";
import { badRequest, CinderFault } from "./cinder-errors";
import { perEmulator } from "../per-emulator";

/** How long each transition takes on the emulator's clock (ms). Tests shorten or lengthen them. */
export interface CinderTimings {
  create: number;
  /**
   * How long a volume Nova attaches stays `reserved` before `attaching`. 0 (the default) is Rackspace
   * CBS's old-style attach (Nova's os-reserve: `attaching` at once); above 0 is a Nova ≥ Queens on
   * Cinder ≥ 3.44 (new-style attachments: reserved → attaching → in-use, ~1 s on a Nova 26 stack).
   */
  reserve: number;
  attach: number;
  detach: number;
  snapshot: number;
  delete: number;
}
export const DEFAULT_CINDER_TIMINGS: CinderTimings = { create: 1000, reserve: 0, attach: 300, detach: 300, snapshot: 1000, delete: 300 };

/**
 * A volume type. Rackspace's two (numeric ids on v1) carry size limits (GB); OpenStack's
 * `__DEFAULT__` (what a v3 volume without a type gets, as in a fresh Cinder) and types an admin
 * creates have none beyond the quota.
 */
export interface VolumeTypeRecord {
  id: number | string;
  name: string;
  min: number;
  max: number;
  description: string | null;
  isPublic: boolean;
  extraSpecs: Record<string, string>;
  /** Not in Rackspace's v1 listing. */
  v3Only?: boolean;
}
const rackspaceTypes = (): VolumeTypeRecord[] => [
  { id: 1, name: "SATA", min: 75, max: 1024, description: null, isPublic: true, extraSpecs: {} },
  { id: 2, name: "SSD", min: 50, max: 1024, description: null, isPublic: true, extraSpecs: {} },
];
export const DEFAULT_TYPE = "__DEFAULT__";
/** Rackspace's SATA and SSD, for code that names them without a region (attachments, the v1 default). */
export const VOLUME_TYPES: readonly VolumeTypeRecord[] = rackspaceTypes();

/** Cinder's default quotas (a fresh Cinder's cinder.conf), per project unless an admin changes them. */
export const QUOTAS = { volumes: 10, snapshots: 10, gigabytes: 1000, backups: 10, backup_gigabytes: 1000, groups: 10, per_volume_gigabytes: -1 };
export type QuotaName = keyof typeof QUOTAS;

interface Pending {
  to: string;
  at: number;
  /** Applied when the transition lands. */
  then?: () => void;
  /** A further step, `ms` after this one lands (reserved → attaching → in-use). */
  next?: { to: string; ms: number; then?: () => void };
}

export interface AttachmentRecord {
  serverId: string;
  device: string;
}

export interface VolumeRecord {
  id: string;
  tenantId: string;
  /** Who created it (Keystone user id; null for Rackspace v1 tokens without one). */
  userId?: string | null;
  /** Null when not given (v3 answers null; v1 ""). */
  name: string | null;
  description: string | null;
  size: number;
  type: string;
  status: string;
  created: number;
  snapshotId: string | null;
  sourceVolid: string | null;
  imageId: string | null;
  metadata: Record<string, string>;
  /** Cinder's admin metadata (readonly, attached_mode): shown in the volume's metadata, never in /metadata. */
  adminMetadata?: Record<string, string>;
  /** `os-set_bootable`; otherwise true for a volume made from an image. */
  bootable?: boolean;
  updated?: number;
  attachment?: AttachmentRecord;
  pending?: Pending;
  goneAt?: number;
}

export interface SnapshotRecord {
  id: string;
  tenantId: string;
  volumeId: string;
  userId?: string | null;
  name: string | null;
  description: string | null;
  size: number;
  status: string;
  created: number;
  updated?: number;
  metadata: Record<string, string>;
  pending?: Pending;
  goneAt?: number;
}

/** One of Cinder's user messages (v3 /messages, 3.3+): why an asynchronous operation on a resource failed. */
export interface UserMessageRecord {
  id: string;
  tenantId: string;
  eventId: string;
  userMessage: string;
  resourceType: "VOLUME" | "SNAPSHOT";
  resourceUuid: string;
  requestId: string;
  created: number;
}

/**
 * The one backend this Cinder schedules to, named as the stack's fake driver is (`volume_backend_name
 * = fake`), so a type that asks for another backend fails the same way on both.
 */
export const BACKEND_NAME = "fake";
/** How long Cinder keeps a user message (its `message_ttl` default, 30 days). */
const MESSAGE_TTL_MS = 2_592_000_000;

/** What volumes and snapshots share: a project, a creation time, a pending transition, a delete that lands. */
interface Row {
  id: string;
  tenantId: string;
  status: string;
  created: number;
  pending?: Pending;
  goneAt?: number;
}

/** One region's Cinder: volumes and snapshots of every project. */
export class RegionCinder {
  readonly volumes = new Map<string, VolumeRecord>();
  readonly snapshots = new Map<string, SnapshotRecord>();
  readonly types: VolumeTypeRecord[] = [
    ...rackspaceTypes(),
    { id: randomUUID(), name: DEFAULT_TYPE, min: 1, max: Number.MAX_SAFE_INTEGER, description: "Default Volume Type", isPublic: true, extraSpecs: {}, v3Only: true },
  ];
  /** Quota changes an admin made, per project. */
  readonly quotas = new Map<string, Partial<Record<QuotaName, number>>>();
  /** User messages, oldest first. */
  readonly messages: UserMessageRecord[] = [];

  quotaOf(tenantId: string): Record<QuotaName, number> {
    return { ...QUOTAS, ...this.quotas.get(tenantId) };
  }

  constructor(readonly cinder: CinderState) {}

  get now(): number {
    return this.cinder.state.clock.now();
  }

  #settle<R extends { pending?: Pending; status: string }>(r: R): void {
    // A loop: a chained step lands from when the previous one did, however far the clock moved.
    for (let p = r.pending; p && p.at <= this.now; p = r.pending) {
      r.status = p.to;
      r.pending = p.next ? { to: p.next.to, at: p.at + p.next.ms, ...(p.next.then ? { then: p.next.then } : {}) } : undefined;
      (r as { updated?: number }).updated = p.at;
      p.then?.();
    }
  }

  /** Starts a transition: `status` now, `to` after `ms`. */
  transition<R extends { pending?: Pending; status: string }>(r: R, status: string, to: string, ms: number, then?: () => void, next?: Pending["next"]): void {
    r.status = status;
    r.pending = { to, at: this.now + ms, ...(then ? { then } : {}), ...(next ? { next } : {}) };
  }

  /** A row of the project's, settled on the clock; a row whose delete has landed is dropped (404 from then on). */
  #live<R extends Row>(rows: Map<string, R>, tenantId: string, id: string): R | undefined {
    const r = rows.get(id);
    if (!r || r.tenantId !== tenantId) return undefined;
    this.#settle(r);
    if (r.goneAt !== undefined && r.goneAt <= this.now) {
      rows.delete(id);
      return undefined;
    }
    return r;
  }

  /** A row by id as Cinder's database reads it for a caller: its own project's, or any project's for an admin (through `deleting`, until the delete lands). */
  #visible<R extends Row>(rows: Map<string, R>, tenantId: string, admin: boolean, id: string): R | undefined {
    const owner = admin ? rows.get(id)?.tenantId : tenantId;
    return owner === undefined ? undefined : this.#live(rows, owner, id);
  }

  /** One project's rows (or, without one, every project's: an admin's all_tenants), newest first as Cinder sorts by created_at desc. */
  #list<R extends Row>(rows: Map<string, R>, tenantId?: string): R[] {
    // Reversed first: of two made in the same instant, the later comes first (as Cinder's id tiebreak does for its clock).
    return [...rows.values()].reverse().map((r) => this.#live(rows, tenantId ?? r.tenantId, r.id)).filter((r): r is R => !!r).sort((a, b) => b.created - a.created);
  }

  volume(tenantId: string, id: string): VolumeRecord | undefined {
    return this.#live(this.volumes, tenantId, id);
  }

  snapshot(tenantId: string, id: string): SnapshotRecord | undefined {
    return this.#live(this.snapshots, tenantId, id);
  }

  volumeFor(tenantId: string, admin: boolean, id: string): VolumeRecord | undefined {
    return this.#visible(this.volumes, tenantId, admin, id);
  }

  snapshotFor(tenantId: string, admin: boolean, id: string): SnapshotRecord | undefined {
    return this.#visible(this.snapshots, tenantId, admin, id);
  }

  tenantVolumes(tenantId: string): VolumeRecord[] {
    return this.#list(this.volumes, tenantId);
  }

  allVolumes(): VolumeRecord[] {
    return this.#list(this.volumes);
  }

  tenantSnapshots(tenantId: string): SnapshotRecord[] {
    return this.#list(this.snapshots, tenantId);
  }

  allSnapshots(): SnapshotRecord[] {
    return this.#list(this.snapshots);
  }

  /** The project's user messages that have not expired, newest first. */
  tenantMessages(tenantId: string): UserMessageRecord[] {
    // Settles the project's volumes first: a failure that has landed has written its message.
    this.tenantVolumes(tenantId);
    return this.messages.filter((m) => m.tenantId === tenantId && m.created + MESSAGE_TTL_MS > this.now).reverse();
  }

  /** Every project's unexpired user messages, newest first (an admin's view). */
  allMessages(): UserMessageRecord[] {
    this.allVolumes();
    return this.messages.filter((m) => m.created + MESSAGE_TTL_MS > this.now).reverse();
  }

  /** `createVolume(…, { backend })` when that backend is not this Cinder's: the scheduler's failure and its user message. */
  #unscheduled(v: VolumeRecord): void {
    this.transition(v, "creating", "error", this.cinder.timings.create, () => {
      this.messages.push({
        id: randomUUID(),
        tenantId: v.tenantId,
        eventId: "VOLUME_VOLUME_001_003",
        userMessage: "schedule allocate volume:Could not find any available weighted backend.",
        resourceType: "VOLUME",
        resourceUuid: v.id,
        requestId: `req-${randomUUID()}`,
        // When the transition landed (settling sets `updated` to it before this runs).
        created: v.updated ?? this.now,
      });
    });
  }

  createVolume(tenantId: string, init: Omit<VolumeRecord, "id" | "tenantId" | "status" | "created"> & { backend?: string }): VolumeRecord {
    const used = this.tenantVolumes(tenantId);
    const q = this.quotaOf(tenantId);
    const gb = used.reduce((n, v) => n + v.size, 0);
    if (q.gigabytes >= 0 && gb + init.size > q.gigabytes)
      throw new CinderFault(413, `VolumeSizeExceedsAvailableQuota: Requested volume or snapshot exceeds allowed gigabytes quota. Requested ${init.size}G, quota is ${q.gigabytes}G and ${gb}G has been consumed.`);
    if (q.volumes >= 0 && used.length >= q.volumes) throw new CinderFault(413, `VolumeLimitExceeded: Maximum number of volumes allowed (${q.volumes}) exceeded for quota 'volumes'.`);
    const { backend, ...fields } = init;
    const v: VolumeRecord = { ...fields, id: randomUUID(), tenantId, status: "creating", created: this.now };
    this.volumes.set(v.id, v);
    if (backend !== undefined && backend !== BACKEND_NAME) this.#unscheduled(v);
    else this.transition(v, "creating", "available", this.cinder.timings.create);
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

/** The block-storage state of an emulator (created on first use). Tests reach it to change `timings`. */
export const cinderState = perEmulator((state): CinderState => new CinderState(state));
