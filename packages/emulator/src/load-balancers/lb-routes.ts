import { emptyResponse, jsonResponse } from "../respond";
import { badRequest, immutable, invalid, overLimit, schemaMismatch } from "./clb-errors";
import { type ClbRequest, entity, flag, isObject, jsonBody, queryIds } from "./clb-request";
import { checkAccessItems, checkAlgorithm, checkHealthMonitor, checkMetadata, checkName, checkNode, checkPersistence, checkPort, checkProtocol, checkProtocolFlags, checkThrottle, checkTimeout } from "./inputs";
import { ABSOLUTE_LIMITS, type LbRecord, PROTOCOLS, type VipRecord } from "./model";
import { iso, lbRow, lbView } from "./views";

/** GET /loadbalancers: `limit` ≤ 100 (default 100), `marker` = the last id seen, `nodeaddress` filter (load-balancers.md "Pagination"). */
export function listLbs(r: ClbRequest): Response {
  const q = r.url.searchParams;
  const limit = q.has("limit") ? Number(q.get("limit")) : 100;
  if (!Number.isInteger(limit) || limit < 1 || limit > 100) throw badRequest("limit must be an integer between 1 and 100");
  const marker = q.get("marker");
  const address = q.get("nodeaddress");
  let rows = r.clb.tenantLbs(r.tenant);
  if (address) rows = rows.filter((lb) => lb.nodes.some((n) => n.address === address));
  if (marker !== null) rows = rows.filter((lb) => lb.id > Number(marker));
  const page = rows.slice(0, limit);
  const links = rows.length > limit ? [{ rel: "next", href: `${r.url.origin}${r.url.pathname}?limit=${limit}&marker=${page[page.length - 1]!.id}` }] : [];
  return jsonResponse(200, { loadBalancers: page.map(lbRow), links });
}

const CREATE_FIELDS = new Set(["name", "nodes", "protocol", "halfClosed", "virtualIps", "accessList", "algorithm", "connectionLogging", "connectionThrottle", "healthMonitor", "metadata", "port", "timeout", "sessionPersistence", "httpsRedirect"]);

