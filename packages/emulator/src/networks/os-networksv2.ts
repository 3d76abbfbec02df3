import { getResponse, http, type RequestHandler } from "msw";
import { endpointOf, sameArrival } from "../arrival";
import { presentedToken } from "../auth-check";
import { computeState } from "../compute/model";
import { novaError } from "../compute/nova-errors";
import type { EmulatorContext } from "../context";
import { BodyTooLarge, readBody } from "../request-body";
import { emptyResponse, handled, jsonResponse } from "../respond";
import { MAX_NETWORKS, networkState, parseCidr, PUBLIC_NET, type RegionNetworks, SERVICE_NET } from "./model";
import { COMPUTE_OWNER, forgetGoneServers } from "./server-ports";

const VERSIONS = ["v2", "v2.1"];

/**
 * Rackspace's os-networksv2 under each region's compute endpoint (`/v2/<tenant>/os-networksv2`),
 * in front of Nova's handlers. It also watches `POST /servers`: a server built on isolated
 * networks holds a port on each (as Neutron records it), which is what makes a network "in use".
 */
export function withCloudNetworks(ctx: EmulatorContext, nova: RequestHandler[]): RequestHandler[] {
  return [
    http.all("/:version/:tenantId/os-networksv2", handled(ctx, (request) => route(ctx, request, undefined))),
    http.all("/:version/:tenantId/os-networksv2/:id", handled(ctx, (request) => route(ctx, request, decodeURIComponent(new URL(request.url).pathname.split("/")[4] ?? "")))),
    http.post("/:version/:tenantId/servers", ({ request }) => createServerWatched(ctx, request, nova)),
    ...nova,
  ];
}

function view(nets: RegionNetworks, id: string) {
  const n = nets.networks.get(id)!;
  const cidr = nets.subnetsOf(id)[0]?.cidr;
  return { id: n.id, label: n.name, ...(cidr ? { cidr } : {}) };
}

async function route(ctx: EmulatorContext, request: Request, id: string | undefined): Promise<Response> {
  const [, version = "", tenantId = ""] = new URL(request.url).pathname.split("/");
  if (!VERSIONS.includes(version)) return novaError(404, "The resource could not be found.");
  const check = presentedToken(ctx, request);
  if (!check.ok) return jsonResponse(401, { unauthorized: { code: 401, message: "The request you have made requires authentication." } });
  if (decodeURIComponent(tenantId) !== check.token.tenantId)
    return novaError(400, `Malformed request URL: URL's project_id '${tenantId}' doesn't match Context's project_id '${check.token.tenantId}'`);
  const tenant = check.token.tenantId;
  const region = endpointOf(request).region ?? ctx.regions[0]!;
  const nets = networkState(ctx.state).region(region);
  forgetGoneServers(ctx, region, nets);
  const m = request.method;
  if (id === undefined) {
    if (m === "GET" || m === "HEAD") {
      const url = new URL(request.url);
      let rows = nets.visible(tenant).map((n) => view(nets, n.id));
      const marker = url.searchParams.get("marker");
      if (marker) {
        const at = rows.findIndex((n) => n.id === marker);
        if (at < 0) return novaError(404, `Marker ${marker} could not be found.`);
        rows = rows.slice(at + 1);
      }
      const limit = Number(url.searchParams.get("limit") ?? "");
      if (url.searchParams.has("limit") && (!Number.isInteger(limit) || limit < 0)) return novaError(400, "limit param must be an integer");
      if (url.searchParams.has("limit")) rows = rows.slice(0, limit);
      return jsonResponse(200, { networks: rows });
    }
    if (m === "POST") return createNetwork(request, nets, tenant);
    return novaError(405, "The method is not allowed for this resource.");
  }
  const n = nets.network(tenant, id);
  if (m === "GET" || m === "HEAD") {
    // Rackspace has no GET for the pseudo networks (pyrax answers them locally).
    if (!n || n.tenantId === "") return novaError(404, "Network could not be found");
    return jsonResponse(200, { network: view(nets, id) });
  }
  if (m === "DELETE") {
    if (id === PUBLIC_NET || id === SERVICE_NET) return novaError(403, "Deleting the public or private pseudo network is not allowed");
    if (!n) return novaError(404, "Network could not be found");
    if (nets.portsOf(id).some((p) => p.deviceOwner.startsWith("compute:"))) return novaError(403, "Network is in use");
    for (const s of nets.subnetsOf(id)) nets.subnets.delete(s.id);
    for (const p of nets.portsOf(id)) nets.ports.delete(p.id);
    nets.networks.delete(id);
    return emptyResponse(202);
  }
  return novaError(405, "The method is not allowed for this resource.");
}

