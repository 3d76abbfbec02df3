import { randomBytes, randomUUID } from "node:crypto";
import type { EmulatorState } from "../state";
import { perEmulator } from "../per-emulator";

/** Rackspace's pseudo networks (also in compute's seed data): PublicNet and ServiceNet. */
export const PUBLIC_NET = "00000000-0000-0000-0000-000000000000";
export const SERVICE_NET = "11111111-1111-1111-1111-111111111111";

/** Rackspace's default isolated-network quota (os-networksv2 "too many networks"; Neutron's quota too). */
export const MAX_NETWORKS = 10;

export interface NetworkRecord {
  id: string;
  name: string;
  /** "" for the pseudo networks (they belong to no project). */
  tenantId: string;
  shared: boolean;
  adminStateUp: boolean;
  created: number;
  updated: number;
}

export interface SubnetRecord {
  id: string;
  networkId: string;
  tenantId: string;
  name: string;
  cidr: string;
  ipVersion: 4 | 6;
  gatewayIp: string | null;
  enableDhcp: boolean;
  allocationPools: { start: string; end: string }[];
  dnsNameservers: string[];
  created: number;
  updated: number;
  /** Next host number handed to a port. */
  nextHost: number;
}

export interface PortRecord {
  id: string;
  networkId: string;
  tenantId: string;
  name: string;
  macAddress: string;
  fixedIps: { subnet_id: string; ip_address: string }[];
  deviceId: string;
  deviceOwner: string;
  adminStateUp: boolean;
  created: number;
  updated: number;
}

// Network ids are random UUIDs, so one table serves every emulator in the process: compute reads
// it to name a server's addresses after the network's label, as Nova does (`{"my_net": […]}`).
const labels = new Map<string, string>();

/** The label of an isolated network by id (for compute's `addresses`), if one was created. */
export function networkLabel(id: string): string | undefined {
  return labels.get(id);
}

/** One region's networks, seen through both os-networksv2 (compute) and Neutron: Rackspace serves one set through both. */
export class RegionNetworks {
  readonly networks = new Map<string, NetworkRecord>();
  readonly subnets = new Map<string, SubnetRecord>();
  readonly ports = new Map<string, PortRecord>();

  constructor(private readonly now: () => number) {
    for (const [id, name] of [
      [PUBLIC_NET, "public"],
      [SERVICE_NET, "private"],
    ] as const)
      this.networks.set(id, { id, name, tenantId: "", shared: true, adminStateUp: true, created: 0, updated: 0 });
  }

  visible(tenantId: string, admin = false): NetworkRecord[] {
    return [...this.networks.values()].filter((n) => admin || n.shared || n.tenantId === tenantId);
  }

  network(tenantId: string, id: string, admin = false): NetworkRecord | undefined {
    const n = this.networks.get(id);
    return n && (admin || n.shared || n.tenantId === tenantId) ? n : undefined;
  }

  ownedCount(tenantId: string): number {
    return [...this.networks.values()].filter((n) => n.tenantId === tenantId).length;
  }

  addNetwork(tenantId: string, name: string, adminStateUp = true, shared = false): NetworkRecord {
    const at = this.now();
    const n: NetworkRecord = { id: randomUUID(), name, tenantId, shared, adminStateUp, created: at, updated: at };
    this.networks.set(n.id, n);
    labels.set(n.id, name);
    return n;
  }

  rename(n: NetworkRecord, name: string): void {
    n.name = name;
    labels.set(n.id, name);
  }

  subnetsOf(networkId: string): SubnetRecord[] {
    return [...this.subnets.values()].filter((s) => s.networkId === networkId);
  }

  portsOf(networkId: string): PortRecord[] {
    return [...this.ports.values()].filter((p) => p.networkId === networkId);
  }

  addSubnet(s: Omit<SubnetRecord, "id" | "created" | "updated" | "nextHost">): SubnetRecord {
    const at = this.now();
    const rec: SubnetRecord = { ...s, id: randomUUID(), created: at, updated: at, nextHost: 2 };
    this.subnets.set(rec.id, rec);
    return rec;
  }

  addPort(p: { networkId: string; tenantId: string; name?: string; deviceId?: string; deviceOwner?: string; fixedIps?: { subnet_id: string; ip_address: string }[]; adminStateUp?: boolean }): PortRecord {
    const at = this.now();
    const mac = `fa:16:3e:${[...randomBytes(3)].map((b) => b.toString(16).padStart(2, "0")).join(":")}`;
    const fixedIps = p.fixedIps ?? this.subnetsOf(p.networkId).slice(0, 1).map((s) => ({ subnet_id: s.id, ip_address: nextAddress(s) }));
    const rec: PortRecord = {
      id: randomUUID(),
      networkId: p.networkId,
      tenantId: p.tenantId,
      name: p.name ?? "",
      macAddress: mac,
      fixedIps,
      deviceId: p.deviceId ?? "",
      deviceOwner: p.deviceOwner ?? "",
      adminStateUp: p.adminStateUp ?? true,
      created: at,
      updated: at,
    };
    this.ports.set(rec.id, rec);
    return rec;
  }
}

/** The next free host address of an IPv4 subnet (IPv6: the prefix plus a counter). */
export function nextAddress(s: SubnetRecord): string {
  const n = s.nextHost++;
  const [addr = "", prefix = "24"] = s.cidr.split("/");
  if (s.ipVersion === 6) return `${addr.replace(/::?$/, "")}::${n.toString(16)}`;
  const base = addr.split(".").reduce((acc, o) => acc * 256 + Number(o), 0);
  const size = 2 ** (32 - Number(prefix));
  const host = (base - (base % size) + (n % Math.max(size, 1))) >>> 0;
  return [24, 16, 8, 0].map((sh) => (host >>> sh) & 255).join(".");
}

/** Validates a CIDR the way Neutron/os-networksv2 parse it; undefined when malformed. */
export function parseCidr(cidr: unknown): { version: 4 | 6; prefix: number; hosts: number } | undefined {
  if (typeof cidr !== "string") return undefined;
  const m = /^([0-9a-fA-F:.]+)\/(\d{1,3})$/.exec(cidr);
  if (!m) return undefined;
  const prefix = Number(m[2]);
  const addr = m[1]!;
  if (/^\d+\.\d+\.\d+\.\d+$/.test(addr)) {
    if (addr.split(".").some((o) => Number(o) > 255) || prefix > 32) return undefined;
    return { version: 4, prefix, hosts: 2 ** (32 - prefix) };
  }
  if (addr.includes(":") && prefix <= 128) return { version: 6, prefix, hosts: Number.MAX_SAFE_INTEGER };
  return undefined;
}

/** Every region's networks of one emulator. */
export class NetworkState {
  private readonly regions = new Map<string, RegionNetworks>();
  constructor(private readonly now: () => number) {}
  region(name: string): RegionNetworks {
    const key = name.toUpperCase();
    let r = this.regions.get(key);
    if (!r) {
      r = new RegionNetworks(this.now);
      this.regions.set(key, r);
    }
    return r;
  }
}

/** The network state of an emulator (created on first use). */
export const networkState = perEmulator((state): NetworkState => new NetworkState(() => state.clock.now()));

export function iso(ms: number): string {
  return new Date(ms).toISOString().replace(/\.\d{3}Z$/, "Z");
}
