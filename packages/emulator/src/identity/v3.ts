import { buildCatalog } from "../catalog";
import type { EmulatorContext } from "../context";
import { emptyResponse, jsonResponse } from "../respond";
import { v3BadRequest, v3Error, v3Forbidden, v3Unauthorized } from "./errors";
import { isObject, readJsonObject, stringField, type JsonObject } from "./json-body";
import type { ApplicationCredential } from "./application-credential-store";
import type { TokenExtras, TokenRecord } from "./tokens";
import type { EmulatorRole, EmulatorUser } from "./users";

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

/** The auth methods the emulator offers; Keystone without a method's plugin answers 401, and so does this. */
const METHODS = new Set(["password", "token", "application_credential"]);

/** A token that cannot be used: Keystone's 404s, worded as it words them (Fernet tokens). */
function tokenNotFound(reason: "missing" | "unknown" | "expired" | "revoked"): Response {
  return v3Error(404, reason === "unknown" || reason === "missing" ? "Could not recognize Fernet token" : "Failed to validate token");
}

/** The password method's user, or the Response refusing it. */
function passwordUser(ctx: EmulatorContext, identity: JsonObject): EmulatorUser | Response {
  const userSpec = isObject(identity.password) ? identity.password.user : undefined;
  if (!isObject(userSpec)) return v3BadRequest("Expecting to find user in password.");
  const secret = stringField(userSpec, "password");
  const id = stringField(userSpec, "id");
  const name = stringField(userSpec, "name");
  let user: EmulatorUser | undefined;
  if (id !== undefined) user = ctx.state.users.byId(id);
  else if (name !== undefined) {
    if (!isObject(userSpec.domain)) return v3BadRequest("Expecting to find domain in user.");
    const candidate = ctx.state.users.byUsername(name);
    user = candidate && domainMatches(candidate, userSpec.domain) ? candidate : undefined;
  } else return v3BadRequest("Expecting to find id or name in user.");
  if (!user || user.password === undefined || secret !== user.password) return v3Unauthorized(ctx);
  return user;
}

/** The application_credential method's credential (by id, or by name + user) and its user, or the refusal. */
function applicationCredentialUser(ctx: EmulatorContext, identity: JsonObject): { credential: ApplicationCredential; user: EmulatorUser } | Response {
  const spec = identity.application_credential as JsonObject;
  const secret = stringField(spec, "secret");
  const id = stringField(spec, "id");
  const name = stringField(spec, "name");
  let credential: ApplicationCredential | undefined;
  if (id !== undefined) {
    credential = ctx.state.applicationCredentials.get(id);
    if (!credential) return v3Error(404, `Could not find Application Credential: ${id}.`);
  } else if (name !== undefined && isObject(spec.user)) {
    const userId = stringField(spec.user, "id");
    const userName = stringField(spec.user, "name");
    const owner = userId !== undefined ? ctx.state.users.byId(userId) : userName !== undefined ? ctx.state.users.byUsername(userName) : undefined;
    if (userId === undefined && owner && !domainMatches(owner, spec.user.domain)) return v3Unauthorized(ctx);
    credential = owner ? ctx.state.applicationCredentials.byName(owner.userId, name) : undefined;
    if (!credential) return v3Unauthorized(ctx);
  } else return v3BadRequest("Expecting to find id or name and user in application_credential.");
  const user = ctx.state.users.byId(credential.userId);
  if (!user || secret !== credential.secret || ctx.state.applicationCredentials.isExpired(credential)) return v3Unauthorized(ctx);
  return { credential, user };
}

