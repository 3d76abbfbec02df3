import { http } from "msw";
import { endpointOf } from "../arrival";
import { presentedToken } from "../auth-check";
import type { EmulatorContext } from "../context";
import { handled, jsonResponse } from "../respond";
import { serverAction } from "./actions";
import { listFlavors, showFlavor } from "./flavors";
import { deleteImage, imageMetadata, listImages, showImage } from "./images";
import { createKeypair, deleteKeypair, listKeypairs, showKeypair } from "./keypairs";
import { showLimits } from "./limits";
import { computeState } from "./model";
import { availabilityZones, showQuotaSet } from "./quotas-and-zones";
import { novaError, NovaFault } from "./nova-errors";
import type { NovaRequest } from "./nova-request";
import { createServer, deleteServer, listServers, MethodNotAllowed, serverIps, serverMetadata, showServer, updateServer } from "./servers";

const VERSIONS = ["v2", "v2.1"];

/**
 * Nova v2 / v2.1 at `/<version>/<tenant>/…` of each region's compute endpoint: servers (BUILD →
 * ACTIVE on the emulator's clock), actions, metadata, flavors, images, keypairs, limits. Errors
 * are Nova's `{"itemNotFound": {"code": 404, "message": …}}` bodies.
 */
export function computeHandlers(ctx: EmulatorContext) {
  return [
    http.get("/", handled(ctx, (request) => jsonResponse(200, { versions: VERSIONS.map((v) => versionDoc(request, v)) }))),
    http.get("/:version", handled(ctx, (request) => versionOnly(request))),
    http.get("/:version/", handled(ctx, (request) => versionOnly(request))),
    http.all("/:version/:tenantId/*", handled(ctx, (request) => route(ctx, request))),
    http.all("/:version/:tenantId", handled(ctx, (request) => route(ctx, request))),
  ];
}

function versionOnly(request: Request): Response | undefined {
  const version = new URL(request.url).pathname.split("/")[1] ?? "";
  if (!VERSIONS.includes(version)) return novaError(404, "The resource could not be found.");
  return jsonResponse(200, { version: versionDoc(request, version) });
}

function versionDoc(request: Request, id: string) {
  const base = endpointOf(request).base;
  return {
    id: id === "v2" ? "v2.0" : "v2.1",
    status: id === "v2" ? "SUPPORTED" : "CURRENT",
    version: id === "v2" ? "" : "2.1",
    min_version: id === "v2" ? "" : "2.1",
    updated: id === "v2" ? "2011-01-21T11:33:21Z" : "2013-07-23T11:33:21Z",
    links: [{ rel: "self", href: `${base}/${id}/` }],
  };
}

async function route(ctx: EmulatorContext, request: Request): Promise<Response> {
  const url = new URL(request.url);
  const [, version = "", tenantId = "", ...rest] = url.pathname.split("/");
  if (!VERSIONS.includes(version)) return novaError(404, "The resource could not be found.");
  const check = presentedToken(ctx, request);
  if (!check.ok) return jsonResponse(401, { unauthorized: { code: 401, message: "The request you have made requires authentication." } });
  if (decodeURIComponent(tenantId) !== check.token.tenantId)
    return novaError(400, `Malformed request URL: URL's project_id '${tenantId}' doesn't match Context's project_id '${check.token.tenantId}'`);
  const micro = microversion(request);
  if (micro === undefined && version === "v2.1") return novaError(406, "Version is not supported by the API. Minimum is 2.1 and maximum is 2.1.");
  const endpoint = endpointOf(request);
  const compute = computeState(ctx.state);
  let path: string[];
  try {
    path = rest.filter((p, i) => p !== "" || i < rest.length - 1).map((p) => decodeURIComponent(p));
  } catch {
    return novaError(404, "The resource could not be found.");
  }
  const r: NovaRequest = {
    ctx,
    request,
    url,
    compute,
    region: compute.region(endpoint.region ?? ctx.regions[0]!),
    tenantId: check.token.tenantId,
    userId: check.token.userId,
    roles: ctx.state.users.byId(check.token.userId)?.roles.map((role) => role.name) ?? [],
    at: { base: endpoint.base, version, tenantId: check.token.tenantId },
    path,
  };
  const response = await answer(r);
  if (version === "v2.1") {
    // Nova v2.1 names the microversion it answered with (only 2.1 here) on every response.
    response.headers.set("openstack-api-version", "compute 2.1");
    response.headers.set("x-openstack-nova-api-version", "2.1");
    response.headers.set("vary", "OpenStack-API-Version, X-OpenStack-Nova-API-Version");
  }
  return response;
}

