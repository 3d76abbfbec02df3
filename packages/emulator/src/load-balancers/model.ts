import type { EmulatorState } from "../state";
import { immutable, lbNotFound } from "./clb-errors";
import { perEmulator } from "../per-emulator";

/** How long each transition takes on the emulator's clock (ms). Tests shorten or lengthen them. */
export interface ClbTimings {
  /** BUILD → ACTIVE after a create. */
  build: number;
  /** PENDING_UPDATE → ACTIVE after any change. */
  update: number;
  /** PENDING_DELETE → gone (404) after a delete. */
  delete: number;
}
export const DEFAULT_CLB_TIMINGS: ClbTimings = { build: 1000, update: 300, delete: 300 };

/** load-balancers.md "Absolute limits". */
export const ABSOLUTE_LIMITS = {
  LOADBALANCER_LIMIT: 25,
  NODE_LIMIT: 25,
  IPV6_LIMIT: 25,
  BATCH_DELETE_LIMIT: 10,
  ACCESS_LIST_LIMIT: 100,
  NODE_META_LIMIT: 25,
  LOADBALANCER_META_LIMIT: 25,
  CERTIFICATE_MAPPING_LIMIT: 20,
} as const;

/** load-balancers.md "algorithms" row. */
export const ALGORITHMS = ["LEAST_CONNECTIONS", "RANDOM", "ROUND_ROBIN", "WEIGHTED_LEAST_CONNECTIONS", "WEIGHTED_ROUND_ROBIN"];
/** load-balancers.md "protocols" row (names and default ports), plus the seed's IMAPv2/IMAPv3. */
export const PROTOCOLS: ReadonlyArray<{ name: string; port: number }> = [
  { name: "DNS_TCP", port: 53 }, { name: "DNS_UDP", port: 53 }, { name: "FTP", port: 21 }, { name: "HTTP", port: 80 }, { name: "HTTPS", port: 443 },
  { name: "IMAPS", port: 993 }, { name: "IMAPv2", port: 143 }, { name: "IMAPv3", port: 220 }, { name: "IMAPv4", port: 143 }, { name: "LDAP", port: 389 },
  { name: "LDAPS", port: 636 }, { name: "MYSQL", port: 3306 }, { name: "POP3", port: 110 }, { name: "POP3S", port: 995 }, { name: "SFTP", port: 22 },
  { name: "SMTP", port: 25 }, { name: "TCP", port: 0 }, { name: "TCP_CLIENT_FIRST", port: 0 }, { name: "TCP_STREAM", port: 0 }, { name: "UDP", port: 0 },
  { name: "UDP_STREAM", port: 0 },
];
/** load-balancers.md "allowed_domains" row. */
export const ALLOWED_DOMAINS = ["rackspace.com", "rackspacecloud.com"];

/** The seed's "Error Pages": what GET /errorpage shows when no custom page is set. */
export const DEFAULT_ERROR_PAGE =
  '<html><head><meta http-equiv="Content-Type" content="text/html;charset=utf-8"><title>Service Unavailable</title><style type="text/css">body, p, h1 {font-family: Verdana, Arial, Helvetica, sans-serif;}h2 {font-family: Arial, Helvetica, sans-serif;color: #b10b29;}</style></head><body><h2>Service Unavailable</h2><p>The service is temporarily unavailable. Please try again later.</p></body></html>';

export interface MetaItem {
  id: number;
  key: string;
  value: string;
}

export interface NodeRecord {
  id: number;
  address: string;
  port: number;
  condition: string;
  type: string;
  weight: number;
  metadata: MetaItem[];
}

export interface VipRecord {
  id: number;
  address: string;
  type: string;
  ipVersion: string;
}

export interface AccessItem {
  id: number;
  address: string;
  type: string;
}

export interface SslRecord {
  certificate: string;
  /** Kept to model the API; never written into a response. */
  privatekey: string;
  intermediateCertificate?: string;
  enabled: boolean;
  secureTrafficOnly: boolean;
  securePort: number;
  /** CLB's cipher profile ("default" unless set). */
  cipherProfile: string;
  /** TLS_10 / TLS_11 → ENABLED or DISABLED (CLB's show-ssl-termination lists both). */
  securityProtocols: Record<string, string>;
}

