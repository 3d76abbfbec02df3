import type { EmulatorContext } from "../context";
import { jsonResponse } from "../respond";
import { v3Error, v3Forbidden } from "./errors";
import type { EmulatorUser } from "./users";
import { callerOf } from "./v3";

/**
 * What a Keystone v3 user may read about themselves (Keystone's default policy: the owner, or a
 * caller with the admin role): their projects, domains and user record.
 */

export function projectBody(ctx: EmulatorContext, user: EmulatorUser) {
  return {
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
}

const listLinks = (ctx: EmulatorContext, path: string) => ({ next: null, self: `${ctx.publicUrl}/v3${path}`, previous: null });

/** GET /v3/auth/projects: the projects the caller's token may scope to (one per user here). */
export function authProjectsV3(ctx: EmulatorContext, request: Request): Response {
  const caller = callerOf(ctx, request);
  if (caller instanceof Response) return caller;
  return jsonResponse(200, { projects: [projectBody(ctx, caller.user)], links: listLinks(ctx, "/auth/projects") });
}

/** GET /v3/auth/domains: domains the caller has a role on; users here hold project roles only. */
export function authDomainsV3(ctx: EmulatorContext, request: Request): Response {
  const caller = callerOf(ctx, request);
  if (caller instanceof Response) return caller;
  return jsonResponse(200, { domains: [], links: listLinks(ctx, "/auth/domains") });
}

/** The user a `/v3/users/{id}` call may read, or Keystone's refusal. */
function readableUser(ctx: EmulatorContext, request: Request, userId: string, rule: string): EmulatorUser | Response {
  const caller = callerOf(ctx, request);
  if (caller instanceof Response) return caller;
  const isAdmin = caller.token.tenantId !== "" && caller.user.roles.some((r) => r.name === "admin");
  if (caller.user.userId !== userId && !isAdmin) return v3Forbidden(rule);
  const user = ctx.state.users.byId(userId);
  if (!user) return v3Error(404, `Could not find user: ${userId}.`);
  return user;
}

/** GET /v3/users/{id}. */
export function getUserV3(ctx: EmulatorContext, request: Request, userId: string): Response {
  const user = readableUser(ctx, request, userId, "identity:get_user");
  if (user instanceof Response) return user;
  return jsonResponse(200, { user: userBody(ctx, user) });
}

export function userBody(ctx: EmulatorContext, user: EmulatorUser) {
  return {
    id: user.userId,
    name: user.username,
    domain_id: user.domainId,
    enabled: user.enabled,
    default_project_id: user.tenantId,
    password_expires_at: null,
    options: {},
    links: { self: `${ctx.publicUrl}/v3/users/${user.userId}` },
  };
}

/** GET /v3/users/{id}/projects. */
export function userProjectsV3(ctx: EmulatorContext, request: Request, userId: string): Response {
  const user = readableUser(ctx, request, userId, "identity:list_user_projects");
  if (user instanceof Response) return user;
  return jsonResponse(200, { projects: [projectBody(ctx, user)], links: listLinks(ctx, `/users/${user.userId}/projects`) });
}
