import { http } from "msw";
import { endpointOf } from "../arrival";
import { presentedToken } from "../auth-check";
import type { EmulatorContext } from "../context";
import { BodyTooLarge, readBody } from "../request-body";
import { emptyResponse, handled, jsonResponse } from "../respond";
import { neutronError, NeutronFault } from "./errors";
import { iso, type NetworkRecord, networkState, nextAddress, type PortRecord, type RegionNetworks, type SubnetRecord } from "./model";
import { defaultAddressing, overlaps, subnetRange } from "./subnet-range";
import { neutronExtensions } from "./extensions";
import { NEUTRON_QUOTAS, showNeutronQuota } from "./quotas";
import { forgetGoneServers } from "./server-ports";


interface NeutronRequest {
  ctx: EmulatorContext;
  request: Request;
  url: URL;
  nets: RegionNetworks;
  tenantId: string;
  admin: boolean;
  base: string;
}

/**
 * OpenStack Neutron v2.0 at each region's `network` endpoint: networks, subnets and ports, with
 * Neutron's status codes (201 create, 204 delete, 409 NetworkInUse / SubnetInUse), attribute
 * filters, `limit`/`marker` paging with `<collection>_links`, and `{"NeutronError": {…}}` bodies.
 * The networks are the same ones os-networksv2 shows under compute (Rackspace serves one set).
 */
export function neutronHandlers(ctx: EmulatorContext) {
  return [
    http.get("/", handled(ctx, (request) => jsonResponse(200, { versions: [versionDoc(request)] }))),
    http.all("/v2.0", handled(ctx, (request) => route(ctx, request))),
    http.all("/v2.0/*", handled(ctx, (request) => route(ctx, request))),
  ];
}

function versionDoc(request: Request) {
  return { status: "CURRENT", id: "v2.0", links: [{ href: `${endpointOf(request).base.replace(/\/v2\.0$/, "")}/v2.0/`, rel: "self" }] };
}

async function route(ctx: EmulatorContext, request: Request): Promise<Response> {
  const check = presentedToken(ctx, request);
  if (!check.ok) return jsonResponse(401, { error: { code: 401, title: "Unauthorized", message: "The request you have made requires authentication." } });
  const url = new URL(request.url);
  // The catalog URL already ends in /v2.0 (Rackspace's does); a client written for a bare Neutron
  // URL (`http://host:9696`) appends another: serve `/v2.0/v2.0/…` as `/v2.0/…`.
  const path = url.pathname.replace(/^\/v2\.0(?=\/v2\.0(\/|$))/, "");
  const [, , collection = "", id, ...extra] = path.replace(/\.json$/, "").split("/");
  const region = endpointOf(request).region ?? ctx.regions[0]!;
  const nets = networkState(ctx.state).region(region);
  forgetGoneServers(ctx, region, nets);
  const user = ctx.state.users.byId(check.token.userId);
  const r: NeutronRequest = {
    ctx,
    request,
    url,
    nets,
    tenantId: check.token.tenantId,
    admin: user?.roles.some((x) => x.name === "admin") ?? false,
    base: endpointOf(request).base.replace(/\/v2\.0$/, ""),
  };
  const m = request.method;
  try {
    if ((extra.length && collection !== "quotas") || (id !== undefined && id === "")) throw new NeutronFault(404, "HTTPNotFound", "The resource could not be found.");
    if (collection === "") return jsonResponse(200, { resources: ["networks", "subnets", "ports"].map((c) => ({ name: c.slice(0, -1), collection: c, links: [{ href: `${r.base}/v2.0/${c}`, rel: "self" }] })) });
    if (collection === "extensions" && extra.length === 0) {
      if (m !== "GET") throw new NeutronFault(405, "HTTPMethodNotAllowed", "The method is not allowed for this resource.");
      return neutronExtensions(id === undefined ? undefined : decodeURIComponent(id));
    }
    if (collection === "quotas" && id !== undefined && (extra.length === 0 || (extra.length === 1 && extra[0] === "details"))) {
      if (m !== "GET") throw new NeutronFault(405, "HTTPMethodNotAllowed", "The method is not allowed for this resource.");
      return showNeutronQuota(r.nets, r, decodeURIComponent(id), extra.length === 1);
    }
    const api = COLLECTIONS[collection];
    if (!api) throw new NeutronFault(404, "HTTPNotFound", "The resource could not be found.");
    if (id === undefined) {
      if (m === "GET" || m === "HEAD") return list(r, collection, api.visible(r).map((x) => api.view(r, x)));
      if (m === "POST") return jsonResponse(201, { [api.one]: api.view(r, await api.create(r, member(await body(r), api.one))) });
      throw new NeutronFault(405, "HTTPMethodNotAllowed", "The method is not allowed for this resource.");
    }
    const item = api.visible(r).find((x) => x.id === decodeURIComponent(id));
    if (!item) throw new NeutronFault(404, api.missing, `${api.label} ${decodeURIComponent(id)} could not be found.`);
    if (m === "GET" || m === "HEAD") return jsonResponse(200, { [api.one]: fields(r, api.view(r, item)) });
    if (m === "PUT") {
      api.update(r, item, member(await body(r), api.one));
      return jsonResponse(200, { [api.one]: api.view(r, item) });
    }
    if (m === "DELETE") {
      api.remove(r, item);
      return emptyResponse(204);
    }
    throw new NeutronFault(405, "HTTPMethodNotAllowed", "The method is not allowed for this resource.");
  } catch (e) {
    if (e instanceof NeutronFault) return neutronError(e.status, e.type, e.message);
    throw e;
  }
}

