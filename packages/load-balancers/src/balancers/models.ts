import { lazy } from "@rax/core";
import * as z from "zod/mini";
import { accessListInput } from "../access-list/models";
import { toRecord, toWireList, wireMetaItem } from "../metadata/models";
import { newLbNodeInput, type NodeData, nodeWire, toNode, wireNode } from "../nodes/models";
import { metadataInput } from "../ref";
import { connectionThrottleInput, healthMonitorInput, persistenceInput } from "../settings/models";
import { toVirtualIp, type VirtualIpData, virtualIpInput, wireVirtualIp } from "../virtual-ips/models";

export const ALGORITHMS = ["LEAST_CONNECTIONS", "RANDOM", "ROUND_ROBIN", "WEIGHTED_LEAST_CONNECTIONS", "WEIGHTED_ROUND_ROBIN"] as const;
export type Algorithm = (typeof ALGORITHMS)[number];
/** The seed's list, and CLB's (which adds TCP_STREAM); `IMAPv2`/`IMAPv3` only in older listings. */
export const PROTOCOLS = [
  "DNS_TCP", "DNS_UDP", "FTP", "HTTP", "HTTPS", "IMAPS", "IMAPv2", "IMAPv3", "IMAPv4", "LDAP", "LDAPS", "MYSQL",
  "POP3", "POP3S", "SFTP", "SMTP", "TCP", "TCP_CLIENT_FIRST", "TCP_STREAM", "UDP", "UDP_STREAM",
] as const;
export type Protocol = (typeof PROTOCOLS)[number];

// Statuses CLB documents: ACTIVE, BUILD (create's answer), PENDING_CREATE, PENDING_UPDATE, PENDING_DELETE, ERROR, SUSPENDED, DELETED.

const time = lazy(() => z.nullish(z.looseObject({ time: z.optional(z.string()) })));
const flag = lazy(() => z.nullish(z.union([z.boolean(), z.string()])));
const enabled = lazy(() => z.nullish(z.looseObject({ enabled: flag() })));

export const wireLoadBalancer = lazy(() => z.looseObject({
  id: z.union([z.number(), z.string()]),
  name: z.optional(z.string()),
  protocol: z.optional(z.string()),
  port: z.optional(z.number()),
  algorithm: z.optional(z.string()),
  status: z.optional(z.string()),
  timeout: z.nullish(z.number()),
  nodeCount: z.optional(z.number()),
  halfClosed: flag(),
  httpsRedirect: flag(),
  virtualIps: z.nullish(z.array(wireVirtualIp())),
  nodes: z.nullish(z.array(wireNode())),
  created: time(),
  updated: time(),
  cluster: z.nullish(z.looseObject({ name: z.optional(z.string()) })),
  sourceAddresses: z.nullish(z.record(z.string(), z.string())),
  sessionPersistence: z.nullish(z.looseObject({ persistenceType: z.nullish(z.string()) })),
  connectionLogging: enabled(),
  contentCaching: enabled(),
  metadata: z.nullish(z.array(wireMetaItem())),
}));
export type WireLoadBalancer = z.output<ReturnType<typeof wireLoadBalancer>>;
export const loadBalancerBody = lazy(() => z.looseObject({ loadBalancer: wireLoadBalancer() }));
export const loadBalancersBody = lazy(() => z.looseObject({
  loadBalancers: z.array(wireLoadBalancer()),
  links: z.nullish(z.array(z.looseObject({ rel: z.optional(z.string()), href: z.optional(z.string()) }))),
}));

export interface LoadBalancerData {
  id: number;
  name: string;
  protocol: string;
  port: number;
  algorithm: string;
  /** ACTIVE, BUILD, PENDING_UPDATE, PENDING_DELETE, ERROR, SUSPENDED, DELETED. */
  status: string;
  /** Seconds CLB waits for a node's answer. */
  timeout?: number;
  nodeCount: number;
  halfClosed: boolean;
  httpsRedirect: boolean;
  virtualIps: VirtualIpData[];
  /** Present when the load balancer was fetched by id (listings carry only `nodeCount`). */
  nodes: NodeData[];
  created?: string;
  updated?: string;
  /** Set when fetched by id. */
  cluster?: string;
  sourceAddresses?: Record<string, string>;
  /** HTTP_COOKIE, SOURCE_IP, or undefined when off. */
  sessionPersistence?: string;
  connectionLogging?: boolean;
  contentCaching?: boolean;
  metadata: Record<string, string>;
  raw: Record<string, unknown>;
}

