import { emptyResponse, jsonResponse } from "../respond";
import { badRequest, ClbFault, invalid, notFound, schemaMismatch } from "./clb-errors";
import { type ClbRequest, entity, flag, jsonBody, queryIds } from "./clb-request";
import { checkAccessItems, checkHealthMonitor, checkMetadata, checkNode, checkPersistence, checkPort, checkThrottle, CONDITIONS } from "./inputs";
import { ABSOLUTE_LIMITS, DEFAULT_ERROR_PAGE, type LbRecord, type MetaItem } from "./model";
import { nodeView, vipView } from "./views";

// Everything under /loadbalancers/{id}/… (load-balancers.md "Sub-resources" table, one row per route).
// A change needs the load balancer ACTIVE (422 otherwise, "Async" row) and leaves it PENDING_UPDATE;
// metadata changes do not touch the status (inferred: metadata is not load-balancer configuration).
// Success statuses, from those rows and, where a row lists two, CLB's own docs (api-reference/methods):
//   nodes POST 202 · PUT 202 · DELETE 202 (one or ?id=)       virtualips POST 202 · DELETE /{id} 200 · ?id= 202
//   accesslist POST 202 · DELETE 202 (all, /{id}, ?id=)        metadata POST 200 · PUT /{id} 200 · DELETE 200
//   healthmonitor PUT 202 · DELETE 202                        connectionthrottle PUT 200 · DELETE 200
//   sessionpersistence PUT 202 · DELETE 202                   connectionlogging PUT 200 · contentcaching PUT 202
//   errorpage PUT 200 · DELETE 200                            ssltermination PUT 200 · DELETE 200 (404 when none)

/** …/nodes[/{nodeId}[/metadata[/{metaId}]]]. */
export async function nodes(r: ClbRequest, id: number, rest: string[]): Promise<Response> {
  const m = r.request.method;
  const [nodeId, sub, metaId, ...extra] = rest;
  if (extra.length) throw notFound("Resource");
  if (nodeId === undefined) {
    if (m === "GET") return jsonResponse(200, { nodes: r.clb.require(r.tenant, id).nodes.map(nodeView) });
    if (m === "POST") {
      const lb = r.clb.mutable(r.tenant, id);
      const list = (await jsonBody(r)).nodes;
      if (!Array.isArray(list) || list.length === 0) throw invalid("Must provide at least one node");
      const added = list.map((n) => checkNode(r.clb, n, false));
      if (lb.nodes.length + added.length > ABSOLUTE_LIMITS.NODE_LIMIT) throw new ClbFault(413, `Nodes must not exceed ${ABSOLUTE_LIMITS.NODE_LIMIT} per load balancer.`);
      for (const n of added)
        if ([...lb.nodes, ...added.filter((x) => x !== n)].some((o) => o.address === n.address && o.port === n.port)) throw invalid("Duplicate nodes detected. One or more nodes already configured on load balancer.");
      lb.nodes.push(...added);
      r.clb.changed(lb);
      return jsonResponse(202, { nodes: added.map(nodeView) });
    }
    if (m === "DELETE") {
      const lb = r.clb.mutable(r.tenant, id);
      const ids = queryIds(r);
      if (!ids.length) throw invalid("Must supply one or more id's to process this request.");
      const missing = ids.filter((x) => !lb.nodes.some((n) => n.id === x));
      if (missing.length) throw invalid(`Node ids ${missing.join(",")} are not a part of your load balancer`);
      lb.nodes = lb.nodes.filter((n) => !ids.includes(n.id));
      r.clb.changed(lb);
      return emptyResponse(202);
    }
    throw methodNotAllowed();
  }
  if (nodeId === "events" && sub === undefined && m === "GET") {
    r.clb.require(r.tenant, id);
    return jsonResponse(200, { nodeServiceEvents: [], links: [] });
  }
  const findNode = (lb: LbRecord) => {
    const n = lb.nodes.find((x) => String(x.id) === nodeId);
    if (!n) throw notFound("Node");
    return n;
  };
  if (sub === "metadata") {
    const lb = r.clb.require(r.tenant, id);
    const node = findNode(lb);
    return metadata(r, node.metadata, (items) => (node.metadata = items), ABSOLUTE_LIMITS.NODE_META_LIMIT, metaId);
  }
  if (sub !== undefined) throw notFound("Resource");
  if (m === "GET") return jsonResponse(200, { node: nodeView(findNode(r.clb.require(r.tenant, id))) });
  if (m === "PUT") {
    const lb = r.clb.mutable(r.tenant, id);
    const node = findNode(lb);
    const e = entity(await jsonBody(r), "node");
    // Address, port and id are fixed, weight is 1–100: one 400 listing every fault, in mimic's words
    // (clb_errors.updating_node_validation_error, "verified 2015-06-16"); unknown fields are a schema error.
    for (const k of Object.keys(e)) if (!["address", "port", "id", "condition", "type", "weight"].includes(k)) throw schemaMismatch();
    const w = e.weight;
    const badWeight = w !== undefined && (!Number.isInteger(w) || (w as number) < 1 || (w as number) > 100);
    const faults = [
      ...(e.address !== undefined ? ["Node ip field cannot be modified."] : []),
      ...(e.port !== undefined ? ["Port field cannot be modified."] : []),
      ...(badWeight ? ["Node weight is invalid. Range is 1-100. Please specify a valid weight."] : []),
      ...(e.id !== undefined ? ["Node id field cannot be modified."] : []),
    ];
    if (faults.length) throw invalid(...faults);
    const next = { ...node };
    if (e.condition !== undefined) {
      if (typeof e.condition !== "string" || !CONDITIONS.includes(e.condition)) throw invalid(`Node condition must be one of ${CONDITIONS.join(", ")}`);
      next.condition = e.condition;
    }
    if (e.type !== undefined) {
      if (e.type !== "PRIMARY" && e.type !== "SECONDARY") throw invalid("Node type must be PRIMARY or SECONDARY");
      next.type = e.type;
    }
    if (w !== undefined) next.weight = w as number;
    Object.assign(node, next);
    r.clb.changed(lb);
    return emptyResponse(202);
  }
  if (m === "DELETE") {
    const lb = r.clb.mutable(r.tenant, id);
    const node = findNode(lb);
    lb.nodes = lb.nodes.filter((n) => n !== node);
    r.clb.changed(lb);
    return emptyResponse(202);
  }
  throw methodNotAllowed();
}

