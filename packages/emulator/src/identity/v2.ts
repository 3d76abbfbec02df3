import { buildCatalog } from "../catalog";
import type { EmulatorContext } from "../context";
import { emptyResponse, jsonResponse } from "../respond";
import { v2Fault } from "./errors";
import { isObject, readJsonObject, stringField, type JsonObject } from "./json-body";
import type { TokenRecord } from "./tokens";
import { storageAccountFor, type EmulatorUser } from "./users";

/** POST /v2.0/tokens — API key, password and token credentials. */
export async function postTokensV2(ctx: EmulatorContext, request: Request): Promise<Response> {
  const body = await readJsonObject(request);
  const auth = body?.auth;
  if (!isObject(auth)) return v2Fault(400, "Invalid json request body");
  const tenantId = stringField(auth, "tenantId");
  const tenantName = stringField(auth, "tenantName");
  if (tenantId !== undefined && tenantName !== undefined)
    return v2Fault(400, "Invalid request. Specify tenantId OR tenantName, not both.");

  let user: EmulatorUser | undefined;
  let methods: string[];
  let expiresAt: number | undefined;
  let parent: TokenRecord | undefined;
  const apiKeyCreds = auth["RAX-KSKEY:apiKeyCredentials"];
  const passwordCreds = auth["passwordCredentials"];
  const tokenCreds = auth["token"];
  if (isObject(apiKeyCreds)) {
    const username = stringField(apiKeyCreds, "username");
    const apiKey = stringField(apiKeyCreds, "apiKey");
    if (!username || !apiKey) return v2Fault(400, "Expecting username and apiKey");
    const candidate = ctx.state.users.byUsername(username);
    if (!candidate || candidate.apiKey === undefined || candidate.apiKey !== apiKey)
      return v2Fault(401, "Username or api key is invalid.");
    user = candidate;
    methods = ["APIKEY"];
  } else if (isObject(passwordCreds)) {
    const username = stringField(passwordCreds, "username");
    const password = stringField(passwordCreds, "password");
    if (!username || !password) return v2Fault(400, "Expecting username and password");
    const candidate = ctx.state.users.byUsername(username);
    if (!candidate || candidate.password === undefined || candidate.password !== password)
      return v2Fault(401, "Unable to authenticate user with credentials provided.");
    user = candidate;
    methods = ["PASSWORD"];
  } else if (isObject(tokenCreds)) {
    const check = ctx.state.tokens.check(stringField(tokenCreds, "id"));
    if (!check.ok) return v2Fault(401, "Token not authenticated.");
    user = ctx.state.users.byId(check.token.userId);
    if (!user) return v2Fault(401, "Token not authenticated.");
    if (tenantId === undefined && tenantName === undefined) return v2Fault(400, "Token authentication needs tenantId or tenantName.");
    methods = check.token.methods;
    parent = check.token;
    expiresAt = check.token.expiresAt;
  } else {
    return v2Fault(400, "Invalid request body: unable to parse Auth data. Please review XML or JSON formatting.");
  }

  if (!user.enabled) return v2Fault(403, "User is disabled.");
  const tenants = [user.tenantId, user.tenantName, storageAccountFor(user.tenantId)];
  const asked = tenantId ?? tenantName;
  if (asked !== undefined && !tenants.includes(asked)) return v2Fault(401, "Token doesn't belong to the requested tenant.");

  const token = ctx.state.tokens.issue(user.userId, user.tenantId, methods, expiresAt, parent);
  return jsonResponse(200, accessBody(ctx, token, user, true));
}

export function accessBody(ctx: EmulatorContext, token: TokenRecord, user: EmulatorUser, withCatalog: boolean): JsonObject {
  return {
    access: {
      token: {
        id: token.id,
        expires: new Date(token.expiresAt).toISOString(),
        tenant: { id: user.tenantId, name: user.tenantName },
        "RAX-AUTH:authenticatedBy": token.methods,
      },
      ...(withCatalog ? { serviceCatalog: buildCatalog(ctx, user) } : {}),
      user: {
        id: user.userId,
        name: user.username,
        roles: user.roles,
        "RAX-AUTH:defaultRegion": user.defaultRegion,
        "RAX-AUTH:domainId": user.domainId,
      },
    },
  };
}

/** Admin-style calls on another token need a valid token of their own. */
function caller(ctx: EmulatorContext, request: Request): TokenRecord | Response {
  const check = ctx.state.tokens.check(request.headers.get("x-auth-token"));
  if (!check.ok) return v2Fault(401, "No valid token provided. Please use the 'X-Auth-Token' header with a valid token.");
  return check.token;
}

/** GET | HEAD | DELETE /v2.0/tokens/{id}: validate, check, revoke. */
export function tokenByIdV2(ctx: EmulatorContext, request: Request, subjectId: string): Response {
  const who = caller(ctx, request);
  if (who instanceof Response) return who;
  const subject = ctx.state.tokens.check(subjectId);
  const user = subject.ok ? ctx.state.users.byId(subject.token.userId) : undefined;
  if (!subject.ok || !user) return v2Fault(404, "Token not found.");
  const belongsTo = new URL(request.url).searchParams.get("belongsTo");
  if (belongsTo !== null && ![user.tenantId, user.tenantName, storageAccountFor(user.tenantId)].includes(belongsTo))
    return v2Fault(404, "Token doesn't belong to the requested tenant.");
  if (request.method === "DELETE") {
    ctx.state.tokens.revoke(subjectId);
    return emptyResponse(204);
  }
  return jsonResponse(200, accessBody(ctx, subject.token, user, false));
}

/** GET /v2.0/tenants: the tenants the caller's token can use. */
export function tenantsV2(ctx: EmulatorContext, request: Request): Response {
  const who = caller(ctx, request);
  if (who instanceof Response) return who;
  const user = ctx.state.users.byId(who.userId);
  const tenants = user ? [{ id: user.tenantId, name: user.tenantName, enabled: true, description: null }] : [];
  return jsonResponse(200, { tenants, tenants_links: [] });
}

/** The version entry, as the version document and the root's version list show it. */
export function versionV2Entry(ctx: EmulatorContext, status = "deprecated") {
  return {
    id: "v2.0",
    status,
    updated: "2014-04-17T00:00:00Z",
    links: [{ rel: "self", href: `${ctx.publicUrl}/v2.0/` }],
    "media-types": [{ base: "application/json", type: "application/vnd.openstack.identity-v2.0+json" }],
  };
}

export function versionV2(ctx: EmulatorContext): Response {
  return jsonResponse(200, { version: versionV2Entry(ctx, "stable") });
}
