import type { LbRecord, NodeRecord, VipRecord } from "./model";

// Response shapes: load-balancers.md "Load balancers" (list row, get row) and "Sub-resources".

const iso = (ms: number) => new Date(ms).toISOString().replace(/\.\d{3}Z$/, "Z");

export const nodeView = (n: NodeRecord) => ({ id: n.id, address: n.address, port: n.port, condition: n.condition, status: n.condition === "DISABLED" ? "OFFLINE" : "ONLINE", type: n.type, weight: n.weight });
export const vipView = (v: VipRecord) => ({ id: v.id, address: v.address, type: v.type, ipVersion: v.ipVersion });

/** The list row (no nodes or settings, `nodeCount` instead). */
export function lbRow(lb: LbRecord) {
  return {
    name: lb.name,
    id: lb.id,
    protocol: lb.protocol,
    port: lb.port,
    algorithm: lb.algorithm,
    status: lb.status,
    nodeCount: lb.nodes.length,
    timeout: lb.timeout,
    virtualIps: lb.vips.map(vipView),
    created: { time: iso(lb.created) },
    updated: { time: iso(lb.updated) },
  };
}

/** GET /loadbalancers/{id}: the row plus nodes and every setting. */
export function lbView(lb: LbRecord, region: string) {
  const { nodeCount: _n, ...row } = lbRow(lb);
  return {
    ...row,
    halfClosed: lb.halfClosed,
    httpsRedirect: lb.httpsRedirect,
    nodes: lb.nodes.map(nodeView),
    cluster: { name: `ztm-n01.${region.toLowerCase()}1.lbaas.rackspace.net` },
    sourceAddresses: { ipv4Public: "10.0.0.10", ipv4Servicenet: "10.183.0.10", ipv6Public: "2001:4800:7901::5/64" },
    sessionPersistence: lb.sessionPersistence ? { persistenceType: lb.sessionPersistence } : undefined,
    connectionLogging: { enabled: lb.connectionLogging },
    contentCaching: { enabled: lb.contentCaching },
    ...(lb.healthMonitor ? { healthMonitor: lb.healthMonitor } : {}),
    ...(lb.connectionThrottle ? { connectionThrottle: lb.connectionThrottle } : {}),
    ...(lb.accessList.length ? { accessList: lb.accessList } : {}),
    metadata: lb.metadata,
  };
}

export { iso };
