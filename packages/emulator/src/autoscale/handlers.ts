import { http } from "msw";
import { endpointOf } from "../arrival";
import { presentedToken } from "../auth-check";
import type { EmulatorContext } from "../context";
import { emptyResponse, handled, jsonResponse } from "../respond";
import { converge, createGroup, deleteGroup, deleteServer, groupConfig, groupState, launchConfig, listGroups, setPaused, showGroup } from "./group-routes";
import { autoscaleState } from "./model";
import { OtterFault, otterError } from "./otter-errors";
import type { OtterRequest } from "./otter-request";
import { executePolicy, policies, policy, webhook, webhooks } from "./policy-routes";

/**
 * Rackspace Auto Scale (Otter) v1.0 at `/v1.0/<tenant>/…` of each region's autoscale endpoint, after
 * reference autoscale.md: groups whose servers are built and deleted in the emulator's Nova on its
 * clock (converging on the desired capacity), pause/resume (403 GroupPausedError), policies with group
 * and policy cooldowns, webhooks whose capability URLs (`/v1.0/execute/1/<hash>/`, no token) run them.
 * Errors are Otter's `{"error": {type, code, message, details}}`.
 */
export function autoscaleHandlers(ctx: EmulatorContext) {
  return [
    // Anonymous execute: no token, no tenant, 202 always (reference: "(docs, not pyrax) anonymous execute").
    http.all(
      "/v1.0/execute/*",
      handled(ctx, (request) => {
        const [, , , version = "", hash = "", ...rest] = new URL(request.url).pathname.split("/");
        if (request.method !== "POST") return otterError(405, "MethodNotAllowed", "Use POST to execute a webhook.");
        if (version !== "1" || !hash || rest.some((p) => p !== "")) return otterError(404, "NotFoundError", "Not found.");
        autoscaleState(ctx.state).executeCapability(hash);
        return emptyResponse(202);
      }),
    ),
    http.all("/v1.0/:tenantId/*", handled(ctx, (request) => route(ctx, request))),
  ];
}

async function route(ctx: EmulatorContext, request: Request): Promise<Response> {
  const url = new URL(request.url);
  const [, , tenantId = "", ...parts] = url.pathname.split("/").map((p) => decodeURIComponent(p));
  const check = presentedToken(ctx, request);
  if (!check.ok) return jsonResponse(401, { unauthorized: { code: 401, message: "The request you have made requires authentication." } });
  // (inferred) Otter sits behind Repose, which refuses another tenant's URL with 403.
  if (tenantId !== check.token.tenantId) return otterError(403, "ForbiddenError", `Tenant ${tenantId} does not match the token's tenant`);
  const at = endpointOf(request);
  const region = at.region ?? ctx.regions[0]!;
  const autoscale = autoscaleState(ctx.state);
  for (const catchUp of autoscale.beforeRequest) catchUp();
  const r: OtterRequest = { ctx, request, url, region: autoscale.region(region), tenantId, userId: check.token.userId, at: { base: at.base, tenantId } };
  try {
    return await dispatch(r, parts.filter((p) => p !== ""));
  } catch (e) {
    if (e instanceof OtterFault) return otterError(e.status, e.type, e.message);
    throw e;
  }
}

async function dispatch(r: OtterRequest, parts: string[]): Promise<Response> {
  const m = r.request.method;
  const notFound = () => new OtterFault(404, "NotFoundError", "Not found.");
  const only = (...allowed: string[]) => {
    if (!allowed.includes(m)) throw new OtterFault(405, "MethodNotAllowed", `${m} is not allowed here.`);
  };
  const [collection, groupId, sub, policyId, leaf, webhookId, ...extra] = parts;
  if (collection !== "groups" || extra.length) throw notFound();
  if (groupId === undefined) {
    only("GET", "POST");
    return m === "GET" ? listGroups(r) : createGroup(r);
  }
  const g = r.region.group(r.tenantId, groupId);
  if (sub === undefined) {
    only("GET", "DELETE");
    return m === "GET" ? showGroup(r, g) : deleteGroup(r, g);
  }
  if (policyId === undefined) {
    if (sub === "state") return only("GET"), groupState(r, g);
    if (sub === "pause" || sub === "resume") return only("POST"), setPaused(r, g, sub === "pause");
    if (sub === "config") return only("GET", "PUT"), groupConfig(r, g);
    if (sub === "launch") return only("GET", "PUT"), launchConfig(r, g);
    if (sub === "policies") return only("GET", "POST"), policies(r, g);
    if (sub === "converge") return only("POST"), converge(r, g);
    throw notFound();
  }
  if (sub === "servers" && leaf === undefined) return only("DELETE"), deleteServer(r, g, policyId);
  if (sub !== "policies") throw notFound();
  const p = r.region.policy(g, policyId);
  if (leaf === undefined) return only("GET", "PUT", "DELETE"), policy(r, g, p);
  if (leaf === "execute" && webhookId === undefined) return only("POST"), executePolicy(r, g, p);
  if (leaf !== "webhooks") throw notFound();
  if (webhookId === undefined) return only("GET", "POST"), webhooks(r, g, p);
  return only("GET", "PUT", "DELETE"), webhook(r, g, p, webhookId);
}
