import type { EmulatorContext } from "../context";
import { jsonResponse } from "../respond";
import { v3Error, v3Forbidden } from "./errors";
import type { EmulatorRole, EmulatorUser } from "./users";
import { callerOf } from "./v3";
import { projectBody, userBody } from "./v3-self";

/**
 * Keystone v3 admin reads (users, projects, roles), as its default policy allows them: a token
 * with the admin role (project or system scope). Projects are the users' projects here.
 */

function requireAdmin(ctx: EmulatorContext, request: Request, rule: string): EmulatorUser | Response {
  const caller = callerOf(ctx, request);
  if (caller instanceof Response) return caller;
  const roles = caller.token.system ? caller.user.systemRoles : caller.token.tenantId !== "" ? caller.user.roles : [];
  if (!roles.some((r) => r.name === "admin")) return v3Forbidden(rule);
  return caller.user;
}

/** Links of a listing: `self` is the URL asked for, query included, as Keystone echoes it. */
function links(ctx: EmulatorContext, request: Request) {
  const url = new URL(request.url);
  return { next: null, self: `${ctx.publicUrl}${url.pathname}${url.search}`, previous: null };
}

/** Keystone's list filters: exact matches on the named attributes (`enabled` as true/false). */
function filtered<T>(rows: T[], request: Request, fields: Record<string, (row: T) => string | boolean>): T[] {
  const q = new URL(request.url).searchParams;
  return rows.filter((row) =>
    Object.entries(fields).every(([name, get]) => {
      const want = q.get(name);
      if (want === null) return true;
      const have = get(row);
      return typeof have === "boolean" ? String(have) === want.toLowerCase() : have === want;
    }),
  );
}

/** Every project a user is in, once. */
function projects(ctx: EmulatorContext): EmulatorUser[] {
  const seen = new Map<string, EmulatorUser>();
  for (const u of ctx.state.users.list()) if (!seen.has(u.tenantId)) seen.set(u.tenantId, u);
  return [...seen.values()];
}

function roles(ctx: EmulatorContext): EmulatorRole[] {
  const byId = new Map<string, EmulatorRole>();
  for (const u of ctx.state.users.list()) for (const r of [...u.roles, ...u.systemRoles, ...u.domainRoles]) byId.set(r.id, r);
  return [...byId.values()];
}

function roleBody(ctx: EmulatorContext, r: EmulatorRole) {
  return { id: r.id, name: r.name, domain_id: null, description: r.description ?? null, options: {}, links: { self: `${ctx.publicUrl}/v3/roles/${r.id}` } };
}

/** GET /v3/users (?name, ?domain_id, ?enabled). */
export function listUsersV3(ctx: EmulatorContext, request: Request): Response {
  const admin = requireAdmin(ctx, request, "identity:list_users");
  if (admin instanceof Response) return admin;
  const users = filtered(ctx.state.users.list(), request, { name: (u) => u.username, domain_id: (u) => u.domainId, enabled: (u) => u.enabled });
  return jsonResponse(200, { users: users.map((u) => userBody(ctx, u)), links: links(ctx, request) });
}

/** GET /v3/projects (?name, ?domain_id). */
export function listProjectsV3(ctx: EmulatorContext, request: Request): Response {
  const admin = requireAdmin(ctx, request, "identity:list_projects");
  if (admin instanceof Response) return admin;
  const rows = filtered(projects(ctx), request, { name: (u) => u.tenantName, domain_id: (u) => u.domainId });
  return jsonResponse(200, { projects: rows.map((u) => projectBody(ctx, u)), links: links(ctx, request) });
}

/** GET /v3/projects/{id}: its members may read it, and admins. */
export function getProjectV3(ctx: EmulatorContext, request: Request, projectId: string): Response {
  const caller = callerOf(ctx, request);
  if (caller instanceof Response) return caller;
  if (caller.token.tenantId !== projectId) {
    const admin = requireAdmin(ctx, request, "identity:get_project");
    if (admin instanceof Response) return admin;
  }
  const owner = projects(ctx).find((u) => u.tenantId === projectId);
  if (!owner) return v3Error(404, `Could not find project: ${projectId}.`);
  return jsonResponse(200, { project: projectBody(ctx, owner) });
}

/** GET /v3/roles (?name). */
export function listRolesV3(ctx: EmulatorContext, request: Request): Response {
  const admin = requireAdmin(ctx, request, "identity:list_roles");
  if (admin instanceof Response) return admin;
  const rows = filtered(roles(ctx), request, { name: (r) => r.name });
  return jsonResponse(200, { roles: rows.map((r) => roleBody(ctx, r)), links: links(ctx, request) });
}

/** GET /v3/roles/{id}. */
export function getRoleV3(ctx: EmulatorContext, request: Request, roleId: string): Response {
  const admin = requireAdmin(ctx, request, "identity:get_role");
  if (admin instanceof Response) return admin;
  const role = roles(ctx).find((r) => r.id === roleId);
  if (!role) return v3Error(404, `Could not find role: ${roleId}.`);
  return jsonResponse(200, { role: roleBody(ctx, role) });
}

/** GET /v3/projects/{project}/users/{user}/roles. */
export function projectUserRolesV3(ctx: EmulatorContext, request: Request, projectId: string, userId: string): Response {
  const admin = requireAdmin(ctx, request, "identity:list_grants");
  if (admin instanceof Response) return admin;
  const user = ctx.state.users.byId(userId);
  if (!user) return v3Error(404, `Could not find user: ${userId}.`);
  if (!projects(ctx).some((u) => u.tenantId === projectId)) return v3Error(404, `Could not find project: ${projectId}.`);
  // Grants, not the implied roles a token shows: the roles the user was given.
  const given = user.tenantId === projectId ? user.grantedRoles : [];
  return jsonResponse(200, { roles: given.map((r) => roleBody(ctx, r)), links: links(ctx, request) });
}
