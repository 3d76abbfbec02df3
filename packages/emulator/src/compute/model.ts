import { createHash, randomUUID } from "node:crypto";
import { networkLabel } from "../networks/model";
import { glanceState, type ImageRecord, type RegionImages } from "../images/model";
import type { EmulatorState } from "../state";
import { badRequest, conflict, notFound } from "./nova-errors";
import { FLAVORS, type FlavorRecord, PUBLIC_NET, QUOTAS, SERVICE_NET } from "./seed-data";
import { perEmulator } from "../per-emulator";

/** How long (ms of the emulator's clock) each transition takes. Tests may shorten or lengthen them. */
export interface ComputeTimings {
  build: number;
  reboot: number;
  rebuild: number;
  resize: number;
  revert: number;
  /** After confirmResize's 204 the server stays VERIFY_RESIZE (no task) this long, then ACTIVE. */
  confirm: number;
  snapshot: number;
  rescue: number;
  /** A deleted server still answers GET (task_state "deleting") this long, then 404. */
  delete: number;
}

export const DEFAULT_TIMINGS: ComputeTimings = { build: 1000, reboot: 300, rebuild: 1000, resize: 1000, revert: 300, confirm: 300, snapshot: 1000, rescue: 300, delete: 300 };

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

/** What a server's creator chooses; the rest is Nova's at scheduling time. */
export type ServerLaunch = Pick<ServerRecord, "name" | "tenantId" | "userId" | "imageId" | "flavorId" | "metadata" | "keyName" | "diskConfig" | "configDrive" | "availabilityZone" | "securityGroups">;

/** An image as Nova shows it: Glance's record (one store for both APIs) in Nova's words. */
export interface NovaImage {
  id: string;
  name: string;
  /** The owning project; undefined for the provider's public images. */
  tenantId?: string;
  serverId?: string;
  /** ACTIVE, SAVING, ERROR, DELETED, UNKNOWN. */
  status: string;
  progress: number;
  created: number;
  updated: number;
  minDisk: number;
  minRam: number;
  size?: number;
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
  /** Snapshot id → when Nova reports it ACTIVE (Glance holds the image itself). */
  readonly snapshotReadyAt = new Map<string, number>();
  readonly keypairs = new Map<string, KeypairRecord>();
  private ipCounter = 10;

  constructor(
    readonly compute: ComputeState,
    readonly region: string,
  ) {
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

  /**
   * The addresses of the Neutron port the server got on an isolated network (its subnet's next host),
   * in place of the placeholder `assignAddresses` chose: Nova reports the port's fixed IPs, so
   * `server show` and `port list` agree.
   */
  usePortAddresses(id: string, networkId: string, ips: string[]): void {
    const label = networkLabel(networkId) ?? `net-${networkId.slice(0, 8)}`;
    const addresses: Address[] = ips.map((addr) => ({ addr, version: addr.includes(":") ? 6 : 4 }));
    const pending = this.pendingAddresses.get(id);
    if (pending && label in pending) pending[label] = addresses;
    const s = this.servers.get(id);
    if (s && label in s.addresses) s.addresses[label] = addresses;
  }

  /** Glance's images in this region (public base images, uploads, snapshots). */
  get glance(): RegionImages {
    return glanceState(this.compute.state).region(this.region);
  }

  /** Every image the project can see, in Nova's words. */
  tenantImages(tenantId: string): NovaImage[] {
    const out: NovaImage[] = [];
    for (const img of this.glance.images.values()) if (this.glance.canSee(img, tenantId, false)) out.push(this.novaImage(img));
    return out;
  }

  image(tenantId: string, id: string): NovaImage | undefined {
    const img = this.glance.images.get(id);
    return img && this.glance.canSee(img, tenantId, false) ? this.novaImage(img) : undefined;
  }

  private novaImage(img: ImageRecord): NovaImage {
    const ready = this.snapshotReadyAt.get(img.id);
    const saving = ready !== undefined && this.now < ready;
    const status = saving ? "SAVING" : (GLANCE_STATUS[img.status] ?? "UNKNOWN");
    const metadata: Record<string, string> = {};
    for (const [k, v] of img.props) metadata[k] = typeof v === "string" ? v : JSON.stringify(v);
    const serverId = metadata.instance_uuid;
    return {
      id: img.id,
      name: img.name ?? "",
      ...(img.visibility === "public" && img.owner === "rackspace" ? {} : { tenantId: img.owner }),
      ...(serverId ? { serverId } : {}),
      status,
      progress: status === "ACTIVE" ? 100 : saving ? Math.min(99, Math.max(25, Math.floor(((this.now - img.created) / Math.max(1, ready! - img.created)) * 100))) : (GLANCE_PROGRESS[img.status] ?? 0),
      created: img.created,
      updated: saving ? img.created : Math.max(img.updated, ready ?? 0),
      minDisk: img.minDisk,
      minRam: img.minRam,
      ...(img.data ? { size: img.data.length } : {}),
      metadata,
    };
  }

  /**
   * Schedules a new server as Nova's create does: BUILD/building now, its addresses assigned for when it is
   * ACTIVE, `done` after `ms`. The caller chooses what the request (or Otter's launch configuration) said.
   */
  launch(init: ServerLaunch, networks: string[] | undefined, ms: number, done: Pending["done"]): ServerRecord {
    const now = this.now;
    const server: ServerRecord = { id: this.newServerId(), ...init, addresses: {}, accessIPv4: "", accessIPv6: "", created: now, updated: now, status: "BUILD", vmState: "building", taskState: "scheduling" };
    this.servers.set(server.id, server);
    this.assignAddresses(server.id, networks);
    this.begin(server, "BUILD", "spawning", ms, done);
    return server;
  }

  newServerId(): string {
    return randomUUID();
  }

  /** Nova's hostId: sha224 of project id + host, so one tenant's servers on one host share it. */
  hostId(tenantId: string): string {
    return createHash("sha224").update(`${tenantId}emulator-${this.region}`).digest("hex");
  }
}

// Nova's view of Glance statuses (nova/api/openstack/compute/views/images.py).
const GLANCE_STATUS: Record<string, string> = { active: "ACTIVE", queued: "SAVING", saving: "SAVING", importing: "SAVING", uploading: "SAVING", deleted: "DELETED", pending_delete: "DELETED", killed: "ERROR", deactivated: "ERROR" };
const GLANCE_PROGRESS: Record<string, number> = { queued: 25, saving: 50, active: 100 };

/** Nova in every region, on the emulator's clock. */
export class ComputeState {
  readonly timings: ComputeTimings = { ...DEFAULT_TIMINGS };
  private readonly regions = new Map<string, RegionCompute>();
  private keypairIds = 1;

  constructor(readonly state: EmulatorState) {}

  now(): number {
    return this.state.clock.now();
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

/** The compute state of an emulator (created on first use). Tests reach it to change `timings`. */
export const computeState = perEmulator((state): ComputeState => new ComputeState(state));