async function answer(r: NovaRequest): Promise<Response> {
  try {
    return (await dispatch(r)) ?? novaError(404, "The resource could not be found.");
  } catch (e) {
    if (e instanceof NovaFault) return novaError(e.status, e.message);
    if (e instanceof MethodNotAllowed) return novaError(405, "The method is not allowed for this resource.");
    throw e;
  }
}

/** The microversion asked for ("2.1" when none, or "latest"); undefined for one this Nova lacks. */
function microversion(request: Request): string | undefined {
  const modern = request.headers.get("openstack-api-version");
  const legacy = request.headers.get("x-openstack-nova-api-version");
  const asked = modern ? /(?:^|,)\s*compute\s+([^,\s]+)/i.exec(modern)?.[1] : legacy?.trim();
  if (!asked || asked === "latest" || asked === "2.1") return "2.1";
  return undefined;
}

async function dispatch(r: NovaRequest): Promise<Response | undefined> {
  const m = r.request.method;
  const [collection, id, sub, item, ...extra] = r.path;
  if (extra.length) return undefined;
  const only = (method: string, fn: () => Response | Promise<Response>) => {
    if (m !== method && !(method === "GET" && m === "HEAD")) throw new MethodNotAllowed();
    return fn();
  };
  switch (collection) {
    case "servers":
      if (id === undefined) return m === "POST" ? createServer(r) : only("GET", () => listServers(r, false));
      if (id === "detail" && sub === undefined) return only("GET", () => listServers(r, true));
      if (sub === undefined) {
        if (m === "GET") return showServer(r, id);
        if (m === "PUT") return updateServer(r, id);
        if (m === "DELETE") return deleteServer(r, id);
        throw new MethodNotAllowed();
      }
      if (sub === "action" && item === undefined) return only("POST", () => serverAction(r, id));
      if (sub === "ips") return only("GET", () => serverIps(r, id, item));
      if (sub === "metadata") return serverMetadata(r, id, item);
      return undefined;
    case "flavors":
      if (id === undefined) return only("GET", () => listFlavors(r, false));
      if (id === "detail" && sub === undefined) return only("GET", () => listFlavors(r, true));
      if (sub === undefined || (sub === "os-extra_specs" && item === undefined)) return only("GET", () => showFlavor(r, id, sub !== undefined));
      return undefined;
    case "images":
      if (id === undefined) return only("GET", () => listImages(r, false));
      if (id === "detail" && sub === undefined) return only("GET", () => listImages(r, true));
      if (sub === "metadata") return imageMetadata(r, id, item);
      if (sub !== undefined) return undefined;
      if (m === "DELETE") return deleteImage(r, id);
      return only("GET", () => showImage(r, id));
    case "os-keypairs":
      if (id === undefined) return m === "POST" ? createKeypair(r) : only("GET", () => listKeypairs(r));
      if (sub !== undefined) return undefined;
      if (m === "DELETE") return deleteKeypair(r, id);
      return only("GET", () => showKeypair(r, id));
    case "limits":
      return id === undefined ? only("GET", () => showLimits(r)) : undefined;
    case "os-quota-sets":
      if (id === undefined || item !== undefined || (sub !== undefined && sub !== "defaults" && sub !== "detail")) return undefined;
      return only("GET", () => showQuotaSet(r, id, sub ?? "set"));
    case "os-availability-zone":
      if (sub !== undefined || (id !== undefined && id !== "detail")) return undefined;
      return only("GET", () => availabilityZones(r, id === "detail"));
    default:
      return undefined;
  }
}
