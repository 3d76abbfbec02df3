import type { EmulatorContext } from "../context";
import type { ApplicationCredential } from "./application-credential-store";
import { emptyResponse, jsonResponse } from "../respond";
import { v3Error, v3Forbidden } from "./errors";
import { isObject, readJsonObject, stringField } from "./json-body";
import type { EmulatorUser } from "./users";
import { callerOf } from "./v3";

function view(ctx: EmulatorContext, c: ApplicationCredential, user: EmulatorUser, withSecret: boolean) {
  return {
    id: c.id,
    name: c.name,
    description: c.description,
    user_id: c.userId,
    project_id: c.projectId,
    system: null,
    expires_at: c.expiresAt === null ? null : new Date(c.expiresAt).toISOString().replace("Z", "000"),
    unrestricted: c.unrestricted ? true : null,
    roles: user.roles.map((r) => ({ id: r.id, name: r.name, domain_id: null, description: null, options: { immutable: true } })),
    ...(withSecret ? { secret: c.secret } : {}),
    links: { self: `${ctx.publicUrl}/v3/application_credentials/${c.id}` },
  };
}

/** The owner's own token (Keystone: only the owner manages their application credentials). */
function owner(ctx: EmulatorContext, request: Request, userId: string, rule: string): { user: EmulatorUser; restricted: boolean } | Response {
  const caller = callerOf(ctx, request);
  if (caller instanceof Response) return caller;
  if (caller.user.userId !== userId) return v3Forbidden(rule);
  return { user: caller.user, restricted: caller.token.applicationCredential?.restricted ?? false };
}

/** POST | GET /v3/users/{id}/application_credentials. */
export async function userApplicationCredentialsV3(ctx: EmulatorContext, request: Request, userId: string): Promise<Response> {
  if (request.method === "GET") {
    const who = owner(ctx, request, userId, "identity:list_application_credentials");
    if (who instanceof Response) return who;
    const list = ctx.state.applicationCredentials.ofUser(userId).map((c) => view(ctx, c, who.user, false));
    return jsonResponse(200, { application_credentials: list, links: { next: null, self: `${ctx.publicUrl}/v3/users/${userId}/application_credentials`, previous: null } });
  }
  const who = owner(ctx, request, userId, "identity:create_application_credential");
  if (who instanceof Response) return who;
  if (who.restricted) return v3Forbidden("Using method 'application_credential' is not allowed for managing additional application credentials.");
  const body = await readJsonObject(request);
  const spec = body?.application_credential;
  const name = stringField(spec, "name");
  if (!isObject(spec) || !name) return v3Error(400, "Invalid input for field 'application_credential': 'name' is a required property");
  if (ctx.state.applicationCredentials.byName(userId, name))
    return v3Error(409, `Conflict occurred attempting to store application_credential - Duplicate entry found with name ${name}.`);
  const rawExpiry = stringField(spec, "expires_at");
  const expiresAt = rawExpiry === undefined ? null : Date.parse(/[zZ]|[+-]\d\d:?\d\d$/.test(rawExpiry) ? rawExpiry : `${rawExpiry}Z`);
  if (expiresAt !== null && Number.isNaN(expiresAt)) return v3Error(400, `Invalid input for field 'expires_at': '${rawExpiry}' is not a 'date-time'`);
  const credential = ctx.state.applicationCredentials.create({
    name,
    description: stringField(spec, "description") ?? null,
    userId,
    projectId: who.user.tenantId,
    expiresAt,
    unrestricted: spec.unrestricted === true,
    ...(stringField(spec, "secret") ? { secret: stringField(spec, "secret")! } : {}),
  });
  return jsonResponse(201, { application_credential: view(ctx, credential, who.user, true) });
}

/** GET | DELETE /v3/users/{id}/application_credentials/{credential id}. */
export function applicationCredentialV3(ctx: EmulatorContext, request: Request, userId: string, id: string): Response | undefined {
  if (request.method !== "GET" && request.method !== "DELETE") return undefined;
  const rule = request.method === "GET" ? "identity:get_application_credential" : "identity:delete_application_credential";
  const who = owner(ctx, request, userId, rule);
  if (who instanceof Response) return who;
  const credential = ctx.state.applicationCredentials.get(id);
  if (!credential || credential.userId !== userId) return v3Error(404, `Could not find Application Credential: ${id}.`);
  if (request.method === "GET") return jsonResponse(200, { application_credential: view(ctx, credential, who.user, false) });
  if (who.restricted) return v3Forbidden("Using method 'application_credential' is not allowed for managing additional application credentials.");
  ctx.state.applicationCredentials.delete(id);
  return emptyResponse(204);
}