/** …/virtualips[/{vipId}]: list, add (IPv6 only, load-balancers.md add_virtualip row), delete (not the last one). */
export async function virtualIps(r: ClbRequest, id: number, rest: string[]): Promise<Response> {
  const m = r.request.method;
  const [vipId, ...extra] = rest;
  if (extra.length) throw notFound("Resource");
  if (vipId === undefined) {
    if (m === "GET") return jsonResponse(200, { virtualIps: r.clb.require(r.tenant, id).vips.map(vipView), links: [] });
    if (m === "POST") {
      const lb = r.clb.mutable(r.tenant, id);
      const e = await jsonBody(r);
      if (e.type !== "PUBLIC" && e.type !== "SERVICENET") throw invalid("virtualIp type must be PUBLIC or SERVICENET");
      if (e.ipVersion !== "IPV6") throw invalid("Only IPv6 virtual IPs can be added to an existing load balancer");
      if (lb.vips.filter((v) => v.ipVersion === "IPV6").length >= ABSOLUTE_LIMITS.IPV6_LIMIT) throw new ClbFault(413, "IPv6 virtual IP limit reached");
      const vip = { id: r.clb.nextId("vip"), address: r.clb.address(e.type, "IPV6"), type: e.type, ipVersion: "IPV6" };
      lb.vips.push(vip);
      r.clb.changed(lb);
      return jsonResponse(202, vipView(vip));
    }
    if (m === "DELETE") return dropVips(r, id, queryIds(r), 202);
    throw methodNotAllowed();
  }
  if (m !== "DELETE") throw methodNotAllowed();
  if (!/^\d+$/.test(vipId)) throw notFound("Virtual ip");
  return dropVips(r, id, [Number(vipId)], 200);
}