interface Collection<T extends { id: string; tenantId: string }> {
  one: string;
  label: string;
  missing: string;
  visible(r: NeutronRequest): T[];
  view(r: NeutronRequest, x: T): Record<string, unknown>;
  create(r: NeutronRequest, b: Record<string, unknown>): Promise<T> | T;
  update(r: NeutronRequest, x: T, b: Record<string, unknown>): void;
  remove(r: NeutronRequest, x: T): void;
}

async function body(r: NeutronRequest): Promise<unknown> {
  let raw: Buffer;
  try {
    raw = await readBody(r.request, 1024 * 1024);
  } catch (e) {
    if (e instanceof BodyTooLarge) throw new NeutronFault(413, "RequestEntityTooLarge", "Request is too large.");
    throw e;
  }
  try {
    return JSON.parse(raw.toString("utf8"));
  } catch {
    throw new NeutronFault(400, "HTTPBadRequest", "Malformed request body");
  }
}

function member(b: unknown, key: string): Record<string, unknown> {
  const v = b && typeof b === "object" ? (b as Record<string, unknown>)[key] : undefined;
  if (!v || typeof v !== "object" || Array.isArray(v)) throw new NeutronFault(400, "HTTPBadRequest", `Resource body required`);
  return v as Record<string, unknown>;
}

function allowOnly(b: Record<string, unknown>, allowed: string[]): void {
  const bad = Object.keys(b).filter((k) => !allowed.includes(k));
  if (bad.length) throw new NeutronFault(400, "HTTPBadRequest", `Unrecognized attribute(s) '${bad.join(", ")}'`);
}

function str(b: Record<string, unknown>, key: string, fallback = ""): string {
  const v = b[key];
  if (v === undefined || v === null) return fallback;
  if (typeof v !== "string") throw new NeutronFault(400, "HTTPBadRequest", `Invalid input for ${key}. Reason: '${String(v)}' is not a valid string.`);
  if (v.length > 255) throw new NeutronFault(400, "HTTPBadRequest", `Invalid input for ${key}. Reason: '${v}' exceeds maximum length of 255.`);
  return v;
}

function bool(b: Record<string, unknown>, key: string, fallback: boolean): boolean {
  const v = b[key];
  if (v === undefined) return fallback;
  if (typeof v === "boolean") return v;
  if (v === "true" || v === "True") return true;
  if (v === "false" || v === "False") return false;
  throw new NeutronFault(400, "HTTPBadRequest", `Invalid input for ${key}. Reason: '${String(v)}' is not a valid boolean value.`);
}

function stamp(x: { created: number; updated: number; tenantId: string }) {
  return { tenant_id: x.tenantId, project_id: x.tenantId, created_at: iso(x.created), updated_at: iso(x.updated), revision_number: 1, description: "", tags: [] };
}

