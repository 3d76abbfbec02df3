import { buildCatalog } from "../catalog";
import type { EmulatorContext } from "../context";
import { standardBody } from "../object-store/errors";
import { emptyResponse, textResponse } from "../respond";
import type { EmulatorUser } from "./users";

/**
 * GET /v1.0 (Rackspace's legacy auth) and /auth/v1.0 (Swift tempauth's path): `X-Auth-User` +
 * `X-Auth-Key` headers in, the token and service URLs as headers out — python-swiftclient's default
 * auth (`swift -A http://127.0.0.1:5000/auth/v1.0 -U demo -K demo-api-key stat`). The key is the
 * user's API key (Rackspace) or password (tempauth); a tempauth-style `project:user` names the user
 * after the colon. `/auth/v1.0` answers as Swift 2.30's tempauth does (checked: 200, empty body; 401 with
 * Swift's HTML page and `Www-Authenticate: Swift realm="unknown"`); `/v1.0` 204 as Rackspace answered
 * (inferred: not in reference/identity.md). A disabled user 403.
 */
export function getTokenV1(ctx: EmulatorContext, request: Request, flavour: "tempauth" | "rackspace"): Response {
  const who = request.headers.get("x-auth-user") ?? "";
  const key = request.headers.get("x-auth-key") ?? "";
  const user = findUser(ctx, who);
  const method = user && key !== "" ? (key === user.apiKey ? "APIKEY" : key === user.password ? "PASSWORD" : undefined) : undefined;
  if (!user || !method) return textResponse(401, standardBody(401), { "www-authenticate": 'Swift realm="unknown"' }, "text/html; charset=UTF-8");
  if (!user.enabled) return textResponse(403, standardBody(403), undefined, "text/html; charset=UTF-8");
  const token = ctx.state.tokens.issue(user.userId, user.tenantId, [method]);
  const catalog = buildCatalog(ctx, user);
  const url = (type: string) => {
    const endpoints = catalog.find((s) => s.type === type)?.endpoints ?? [];
    return (endpoints.find((e) => e.region === user.defaultRegion) ?? endpoints[0])?.publicURL;
  };
  return emptyResponse(flavour === "tempauth" ? 200 : 204, {
    "x-auth-token": token.id,
    "x-storage-token": token.id,
    "x-storage-url": url("object-store"),
    "x-cdn-management-url": url("rax:object-cdn"),
    "x-server-management-url": url("compute"),
    "x-auth-token-expires": Math.max(0, Math.floor((token.expiresAt - ctx.state.clock.now()) / 1000)),
  });
}

function findUser(ctx: EmulatorContext, who: string): EmulatorUser | undefined {
  const direct = ctx.state.users.byUsername(who);
  if (direct || !who.includes(":")) return direct;
  const colon = who.indexOf(":");
  const project = who.slice(0, colon);
  const user = ctx.state.users.byUsername(who.slice(colon + 1));
  return user && (project === user.tenantName || project === user.tenantId) ? user : undefined;
}