async function createNetwork(request: Request, nets: RegionNetworks, tenant: string): Promise<Response> {
  let body: unknown;
  try {
    body = JSON.parse((await readBody(request, 64 * 1024)).toString("utf8"));
  } catch (e) {
    if (e instanceof BodyTooLarge) return novaError(413, "Request is too large.");
    return novaError(400, "Malformed request body");
  }
  const net = (body as { network?: Record<string, unknown> } | null)?.network;
  if (!net || typeof net !== "object") return novaError(400, "Malformed request body");
  const label = net.label ?? net.name;
  if (typeof label !== "string" || label.trim() === "") return novaError(400, "Network label is required");
  if (net.cidr === undefined) return novaError(400, "Network cidr is required");
  const cidr = parseCidr(net.cidr);
  if (!cidr) return novaError(400, `CIDR is malformed: ${String(net.cidr)}`);
  if (cidr.version === 4 && cidr.hosts < 4) return novaError(400, "Requested network does not contain enough (2+) usable hosts");
  if (nets.ownedCount(tenant) >= MAX_NETWORKS) return novaError(400, "Quota exceeded, too many networks.");
  const n = nets.addNetwork(tenant, label);
  nets.addSubnet({ networkId: n.id, tenantId: tenant, name: label, cidr: String(net.cidr), ipVersion: cidr.version, gatewayIp: null, enableDhcp: false, allocationPools: [], dnsNameservers: [] });
  return jsonResponse(200, { network: view(nets, n.id) });
}

/** Lets Nova create the server, then gives it a port on each isolated network it asked for. */
async function createServerWatched(ctx: EmulatorContext, request: Request, nova: RequestHandler[]): Promise<Response | undefined> {
  let raw: Buffer;
  try {
    raw = await readBody(request, 114_688);
  } catch {
    return undefined;
  }
  const region = endpointOf(request).region ?? ctx.regions[0]!;
  const nets = networkState(ctx.state).region(region);
  const check = presentedToken(ctx, request);
  // Nova refuses a network the project cannot use before it builds anything (400 NetworkNotFound).
  if (check.ok) {
    for (const uuid of askedNetworks(raw)) {
      if (/^[0-9a-f-]{8,}$/i.test(uuid) && !nets.network(check.token.tenantId, uuid)) return novaError(400, `Network ${uuid} could not be found.`);
    }
  }
  const replay = sameArrival(request, new Request(request.url, { method: request.method, headers: request.headers, body: new Uint8Array(raw), signal: request.signal }));
  const response = await getResponse(nova, replay, { baseUrl: new URL(request.url).origin });
  if (!response || response.status !== 202) return response;
  try {
    const created = (await response.clone().json()) as { server?: { id?: string } };
    const serverId = created.server?.id;
    if (!serverId || !check.ok) return response;
    const compute = computeState(ctx.state).region(region);
    for (const id of askedNetworks(raw)) {
      if (!nets.networks.get(id)?.tenantId) continue;
      const port = nets.addPort({ networkId: id, tenantId: check.token.tenantId, deviceId: serverId, deviceOwner: COMPUTE_OWNER });
      if (port.fixedIps.length) compute.usePortAddresses(serverId, id, port.fixedIps.map((f) => f.ip_address));
    }
  } catch {
    // A body Nova accepted but this watcher cannot read changes nothing about the server.
  }
  return response;
}

/** The network ids a `POST /servers` body asks for (`server.networks[].uuid`); none when unreadable. */
function askedNetworks(raw: Buffer): string[] {
  try {
    const networks = (JSON.parse(raw.toString("utf8")) as { server?: { networks?: { uuid?: unknown }[] } } | null)?.server?.networks;
    return Array.isArray(networks) ? networks.map((n) => n?.uuid).filter((u): u is string => typeof u === "string") : [];
  } catch {
    return [];
  }
}
