import { randomBytes, randomUUID } from "node:crypto";
import type { EmulatorState } from "../state";
import { notAvailable, resourceNotFound, TroveFault } from "./trove-errors";
import { perEmulator } from "../per-emulator";

/** How long each transition takes on the emulator's clock (ms). Tests shorten or lengthen them. */
export interface TroveTimings {
  build: number;
  restart: number;
  resize: number;
  backup: number;
  delete: number;
}
export const DEFAULT_TROVE_TIMINGS: TroveTimings = { build: 1000, restart: 500, resize: 1000, backup: 1000, delete: 300 };

/** Rackspace's Cloud Databases flavors (the seed's list and beyond). */
export interface FlavorRecord {
  id: number;
  name: string;
  ram: number;
}
export const FLAVORS: readonly FlavorRecord[] = [
  { id: 1, name: "512MB Instance", ram: 512 },
  { id: 2, name: "1GB Instance", ram: 1024 },
  { id: 3, name: "2GB Instance", ram: 2048 },
  { id: 4, name: "4GB Instance", ram: 4096 },
  { id: 5, name: "8GB Instance", ram: 8192 },
  { id: 6, name: "16GB Instance", ram: 16384 },
];

/** Datastores and versions; the first version of the first datastore is the default. */
export const DATASTORES: ReadonlyArray<{ id: string; name: string; versions: ReadonlyArray<{ id: string; name: string }> }> = [
  {
    id: "10000000-0000-4000-8000-000000000001",
    name: "mysql",
    versions: [
      { id: "20000000-0000-4000-8000-000000000056", name: "5.6" },
      { id: "20000000-0000-4000-8000-000000000057", name: "5.7" },
    ],
  },
];

/** The biggest volume an instance can have (GB): Rackspace's 50 (the seed). */
export const MAX_VOLUME_GB = 50;

interface Pending {
  to: string;
  at: number;
  /** Applied when the transition lands. */
  then?: () => void;
}

export interface SchemaRecord {
  name: string;
  characterSet: string;
  collate: string;
}

export interface UserRecord {
  name: string;
  host: string;
  password: string;
  databases: Set<string>;
}

export interface InstanceRecord {
  id: string;
  tenantId: string;
  name: string;
  status: string;
  flavorId: number;
  volumeSize: number;
  datastore: { type: string; version: string };
  created: number;
  updated: number;
  hostname: string;
  databases: Map<string, SchemaRecord>;
  /** Keyed `name@host`. */
  users: Map<string, UserRecord>;
  rootEnabled: boolean;
  /** Why the instance is in ERROR (Trove's `fault`). */
  fault?: { message: string; created: number; details: string };
  pending?: Pending;
  goneAt?: number;
}

export interface BackupRecord {
  id: string;
  tenantId: string;
  instanceId: string;
  name: string;
  description: string | null;
  status: string;
  size: number | null;
  created: number;
  updated: number;
  parentId: string | null;
  datastore: { type: string; version: string; versionId: string };
  /** The instance's databases and users when the backup was taken; a restore brings them back. */
  databases: SchemaRecord[];
  users: UserRecord[];
  pending?: Pending;
}

const userKey = (name: string, host: string) => `${name}@${host}`;

/** One region's Trove: instances and backups of every project. */
export class RegionTrove {
  readonly instances = new Map<string, InstanceRecord>();
  readonly backups = new Map<string, BackupRecord>();

  constructor(readonly trove: TroveState) {}

  get now(): number {
    return this.trove.state.clock.now();
  }

