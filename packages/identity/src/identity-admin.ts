import type * as z from "zod/mini";
import {
  type AuthSession,
  type HttpError,
  NotFound,
  RaxError,
  ServiceClient,
  ValidationError,
  encodeSegment,
  lookupMiss,
  registerSecret,
  validate,
} from "@rax/core";
import { loadIdentitySchemas } from "./config-parsers";
import { TenantNotFound, UserNotFound } from "./identity-errors";

/** What the admin client needs to know about the identity it talks to. */
export interface AdminTarget extends AuthSession {
  readonly identityType: "rackspace" | "keystone";
  /** "2.0" for Rackspace and Keystone v2.0, "3" for Keystone v3. */
  readonly adminVersion: "2.0" | "3";
  /** Versioned identity base URL. */
  readonly identityUrl: string;
  readonly user?: { id?: string };
}

export type Json = Record<string, unknown>;

/** An id, or a record with one (what `listRoles()`, `getUser()`, `createTenant()` … return), as pyrax takes either. */
export type IdRef = string | { readonly id?: unknown };

/** Options naming the project of a role call; the caller's project when left out. */
export interface TenantOption {
  tenantId?: IdRef;
}

type Schemas = ReturnType<typeof import("./identity-schemas").buildAdminSchemas>;
let built: Schemas | undefined;
const schemas = async (): Promise<Schemas> => (built ??= (await loadIdentitySchemas()).buildAdminSchemas());

/** An id, name or token: a non-empty string once trimmed. */
async function checkId(value: unknown, field: string): Promise<void> {
  validate((await schemas()).id, value, field);
}

/**
 * A token handed to an admin call (someone else's, to validate or revoke) is a secret like the
 * session's own: v2.0 puts it in the URL path, which debug lines and error messages print, and
 * v3 servers echo it in X-Subject-Token. Registered per call (ephemeral: bounded, as an admin
 * service may check many).
 */
async function checkSubjectToken(token: unknown): Promise<void> {
  await checkId(token, "token");
  registerSecret(token as string, "ephemeral");
}

/** The id of an `IdRef`, checked like any id (non-empty once trimmed), naming `field` when it is not one. */
async function idOf(value: unknown, field: string): Promise<string> {
  const id = typeof value === "object" && value !== null && !Array.isArray(value) ? (value as { id?: unknown }).id : value;
  if (typeof value === "object" && value !== null && typeof id !== "string") throw new ValidationError(field, "must be an id or an object with a string id");
  await checkId(id, field);
  return id as string;
}

/** `{ tenantId }` checked: a string here (pyrax's positional tenant) would otherwise be ignored and the caller's project used. */
async function tenantOption(o: unknown): Promise<string | undefined> {
  if (o === undefined) return undefined;
  if (typeof o !== "object" || o === null || Array.isArray(o)) throw new ValidationError("options", "must be an object such as { tenantId }");
  for (const k of Object.keys(o)) if (k !== "tenantId") throw new ValidationError(`options.${k}`, "is not an option (tenantId is)");
  const t = (o as TenantOption).tenantId;
  return t === undefined ? undefined : idOf(t, "options.tenantId");
}

/** Whether a user record has `value` in `field` (Keystone and Rackspace compare names and emails without case). */
function userHas(user: Json, field: "name" | "email", value: string): boolean {
  const held = field === "name" ? (user.name ?? user.username) : user.email;
  return typeof held === "string" && held.toLowerCase() === value.toLowerCase();
}

function rethrow(e: unknown, Cls: typeof UserNotFound | typeof TenantNotFound): never {
  if (e instanceof NotFound) {
    const h = e as HttpError;
    throw new Cls({
      status: h.status,
      message: h.serverMessage,
      method: h.method,
      url: h.url,
      code: h.code,
      requestId: h.requestId,
      body: h.body,
      attempts: h.attempts,
      headers: h.headers,
      cause: e,
    });
  }
  throw e;
}

/** Keys holding passwords are dropped from user records (pyrax does the same). */
function stripPasswords<T>(v: T): T {
  if (Array.isArray(v)) return v.map(stripPasswords) as T;
  if (v && typeof v === "object") {
    const out: Json = {};
    for (const [k, val] of Object.entries(v as Json)) if (!k.toLowerCase().includes("password")) out[k] = val;
    return out as T;
  }
  return v;
}