export interface LbRecord {
  id: number;
  tenantId: string;
  name: string;
  protocol: string;
  port: number;
  algorithm: string;
  status: string;
  timeout: number;
  halfClosed: boolean;
  httpsRedirect: boolean;
  created: number;
  updated: number;
  nodes: NodeRecord[];
  vips: VipRecord[];
  accessList: AccessItem[];
  healthMonitor?: Record<string, unknown>;
  connectionThrottle?: Record<string, unknown>;
  sessionPersistence?: string;
  connectionLogging: boolean;
  contentCaching: boolean;
  ssl?: SslRecord;
  errorPage?: string;
  metadata: MetaItem[];
  pending?: { to: string; at: number };
  goneAt?: number;
}

/** One region's Cloud Load Balancers: every tenant's load balancers, ids shared across tenants as CLB's are. */
export class RegionClb {
  readonly lbs = new Map<number, LbRecord>();
  #next = { lb: 100, node: 1000, vip: 2000, access: 100, meta: 1 };

  constructor(
    readonly clb: ClbState,
    readonly index: number,
    readonly regionName: string,
  ) {}

  get now(): number {
    return this.clb.state.clock.now();
  }

  nextId(kind: "lb" | "node" | "vip" | "access" | "meta"): number {
    return this.#next[kind]++;
  }

  #settle(lb: LbRecord): void {
    const p = lb.pending;
    if (p && p.at <= this.now) {
      lb.status = p.to;
      lb.pending = undefined;
    }
  }

  /** The tenant's load balancer, or undefined (deleted ones vanish once their PENDING_DELETE ends). */
  find(tenantId: string, id: number): LbRecord | undefined {
    const lb = this.lbs.get(id);
    if (!lb || lb.tenantId !== tenantId) return undefined;
    this.#settle(lb);
    if (lb.goneAt !== undefined && lb.goneAt <= this.now) {
      this.lbs.delete(id);
      return undefined;
    }
    return lb;
  }

  require(tenantId: string, id: number): LbRecord {
    const lb = this.find(tenantId, id);
    if (!lb) throw lbNotFound();
    return lb;
  }

  /** The load balancer, only if it may change now (ACTIVE): otherwise CLB's 422 "immutable". */
  mutable(tenantId: string, id: number): LbRecord {
    const lb = this.require(tenantId, id);
    if (lb.status !== "ACTIVE") throw immutable(lb.id, lb.status);
    return lb;
  }

  /** A change was accepted: PENDING_UPDATE now, ACTIVE after `timings.update`. */
  changed(lb: LbRecord): void {
    lb.updated = this.now;
    lb.status = "PENDING_UPDATE";
    lb.pending = { to: "ACTIVE", at: this.now + this.clb.timings.update };
  }

  tenantLbs(tenantId: string): LbRecord[] {
    return [...this.lbs.keys()].map((id) => this.find(tenantId, id)).filter((x): x is LbRecord => !!x).sort((a, b) => a.id - b.id);
  }

  /** A fresh address: PUBLIC IPv4 from 50.56.0.0/16, SERVICENET from 10.183.0.0/16, IPv6 from 2001:4800:7901::/48. */
  address(type: string, ipVersion: string): string {
    const n = this.nextId("vip");
    if (ipVersion === "IPV6") return `2001:4800:7901:0000:${(this.index + 1).toString(16)}:0000:0000:${n.toString(16).padStart(4, "0")}`;
    const host = `${Math.floor(n / 250) % 250}.${(n % 250) + 2}`;
    return type === "SERVICENET" ? `10.183.${host}` : `50.56.${host}`;
  }
}

export class ClbState {
  readonly timings: ClbTimings = { ...DEFAULT_CLB_TIMINGS };
  private readonly regions = new Map<string, RegionClb>();

  constructor(readonly state: EmulatorState) {}

  region(name: string): RegionClb {
    let r = this.regions.get(name);
    if (!r) {
      r = new RegionClb(this, this.regions.size, name);
      this.regions.set(name, r);
    }
    return r;
  }
}

/** The load-balancer state of an emulator (created on first use). Tests reach it to change `timings` or force a status. */
export const clbState = perEmulator((state): ClbState => new ClbState(state));