const bool = (v: boolean | string | null | undefined) => v === true || v === "true";

export function toLoadBalancer(w: WireLoadBalancer): LoadBalancerData {
  const nodes = (w.nodes ?? []).map(toNode);
  return {
    id: Number(w.id),
    name: w.name ?? "",
    protocol: w.protocol ?? "",
    port: w.port ?? 0,
    algorithm: w.algorithm ?? "",
    status: w.status ?? "",
    ...(typeof w.timeout === "number" ? { timeout: w.timeout } : {}),
    nodeCount: w.nodeCount ?? nodes.length,
    halfClosed: bool(w.halfClosed),
    httpsRedirect: bool(w.httpsRedirect),
    virtualIps: (w.virtualIps ?? []).map(toVirtualIp),
    nodes,
    ...(w.created?.time ? { created: w.created.time } : {}),
    ...(w.updated?.time ? { updated: w.updated.time } : {}),
    ...(w.cluster?.name ? { cluster: w.cluster.name } : {}),
    ...(w.sourceAddresses ? { sourceAddresses: { ...w.sourceAddresses } } : {}),
    ...(w.sessionPersistence?.persistenceType ? { sessionPersistence: w.sessionPersistence.persistenceType } : {}),
    ...(w.connectionLogging ? { connectionLogging: bool(w.connectionLogging.enabled) } : {}),
    ...(w.contentCaching ? { contentCaching: bool(w.contentCaching.enabled) } : {}),
    metadata: toRecord(w.metadata),
    raw: { ...w },
  };
}

const algorithm = lazy(() => z.enum(ALGORITHMS, { error: `must be one of ${ALGORITHMS.join(", ")}` }));
const protocol = lazy(() => z.enum(PROTOCOLS, { error: `must be one of ${PROTOCOLS.join(", ")}` }));
const port = lazy(() => z.number().check(z.int("must be a whole number"), z.gte(1, "must be 1–65535"), z.lte(65535, "must be 1–65535")));
/** CLB: 1–120 seconds (default 30). */
const timeout = lazy(() => z.number().check(z.int("must be a whole number of seconds"), z.gte(1, "must be 1–120 seconds"), z.lte(120, "must be 1–120 seconds")));
const name = lazy(() => z.string().check(z.minLength(1, "must not be empty"), z.maxLength(128, "must be at most 128 characters")));

/** Each protocol's default port (CLB's GET /loadbalancers/protocols); 0 = none, a port must be given. */
const DEFAULT_PORTS: Partial<Record<Protocol, number>> = {
  DNS_TCP: 53, DNS_UDP: 53, FTP: 21, HTTP: 80, HTTPS: 443, IMAPS: 993, IMAPv2: 143, IMAPv3: 220, IMAPv4: 143, LDAP: 389,
  LDAPS: 636, MYSQL: 3306, POP3: 110, POP3S: 995, SFTP: 22, SMTP: 25,
};