/**
 * The identity admin calls pyrax offers (tenants, users, roles, credentials, tokens), over the
 * v2.0 paths (Rackspace, Keystone v2.0) or their Keystone v3 counterparts (projects for tenants).
 * Reached through the identity's methods (`identity.listUsers()` …).
 */
export class IdentityAdminClient extends ServiceClient {
  static override readonly serviceType = "identity";
  readonly #target: AdminTarget;

  constructor(target: AdminTarget) {
    super(target, { endpoint: target.identityUrl });
    this.#target = target;
  }

  protected override extraHeaders(): Record<string, string | undefined> {
    return { "x-auth-project-id": this.#target.tenantId };
  }

  private get v3(): boolean {
    return this.#target.adminVersion === "3";
  }

  private only(version: "2.0" | "3", what: string): void {
    if (this.#target.adminVersion !== version) {
      throw new RaxError(`${what} is not available on ${this.#target.identityType} identity v${this.#target.adminVersion}`);
    }
  }

  private async tenantFor(tenantId: string | undefined, field: string): Promise<string> {
    const t = tenantId ?? this.#target.tenantId;
    if (!t) await checkId(t, field);
    return t as string;
  }

  private call<T = Json>(method: string, path: string, body?: unknown, query?: Record<string, string | number | undefined>) {
    return super.json<T>({
      method,
      path,
      ...(body !== undefined ? { json: body } : {}),
      ...(query ? { query } : {}),
    });
  }

  private async status(method: string, path: string, opts: { headers?: Record<string, string>; expectStatus?: number[] } = {}) {
    const res = await super.send({ method, path, ...opts });
    await res.dump();
    return res.status;
  }

  async getExtensions(): Promise<Json[]> {
    this.only("2.0", "getExtensions");
    const b = await this.call<{ extensions?: { values?: Json[] } | Json[] }>("GET", "/extensions");
    const ext = b?.extensions;
    return Array.isArray(ext) ? ext : (ext?.values ?? []);
  }

  async listTenants(): Promise<Json[]> {
    if (this.v3) return (await this.call<{ projects?: Json[] }>("GET", "/auth/projects"))?.projects ?? [];
    return (await this.call<{ tenants?: Json[] }>("GET", "/tenants"))?.tenants ?? [];
  }

  async createTenant(input: z.input<Schemas["tenantInput"]>): Promise<Json> {
    const t = validate((await schemas()).tenantInput, input, "tenant");
    if (this.v3) return ((await this.call<{ project: Json }>("POST", "/projects", { project: t }))?.project ?? {}) as Json;
    return ((await this.call<{ tenant: Json }>("POST", "/tenants", { tenant: t }))?.tenant ?? {}) as Json;
  }

  async updateTenant(tenant: IdRef, changes: z.input<Schemas["tenantUpdate"]>): Promise<Json> {
    const tenantId = await idOf(tenant, "tenantId");
    const c = validate((await schemas()).tenantUpdate, changes, "changes");
    const seg = encodeSegment(tenantId);
    try {
      if (this.v3) return ((await this.call<{ project: Json }>("PATCH", `/projects/${seg}`, { project: c }))?.project ?? {}) as Json;
      return ((await this.call<{ tenant: Json }>("PUT", `/tenants/${seg}`, { tenant: { id: tenantId, ...c } }))?.tenant ?? {}) as Json;
    } catch (e) {
      rethrow(e, TenantNotFound);
    }
  }

  async deleteTenant(tenant: IdRef): Promise<void> {
    const tenantId = await idOf(tenant, "tenantId");
    try {
      await this.status("DELETE", `/${this.v3 ? "projects" : "tenants"}/${encodeSegment(tenantId)}`);
    } catch (e) {
      rethrow(e, TenantNotFound);
    }
  }

  async listUsers(): Promise<Json[]> {
    const b = await this.call<{ users?: Json[]; user?: Json }>("GET", "/users");
    return stripPasswords(b?.users ?? (b?.user ? [b.user] : []));
  }

  /** By id, name or email (pyrax `get_user`). */
  async getUser(lookup: z.input<Schemas["userLookup"]>): Promise<Json> {
    const q = validate((await schemas()).userLookup, lookup, "lookup");
    let rows: Json[];
    try {
      if ("id" in q) {
        const b = await this.call<{ user?: Json }>("GET", `/users/${encodeSegment(q.id)}`);
        return stripPasswords(b?.user ?? {});
      }
      // Keystone v3 has no email filter: it ignores `?email=` and lists every user, so the first row
      // was some other user. The rows are matched here, whatever the server did with the filter.
      const query = this.v3 && "email" in q ? undefined : q;
      const b = await this.call<{ users?: Json[]; user?: Json }>("GET", "/users", undefined, query);
      rows = b?.users ?? (b?.user ? [b.user] : []);
    } catch (e) {
      rethrow(e, UserNotFound);
    }
    const field = "name" in q ? "name" : "email";
    const value = "name" in q ? q.name : q.email;
    const found = rows.find((u) => userHas(u, field, value));
    // The listing answered; no user in it matched: say which, not the (endpoint-bearing) list URL.
    if (!found) throw new UserNotFound(lookupMiss("user", value, { in: this, by: `with ${field}` }));
    return stripPasswords(found);
  }

  async createUser(input: z.input<Schemas["userInput"]>): Promise<Json> {
    const u = validate((await schemas()).userInput, input, "user");
    registerSecret(u.password);
    const body = this.v3
      ? { user: { name: u.name, email: u.email, enabled: u.enabled, password: u.password } }
      : { user: { username: u.name, email: u.email, enabled: u.enabled, "OS-KSADM:password": u.password } };
    const b = await this.call<{ user?: Json }>("POST", "/users", body);
    // The response may echo the password (Rackspace returns a generated one): callers need it once.
    return (b?.user ?? {}) as Json;
  }

  async updateUser(user: IdRef, changes: z.input<Schemas["userUpdate"]>): Promise<Json> {
    const userId = await idOf(user, "userId");
    const c = validate((await schemas()).userUpdate, changes, "changes");
    const seg = encodeSegment(userId);
    try {
      if (this.v3) {
        const b = await this.call<{ user?: Json }>("PATCH", `/users/${seg}`, { user: { name: c.name, email: c.email, enabled: c.enabled } });
        return stripPasswords(b?.user ?? {});
      }
      const user: Json = { id: userId };
      if (c.name !== undefined) user.username = c.name;
      if (c.email !== undefined) user.email = c.email;
      if (c.enabled !== undefined) user.enabled = c.enabled;
      if (c.defaultRegion !== undefined) user["RAX-AUTH:defaultRegion"] = c.defaultRegion;
      return stripPasswords((await this.call<{ user?: Json }>("PUT", `/users/${seg}`, { user }))?.user ?? {});
    } catch (e) {
      rethrow(e, UserNotFound);
    }
  }

  async deleteUser(user: IdRef): Promise<void> {
    const userId = await idOf(user, "userId");
    try {
      await this.status("DELETE", `/users/${encodeSegment(userId)}`);
    } catch (e) {
      rethrow(e, UserNotFound);
    }
  }

  /** The user's roles: on Keystone v3 on a project (`tenantId`, else the caller's project). */
  async listRolesForUser(user: IdRef, o?: TenantOption): Promise<Json[]> {
    const userId = await idOf(user, "userId");
    const tenantId = await tenantOption(o);
    if (this.v3) {
      const t = await this.tenantFor(tenantId, "tenantId");
      return (await this.call<{ roles?: Json[] }>("GET", `/projects/${encodeSegment(t)}/users/${encodeSegment(userId)}/roles`))?.roles ?? [];
    }
    return (await this.call<{ roles?: Json[] }>("GET", `/users/${encodeSegment(userId)}/roles`))?.roles ?? [];
  }

  async listCredentials(user: IdRef): Promise<Json[]> {
    const userId = await idOf(user, "userId");
    const b = this.v3
      ? await this.call<{ credentials?: Json[] }>("GET", "/credentials", undefined, { user_id: userId })
      : await this.call<{ credentials?: Json[] }>("GET", `/users/${encodeSegment(userId)}/OS-KSADM/credentials`);
    const creds = b?.credentials ?? [];
    for (const c of creds) registerSecret((c["RAX-KSKEY:apiKeyCredentials"] as { apiKey?: string } | undefined)?.apiKey);
    return creds;
  }

  /** Rackspace: issue a new API key for the user (default: the authenticated user). */
  async resetApiKey(userId?: string): Promise<string> {
    if (this.#target.identityType !== "rackspace") throw new RaxError("resetApiKey is Rackspace-only");
    const uid = userId ?? this.#target.user?.id;
    await checkId(uid, "userId");
    const b = await this.call<{ "RAX-KSKEY:apiKeyCredentials"?: { apiKey?: string } }>(
      "POST",
      `/users/${encodeSegment(uid as string)}/OS-KSADM/credentials/RAX-KSKEY:apiKeyCredentials/RAX-AUTH/reset`,
    );
    const key = b?.["RAX-KSKEY:apiKeyCredentials"]?.apiKey;
    if (!key) throw new RaxError("the identity service returned no API key");
    registerSecret(key);
    return key;
  }

  async listRoles(q: z.input<Schemas["roleQuery"]> = {}): Promise<Json[]> {
    const o = validate((await schemas()).roleQuery, q, "query");
    if (this.v3) return (await this.call<{ roles?: Json[] }>("GET", "/roles", undefined, { limit: o.limit, marker: o.marker }))?.roles ?? [];
    const query = { serviceId: o.serviceId, limit: o.limit, marker: o.marker };
    return (await this.call<{ roles?: Json[] }>("GET", "/OS-KSADM/roles", undefined, query))?.roles ?? [];
  }

  async getRole(role: IdRef): Promise<Json> {
    const roleId = await idOf(role, "roleId");
    const path = this.v3 ? `/roles/${encodeSegment(roleId)}` : `/OS-KSADM/roles/${encodeSegment(roleId)}`;
    return ((await this.call<{ role?: Json }>("GET", path))?.role ?? {}) as Json;
  }

  async addRoleToUser(role: IdRef, user: IdRef, o?: TenantOption): Promise<void> {
    await this.status("PUT", await this.rolePath(role, user, o));
  }

  async deleteRoleFromUser(role: IdRef, user: IdRef, o?: TenantOption): Promise<void> {
    await this.status("DELETE", await this.rolePath(role, user, o));
  }

  private async rolePath(role: IdRef, user: IdRef, o: TenantOption | undefined): Promise<string> {
    const roleId = await idOf(role, "roleId");
    const userId = await idOf(user, "userId");
    const tenantId = await tenantOption(o);
    if (this.v3) {
      const t = await this.tenantFor(tenantId, "tenantId");
      return `/projects/${encodeSegment(t)}/users/${encodeSegment(userId)}/roles/${encodeSegment(roleId)}`;
    }
    return `/users/${encodeSegment(userId)}/roles/OS-KSADM/${encodeSegment(roleId)}`;
  }

  /** Admin: the token's details (`access` for v2.0, `token` for v3). */
  async validateToken(token: string): Promise<Json> {
    await checkSubjectToken(token);
    if (this.v3) {
      const b = await this.requestJson<{ token?: Json }>({ method: "GET", path: "/auth/tokens", headers: { "x-subject-token": token } });
      return (b?.token ?? {}) as Json;
    }
    return ((await this.call<{ access?: Json }>("GET", `/tokens/${encodeSegment(token)}`))?.access ?? {}) as Json;
  }

  /** Admin: whether a token is valid. */
  async checkToken(token: string): Promise<boolean> {
    await checkSubjectToken(token);
    const status = this.v3
      ? await this.status("HEAD", "/auth/tokens", { headers: { "x-subject-token": token }, expectStatus: [404] })
      : await this.status("HEAD", `/tokens/${encodeSegment(token)}`, { expectStatus: [404] });
    return status < 300;
  }

  /** Admin: revoke a token. */
  async revokeToken(token: string): Promise<void> {
    await checkSubjectToken(token);
    if (this.v3) await this.status("DELETE", "/auth/tokens", { headers: { "x-subject-token": token } });
    else await this.status("DELETE", `/tokens/${encodeSegment(token)}`);
  }

  /** Admin (v2.0): the endpoints a token may use. */
  async getTokenEndpoints(token: string): Promise<Json[]> {
    this.only("2.0", "getTokenEndpoints");
    await checkSubjectToken(token);
    const b = await this.call<{ endpoints?: Json[]; access?: { endpoints?: Json[] } }>("GET", `/tokens/${encodeSegment(token)}/endpoints`);
    return b?.endpoints ?? b?.access?.endpoints ?? [];
  }
}
