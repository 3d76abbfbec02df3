import { http } from "msw";
import { endpointOf } from "../arrival";
import { presentedToken } from "../auth-check";
import type { EmulatorContext } from "../context";
import { handled, jsonResponse } from "../respond";
import { ClbFault, clbError, notFound } from "./clb-errors";
import type { ClbRequest } from "./clb-request";
import { accountUsage, bulkDeleteLbs, createLb, deleteLb, listLbs, lbUsage, showLb, stats, updateLb } from "./lb-routes";
import { ABSOLUTE_LIMITS, ALGORITHMS, ALLOWED_DOMAINS, clbState, PROTOCOLS } from "./model";
import { accessList, metadata, methodNotAllowed, nodes, setting, virtualIps } from "./sub-routes";
import { iso } from "./views";

/**
 * Cloud Load Balancers v1.0 at `/v1.0/<tenant>/loadbalancers…` of each region's endpoint
 * (../shared/reference/load-balancers.md). Load balancers go BUILD → ACTIVE after a create,
 * PENDING_UPDATE → ACTIVE after every change and PENDING_DELETE → 404 after a delete, on the
 * emulator's clock (`clbState(state).timings`); a change while not ACTIVE is the 422 "immutable".
 * Nodes, virtual IPs, access lists, metadata, SSL termination, health monitor, session persistence,
 * connection logging/throttling, error page, content caching, usage and stats. Errors are CLB's flat
 * `{"message", "code"}` bodies; a 401 has no body.
 */
export function clbHandlers(ctx: EmulatorContext) {
  return [http.all("/v1.0/:tenantId/*", handled(ctx, (request) => route(ctx, request)))];
}

async function route(ctx: EmulatorContext, request: Request): Promise<Response> {
  const url = new URL(request.url);
  const [, , tenant = "", ...parts] = url.pathname.split("/").map((p) => decodeURIComponent(p));
  try {
    const check = presentedToken(ctx, request);
    if (!check.ok || check.token.tenantId !== tenant) throw new ClbFault(401, "");
    const region = endpointOf(request).region ?? ctx.regions[0]!;
    const r: ClbRequest = { ctx, request, url, clb: clbState(ctx.state).region(region), tenant };
    return await dispatch(r, parts);
  } catch (e) {
    if (e instanceof ClbFault) return clbError(e);
    throw e;
  }
}

/**
 * GET /limits: CLB's rate limits, in the numbers and shape of its limits docs (general-api-info/limits.rst). The
 * emulator does not count requests against them, so `remaining` is the whole allowance and the next one is now.
 */
function rateLimits(r: ClbRequest): Response {
  const at = iso(r.clb.now);
  const limit = Object.entries(RATE_LIMITS).map(([verb, value]) => ({ "next-available": at, remaining: value, unit: "MINUTE", value, verb }));
  return jsonResponse(200, { limits: { rate: [{ limit, regex: ".*/([0-9]+)/loadbalancers.*", uri: "/v1.0/*" }] } });
}
const RATE_LIMITS = { GET: 600, PUT: 600, DELETE: 300, POST: 300 };

async function dispatch(r: ClbRequest, parts: string[]): Promise<Response> {
  const m = r.request.method;
  const [collection, id, sub, ...rest] = parts;
  if (collection === "limits" && id === undefined) {
    if (m !== "GET") throw methodNotAllowed();
    return rateLimits(r);
  }
  if (collection !== "loadbalancers") throw notFound("Resource");
  if (id === undefined || id === "") {
    if (m === "GET") return listLbs(r);
    if (m === "POST") return createLb(r);
    if (m === "DELETE") return bulkDeleteLbs(r);
    throw methodNotAllowed();
  }
  // Account-wide listings (load-balancers.md: algorithms, protocols, alloweddomains, absolutelimits, usage).
  if (m === "GET" && sub === undefined) {
    if (id === "algorithms") return jsonResponse(200, { algorithms: ALGORITHMS.map((name) => ({ name })) });
    if (id === "protocols") return jsonResponse(200, { protocols: PROTOCOLS });
    if (id === "alloweddomains") return jsonResponse(200, { allowedDomains: ALLOWED_DOMAINS.map((name) => ({ allowedDomain: { name } })) });
    if (id === "absolutelimits") return jsonResponse(200, { absolute: Object.entries(ABSOLUTE_LIMITS).map(([name, value]) => ({ name, value })) });
    if (id === "usage") return accountUsage(r);
  }
  if (!/^\d+$/.test(id)) throw notFound("Load balancer");
  const lbId = Number(id);
  if (sub === undefined) {
    if (m === "GET") return showLb(r, lbId);
    if (m === "PUT") return updateLb(r, lbId);
    if (m === "DELETE") return deleteLb(r, lbId);
    throw methodNotAllowed();
  }
  switch (sub) {
    case "nodes":
      return nodes(r, lbId, rest);
    case "virtualips":
      return virtualIps(r, lbId, rest);
    case "accesslist":
      return accessList(r, lbId, rest);
    case "metadata": {
      const lb = r.clb.require(r.tenant, lbId);
      if (rest.length > 1) throw notFound("Resource");
      return metadata(r, lb.metadata, (items) => (lb.metadata = items), ABSOLUTE_LIMITS.LOADBALANCER_META_LIMIT, rest[0]);
    }
    case "stats":
      if (m !== "GET" || rest.length) throw methodNotAllowed();
      return stats(r, lbId);
    case "usage":
      if (m !== "GET" || rest.length > 1 || (rest.length === 1 && rest[0] !== "current")) throw notFound("Resource");
      return lbUsage(r, lbId, rest[0] === "current");
  }
  const answer = await setting(r, lbId, sub, rest);
  if (answer) return answer;
  throw notFound("Resource");
}