/** Attribute filters (repeated = any of), `fields`, then `limit` / `marker` paging with `<collection>_links`. */
function list(r: NeutronRequest, collection: string, rows: Record<string, unknown>[]): Response {
  const q = r.url.searchParams;
  const filters = new Map<string, string[]>();
  for (const [k, v] of q) if (!["fields", "limit", "marker", "sort_key", "sort_dir", "page_reverse"].includes(k)) filters.set(k, [...(filters.get(k) ?? []), v]);
  let out = rows.filter((row) => [...filters].every(([k, vs]) => k in row && vs.some((v) => String(row[k]) === v || (typeof row[k] === "boolean" && String(row[k]) === v.toLowerCase()))));
  const marker = q.get("marker");
  if (marker) {
    const at = out.findIndex((x) => x.id === marker);
    if (at < 0) throw new NeutronFault(404, "NotFound", `Marker ${marker} could not be found.`);
    out = out.slice(at + 1);
  }
  const links: { rel: string; href: string }[] = [];
  if (q.has("limit")) {
    const limit = Number(q.get("limit"));
    if (!Number.isInteger(limit) || limit < 0) throw new NeutronFault(400, "BadRequest", `Bad limit request: Limit must be an integer 0 or greater and not '${q.get("limit")}'.`);
    if (limit > 0 && out.length > limit) {
      out = out.slice(0, limit);
      const next = new URLSearchParams(q);
      next.set("marker", String(out.at(-1)!.id));
      links.push({ rel: "next", href: `${r.base}/v2.0/${collection}?${next}` });
    }
  }
  return jsonResponse(200, { [collection]: out.map((row) => fields(r, row)), ...(links.length ? { [`${collection}_links`]: links } : {}) });
}

function fields(r: NeutronRequest, row: Record<string, unknown>): Record<string, unknown> {
  const wanted = r.url.searchParams.getAll("fields");
  if (wanted.length === 0) return row;
  return Object.fromEntries(Object.entries(row).filter(([k]) => wanted.includes(k)));
}

const networks: Collection<NetworkRecord> = {
  one: "network",
  label: "Network",
  missing: "NetworkNotFound",
  visible: (r) => r.nets.visible(r.tenantId, r.admin),
  view: (r, n) => ({
    id: n.id,
    name: n.name,
    status: "ACTIVE",
    admin_state_up: n.adminStateUp,
    shared: n.shared,
    subnets: r.nets.subnetsOf(n.id).map((s) => s.id),
    "router:external": false,
    mtu: 1500,
    port_security_enabled: true,
    availability_zone_hints: [],
    availability_zones: ["nova"],
    ipv4_address_scope: null,
    ipv6_address_scope: null,
    ...stamp(n),
  }),
  create: (r, b) => {
    allowOnly(b, ["name", "admin_state_up", "shared", "tenant_id", "project_id", "description", "mtu", "port_security_enabled"]);
    const shared = bool(b, "shared", false);
    if (shared && !r.admin) throw new NeutronFault(403, "PolicyNotAuthorized", `(rule:create_network and field:networks:shared=True) is disallowed by policy`);
    if (r.nets.ownedCount(r.tenantId) >= NEUTRON_QUOTAS.network) throw new NeutronFault(409, "OverQuota", "Quota exceeded for resources: ['network'].");
    return r.nets.addNetwork(r.tenantId, str(b, "name"), bool(b, "admin_state_up", true), shared);
  },
  update: (r, n, b) => {
    allowOnly(b, ["name", "admin_state_up", "description"]);
    mustOwn(r, n, "update_network");
    r.nets.rename(n, str(b, "name", n.name));
    n.adminStateUp = bool(b, "admin_state_up", n.adminStateUp);
    n.updated = r.ctx.state.clock.now();
  },
  remove: (r, n) => {
    mustOwn(r, n, "delete_network");
    // Neutron 21 names the ports in its reason (db_base_plugin_v2._ensure_network_not_in_use), joined by ",".
    const inUse = r.nets.portsOf(n.id).filter((p) => p.deviceOwner !== "network:dhcp");
    if (inUse.length > 0)
      throw new NeutronFault(409, "NetworkInUse", `Unable to complete operation on network ${n.id}. There are one or more ports still in use on the network, id for these ports is: ${inUse.map((p) => p.id).join(",")}.`);
    for (const s of r.nets.subnetsOf(n.id)) r.nets.subnets.delete(s.id);
    for (const p of r.nets.portsOf(n.id)) r.nets.ports.delete(p.id);
    r.nets.networks.delete(n.id);
  },
};