/** POST /v3/auth/tokens — password, token and application_credential methods; project, domain or system scope, "unscoped". */
export async function postTokensV3(ctx: EmulatorContext, request: Request): Promise<Response> {
  const body = await readJsonObject(request);
  const auth = body?.auth;
  if (!isObject(auth)) return v3BadRequest("Expecting to find auth in request body.");
  const identity = auth.identity;
  if (!isObject(identity)) return v3BadRequest("Expecting to find identity in auth.");
  if (!Array.isArray(identity.methods) || identity.methods.some((m) => typeof m !== "string"))
    return v3BadRequest("Invalid input for field 'identity/methods': expected an array of strings.");
  const methods = [...new Set(identity.methods as string[])];
  if (methods.length === 0) return v3Unauthorized(ctx);
  for (const m of methods) if (!isObject(identity[m])) return v3BadRequest(`Expecting to find ${m} in identity.`);
  if (methods.some((m) => !METHODS.has(m))) return v3Unauthorized(ctx);

  let user: EmulatorUser | undefined;
  let parent: TokenRecord | undefined;
  let credential: ApplicationCredential | undefined;
  if (methods.includes("application_credential")) {
    if (auth.scope !== undefined)
      return jsonResponse(401, {
        error: { code: 401, identity: {}, message: "Error authenticating with application credential: Application credentials cannot request a scope.", title: "Unauthorized" },
      });
    const found = applicationCredentialUser(ctx, identity);
    if (found instanceof Response) return found;
    ({ credential, user } = found);
  }
  if (methods.includes("token")) {
    const id = stringField(identity.token, "id");
    if (id === undefined) return v3Error(400, "Invalid input for field 'identity/token': 'id' is a required property");
    const check = ctx.state.tokens.check(id);
    if (!check.ok) return tokenNotFound(check.reason);
    parent = check.token;
    // A token an application credential obtained is delegated: Keystone will not make another from it.
    if (parent.applicationCredential) return v3Forbidden("Using a delegated token to create another token is not allowed.");
    const owner = ctx.state.users.byId(parent.userId);
    if (!owner) return tokenNotFound("unknown");
    if (user && user.userId !== owner.userId) return v3Unauthorized(ctx);
    user = owner;
  }
  if (methods.includes("password")) {
    const found = passwordUser(ctx, identity);
    if (found instanceof Response) return found;
    // Every method must name the same user.
    if (user && user.userId !== found.userId) return v3Unauthorized(ctx);
    user = found;
  }
  if (!user || !user.enabled) return v3Unauthorized(ctx);

  // A token made from a token keeps the chain of methods behind it (Keystone lists `token` first),
  // the chain's first audit id, and the original's expiry.
  const chain = parent ? ["token", ...new Set([...parent.methods, ...methods].filter((m) => m !== "token"))] : methods;

  // Without a scope: the scope of the token re-authenticated, else the user's default project.
  let tenantId = parent && parent.tenantId !== UNSCOPED ? parent.tenantId : user.tenantId;
  let extras: TokenExtras = parent?.system ? { system: true } : parent?.domainId ? { domainId: parent.domainId } : {};
  if (extras.system || extras.domainId) tenantId = UNSCOPED;
  if (credential) extras = { applicationCredential: { id: credential.id, name: credential.name, restricted: !credential.unrestricted } };
  const scope = auth.scope;
  if (scope === "unscoped") {
    tenantId = UNSCOPED;
    extras = {};
  } else if (scope !== undefined) {
    extras = {};
    if (!isObject(scope)) return v3BadRequest("Invalid input for field 'scope'.");
    if ([scope.project, scope.domain, scope.system].filter((x) => x !== undefined).length > 1)
      return v3BadRequest("Specify one of a project, domain or system scope.");
    if (isObject(scope.project)) {
      const id = stringField(scope.project, "id");
      const name = stringField(scope.project, "name");
      const ok =
        id !== undefined
          ? id === user.tenantId
          : name !== undefined && (name === user.tenantName || name === user.tenantId) && domainMatches(user, scope.project.domain);
      if (!ok) return v3Unauthorized(ctx);
      tenantId = user.tenantId;
    } else if (isObject(scope.domain)) {
      // Keystone scopes to a domain only where the user holds a role on it.
      if (!domainMatches(user, scope.domain) || user.domainRoles.length === 0) return v3Unauthorized(ctx);
      tenantId = UNSCOPED;
      extras = { domainId: user.domainId };
    } else if (isObject(scope.system)) {
      if (scope.system.all !== true || user.systemRoles.length === 0) return v3Unauthorized(ctx);
      tenantId = UNSCOPED;
      extras = { system: true };
    } else return v3BadRequest("Invalid input for field 'scope'.");
  }

  const token = ctx.state.tokens.issue(user.userId, tenantId, chain, parent?.expiresAt, parent, extras);
  const withCatalog = !new URL(request.url).searchParams.has("nocatalog");
  return jsonResponse(201, tokenBody(ctx, token, user, withCatalog), { "x-subject-token": token.id });
}