/** POST /loadbalancers → 202, status BUILD (load-balancers.md "create" row and create body). */
export async function createLb(r: ClbRequest): Promise<Response> {
  const e = entity(await jsonBody(r), "loadBalancer");
  // Only the fields CLB's create-load-balancer documents (contentCaching shows in the answer, it is no create
  // parameter): anything else is CLB's schema error. pyrax's nulls for unset fields are "not given".
  for (const [k, v] of Object.entries(e)) if (!CREATE_FIELDS.has(k) && v !== null) throw schemaMismatch();
  const clb = r.clb;
  if (clb.tenantLbs(r.tenant).length >= ABSOLUTE_LIMITS.LOADBALANCER_LIMIT) throw overLimit(`Load balancer limit of ${ABSOLUTE_LIMITS.LOADBALANCER_LIMIT} reached`);
  const name = checkName(e.name);
  const protocol = checkProtocol(e.protocol);
  // CLB's docs: port is optional, the protocol's default (GET /loadbalancers/protocols) when absent; TCP/UDP ones have none.
  const fallback = PROTOCOLS.find((p) => p.name === protocol)?.port ?? 0;
  if ((e.port === undefined || e.port === null) && !fallback) throw invalid(`Must provide a port for protocol ${protocol}`);
  const port = e.port === undefined || e.port === null ? fallback : checkPort(e.port);
  // pyrax sends every key with null for unset (load-balancers.md create body): null means "not given".
  const given = (k: string) => e[k] !== undefined && e[k] !== null;
  const algorithm = given("algorithm") ? checkAlgorithm(e.algorithm) : "RANDOM";
  if (!Array.isArray(e.virtualIps) || e.virtualIps.length === 0) throw invalid("Must provide at least one virtual IP");
  const vips: VipRecord[] = e.virtualIps.flatMap((v): VipRecord[] => {
    if (!isObject(v)) throw invalid("virtualIps items must be objects");
    if (v.id !== undefined && v.id !== null) {
      // Shared VIP: another load balancer's, by id (load-balancers.md "VIP dict").
      const shared = clb.tenantLbs(r.tenant).flatMap((lb) => lb.vips).find((x) => x.id === Number(v.id));
      if (!shared) throw invalid(`Virtual IP ${String(v.id)} does not exist or is not yours`);
      return [shared];
    }
    if (v.type !== "PUBLIC" && v.type !== "SERVICENET") throw invalid("virtualIp type must be PUBLIC or SERVICENET");
    // CLB's create-load-balancer "Virtual IP types" table: PUBLIC with no version → IPV4 & IPV6 (two
    // VIPs, IPv4 first as in its response example); SERVICENET with none → IPV4.
    if (v.type === "PUBLIC" && (v.ipVersion === undefined || v.ipVersion === null))
      return ["IPV4", "IPV6"].map((ipVersion) => ({ id: clb.nextId("vip"), address: clb.address("PUBLIC", ipVersion), type: "PUBLIC", ipVersion }));
    const ipVersion = v.ipVersion ?? "IPV4";
    if (ipVersion !== "IPV4" && ipVersion !== "IPV6") throw invalid("virtualIp ipVersion must be IPV4 or IPV6");
    // The same table: IPV6 + SERVICENET is a failure (wording inferred).
    if (v.type === "SERVICENET" && ipVersion === "IPV6") throw invalid("IPv6 virtual IPs are available on PUBLIC only; SERVICENET virtual IPs are IPv4");
    return [{ id: clb.nextId("vip"), address: clb.address(v.type, ipVersion), type: v.type, ipVersion }];
  });
  const nodes = given("nodes") ? (Array.isArray(e.nodes) ? e.nodes : []).map((n) => checkNode(clb, n, true)) : [];
  if (nodes.length > ABSOLUTE_LIMITS.NODE_LIMIT) throw invalid(`Nodes are limited to ${ABSOLUTE_LIMITS.NODE_LIMIT}`);
  const now = clb.now;
  const lb: LbRecord = {
    id: clb.nextId("lb"),
    tenantId: r.tenant,
    name,
    protocol,
    port,
    algorithm,
    status: "BUILD",
    timeout: given("timeout") ? checkTimeout(e.timeout) : 30,
    halfClosed: given("halfClosed") ? flag(e.halfClosed, "halfClosed") : false,
    httpsRedirect: given("httpsRedirect") ? flag(e.httpsRedirect, "httpsRedirect") : false,
    created: now,
    updated: now,
    nodes,
    vips,
    accessList: given("accessList") ? checkAccessItems(clb, e.accessList) : [],
    ...(given("healthMonitor") ? { healthMonitor: checkHealthMonitor(e.healthMonitor, protocol) } : {}),
    ...(given("connectionThrottle") ? { connectionThrottle: checkThrottle(e.connectionThrottle) } : {}),
    ...(given("sessionPersistence") ? { sessionPersistence: checkPersistence(e.sessionPersistence, protocol) } : {}),
    connectionLogging: given("connectionLogging") ? flag(isObject(e.connectionLogging) ? e.connectionLogging.enabled : e.connectionLogging, "connectionLogging.enabled") : false,
    contentCaching: false,
    metadata: [],
    pending: { to: "ACTIVE", at: now + clb.clb.timings.build },
  };
  checkProtocolFlags(lb, lb);
  if (given("metadata")) lb.metadata = checkMetadata(clb, e.metadata, [], ABSOLUTE_LIMITS.LOADBALANCER_META_LIMIT);
  clb.lbs.set(lb.id, lb);
  return jsonResponse(202, { loadBalancer: lbView(lb, regionOf(r)) });
}

