import { lazy } from "@rax/core";
import * as z from "zod";
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

const time = lazy(() => z.looseObject({ time: z.string().optional() }).nullish());
const flag = lazy(() => z.union([z.boolean(), z.string()]).nullish());
const enabled = lazy(() => z.looseObject({ enabled: flag() }).nullish());

export const wireLoadBalancer = lazy(() => z.looseObject({
  id: z.union([z.number(), z.string()]),
  name: z.string().optional(),
  protocol: z.string().optional(),
  port: z.number().optional(),
  algorithm: z.string().optional(),
  status: z.string().optional(),
  timeout: z.number().nullish(),
  nodeCount: z.number().optional(),
  halfClosed: flag(),
  httpsRedirect: flag(),
  virtualIps: z.array(wireVirtualIp()).nullish(),
  nodes: z.array(wireNode()).nullish(),
  created: time(),
  updated: time(),
  cluster: z.looseObject({ name: z.string().optional() }).nullish(),
  sourceAddresses: z.record(z.string(), z.string()).nullish(),
  sessionPersistence: z.looseObject({ persistenceType: z.string().nullish() }).nullish(),
  connectionLogging: enabled(),
  contentCaching: enabled(),
  metadata: z.array(wireMetaItem()).nullish(),
}));
export type WireLoadBalancer = z.output<ReturnType<typeof wireLoadBalancer>>;
export const loadBalancerBody = lazy(() => z.looseObject({ loadBalancer: wireLoadBalancer() }));
export const loadBalancersBody = lazy(() => z.looseObject({
  loadBalancers: z.array(wireLoadBalancer()),
  links: z.array(z.looseObject({ rel: z.string().optional(), href: z.string().optional() })).nullish(),
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
const port = lazy(() => z.number().int("must be a whole number").min(1, "must be 1–65535").max(65535, "must be 1–65535"));
/** CLB: 1–120 seconds (default 30). */
const timeout = lazy(() => z.number().int("must be a whole number of seconds").min(1, "must be 1–120 seconds").max(120, "must be 1–120 seconds"));
const name = lazy(() => z.string().min(1, "must not be empty").max(128, "must be at most 128 characters"));

/** Each protocol's default port (CLB's GET /loadbalancers/protocols); 0 = none, a port must be given. */
const DEFAULT_PORTS: Partial<Record<Protocol, number>> = {
  DNS_TCP: 53, DNS_UDP: 53, FTP: 21, HTTP: 80, HTTPS: 443, IMAPS: 993, IMAPv2: 143, IMAPv3: 220, IMAPv4: 143, LDAP: 389,
  LDAPS: 636, MYSQL: 3306, POP3: 110, POP3S: 995, SFTP: 22, SMTP: 25,
};

export const createLoadBalancerInput = lazy(() => z.strictObject({
  name: name(),
  /** Default: the protocol's port (the seed: "the default port for the given protocol is selected unless otherwise specified"); required for TCP/UDP ones. */
  port: port().optional(),
  protocol: protocol(),
  /** At least one: `{ type: "PUBLIC" }`, `{ type: "SERVICENET" }`, `{ type: "PUBLIC", ipVersion: "IPV6" }` or `{ id }` to share one. */
  virtualIps: z.array(virtualIpInput()).min(1, "must hold at least one virtual IP (pyrax's MissingLoadBalancerParameters)"),
  nodes: z.array(newLbNodeInput()).max(25, "must hold at most 25 nodes (CLB's NODE_LIMIT)").optional(),
  /** Default RANDOM (pyrax's default). */
  algorithm: algorithm().optional(),
  timeout: timeout().optional(),
  halfClosed: z.boolean().optional(),
  httpsRedirect: z.boolean().optional(),
  metadata: metadataInput().optional(),
  accessList: accessListInput().optional(),
  healthMonitor: healthMonitorInput().optional(),
  connectionThrottle: connectionThrottleInput().optional(),
  sessionPersistence: persistenceInput().optional(),
  connectionLogging: z.boolean().optional(),
  contentCaching: z.boolean().optional(),
}).superRefine((i, ctx) => {
  if (i.port === undefined && !DEFAULT_PORTS[i.protocol]) ctx.addIssue({ code: "custom", path: ["port"], message: `is required for ${i.protocol} (it has no default port)` });
}));
export type CreateLoadBalancerInput = z.input<ReturnType<typeof createLoadBalancerInput>>;

/** The create body: only what was given, in CLB's names (pyrax sent every key, unset as null). */
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
      ...(i.contentCaching !== undefined ? { contentCaching: { enabled: i.contentCaching } } : {}),
    },
  };
}

/** What `update` may change (the seed's list, plus httpsRedirect). */
export const updateLoadBalancerInput = lazy(() => z
  .strictObject({ name: name().optional(), algorithm: algorithm().optional(), protocol: protocol().optional(), port: port().optional(), timeout: timeout().optional(), halfClosed: z.boolean().optional(), httpsRedirect: z.boolean().optional() })
  .refine((u) => Object.values(u).some((v) => v !== undefined), "must change at least one of name, algorithm, protocol, port, timeout, halfClosed, httpsRedirect"));
export type UpdateLoadBalancerInput = z.input<ReturnType<typeof updateLoadBalancerInput>>;

export const listLoadBalancersInput = lazy(() => z
  .strictObject({
    /** Stop after this many in all. */
    limit: z.number().int().positive().optional(),
    /** Start after this load balancer id. */
    marker: z.union([z.number().int(), z.string().regex(/^\d+$/)]).transform(String).optional(),
    /** Load balancers per request, ≤ 100 (CLB's maximum; the default). */
    pageSize: z.number().int().positive().max(100, "must be at most 100 (CLB's page limit)").optional(),
    /** Only load balancers with a node at this address (CLB's `nodeaddress`). */
    nodeAddress: z.string().min(1).optional(),
  })
  .optional());
export type ListLoadBalancersInput = z.input<ReturnType<typeof listLoadBalancersInput>>;

export const algorithmsBody = lazy(() => z.looseObject({ algorithms: z.array(z.looseObject({ name: z.string() })) }));
export const protocolsBody = lazy(() => z.looseObject({ protocols: z.array(z.looseObject({ name: z.string(), port: z.number().optional() })) }));
export const allowedDomainsBody = lazy(() => z.looseObject({ allowedDomains: z.array(z.looseObject({ allowedDomain: z.looseObject({ name: z.string() }) })) }));
export const absoluteLimitsBody = lazy(() => z.looseObject({ absolute: z.array(z.looseObject({ name: z.string(), value: z.number() })) }));
export const statsBody = lazy(() => z.record(z.string(), z.unknown()));

/** Connection counters from GET /stats (pyrax `get_stats`): connectTimeOut, connectError, maxConn, currentConn, … and the *Ssl twins. */
export type StatsData = Record<string, number>;