/** Fernet tokens carry whole seconds: `2026-12-02T19:41:13.000000Z`. */
function v3Time(ms: number): string {
  return new Date(Math.floor(ms / 1000) * 1000).toISOString().replace("Z", "000Z");
}

function domainOf(user: EmulatorUser) {
  return { id: user.domainId, name: user.domainId === "default" ? "Default" : user.domainId };
}

export function tokenBody(ctx: EmulatorContext, token: TokenRecord, user: EmulatorUser, withCatalog: boolean): JsonObject {
  const domain = domainOf(user);
  const roles = (list: EmulatorRole[]) => list.map((r) => ({ id: r.id, name: r.name }));
  const catalog = withCatalog ? { catalog: v3Catalog(ctx, user) } : {};
  let scope: JsonObject = {};
  if (token.tenantId !== UNSCOPED) scope = { project: { id: user.tenantId, name: user.tenantName, domain }, is_domain: false, roles: roles(user.roles), ...catalog };
  else if (token.system) scope = { roles: roles(user.systemRoles), system: { all: true }, ...catalog };
  else if (token.domainId) scope = { domain, roles: roles(user.domainRoles), ...catalog };
  return {
    token: {
      methods: token.methods,
      expires_at: v3Time(token.expiresAt),
      issued_at: v3Time(token.issuedAt),
      audit_ids: token.auditIds,
      user: { id: user.userId, name: user.username, domain, password_expires_at: null },
      ...scope,
      ...(token.applicationCredential ? { application_credential: token.applicationCredential } : {}),
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
        // Keystone lists itself on all three interfaces (keystone-manage bootstrap), one URL for all.
        if (service.type === "identity") {
          out.push({ id: `${base}-internal`, interface: "internal", region, region_id: region, url: e.publicURL });
          out.push({ id: `${base}-admin`, interface: "admin", region, region_id: region, url: e.publicURL });
        }
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
  if (caller.token.tenantId === UNSCOPED && !caller.token.system && !caller.token.domainId) return v3Forbidden();
  return jsonResponse(200, { catalog: v3Catalog(ctx, caller.user), links: { self: `${ctx.publicUrl}/v3/auth/catalog` } });
}

export function callerOf(ctx: EmulatorContext, request: Request): { token: TokenRecord; user: EmulatorUser } | Response {
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
  // Keystone's policy check finds no token to act on: 403, naming the rule.
  if (!subjectId) return v3Forbidden(`identity:${{ GET: "validate_token", HEAD: "check_token", DELETE: "revoke_token" }[request.method]}`);
  const subject = ctx.state.tokens.check(subjectId);
  if (!subject.ok) return tokenNotFound(subject.reason);
  const user = ctx.state.users.byId(subject.token.userId);
  if (!user) return tokenNotFound("unknown");
  if (request.method === "DELETE") {
    ctx.state.tokens.revoke(subjectId);
    return emptyResponse(204);
  }
  const withCatalog = !new URL(request.url).searchParams.has("nocatalog");
  return jsonResponse(200, tokenBody(ctx, subject.token, user, withCatalog), { "x-subject-token": subjectId });
}

/** The version entry, as the version document and the root's version list show it. */
export function versionV3Entry(ctx: EmulatorContext, status = "stable") {
  return {
    id: "v3.14",
    status,
    updated: "2020-04-07T00:00:00Z",
    links: [{ rel: "self", href: `${ctx.publicUrl}/v3/` }],
    "media-types": [{ base: "application/json", type: "application/vnd.openstack.identity-v3+json" }],
  };
}

export function versionV3(ctx: EmulatorContext): Response {
  return jsonResponse(200, { version: versionV3Entry(ctx, "stable") });
}