export const createLoadBalancerInput = lazy(() => z.strictObject({
  name: name(),
  /** Default: the protocol's port (the seed: "the default port for the given protocol is selected unless otherwise specified"); required for TCP/UDP ones. */
  port: z.optional(port()),
  protocol: protocol(),
  /** At least one: `{ type: "PUBLIC" }`, `{ type: "SERVICENET" }`, `{ type: "PUBLIC", ipVersion: "IPV6" }` or `{ id }` to share one. */
  virtualIps: z.array(virtualIpInput()).check(z.minLength(1, "must hold at least one virtual IP (pyrax's MissingLoadBalancerParameters)")),
  nodes: z.optional(z.array(newLbNodeInput()).check(z.maxLength(25, "must hold at most 25 nodes (CLB's NODE_LIMIT)"))),
  /** Default RANDOM (pyrax's default). */
  algorithm: z.optional(algorithm()),
  timeout: z.optional(timeout()),
  halfClosed: z.optional(z.boolean()),
  httpsRedirect: z.optional(z.boolean()),
  metadata: z.optional(metadataInput()),
  accessList: z.optional(accessListInput()),
  healthMonitor: z.optional(healthMonitorInput()),
  connectionThrottle: z.optional(connectionThrottleInput()),
  sessionPersistence: z.optional(persistenceInput()),
  connectionLogging: z.optional(z.boolean()),
  /** Not part of CLB's create request (its create-load-balancer parameters leave it out; it only shows in the answer). */
  contentCaching: z.optional(z.never({ error: "is not part of CLB's create request: turn it on with clb.contentCaching.set(lb, true) once the load balancer is ACTIVE" })),
}).check(z.superRefine((i, ctx) => {
  if (i.port === undefined && !DEFAULT_PORTS[i.protocol]) ctx.addIssue({ code: "custom", path: ["port"], message: `is required for ${i.protocol} (it has no default port)` });
  if (i.halfClosed && !HALF_CLOSED_PROTOCOLS.includes(i.protocol)) ctx.addIssue({ code: "custom", path: ["halfClosed"], message: HALF_CLOSED_ONLY });
  // CLB's create-load-balancer "Virtual IP types" table: IPV6 + SERVICENET is its one "Failure Message" row.
  i.virtualIps.forEach((v, n) => {
    if ("type" in v && v.type === "SERVICENET" && v.ipVersion === "IPV6")
      ctx.addIssue({ code: "custom", path: ["virtualIps", n, "ipVersion"], message: "IPV6 is for PUBLIC virtual IPs only (CLB: SERVICENET addresses are IPv4)" });
  });
  // SSL termination comes only after the create, so here a redirect needs an HTTPS load balancer on 443.
  if (i.httpsRedirect && !(i.protocol === "HTTPS" && (i.port ?? 443) === 443))
    ctx.addIssue({ code: "custom", path: ["httpsRedirect"], message: "needs protocol HTTPS on port 443 at create (CLB's create-load-balancer); an HTTP one can redirect once its SSL termination is secure-only on 443: update it then" });
})));

// CLB's create-load-balancer table: halfClosed is "Only available for TCP/TCP_CLIENT_FIRST protocols".
export const HALF_CLOSED_PROTOCOLS: readonly string[] = ["TCP", "TCP_CLIENT_FIRST"];
export const HALF_CLOSED_ONLY = "is available for TCP and TCP_CLIENT_FIRST load balancers only (CLB's create-load-balancer)";
export type CreateLoadBalancerInput = z.input<ReturnType<typeof createLoadBalancerInput>>;

/** The create body: only what was given, in CLB's names (pyrax sent every key, unset as null); only the fields CLB's create-load-balancer documents. */
export function createBody(i: z.output<ReturnType<typeof createLoadBalancerInput>>): Record<string, unknown> {
  return {
    loadBalancer: {
      name: i.name,
      port: i.port ?? DEFAULT_PORTS[i.protocol],
      protocol: i.protocol,
      virtualIps: i.virtualIps.map((v) => ("id" in v ? { id: v.id } : { type: v.type, ...(v.ipVersion ? { ipVersion: v.ipVersion } : {}) })),
      ...(i.nodes ? { nodes: i.nodes.map(nodeWire) } : {}),
      algorithm: i.algorithm ?? "RANDOM",
      ...(i.timeout !== undefined ? { timeout: i.timeout } : {}),
      ...(i.halfClosed !== undefined ? { halfClosed: i.halfClosed } : {}),
      ...(i.httpsRedirect !== undefined ? { httpsRedirect: i.httpsRedirect } : {}),
      ...(i.metadata ? { metadata: toWireList(i.metadata) } : {}),
      ...(i.accessList ? { accessList: i.accessList } : {}),
      ...(i.healthMonitor ? { healthMonitor: i.healthMonitor } : {}),
      ...(i.connectionThrottle ? { connectionThrottle: i.connectionThrottle } : {}),
      ...(i.sessionPersistence ? { sessionPersistence: { persistenceType: i.sessionPersistence } } : {}),
      ...(i.connectionLogging !== undefined ? { connectionLogging: { enabled: i.connectionLogging } } : {}),
    },
  };
}

/** What `update` may change (the seed's list, plus httpsRedirect); halfClosed on together with a protocol change must suit that protocol. */
export const updateLoadBalancerInput = lazy(() => z
  .strictObject({ name: z.optional(name()), algorithm: z.optional(algorithm()), protocol: z.optional(protocol()), port: z.optional(port()), timeout: z.optional(timeout()), halfClosed: z.optional(z.boolean()), httpsRedirect: z.optional(z.boolean()) }).check(
    z.refine((u) => Object.values(u).some((v) => v !== undefined), "must change at least one of name, algorithm, protocol, port, timeout, halfClosed, httpsRedirect"),
    z.superRefine((u, ctx) => {
      if (u.halfClosed && u.protocol !== undefined && !HALF_CLOSED_PROTOCOLS.includes(u.protocol)) ctx.addIssue({ code: "custom", path: ["halfClosed"], message: HALF_CLOSED_ONLY });
    }),
  ));
