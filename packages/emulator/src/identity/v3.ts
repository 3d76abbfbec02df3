import { buildCatalog } from "../catalog";
import type { EmulatorContext } from "../context";
import { emptyResponse, jsonResponse } from "../respond";
import { v3Error, v3Unauthorized } from "./errors";
import { isObject, readJsonObject, stringField, type JsonObject } from "./json-body";
import type { TokenRecord } from "./tokens";
import type { EmulatorUser } from "./users";

/** Keystone v3 tokens scoped to nothing carry an empty tenant; services refuse them. */
const UNSCOPED = "";

function domainMatches(user: EmulatorUser, domain: unknown): boolean {
  if (!isObject(domain)) return false;
  const id = stringField(domain, "id");
  const name = stringField(domain, "name");
  if (id !== undefined) return id === user.domainId || id === "default";
  if (name !== undefined) return name === user.domainId || name === "Default";
  return false;
}

/** POST /v3/auth/tokens — password or token method, project scope by id or name+domain. */
export async function postTokensV3(ctx: EmulatorContext, request: Request): Promise<Response> {
  const body = await readJsonObject(request);
  const auth = body?.auth;
  const identity = isObject(auth) ? auth.identity : undefined;
  if (!isObject(auth) || !isObject(identity) || !Array.isArray(identity.methods) || identity.methods.length === 0)
    return v3Error(400, "Expecting to find identity.methods in auth.");
  const methods = identity.methods.filter((m): m is string => typeof m === "string");

  let user: EmulatorUser | undefined;
  let expiresAt: number | undefined;
  if (methods.includes("password")) {
    const password = isObject(identity.password) ? identity.password : undefined;
    const userSpec = password?.user;
    if (!isObject(userSpec)) return v3Error(400, "Expecting to find user in password.");
    const secret = stringField(userSpec, "password");
    const id = stringField(userSpec, "id");
    const name = stringField(userSpec, "name");
    if (id !== undefined) user = ctx.state.users.byId(id);
    else if (name !== undefined) {
      if (!isObject(userSpec.domain)) return v3Error(400, "Expecting to find domain in user.");
      const candidate = ctx.state.users.byUsername(name);
      user = candidate && domainMatches(candidate, userSpec.domain) ? candidate : undefined;
    } else return v3Error(400, "Expecting to find id or name in user.");
    if (!user || user.password === undefined || secret !== user.password) return v3Unauthorized(ctx);
  } else if (methods.includes("token")) {
    const check = ctx.state.tokens.check(stringField(identity.token, "id"));
    if (!check.ok) return v3Unauthorized(ctx);
    user = ctx.state.users.byId(check.token.userId);
    if (!user) return v3Unauthorized(ctx);
    // Keystone: a token made from a token never outlives the original.
    expiresAt = check.token.expiresAt;
  } else {
    return v3Unauthorized(ctx);
  }
  if (!user.enabled) return v3Unauthorized(ctx);

  let tenantId = user.tenantId;
  const scope = auth.scope;
  if (scope === "unscoped") tenantId = UNSCOPED;
  else if (scope !== undefined) {
    if (!isObject(scope)) return v3Error(400, "Invalid scope.");
    if (scope.project !== undefined && scope.domain !== undefined) return v3Error(400, "Specify either a project or a domain scope, not both.");
    if (isObject(scope.project)) {
      const id = stringField(scope.project, "id");
      const name = stringField(scope.project, "name");
      const ok =
        id !== undefined
          ? id === user.tenantId
          : name !== undefined && (name === user.tenantName || name === user.tenantId) && domainMatches(user, scope.project.domain);
      if (!ok) return v3Unauthorized(ctx);
    } else if (isObject(scope.domain)) {
      if (!domainMatches(user, scope.domain)) return v3Unauthorized(ctx);
      tenantId = UNSCOPED;
    } else return v3Error(400, "Invalid scope.");
  }

  const token = ctx.state.tokens.issue(user.userId, tenantId, methods, expiresAt);
  const withCatalog = !new URL(request.url).searchParams.has("nocatalog");
  return jsonResponse(201, tokenBody(ctx, token, user, withCatalog), { "x-subject-token": token.id });
}

function v3Time(ms: number): string {
  return new Date(ms).toISOString().replace("Z", "000Z");
}