/** DELETE …/virtualips/{id} → 200, DELETE …/virtualips?id=… → 202 (CLB's docs, delete-virtual-ip / bulk-delete-virtual-ips). */
function dropVips(r: ClbRequest, id: number, ids: number[], ok: number): Response {
  const lb = r.clb.mutable(r.tenant, id);
  if (!ids.length) throw invalid("Must supply one or more id's to process this request.");
  if (ids.some((x) => !lb.vips.some((v) => v.id === x))) throw notFound("Virtual ip");
  if (ids.length >= lb.vips.length) throw badRequest("Cannot delete the last virtual IP of a load balancer (inferred: delete the load balancer instead)");
  lb.vips = lb.vips.filter((v) => !ids.includes(v.id));
  r.clb.changed(lb);
  return emptyResponse(ok);
}

/** …/accesslist[/{itemId}]: GET, POST (add items, ≤ 100 in all), DELETE all, DELETE ?id=…, DELETE /{id}. */
export async function accessList(r: ClbRequest, id: number, rest: string[]): Promise<Response> {
  const m = r.request.method;
  const [itemId, ...extra] = rest;
  if (extra.length) throw notFound("Resource");
  if (m === "GET" && itemId === undefined) return jsonResponse(200, { accessList: r.clb.require(r.tenant, id).accessList });
  const lb = r.clb.mutable(r.tenant, id);
  if (m === "POST" && itemId === undefined) {
    const items = checkAccessItems(r.clb, (await jsonBody(r)).accessList);
    if (lb.accessList.length + items.length > ABSOLUTE_LIMITS.ACCESS_LIST_LIMIT) throw new ClbFault(413, `Access list is limited to ${ABSOLUTE_LIMITS.ACCESS_LIST_LIMIT} items`);
    lb.accessList.push(...items);
  } else if (m === "DELETE") {
    const ids = itemId !== undefined ? [Number(itemId)] : queryIds(r, ABSOLUTE_LIMITS.ACCESS_LIST_LIMIT);
    if (itemId === undefined && ids.length === 0) {
      if (!lb.accessList.length) throw notFound("Access list");
      lb.accessList = [];
    } else {
      const unknown = ids.filter((x) => !lb.accessList.some((i) => i.id === x));
      if (unknown.length) throw notFound("Network item");
      lb.accessList = lb.accessList.filter((i) => !ids.includes(i.id));
    }
  } else throw methodNotAllowed();
  r.clb.changed(lb);
  return emptyResponse(202);
}

/** …/metadata[/{metaId}] for a load balancer or a node (load-balancers.md get/set/update/delete_metadata rows). */
export async function metadata(r: ClbRequest, items: MetaItem[], store: (items: MetaItem[]) => void, limit: number, metaId?: string): Promise<Response> {
  const m = r.request.method;
  if (metaId === undefined) {
    if (m === "GET") return jsonResponse(200, { metadata: items });
    if (m === "POST") {
      const added = checkMetadata(r.clb, (await jsonBody(r)).metadata, items, limit);
      store([...items, ...added]);
      return jsonResponse(200, { metadata: added });
    }
    if (m === "DELETE") {
      const ids = queryIds(r, limit);
      if (!ids.length) throw invalid("Must supply one or more id's to process this request.");
      const unknown = ids.filter((x) => !items.some((i) => i.id === x));
      if (unknown.length) throw invalid(`Metadata ids ${unknown.join(",")} are not a part of this resource`);
      store(items.filter((i) => !ids.includes(i.id)));
      return emptyResponse(200);
    }
    throw methodNotAllowed();
  }
  const item = items.find((i) => String(i.id) === metaId);
  if (!item) throw notFound("Metadata item");
  if (m === "GET") return jsonResponse(200, { meta: item });
  if (m === "PUT") {
    const e = entity(await jsonBody(r), "meta");
    if (e.key !== undefined) throw invalid("Metadata key cannot be updated");
    if (typeof e.value !== "string" || e.value.length < 1 || e.value.length > 256) throw invalid("Metadata value must be 1-256 characters");
    item.value = e.value;
    return emptyResponse(200);
  }
  if (m === "DELETE") {
    store(items.filter((i) => i !== item));
    return emptyResponse(200);
  }
  throw methodNotAllowed();
}

