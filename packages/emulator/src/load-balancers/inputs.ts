import { invalid, schemaMismatch } from "./clb-errors";
import { flag, isIp, isIpOrCidr, isObject, isPort } from "./clb-request";
import { ALGORITHMS, ALLOWED_DOMAINS, PROTOCOLS, type AccessItem, type LbRecord, type MetaItem, type NodeRecord, type RegionClb } from "./model";

// The emulator's own reading of what CLB accepts (load-balancers.md and the seed), independent of the SDK.

export const CONDITIONS = ["ENABLED", "DISABLED", "DRAINING"];
const NODE_TYPES = ["PRIMARY", "SECONDARY"];

export function checkName(v: unknown): string {
  if (typeof v !== "string" || v.length < 1 || v.length > 128) throw invalid("Load balancer name must be 1-128 characters");
  return v;
}
export function checkProtocol(v: unknown): string {
  if (typeof v !== "string" || !PROTOCOLS.some((p) => p.name === v)) throw invalid(`Protocol '${String(v)}' is not supported`);
  return v;
}
export function checkAlgorithm(v: unknown): string {
  if (typeof v !== "string" || !ALGORITHMS.includes(v)) throw invalid(`Algorithm '${String(v)}' is not supported`);
  return v;
}
export function checkPort(v: unknown, what = "Port"): number {
  if (!isPort(v)) throw invalid(`${what} must be an integer between 1 and 65535`);
  return v;
}
export function checkTimeout(v: unknown): number {
  if (!Number.isInteger(v) || (v as number) < 1 || (v as number) > 120) throw invalid("Timeout must be an integer between 1 and 120");
  return v as number;
}

