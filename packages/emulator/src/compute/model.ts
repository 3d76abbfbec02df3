import { createHash, randomUUID } from "node:crypto";
import { networkLabel } from "../networks/model";
import type { EmulatorState } from "../state";
import { badRequest, conflict, notFound } from "./nova-errors";
import { BASE_IMAGES, FLAVORS, type FlavorRecord, PUBLIC_NET, QUOTAS, SERVICE_NET } from "./seed-data";

/** How long (ms of the emulator's clock) each transition takes. Tests may shorten or lengthen them. */
export interface ComputeTimings {
  build: number;
  reboot: number;
  rebuild: number;
  resize: number;
  revert: number;
  snapshot: number;
  rescue: number;
  /** A deleted server still answers GET (task_state "deleting") this long, then 404. */
  delete: number;
}

export const DEFAULT_TIMINGS: ComputeTimings = { build: 1000, reboot: 300, rebuild: 1000, resize: 1000, revert: 300, snapshot: 1000, rescue: 300, delete: 300 };

/** A status change in progress: `status` until `end`, then `done` (and `apply`). */
interface Pending {
  status: string;
  task: string;
  start: number;
  end: number;
  done: { status: string; vmState: string; fault?: Fault };
  apply?: { flavorId?: string; previousFlavorId?: string | undefined };
}

export interface Fault {
  code: number;
  message: string;
  created: string;
  details?: string;
}

export interface Address {
  addr: string;
  version: 4 | 6;
}

export interface ServerRecord {
  id: string;
  name: string;
  tenantId: string;
  userId: string;
  imageId: string;
  flavorId: string;
  metadata: Record<string, string>;
  keyName: string | null;
  diskConfig: "AUTO" | "MANUAL";
  configDrive: boolean;
  availabilityZone: string;
  securityGroups: Array<{ name: string }>;
  /** When the build finished (OS-SRV-USG:launched_at). */
  launchedAt?: number;
  addresses: Record<string, Address[]>;
  accessIPv4: string;
  accessIPv6: string;
  created: number;
  updated: number;
  status: string;
  vmState: string;
  taskState: string | null;
  pending?: Pending;
  fault?: Fault;
  /** The flavor to go back to while in VERIFY_RESIZE. */
  previousFlavorId?: string;
  deletedAt?: number;
  /** When the server leaves the listing for good (GET answers 404 from then on). */
  goneAt?: number;
}

export interface ImageRecord {
  id: string;
  name: string;
  tenantId?: string;
  serverId?: string;
  status: string;
  created: number;
  updated: number;
  readyAt: number;
  minDisk: number;
  minRam: number;
  metadata: Record<string, string>;
}

export interface KeypairRecord {
  name: string;
  userId: string;
  publicKey: string;
  fingerprint: string;
  created: number;
  id: number;
}

/** One region's Nova: servers and snapshots of every tenant, keypairs of every user. */
export class RegionCompute {
  readonly servers = new Map<string, ServerRecord>();
  readonly images = new Map<string, ImageRecord>();
  readonly keypairs = new Map<string, KeypairRecord>();
  private ipCounter = 10;

  constructor(
    readonly compute: ComputeState,
    readonly region: string,
  ) {
    for (const b of BASE_IMAGES)
      this.images.set(b.id, {
        id: b.id,
        name: b.name,
        status: "ACTIVE",
        created: 0,
        updated: 0,
        readyAt: 0,
        minDisk: b.minDisk,
        minRam: b.minRam,
        metadata: { image_type: "base", os_type: b.osType, "com.rackspace__1__visible_core": "1" },
      });
  }

  get now(): number {
    return this.compute.now();
  }

  /** The server with `pending` transitions applied as of now; undefined once it is gone. */
  server(tenantId: string, id: string): ServerRecord | undefined {
    const s = this.servers.get(id);
    if (!s || s.tenantId !== tenantId) return undefined;
    this.settle(s);
    return s.goneAt !== undefined && s.goneAt <= this.now ? undefined : s;
  }

  requireServer(tenantId: string, id: string): ServerRecord {
    const s = this.server(tenantId, id);
    if (!s) throw notFound(`Instance ${id} could not be found.`);
    return s;
  }

  /** Every server of the tenant (deleted ones too, for `changes-since`), newest first. */
  tenantServers(tenantId: string): ServerRecord[] {
    const out: ServerRecord[] = [];
    for (const s of this.servers.values()) {
      if (s.tenantId !== tenantId) continue;
      this.settle(s);
      out.push(s);
    }
    return out.sort((a, b) => b.created - a.created || (a.id < b.id ? 1 : -1));
  }

  settle(s: ServerRecord): void {
    const p = s.pending;
    if (!p || this.now < p.end) return;
    s.status = p.done.status;
    s.vmState = p.done.vmState;
    s.taskState = null;
    if (p.done.fault) s.fault = p.done.fault;
    if (p.apply?.flavorId) s.flavorId = p.apply.flavorId;
    if (p.apply && "previousFlavorId" in p.apply) s.previousFlavorId = p.apply.previousFlavorId;
    if (s.status === "ACTIVE" && Object.keys(s.addresses).length === 0) s.addresses = this.pendingAddresses.get(s.id) ?? {};
    if (s.status === "ACTIVE") s.launchedAt ??= p.end;
    s.updated = p.end;
    s.pending = undefined;
  }