export function tokenBody(ctx: EmulatorContext, token: TokenRecord, user: EmulatorUser, withCatalog: boolean): JsonObject {
  const domain = { id: user.domainId, name: user.domainId };
  const scoped = token.tenantId !== UNSCOPED;
  return {
    token: {
      methods: token.methods,
      expires_at: v3Time(token.expiresAt),
      issued_at: v3Time(token.issuedAt),
      audit_ids: [token.id.slice(0, 22)],
      user: { id: user.userId, name: user.username, domain, password_expires_at: null },
      ...(scoped
        ? {
            project: { id: user.tenantId, name: user.tenantName, domain },
            roles: user.roles.map((r) => ({ id: r.id, name: r.name })),
            is_domain: false,
            ...(withCatalog ? { catalog: v3Catalog(ctx, user) } : {}),
          }
        : {}),
    },
  };
}

/**
 * v3 endpoints always carry a region; Rackspace's global services (DNS,
 * Monitoring) are listed once per region with the same URL.
 */
function v3Catalog(ctx: EmulatorContext, user: EmulatorUser) {
  return buildCatalog(ctx, user, "v3").map((service, index) => {
    const endpoints = service.endpoints.flatMap((e) => {
      const regions = e.region ? [e.region] : ctx.regions;
      return regions.flatMap((region) => {
        const base = `${service.name}-${region}`;
        const out = [{ id: `${base}-public`, interface: "public", region, region_id: region, url: e.publicURL }];
        if (e.internalURL) out.push({ id: `${base}-internal`, interface: "internal", region, region_id: region, url: e.internalURL });
        return out;
      });
    });
    return { id: `svc-${index + 1}`, type: service.type, name: service.name, endpoints };
  });
}

/** GET /v3/auth/catalog: the catalog of the caller's (scoped) token. */
export function authCatalogV3(ctx: EmulatorContext, request: Request): Response {
  const caller = callerOf(ctx, request);
  if (caller instanceof Response) return caller;
  if (caller.token.tenantId === UNSCOPED) return v3Error(403, "A project-scoped token is required to produce a service catalog.");
  return jsonResponse(200, { catalog: v3Catalog(ctx, caller.user), links: { self: `${ctx.publicUrl}/v3/auth/catalog` } });
}

/** GET /v3/auth/projects: the projects the caller's token may scope to (one per user here). */
export function authProjectsV3(ctx: EmulatorContext, request: Request): Response {
  const caller = callerOf(ctx, request);
  if (caller instanceof Response) return caller;
  const { user } = caller;
  const project = {
    id: user.tenantId,
    name: user.tenantName,
    domain_id: user.domainId,
    description: "",
    enabled: true,
    parent_id: user.domainId,
    is_domain: false,
    tags: [],
    options: {},
    links: { self: `${ctx.publicUrl}/v3/projects/${user.tenantId}` },
  };
  return jsonResponse(200, {
    projects: [project],
    links: { next: null, self: `${ctx.publicUrl}/v3/auth/projects`, previous: null },
  });
}

function callerOf(ctx: EmulatorContext, request: Request): { token: TokenRecord; user: EmulatorUser } | Response {
  const check = ctx.state.tokens.check(request.headers.get("x-auth-token"));
  const user = check.ok ? ctx.state.users.byId(check.token.userId) : undefined;
  if (!check.ok || !user) return v3Unauthorized(ctx);
  return { token: check.token, user };
}

/** GET | HEAD | DELETE /v3/auth/tokens with X-Subject-Token. */
export function subjectTokenV3(ctx: EmulatorContext, request: Request): Response {
  const caller = ctx.state.tokens.check(request.headers.get("x-auth-token"));
  if (!caller.ok) return v3Unauthorized(ctx);
  const subjectId = request.headers.get("x-subject-token");
  const subject = ctx.state.tokens.check(subjectId);
  const user = subject.ok ? ctx.state.users.byId(subject.token.userId) : undefined;
  if (!subject.ok || !user || !subjectId) return v3Error(404, "Could not find token.");
  if (request.method === "DELETE") {
    ctx.state.tokens.revoke(subjectId);
    return emptyResponse(204);
  }
  const withCatalog = !new URL(request.url).searchParams.has("nocatalog");
  return jsonResponse(200, tokenBody(ctx, subject.token, user, withCatalog), { "x-subject-token": subjectId });
}

export function versionV3(ctx: EmulatorContext): Response {
  return jsonResponse(200, {
    version: {
      id: "v3.14",
      status: "stable",
      updated: "2020-04-07T00:00:00Z",
      links: [{ rel: "self", href: `${ctx.publicUrl}/v3/` }],
      "media-types": [{ base: "application/json", type: "application/vnd.openstack.identity-v3+json" }],
    },
  });
}