/** One of the single settings: healthmonitor, connectionthrottle, sessionpersistence, connectionlogging, contentcaching, errorpage, ssltermination. */
export async function setting(r: ClbRequest, id: number, name: string, rest: string[]): Promise<Response | undefined> {
  const m = r.request.method;
  if (rest.length) return undefined;
  const read = () => r.clb.require(r.tenant, id);
  const write = async (ok: number, apply: (lb: LbRecord, body: Record<string, unknown> | undefined) => void) => {
    const lb = r.clb.mutable(r.tenant, id);
    const body = m === "PUT" ? await jsonBody(r) : undefined;
    apply(lb, body);
    r.clb.changed(lb);
    return emptyResponse(ok);
  };
  switch (name) {
    case "healthmonitor":
      if (m === "GET") return jsonResponse(200, { healthMonitor: read().healthMonitor ?? {} });
      if (m === "PUT") return write(202, (lb, b) => (lb.healthMonitor = checkHealthMonitor(b!.healthMonitor, lb.protocol)));
      if (m === "DELETE") return write(202, (lb) => (lb.healthMonitor = undefined));
      break;
    case "connectionthrottle":
      if (m === "GET") return jsonResponse(200, { connectionThrottle: read().connectionThrottle ?? {} });
      // CLB's docs: PUT and DELETE …/connectionthrottle → 200 (the reference records "200/202").
      if (m === "PUT") return write(200, (lb, b) => (lb.connectionThrottle = checkThrottle(b!.connectionThrottle)));
      if (m === "DELETE") return write(200, (lb) => (lb.connectionThrottle = undefined));
      break;
    case "sessionpersistence": {
      if (m === "GET") {
        const t = read().sessionPersistence;
        return jsonResponse(200, { sessionPersistence: t ? { persistenceType: t } : {} });
      }
      if (m === "PUT") return write(202, (lb, b) => (lb.sessionPersistence = checkPersistence(b!.sessionPersistence, lb.protocol)));
      if (m === "DELETE") return write(202, (lb) => (lb.sessionPersistence = undefined));
      break;
    }
    case "connectionlogging":
      if (m === "GET") return jsonResponse(200, { connectionLogging: { enabled: read().connectionLogging } });
      if (m === "PUT") return write(200, (lb, b) => (lb.connectionLogging = flag(entity(b!, "connectionLogging").enabled, "enabled")));
      break;
    case "contentcaching":
      if (m === "GET") return jsonResponse(200, { contentCaching: { enabled: read().contentCaching } });
      if (m === "PUT") return write(202, (lb, b) => (lb.contentCaching = flag(entity(b!, "contentCaching").enabled, "enabled")));
      break;
    case "errorpage":
      if (m === "GET") return jsonResponse(200, { errorpage: { content: read().errorPage ?? DEFAULT_ERROR_PAGE } });
      if (m === "PUT")
        return write(200, (lb, b) => {
          const content = entity(b!, "errorpage").content;
          if (typeof content !== "string" || content.length === 0 || content.length > 65_536) throw invalid("errorpage content must be 1-65536 characters");
          lb.errorPage = content;
        });
      if (m === "DELETE") return write(200, (lb) => (lb.errorPage = undefined));
      break;
    case "ssltermination":
      return ssl(r, id);
    default:
      return undefined;
  }
  throw methodNotAllowed();
}

const PEM = /-----BEGIN [A-Z0-9 ]+-----[\s\S]+-----END [A-Z0-9 ]+-----/;
const NO_SSL = "No SSL termination is configured for this load balancer (inferred wording)";