function mustOwn(r: NeutronRequest, x: { tenantId: string }, rule: string): void {
  if (!r.admin && x.tenantId !== r.tenantId) throw new NeutronFault(403, "PolicyNotAuthorized", `(rule:${rule}) is disallowed by policy`);
}

function networkFor(r: NeutronRequest, id: unknown): NetworkRecord {
  const n = typeof id === "string" ? r.nets.network(r.tenantId, id, r.admin) : undefined;
  if (!n) throw new NeutronFault(404, "NetworkNotFound", `Network ${String(id)} could not be found.`);
  return n;
}

const subnets: Collection<SubnetRecord> = {
  one: "subnet",
  label: "Subnet",
  missing: "SubnetNotFound",
  visible: (r) => [...r.nets.subnets.values()].filter((s) => r.nets.network(r.tenantId, s.networkId, r.admin)),
  view: (_r, s) => ({
    id: s.id,
    network_id: s.networkId,
    name: s.name,
    cidr: s.cidr,
    ip_version: s.ipVersion,
    gateway_ip: s.gatewayIp,
    enable_dhcp: s.enableDhcp,
    allocation_pools: s.allocationPools,
    dns_nameservers: s.dnsNameservers,
    host_routes: [],
    ipv6_ra_mode: null,
    ipv6_address_mode: null,
    subnetpool_id: null,
    service_types: [],
    ...stamp(s),
  }),
  create: (r, b) => {
    allowOnly(b, ["network_id", "cidr", "ip_version", "name", "gateway_ip", "enable_dhcp", "allocation_pools", "dns_nameservers", "tenant_id", "project_id", "description", "host_routes"]);
    if (b.network_id === undefined) throw new NeutronFault(400, "HTTPBadRequest", "Failed to parse request. Required attribute 'network_id' not specified");
    if (b.ip_version === undefined) throw new NeutronFault(400, "HTTPBadRequest", "Failed to parse request. Required attribute 'ip_version' not specified");
    const version = Number(b.ip_version);
    if (version !== 4 && version !== 6) throw new NeutronFault(400, "HTTPBadRequest", `Invalid input for ip_version. Reason: ${String(b.ip_version)} is not in [4, 6].`);
    const n = networkFor(r, b.network_id);
    mustOwn(r, n, "create_subnet");
    if (b.cidr === undefined) throw new NeutronFault(400, "BadRequest", "Bad subnets request: a subnetpool must be specified in the absence of a cidr.");
    const c = subnetRange(b.cidr);
    if (!c) throw new NeutronFault(400, "HTTPBadRequest", `Invalid input for cidr. Reason: '${String(b.cidr)}' is not a valid IP subnet.`);
    if (c.version !== version) throw new NeutronFault(400, "BadRequest", "Bad subnets request: Cidr and IP version are not compatible.");
    // Neutron keeps the network address (10.0.0.5/24 → 10.0.0.0/24) and refuses any overlap.
    const cidr = c.cidr;
    if (r.nets.subnetsOf(n.id).some((s) => { const other = subnetRange(s.cidr); return other !== undefined && overlaps(c, other); }))
      throw new NeutronFault(400, "InvalidInput", `Invalid input for operation: Requested subnet with cidr: ${cidr} for network: ${n.id} overlaps with another subnet.`);
    let { gateway, pools } = defaultAddressing(c);
    if (b.gateway_ip !== undefined) gateway = b.gateway_ip === null ? null : str(b, "gateway_ip");
    if (Array.isArray(b.allocation_pools)) pools = b.allocation_pools as { start: string; end: string }[];
    const dns = Array.isArray(b.dns_nameservers) ? (b.dns_nameservers as unknown[]).map(String) : [];
    return r.nets.addSubnet({ networkId: n.id, tenantId: r.tenantId, name: str(b, "name"), cidr, ipVersion: version, gatewayIp: gateway, enableDhcp: bool(b, "enable_dhcp", true), allocationPools: pools, dnsNameservers: dns });
  },
  update: (r, s, b) => {
    allowOnly(b, ["name", "gateway_ip", "enable_dhcp", "dns_nameservers", "allocation_pools", "description"]);
    mustOwn(r, s, "update_subnet");
    s.name = str(b, "name", s.name);
    s.enableDhcp = bool(b, "enable_dhcp", s.enableDhcp);
    s.updated = r.ctx.state.clock.now();
  },
  remove: (r, s) => {
    mustOwn(r, s, "delete_subnet");
    if ([...r.nets.ports.values()].some((p) => p.deviceOwner !== "network:dhcp" && p.fixedIps.some((f) => f.subnet_id === s.id)))
      throw new NeutronFault(409, "SubnetInUse", `Unable to complete operation on subnet ${s.id}: One or more ports have an IP allocation from this subnet.`);
    r.nets.subnets.delete(s.id);
  },
};