const regionOf = (r: ClbRequest) => r.clb.regionName;

export function showLb(r: ClbRequest, id: number): Response {
  return jsonResponse(200, { loadBalancer: lbView(r.clb.require(r.tenant, id), regionOf(r)) });
}

/** PUT /loadbalancers/{id} → 202: name, algorithm, protocol, port, timeout, halfClosed, httpsRedirect (load-balancers.md "update" row). */
export async function updateLb(r: ClbRequest, id: number): Promise<Response> {
  const lb = r.clb.mutable(r.tenant, id);
  const e = entity(await jsonBody(r), "loadBalancer");
  const next: Partial<LbRecord> = {};
  for (const [k, v] of Object.entries(e)) {
    if (v === null || v === undefined) continue;
    if (k === "name") next.name = checkName(v);
    else if (k === "algorithm") next.algorithm = checkAlgorithm(v);
    else if (k === "protocol") next.protocol = checkProtocol(v);
    else if (k === "port") next.port = checkPort(v);
    else if (k === "timeout") next.timeout = checkTimeout(v);
    else if (k === "halfClosed") next.halfClosed = flag(v, "halfClosed");
    else if (k === "httpsRedirect") next.httpsRedirect = flag(v, "httpsRedirect");
    else throw invalid(`Attribute '${k}' cannot be updated here`);
  }
  if (!Object.keys(next).length) throw invalid("Must provide at least one attribute to update");
  checkProtocolFlags({ ...lb, ...next }, next);
  Object.assign(lb, next);
  r.clb.changed(lb);
  return emptyResponse(202);
}

/** DELETE /loadbalancers/{id} → 202: PENDING_DELETE, then 404 (errors-and-conventions.md §7: "deleted LB → 404"). */
export function deleteLb(r: ClbRequest, id: number): Response {
  const lb = r.clb.mutable(r.tenant, id);
  markDeleted(r, lb);
  return emptyResponse(202);
}

function markDeleted(r: ClbRequest, lb: LbRecord): void {
  lb.status = "PENDING_DELETE";
  lb.pending = undefined;
  lb.goneAt = r.clb.now + r.clb.clb.timings.delete;
}

/** DELETE /loadbalancers?id=1&id=2 → 202 (load-balancers.md "bulk delete", ≤ 10); every one must exist and be ACTIVE. */
export function bulkDeleteLbs(r: ClbRequest): Response {
  const ids = queryIds(r);
  if (!ids.length) throw invalid("Must supply one or more id's to process this request.");
  const lbs = ids.map((id) => r.clb.require(r.tenant, id));
  const busy = lbs.find((lb) => lb.status !== "ACTIVE");
  if (busy) throw immutable(busy.id, busy.status);
  for (const lb of lbs) markDeleted(r, lb);
  return emptyResponse(202);
}

/** GET /loadbalancers/{id}/stats (load-balancers.md "get_stats"): no traffic in the emulator, so zeros. */
export function stats(r: ClbRequest, id: number): Response {
  r.clb.require(r.tenant, id);
  const keys = ["connectTimeOut", "connectError", "connectFailure", "dataTimedOut", "keepAliveTimedOut", "maxConn", "currentConn"];
  return jsonResponse(200, Object.fromEntries(keys.flatMap((k) => [[k, 0], [`${k}Ssl`, 0]])));
}

const HOUR = 3_600_000;
// Responses carry UTC times with a Z (CLB's docs, usage examples: "2019-12-05T18:55:56Z").
const wireTime = iso;