  /** 0–100 while a transition runs, 100 when settled. */
  progress(s: ServerRecord): number {
    const p = s.pending;
    if (!p) return s.status === "ERROR" ? 0 : 100;
    const span = Math.max(1, p.end - p.start);
    return Math.min(99, Math.floor(((this.now - p.start) / span) * 100));
  }

  /** Starts a transition: `status`/`task` now, `done` after `ms`. */
  begin(s: ServerRecord, status: string, task: string, ms: number, done: Pending["done"], apply?: Pending["apply"]): void {
    const now = this.now;
    s.status = status;
    s.taskState = task;
    s.updated = now;
    s.pending = { status, task, start: now, end: now + ms, done, ...(apply ? { apply } : {}) };
    if (ms <= 0) this.settle(s);
  }

  /** A server that must be idle in one of `states` for `action` (Nova: 409 otherwise). */
  requireState(s: ServerRecord, action: string, states: string[]): void {
    if (s.deletedAt !== undefined) throw conflict(`Cannot '${action}' instance ${s.id} while it is in task_state deleting`);
    // Nova's check_instance_state looks at vm_state first, then task_state.
    if (!states.includes(s.vmState)) throw conflict(`Cannot '${action}' instance ${s.id} while it is in vm_state ${s.vmState}`);
    if (s.taskState) throw conflict(`Cannot '${action}' instance ${s.id} while it is in task_state ${s.taskState}`);
  }

  private readonly pendingAddresses = new Map<string, Record<string, Address[]>>();

  /** Addresses a server gets once ACTIVE: Rackspace's public + private, or the networks asked for. */
  assignAddresses(id: string, networks: string[] | undefined): void {
    const n = this.ipCounter++;
    const octet = (n % 250) + 2;
    const third = Math.floor(n / 250) % 250;
    const out: Record<string, Address[]> = {};
    for (const net of networks ?? [PUBLIC_NET, SERVICE_NET]) {
      if (net === PUBLIC_NET)
        out.public = [
          { addr: `198.51.${100 + (third % 100)}.${octet}`, version: 4 },
          { addr: `2001:db8::${n.toString(16)}`, version: 6 },
        ];
      else if (net === SERVICE_NET) out.private = [{ addr: `10.${176 + (third % 50)}.${third}.${octet}`, version: 4 }];
      else out[networkLabel(net) ?? `net-${net.slice(0, 8)}`] = [{ addr: `192.168.${third}.${octet}`, version: 4 }];
    }
    this.pendingAddresses.set(id, out);
  }

  tenantImages(tenantId: string): ImageRecord[] {
    const out: ImageRecord[] = [];
    for (const i of this.images.values()) {
      if (i.tenantId !== undefined && i.tenantId !== tenantId) continue;
      if (i.status === "SAVING" && i.readyAt <= this.now) {
        i.status = "ACTIVE";
        i.updated = i.readyAt;
      }
      out.push(i);
    }
    return out;
  }

  image(tenantId: string, id: string): ImageRecord | undefined {
    return this.tenantImages(tenantId).find((i) => i.id === id);
  }

  newServerId(): string {
    return randomUUID();
  }

  newImageId(): string {
    return randomUUID();
  }

  /** Nova's hostId: sha224 of project id + host, so one tenant's servers on one host share it. */
  hostId(tenantId: string): string {
    return createHash("sha224").update(`${tenantId}emulator-${this.region}`).digest("hex");
  }
}

/** Nova in every region, on the emulator's clock. */
export class ComputeState {
  readonly timings: ComputeTimings = { ...DEFAULT_TIMINGS };
  private readonly regions = new Map<string, RegionCompute>();
  private keypairIds = 1;

  constructor(private readonly clock: () => number) {}

  now(): number {
    return this.clock();
  }

  region(name: string): RegionCompute {
    let r = this.regions.get(name);
    if (!r) {
      r = new RegionCompute(this, name);
      this.regions.set(name, r);
    }
    return r;
  }

  nextKeypairId(): number {
    return this.keypairIds++;
  }

  flavor(id: string): FlavorRecord | undefined {
    return FLAVORS.find((f) => f.id === id);
  }

  requireFlavor(id: unknown): FlavorRecord {
    const f = typeof id === "string" || typeof id === "number" ? this.flavor(String(id)) : undefined;
    if (!f) throw badRequest(`Flavor ${String(id)} could not be found.`);
    return f;
  }

  readonly quotas = QUOTAS;
}

const states = new WeakMap<EmulatorState, ComputeState>();

/** The compute state of an emulator (created on first use). Tests reach it to change `timings`. */
export function computeState(state: EmulatorState): ComputeState {
  let c = states.get(state);
  if (!c) {
    c = new ComputeState(() => state.clock.now());
    states.set(state, c);
  }
  return c;
}