/** …/ssltermination (load-balancers.md get/add/update/delete_ssl_termination rows). The private key is kept, never shown. */
async function ssl(r: ClbRequest, id: number): Promise<Response> {
  const m = r.request.method;
  if (m === "GET") {
    const s = r.clb.require(r.tenant, id).ssl;
    if (!s) throw new ClbFault(404, NO_SSL);
    const { privatekey: _secret, securityProtocols: switches, ...shown } = s;
    // CLB's docs (show-ssl-termination-configuration) list the cipher profile and both protocol switches.
    const securityProtocols = Object.entries(switches).map(([securityProtocolName, securityProtocolStatus]) => ({ securityProtocolName, securityProtocolStatus }));
    return jsonResponse(200, { sslTermination: { ...shown, securityProtocols } });
  }
  if (m === "DELETE") {
    const lb = r.clb.mutable(r.tenant, id);
    if (!lb.ssl) throw new ClbFault(404, NO_SSL);
    lb.ssl = undefined;
    r.clb.changed(lb);
    return emptyResponse(200);
  }
  if (m !== "PUT") throw methodNotAllowed();
  const lb = r.clb.mutable(r.tenant, id);
  const e = entity(await jsonBody(r), "sslTermination");
  const certs = ["certificate", "privatekey", "intermediateCertificate"].filter((k) => e[k] !== undefined && e[k] !== null);
  if (!lb.ssl || certs.length) {
    // A new configuration (or new certificates) needs the certificate and its key together.
    if (typeof e.certificate !== "string" || !PEM.test(e.certificate)) throw invalid("certificate must be a PEM-encoded certificate");
    if (typeof e.privatekey !== "string" || !PEM.test(e.privatekey)) throw invalid("privatekey must be a PEM-encoded private key");
    // CLB's update-ssl-termination: "ECDSA key format is currently not accepted for ssl termination. Use RSA."
    if (/-----BEGIN EC PRIVATE KEY-----/.test(e.privatekey)) throw invalid("ECDSA keys are not accepted for SSL termination; use an RSA key");
    if (e.intermediateCertificate != null && (typeof e.intermediateCertificate !== "string" || !PEM.test(e.intermediateCertificate))) throw invalid("intermediateCertificate must be PEM-encoded");
  }
  const securePort = e.securePort ?? lb.ssl?.securePort;
  checkPort(securePort, "securePort");
  if (securePort === lb.port) throw invalid("securePort must differ from the load balancer's port");
  lb.ssl = {
    certificate: (e.certificate as string | undefined) ?? lb.ssl!.certificate,
    privatekey: (e.privatekey as string | undefined) ?? lb.ssl!.privatekey,
    ...((e.intermediateCertificate as string | undefined) ?? lb.ssl?.intermediateCertificate ? { intermediateCertificate: ((e.intermediateCertificate as string | undefined) ?? lb.ssl?.intermediateCertificate)! } : {}),
    enabled: e.enabled === undefined || e.enabled === null ? (lb.ssl?.enabled ?? true) : flag(e.enabled, "enabled"),
    secureTrafficOnly: e.secureTrafficOnly === undefined || e.secureTrafficOnly === null ? (lb.ssl?.secureTrafficOnly ?? false) : flag(e.secureTrafficOnly, "secureTrafficOnly"),
    securePort: securePort as number,
    cipherProfile: checkCipherProfile(e.cipherProfile) ?? lb.ssl?.cipherProfile ?? "default",
    // Both on until turned off (inferred: "Other security protocols remain enabled").
    securityProtocols: { ...(lb.ssl?.securityProtocols ?? { TLS_10: "ENABLED", TLS_11: "ENABLED" }), ...checkSecurityProtocols(e.securityProtocols) },
  };
  r.clb.changed(lb);
  return emptyResponse(200);
}

function checkCipherProfile(v: unknown): string | undefined {
  if (v === undefined || v === null) return undefined;
  if (typeof v !== "string" || !v) throw invalid("cipherProfile must be a profile name");
  return v;
}

/** update-ssl-termination: "TLS_10 or TLS_11 are the only valid values for securityProtocolName". */
function checkSecurityProtocols(v: unknown): Record<string, string> {
  if (v === undefined || v === null) return {};
  if (!Array.isArray(v)) throw invalid("securityProtocols must be a list");
  return Object.fromEntries(
    v.map((p: unknown) => {
      const o = (p ?? {}) as Record<string, unknown>;
      if (o.securityProtocolName !== "TLS_10" && o.securityProtocolName !== "TLS_11") throw invalid("securityProtocolName must be TLS_10 or TLS_11");
      if (o.securityProtocolStatus !== "ENABLED" && o.securityProtocolStatus !== "DISABLED") throw invalid("securityProtocolStatus must be ENABLED or DISABLED");
      return [o.securityProtocolName, o.securityProtocolStatus];
    }),
  );
}

export const methodNotAllowed = () => new ClbFault(405, "Method not allowed");