/** `startTime`/`endTime` as CLB takes them: `YYYY-MM-DDTHH:MM:SS` (errors-and-conventions.md §10). Default: the last 24 h. */
function range(r: ClbRequest): [number, number] {
  const parse = (k: string) => {
    const v = r.url.searchParams.get(k);
    if (v === null) return undefined;
    const ms = Date.parse(`${v}Z`);
    if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}$/.test(v) || Number.isNaN(ms)) throw badRequest(`${k} must be YYYY-MM-DDTHH:MM:SS`);
    return ms;
  };
  // CLB's docs (show-historical-usage): start only → from start on; end only → everything up to end. Neither:
  // the last 24 hours (pyrax's default, load-balancers.md get_usage row).
  const now = r.clb.now;
  const start = parse("startTime");
  const end = parse("endTime");
  // Usage is recorded for hours that have begun: an end in the future reads as "to the present" (it made a
  // record for every hour up to it, 35 000 for an end in 2030).
  return [start ?? (end !== undefined ? 0 : now - 24 * HOUR), Math.min(end ?? now, now)];
}

/** One record per hour the load balancer existed within [from, to] (load-balancers.md "get_usage" record fields). */
function usageRecords(r: ClbRequest, lb: LbRecord, from: number, to: number) {
  const out: Array<Record<string, unknown>> = [];
  const first = Math.floor(Math.max(lb.created, from) / HOUR) * HOUR;
  for (let h = first; h <= to; h += HOUR) {
    // The first record starts when the load balancer was made (CREATE_LOADBALANCER), the others on the hour.
    const begins = Math.max(lb.created, h);
    out.push({
      id: lb.id * 100_000 + Math.floor(h / HOUR) % 100_000,
      averageNumConnections: 0,
      incomingTransfer: 0,
      outgoingTransfer: 0,
      averageNumConnectionsSsl: 0,
      incomingTransferSsl: 0,
      outgoingTransferSsl: 0,
      numVips: lb.vips.length,
      numPolls: Math.max(1, Math.min(12, Math.floor((Math.min(r.clb.now, h + HOUR) - Math.max(lb.created, h)) / 300_000))),
      startTime: wireTime(begins),
      endTime: wireTime(h + HOUR),
      vipType: lb.vips[0]?.type ?? "PUBLIC",
      sslMode: lb.ssl?.enabled ? (lb.ssl.secureTrafficOnly ? "ON" : "MIXED") : "OFF",
      ...(begins === lb.created ? { eventType: "CREATE_LOADBALANCER" } : {}),
    });
  }
  return out;
}

export function lbUsage(r: ClbRequest, id: number, current: boolean): Response {
  const lb = r.clb.require(r.tenant, id);
  const [from, to] = current ? [Math.floor(r.clb.now / HOUR) * HOUR, r.clb.now] : range(r);
  return jsonResponse(200, { links: [], loadBalancerUsageRecords: usageRecords(r, lb, from, to) });
}

/** GET /loadbalancers/usage: the account's hourly records plus each load balancer's (load-balancers.md "account" usage). */
export function accountUsage(r: ClbRequest): Response {
  const [from, to] = range(r);
  const lbs = r.clb.tenantLbs(r.tenant);
  const hours: Array<Record<string, unknown>> = [];
  // No hour before the first load balancer has any (an end-only range starts at 1970).
  const since = Math.max(from, Math.min(...lbs.map((lb) => lb.created), to));
  for (let h = Math.floor(since / HOUR) * HOUR; h <= to; h += HOUR) {
    const live = lbs.filter((lb) => lb.created < h + HOUR);
    if (!live.length) continue;
    const vips = live.flatMap((lb) => lb.vips);
    hours.push({ numLoadBalancers: live.length, numPublicVips: vips.filter((v) => v.type === "PUBLIC").length, numServicenetVips: vips.filter((v) => v.type === "SERVICENET").length, startTime: wireTime(h) });
  }
  return jsonResponse(200, {
    accountUsage: { links: [], accountUsageRecords: hours },
    loadBalancerUsages: lbs.map((lb) => ({ loadBalancerUsageRecords: usageRecords(r, lb, from, to), links: [], loadBalancerId: lb.id, loadBalancerName: lb.name })),
    accountId: Number(r.tenant) || r.tenant,
  });
}