  #settle<R extends { pending?: Pending; status: string; updated: number }>(r: R): void {
    // A transition's `then` may start the next one (a backup's NEW → BUILDING → COMPLETED): settle all that are due.
    for (let p = r.pending; p && p.at <= this.now; p = r.pending) {
      r.status = p.to;
      r.updated = p.at;
      r.pending = undefined;
      p.then?.();
    }
  }

  /** Starts a transition: `status` now, `to` after `ms`, then `then`. */
  transition<R extends { pending?: Pending; status: string; updated: number }>(r: R, status: string, to: string, ms: number, then?: () => void): void {
    r.status = status;
    r.updated = this.now;
    r.pending = { to, at: this.now + ms, ...(then ? { then } : {}) };
    if (ms <= 0) this.#settle(r);
  }

  instance(tenantId: string, id: string): InstanceRecord | undefined {
    const i = this.instances.get(id);
    if (!i || i.tenantId !== tenantId) return undefined;
    this.#settle(i);
    if (i.goneAt !== undefined && i.goneAt <= this.now) {
      this.instances.delete(id);
      return undefined;
    }
    return i;
  }

  requireInstance(tenantId: string, id: string): InstanceRecord {
    const i = this.instance(tenantId, id);
    if (!i) throw resourceNotFound(id);
    return i;
  }

  /** The instance, which must be ACTIVE for an action (restart, resize, backup). */
  activeInstance(tenantId: string, id: string): InstanceRecord {
    const i = this.requireInstance(tenantId, id);
    if (i.status !== "ACTIVE") throw notAvailable(id, i.status);
    return i;
  }

  /**
   * Databases, users and root live in the guest: Trove answers 422 "Instance x is not ready." while it
   * builds, reboots or resizes. During a backup real Trove 18 takes them (the seed says Rackspace's did
   * not; the real server wins).
   */
  guestReady(tenantId: string, id: string): InstanceRecord {
    const i = this.requireInstance(tenantId, id);
    // Real Trove 18 takes databases and users while a backup runs (the guest is up); not while it builds, reboots or resizes.
    if (i.status !== "ACTIVE" && i.status !== "BACKUP") throw new TroveFault(422, `Instance ${id} is not ready.`);
    return i;
  }

  /** The project's instances in Trove's listing order (by id). */
  tenantInstances(tenantId: string): InstanceRecord[] {
    return [...this.instances.keys()]
      .map((id) => this.instance(tenantId, id))
      .filter((i): i is InstanceRecord => !!i)
      .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  }

  backup(tenantId: string, id: string): BackupRecord | undefined {
    const b = this.backups.get(id);
    if (!b || b.tenantId !== tenantId) return undefined;
    this.#settle(b);
    return b;
  }

  requireBackup(tenantId: string, id: string): BackupRecord {
    const b = this.backup(tenantId, id);
    if (!b) throw resourceNotFound(id);
    return b;
  }

  /** The project's backups, newest first. */
  tenantBackups(tenantId: string): BackupRecord[] {
    return [...this.backups.keys()]
      .map((id) => this.backup(tenantId, id))
      .filter((b): b is BackupRecord => !!b)
      .sort((a, b) => b.created - a.created || (a.id < b.id ? -1 : 1));
  }

  createInstance(tenantId: string, init: Pick<InstanceRecord, "name" | "flavorId" | "volumeSize" | "datastore">, schemas: SchemaRecord[], users: UserRecord[]): InstanceRecord {
    const id = randomUUID();
    const i: InstanceRecord = {
      ...init,
      id,
      tenantId,
      status: "BUILD",
      created: this.now,
      updated: this.now,
      hostname: `${randomBytes(20).toString("hex")}.rackspaceclouddb.com`,
      databases: new Map(schemas.map((s) => [s.name, { ...s }])),
      users: new Map(users.map((u) => [userKey(u.name, u.host), { ...u, databases: new Set(u.databases) }])),
      rootEnabled: false,
    };
    this.instances.set(id, i);
    const failure = this.trove.buildFailure;
    if (failure === undefined) this.transition(i, "BUILD", "ACTIVE", this.trove.timings.build);
    else this.transition(i, "BUILD", "ERROR", this.trove.timings.build, () => (i.fault = { message: failure, created: this.now, details: failure }));
    return i;
  }

  createBackup(tenantId: string, i: InstanceRecord, name: string, description: string | null, parentId: string | null): BackupRecord {
    const version = DATASTORES.flatMap((d) => d.versions.map((v) => ({ type: d.name, ...v }))).find((v) => v.type === i.datastore.type && v.name === i.datastore.version);
    const b: BackupRecord = {
      id: randomUUID(),
      tenantId,
      instanceId: i.id,
      name,
      description,
      status: "NEW",
      size: null,
      created: this.now,
      updated: this.now,
      parentId,
      datastore: { ...i.datastore, versionId: version?.id ?? "" },
      databases: [...i.databases.values()].map((s) => ({ ...s })),
      users: [...i.users.values()].map((u) => ({ ...u, databases: new Set(u.databases) })),
    };
    this.backups.set(b.id, b);
    // NEW → BUILDING → COMPLETED; the instance is in BACKUP meanwhile.
    const half = Math.floor(this.trove.timings.backup / 2);
    this.transition(i, "BACKUP", "ACTIVE", this.trove.timings.backup);
    this.transition(b, "NEW", "BUILDING", half, () => {
      b.pending = { to: "COMPLETED", at: b.created + this.trove.timings.backup, then: () => (b.size = 0.14) };
    });
    return b;
  }
}

export class TroveState {
  readonly timings: TroveTimings = { ...DEFAULT_TROVE_TIMINGS };
  /**
   * Set by a test to make builds fail: every instance created while it is set goes BUILD → ERROR
   * with this message as its `fault`, so code waiting for ACTIVE can be tried on a failure.
   */
  buildFailure: string | undefined;
  /**
   * Set by a test to make resizes fail as Trove's do when the volume or flavor change times out (and as
   * every resize does in Trove's fake mode): RESIZE, then ACTIVE again with the old volume size and flavor.
   */
  resizeReverts = false;
  private readonly regions = new Map<string, RegionTrove>();

  constructor(readonly state: EmulatorState) {}

  region(name: string): RegionTrove {
    let r = this.regions.get(name);
    if (!r) {
      r = new RegionTrove(this);
      this.regions.set(name, r);
    }
    return r;
  }
}

/** The databases state of an emulator (created on first use). Tests reach it to change `timings`. */
export const troveState = perEmulator((state): TroveState => new TroveState(state));

export { userKey };