export type UpdateLoadBalancerInput = z.input<ReturnType<typeof updateLoadBalancerInput>>;

export const listLoadBalancersInput = lazy(() => z.optional(z
  .strictObject({
    /** Stop after this many in all. */
    limit: z.optional(z.int().check(z.positive())),
    /** Start after this load balancer id. */
    marker: z.optional(z.pipe(z.union([z.int(), z.string().check(z.regex(/^\d+$/))]), z.transform(String))),
    /** Load balancers per request, ≤ 100 (CLB's maximum; the default). */
    pageSize: z.optional(z.int().check(z.positive(), z.lte(100, "must be at most 100 (CLB's page limit)"))),
    /** Only load balancers with a node at this address (CLB's `nodeaddress`). */
    nodeAddress: z.optional(z.string().check(z.minLength(1))),
  })));
export type ListLoadBalancersInput = z.input<ReturnType<typeof listLoadBalancersInput>>;

export const algorithmsBody = lazy(() => z.looseObject({ algorithms: z.array(z.looseObject({ name: z.string() })) }));
export const protocolsBody = lazy(() => z.looseObject({ protocols: z.array(z.looseObject({ name: z.string(), port: z.optional(z.number()) })) }));
export const allowedDomainsBody = lazy(() => z.looseObject({ allowedDomains: z.array(z.looseObject({ allowedDomain: z.looseObject({ name: z.string() }) })) }));
export const absoluteLimitsBody = lazy(() => z.looseObject({ absolute: z.array(z.looseObject({ name: z.string(), value: z.number() })) }));
export const statsBody = lazy(() => z.record(z.string(), z.unknown()));

const wireRateLimit = lazy(() => z.looseObject({
  verb: z.string(),
  value: z.number(),
  remaining: z.optional(z.number()),
  unit: z.string(),
  "next-available": z.optional(z.string()),
}));
export const rateLimitsBody = lazy(() => z.looseObject({
  limits: z.looseObject({ rate: z.nullish(z.array(z.looseObject({ uri: z.optional(z.string()), regex: z.optional(z.string()), limit: z.nullish(z.array(wireRateLimit())) }))) }),
}));

/** One of CLB's request-rate limits (GET /limits; pyrax `clb.get_limits()`): e.g. POST 300 per MINUTE on `/v1.0/*`. */
export interface RateLimitData {
  /** The URI pattern the limits apply to (`/v1.0/*`) and its regular expression. */
  uri: string;
  regex: string;
  limits: Array<{ verb: string; value: number; remaining?: number; unit: string; nextAvailable?: Date }>;
}

export function toRateLimits(b: z.output<ReturnType<typeof rateLimitsBody>>): RateLimitData[] {
  return (b.limits.rate ?? []).map((r) => ({
    uri: r.uri ?? "",
    regex: r.regex ?? "",
    limits: (r.limit ?? []).map((l) => {
      const at = l["next-available"] ? new Date(l["next-available"]) : undefined;
      return { verb: l.verb, value: l.value, ...(l.remaining !== undefined ? { remaining: l.remaining } : {}), unit: l.unit, ...(at && !Number.isNaN(at.getTime()) ? { nextAvailable: at } : {}) };
    }),
  }));
}

/**
 * Connection counters from GET /stats (pyrax `get_stats`), as CLB's show-load-balancer-statistics lists them, each
 * with an `…Ssl` twin for the secure side; any other numeric counter the service adds comes through too.
 */
export interface StatsData {
  connectTimeOut?: number;
  connectError?: number;
  connectFailure?: number;
  dataTimedOut?: number;
  keepAliveTimedOut?: number;
  maxConn?: number;
  currentConn?: number;
  connectTimeOutSsl?: number;
  connectErrorSsl?: number;
  connectFailureSsl?: number;
  dataTimedOutSsl?: number;
  keepAliveTimedOutSsl?: number;
  maxConnSsl?: number;
  currentConnSsl?: number;
  [counter: string]: number | undefined;
}