const ports: Collection<PortRecord> = {
  one: "port",
  label: "Port",
  missing: "PortNotFound",
  visible: (r) => [...r.nets.ports.values()].filter((p) => r.admin || p.tenantId === r.tenantId),
  view: (_r, p) => ({
    id: p.id,
    network_id: p.networkId,
    name: p.name,
    mac_address: p.macAddress,
    fixed_ips: p.fixedIps,
    device_id: p.deviceId,
    device_owner: p.deviceOwner,
    admin_state_up: p.adminStateUp,
    status: p.deviceId ? "ACTIVE" : "DOWN",
    security_groups: [],
    allowed_address_pairs: [],
    extra_dhcp_opts: [],
    "binding:vnic_type": "normal",
    port_security_enabled: true,
    ...stamp(p),
  }),
  create: (r, b) => {
    allowOnly(b, ["network_id", "name", "fixed_ips", "device_id", "device_owner", "admin_state_up", "tenant_id", "project_id", "description", "mac_address", "security_groups"]);
    if (b.network_id === undefined) throw new NeutronFault(400, "HTTPBadRequest", "Failed to parse request. Required attribute 'network_id' not specified");
    const n = networkFor(r, b.network_id);
    let fixed: { subnet_id: string; ip_address: string }[] | undefined;
    if (Array.isArray(b.fixed_ips)) {
      fixed = (b.fixed_ips as Record<string, unknown>[]).map((f) => {
        const subnet = typeof f?.subnet_id === "string" ? r.nets.subnets.get(f.subnet_id) : r.nets.subnetsOf(n.id)[0];
        if (!subnet || subnet.networkId !== n.id) throw new NeutronFault(400, "InvalidInput", `Invalid input for operation: Failed to create port on network ${n.id}, because fixed_ips included invalid subnet ${String(f?.subnet_id)}.`);
        const ip = typeof f?.ip_address === "string" ? f.ip_address : nextAddress(subnet);
        if ([...r.nets.ports.values()].some((p) => p.fixedIps.some((x) => x.ip_address === ip && x.subnet_id === subnet.id)))
          throw new NeutronFault(409, "IpAddressAlreadyAllocated", `IP address ${ip} already allocated in subnet ${subnet.id}`);
        return { subnet_id: subnet.id, ip_address: ip };
      });
    }
    return r.nets.addPort({ networkId: n.id, tenantId: r.tenantId, name: str(b, "name"), deviceId: str(b, "device_id"), deviceOwner: str(b, "device_owner"), adminStateUp: bool(b, "admin_state_up", true), ...(fixed ? { fixedIps: fixed } : {}) });
  },
  update: (r, p, b) => {
    allowOnly(b, ["name", "device_id", "device_owner", "admin_state_up", "description"]);
    p.name = str(b, "name", p.name);
    p.deviceId = str(b, "device_id", p.deviceId);
    p.deviceOwner = str(b, "device_owner", p.deviceOwner);
    p.adminStateUp = bool(b, "admin_state_up", p.adminStateUp);
    p.updated = r.ctx.state.clock.now();
  },
  remove: (r, p) => {
    r.nets.ports.delete(p.id);
  },
};

const COLLECTIONS: Record<string, Collection<{ id: string; tenantId: string }>> = {
  networks: networks as unknown as Collection<{ id: string; tenantId: string }>,
  subnets: subnets as unknown as Collection<{ id: string; tenantId: string }>,
  ports: ports as unknown as Collection<{ id: string; tenantId: string }>,
};