/** A DNS name in one of the allowed domains (CLB's add-node docs: "Domain names are also accepted with certain restrictions"). */
function inAllowedDomain(v: unknown): v is string {
  if (typeof v !== "string" || !/^(?=.{1,253}$)(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/i.test(v)) return false;
  const name = v.toLowerCase();
  return ALLOWED_DOMAINS.some((d) => name === d || name.endsWith(`.${d}`));
}

/** A node to create: address (an IP, or a name in an allowed domain), port, condition (on a new LB: ENABLED/DISABLED — the seed), type, weight 1–100. */
export function checkNode(clb: RegionClb, v: unknown, newLb: boolean): NodeRecord {
  if (!isObject(v)) throw invalid("Node must be an object");
  for (const k of Object.keys(v)) if (!["address", "port", "condition", "type", "weight", "id"].includes(k)) throw schemaMismatch();
  if (!isIp(v.address) && !inAllowedDomain(v.address)) throw invalid(`Node address '${String(v.address)}' must be a valid IPv4 or IPv6 address, or a domain name within the allowed domains (${ALLOWED_DOMAINS.join(", ")})`);
  const port = checkPort(v.port, "Node port");
  const condition = v.condition ?? "ENABLED";
  const allowed = newLb ? ["ENABLED", "DISABLED"] : CONDITIONS;
  if (typeof condition !== "string" || !allowed.includes(condition)) throw invalid(`Node condition must be one of ${allowed.join(", ")}`);
  const type = v.type ?? "PRIMARY";
  if (typeof type !== "string" || !NODE_TYPES.includes(type)) throw invalid("Node type must be PRIMARY or SECONDARY");
  const weight = v.weight ?? 1;
  if (!Number.isInteger(weight) || (weight as number) < 1 || (weight as number) > 100) throw invalid("Node weight must be an integer between 1 and 100");
  return { id: clb.nextId("node"), address: v.address, port, condition, type, weight: weight as number, metadata: [] };
}

/** Access-list items: address (IP or CIDR) and type ALLOW/DENY. */
export function checkAccessItems(clb: RegionClb, v: unknown): AccessItem[] {
  if (!Array.isArray(v) || v.length === 0) throw invalid("accessList must hold at least one networkItem");
  return v.map((i) => {
    if (!isObject(i) || !isIpOrCidr(i.address)) throw invalid(`networkItem address '${isObject(i) ? String(i.address) : ""}' must be an IP address or CIDR`);
    if (i.type !== "ALLOW" && i.type !== "DENY") throw invalid("networkItem type must be ALLOW or DENY");
    return { id: clb.nextId("access"), address: i.address, type: i.type };
  });
}

/**
 * Health monitor: the seed's ranges; HTTP(S) must match the LB protocol (seed) and needs path and statusRegex —
 * bodyRegex and hostHeader are optional (CLB's update-health-monitor table: bodyRegex "Required: No").
 */
export function checkHealthMonitor(v: unknown, protocol: string): Record<string, unknown> {
  if (!isObject(v)) throw invalid("healthMonitor must be an object");
  const type = v.type;
  if (type !== "CONNECT" && type !== "HTTP" && type !== "HTTPS") throw invalid("healthMonitor type must be CONNECT, HTTP or HTTPS");
  const range = (k: string, min: number, max: number) => {
    const x = v[k];
    if (!Number.isInteger(x) || (x as number) < min || (x as number) > max) throw invalid(`${k} must be an integer between ${min} and ${max}`);
    return x as number;
  };
  const out: Record<string, unknown> = { type, delay: range("delay", 1, 3600), timeout: range("timeout", 1, 300), attemptsBeforeDeactivation: range("attemptsBeforeDeactivation", 1, 10) };
  if (type === "CONNECT") return out;
  if (type !== protocol) throw invalid(`healthMonitor type ${type} does not match the load balancer protocol ${protocol}`);
  for (const k of ["path", "statusRegex"]) {
    if (typeof v[k] !== "string" || (v[k] as string).length === 0) throw invalid(`${k} is required for an ${type} health monitor`);
    out[k] = v[k];
  }
  if (!(out.path as string).startsWith("/")) throw invalid("path must start with /");
  if (v.bodyRegex !== undefined && v.bodyRegex !== null) {
    if (typeof v.bodyRegex !== "string") throw invalid("bodyRegex must be a string");
    out.bodyRegex = v.bodyRegex;
  }
  if (v.hostHeader !== undefined) out.hostHeader = v.hostHeader;
  return out;
}

/**
 * CLB's create-load-balancer table: halfClosed is "Only available for TCP/TCP_CLIENT_FIRST protocols"; httpsRedirect
 * only for HTTPS on port 443, or HTTP whose SSL termination is secure-only on 443. Checked on what a create or an
 * update turns on (an update that only changes the protocol leaves earlier flags alone — CLB's docs say nothing of it).
 */
export function checkProtocolFlags(lb: Pick<LbRecord, "protocol" | "port" | "ssl">, turnedOn: { halfClosed?: boolean; httpsRedirect?: boolean }): void {
  if (turnedOn.halfClosed && lb.protocol !== "TCP" && lb.protocol !== "TCP_CLIENT_FIRST") throw invalid("Half-Closed support is only available for TCP and TCP_CLIENT_FIRST protocols");
  const sslRedirect = lb.protocol === "HTTP" && lb.ssl?.secureTrafficOnly === true && lb.ssl.securePort === 443;
  if (turnedOn.httpsRedirect && !(lb.protocol === "HTTPS" && lb.port === 443) && !sslRedirect) throw invalid("HTTPS redirect is only available for HTTPS load balancers on port 443, or HTTP ones with secure-only SSL termination on port 443");
}

export function checkThrottle(v: unknown): Record<string, unknown> {
  if (!isObject(v)) throw invalid("connectionThrottle must be an object");
  const out: Record<string, unknown> = {};
  const limits: Record<string, [number, number]> = { maxConnections: [0, 100_000], minConnections: [0, 1000], maxConnectionRate: [0, 100_000], rateInterval: [1, 3600] };
  for (const [k, x] of Object.entries(v)) {
    const r = limits[k];
    if (!r) throw invalid(`Unknown connectionThrottle attribute '${k}'`);
    if (!Number.isInteger(x) || (x as number) < r[0] || (x as number) > r[1]) throw invalid(`${k} must be an integer between ${r[0]} and ${r[1]}`);
    out[k] = x;
  }
  if (!Object.keys(out).length) throw invalid("connectionThrottle must set at least one attribute");
  return out;
}

/** HTTP_COOKIE works on HTTP load balancers only (the seed's table). */
export function checkPersistence(v: unknown, protocol: string): string {
  if (!isObject(v) || (v.persistenceType !== "HTTP_COOKIE" && v.persistenceType !== "SOURCE_IP")) throw invalid("persistenceType must be HTTP_COOKIE or SOURCE_IP");
  if (v.persistenceType === "HTTP_COOKIE" && protocol !== "HTTP") throw invalid("HTTP_COOKIE session persistence is supported for HTTP load balancers only");
  return v.persistenceType;
}

/** Metadata items `[{key, value}]`: keys and values 1–256 characters (the seed), keys unique, at most `limit` in all. */
export function checkMetadata(clb: RegionClb, v: unknown, have: MetaItem[], limit: number): MetaItem[] {
  if (!Array.isArray(v) || v.length === 0) throw invalid("metadata must hold at least one item");
  const keys = new Set(have.map((m) => m.key));
  const out = v.map((m) => {
    if (!isObject(m) || typeof m.key !== "string" || typeof m.value !== "string") throw invalid("metadata items need a string key and value");
    if (m.key.length < 1 || m.key.length > 256 || m.value.length < 1 || m.value.length > 256) throw invalid("metadata keys and values must be 1-256 characters");
    if (keys.has(m.key)) throw invalid(`Duplicate metadata key '${m.key}'`);
    keys.add(m.key);
    return { id: clb.nextId("meta"), key: m.key, value: m.value };
  });
  if (have.length + out.length > limit) throw invalid(`Metadata is limited to ${limit} items`);
  return out;
}

export { flag };
