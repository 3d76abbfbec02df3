import { randomBytes } from "node:crypto";
import { http } from "msw";
import { endpointOf } from "../arrival";
import { presentedToken } from "../auth-check";
import type { EmulatorContext } from "../context";
import { handled } from "../respond";
import { accountRoutes, agentTokenRoutes, auditRoutes, limitRoutes, changelogRoutes, checkTypeRoutes, notificationRoutes, notificationTypeRoutes, planRoutes, testNotification, viewRoutes, zoneRoutes } from "./account-routes";
import { entityRoutes } from "./entity-routes";
import { MaasFault, maasError, notFound } from "./maas-errors";
import type { MaasRequest } from "./maas-request";
import { monitoringState } from "./model";

/**
 * Rackspace Cloud Monitoring v1.0 at `/v1.0/<tenant>/…` of its one global endpoint (monitoring.md).
 * Collections are `{values, metadata}` paged by `next_marker`; creates are 201 + X-Object-ID;
 * errors are the service's flat `{type, code, message, details}`. Checks "run" every period on
 * the emulator's clock with values from a deterministic generator (metric-generator.ts): metrics,
 * data points, alarm states and changelogs all follow from the clock, nothing is stored per run.
 */
export function monitoringHandlers(ctx: EmulatorContext) {
  return [http.all("/v1.0/:tenantId/*", handled(ctx, (request) => route(ctx, request)))];
}

async function route(ctx: EmulatorContext, request: Request): Promise<Response> {
  const url = new URL(request.url);
  const [, , tenantId = "", collection = "", ...parts] = url.pathname.split("/").map((p) => decodeURIComponent(p));
  const check = presentedToken(ctx, request);
  if (!check.ok) return maasError(new MaasFault(401, "unauthorizedError", "Authentication required", "No valid X-Auth-Token was presented"));
  if (tenantId !== check.token.tenantId) return maasError(new MaasFault(403, "forbiddenError", "Forbidden", `The token is not valid for tenant ${tenantId}`));
  const r: MaasRequest = {
    ctx,
    request,
    url,
    account: monitoringState(ctx.state).tenant(tenantId),
    base: `${endpointOf(request).base}/v1.0/${encodeURIComponent(tenantId)}`,
    now: ctx.state.clock.now(),
  };
  count(r);
  let response: Response;
  try {
    response = await dispatch(r, collection, parts);
    if (request.method !== "GET" && request.method !== "HEAD" && response.status < 400) audit(r, response);
  } catch (e) {
    if (!(e instanceof MaasFault)) throw e;
    response = maasError(e);
  }
  return withRateLimit(r, response);
}

const DAY_MS = 86_400_000;

/** This request, in the account's last 24 h. */
function count(r: MaasRequest): void {
  const times = r.account.requestTimes;
  times.push(r.now);
  while (times.length && times[0]! <= r.now - DAY_MS) times.shift();
}

/** Every response carries the account's request budget (monitoring.md "Limits": 50 000 requests / 24 h). */
function withRateLimit(r: MaasRequest, response: Response): Response {
  const times = r.account.requestTimes;
  response.headers.set("x-ratelimit-type", "global");
  response.headers.set("x-ratelimit-limit", "50000");
  response.headers.set("x-ratelimit-used", String(times.length));
  response.headers.set("x-ratelimit-window", "24.0 hours");
  return response;
}

/** Every change is in the account's audit trail (GET /audits): what, when, and how it ended. */
function audit(r: MaasRequest, response: Response): void {
  const rest = r.url.pathname.split("/").slice(3);
  const app = appOf(rest);
  r.account.audits.push({
    id: `${r.now.toString(16).padStart(12, "0")}-${randomBytes(6).toString("hex")}`,
    timestamp: r.now,
    method: r.request.method,
    url: `/${rest.join("/")}`,
    app,
    statusCode: response.status,
    txnId: `.rh-${randomBytes(6).toString("hex")}`,
    account_id: `ac${r.account.tenantId}`,
    who: null,
    why: null,
  });
}

/** What a change was to, with the test calls as their own apps (GET /limits counts them apart). */
function appOf(rest: string[]): string {
  if (rest.at(-1) === "test") return rest[0] === "notifications" ? "test-notification" : "test-check";
  return rest.find((p) => p.startsWith("test-")) ?? rest[0] ?? "";
}

async function dispatch(r: MaasRequest, collection: string, parts: string[]): Promise<Response> {
  const url = r.url;
  switch (collection) {
    case "entities":
      return await entityRoutes(r, parts);
    case "check_types":
      return checkTypeRoutes(r, parts);
    case "monitoring_zones":
      return await zoneRoutes(r, parts);
    case "notifications":
      return await notificationRoutes(r, parts);
    case "test-notification":
      if (parts.length) throw notFound("Resource", url.pathname);
      return await testNotification(r);
    case "notification_types":
      return notificationTypeRoutes(r, parts);
    case "notification_plans":
      return await planRoutes(r, parts);
    case "agent_tokens":
      return await agentTokenRoutes(r, parts);
    case "changelogs":
      return changelogRoutes(r, parts);
    case "views":
      return viewRoutes(r, parts);
    case "account":
      return await accountRoutes(r, parts);
    case "audits":
      return auditRoutes(r, parts);
    case "limits":
      return limitRoutes(r, parts);
    default:
      throw notFound("Resource", url.pathname);
  }
}
