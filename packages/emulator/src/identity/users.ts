import { createHash } from "node:crypto";

/** An account holder the emulator will authenticate. */
export interface EmulatorUserInput {
  username: string;
  apiKey?: string;
  password?: string;
  /** Compute-style tenant id; the Cloud Files account is `MossoCloudFS_<tenantId>`. */
  tenantId?: string;
  tenantName?: string;
  /**
   * Keystone project (tenant) name; users naming the same project share it (and its Cloud Files
   * account). Same as `tenantName`; without `tenantId` the id is the project's, or a new one.
   */
  project?: string;
  /**
   * Role names in the project (Keystone: `admin` implies `member`, which implies `reader`). Default:
   * Rackspace's `object-store:default`, `compute:default` and `identity:user-admin`.
   */
  roles?: string[];
  /**
   * Keystone v3 system-scope roles (`scope: {"system": {"all": true}}`). Default: `["admin"]` for a
   * user whose project roles include admin, as keystone-manage bootstrap grants its admin; else none.
   */
  systemRoles?: string[];
  /** Keystone v3 roles on the user's domain (domain-scoped tokens); default none, so domain scope is 401. */
  domainRoles?: string[];
  userId?: string;
  /** `RAX-AUTH:defaultRegion` on the user; defaults to the first configured region. */
  defaultRegion?: string;
  /** Keystone v3 domain id of the user and project (also accepted: "default"). */
  domainId?: string;
  enabled?: boolean;
}

export interface EmulatorUser {
  username: string;
  apiKey: string | undefined;
  password: string | undefined;
  tenantId: string;
  tenantName: string;
  /** The roles tokens carry, implied ones included. */
  roles: EmulatorRole[];
  /** The roles given (grants), before implied ones are added. */
  grantedRoles: EmulatorRole[];
  systemRoles: EmulatorRole[];
  domainRoles: EmulatorRole[];
  userId: string;
  defaultRegion: string;
  domainId: string;
  enabled: boolean;
}

export const DEFAULT_USER: Readonly<Required<Pick<EmulatorUserInput, "username" | "apiKey" | "password" | "tenantId">>> =
  Object.freeze({ username: "demo", apiKey: "demo-api-key", password: "demo-password", tenantId: "123456" });

export interface EmulatorRole {
  id: string;
  name: string;
  /** Rackspace's derived roles name the tenant they apply to. */
  tenantId?: string;
  description?: string;
}

/** Keystone's default implied roles (keystone-manage bootstrap): admin ⇒ member ⇒ reader. */
const IMPLIES: Record<string, string> = { admin: "member", member: "reader" };

/** Role ids are stable per name, so two users with one role agree on its id. */
function roleId(name: string): string {
  return createHash("md5").update(`role:${name}`).digest("hex");
}

function rolesFor(names: readonly string[] | undefined, tenantId: string): EmulatorRole[] {
  if (!names) {
    return [
      { id: "5", name: "object-store:default", tenantId: storageAccountFor(tenantId), description: "Derived role for Cloud Files" },
      { id: "6", name: "compute:default", tenantId, description: "Derived role for Cloud Servers" },
      { id: "3", name: "identity:user-admin", description: "User Admin Role." },
    ];
  }
  const all: string[] = [];
  for (let name of names) {
    for (;;) {
      if (!all.includes(name)) all.push(name);
      const next = IMPLIES[name];
      if (!next) break;
      name = next;
    }
  }
  return all.map((name) => ({ id: roleId(name), name }));
}

/** The Cloud Files account name Rackspace pairs with a tenant. */
export function storageAccountFor(tenantId: string): string {
  return `MossoCloudFS_${tenantId}`;
}

export class UserDirectory {
  private readonly byName = new Map<string, EmulatorUser>();
  private nextId = 100001;

  constructor(private readonly defaultRegion: string) {}

  add(input: EmulatorUserInput): EmulatorUser {
    if (!input.username) throw new TypeError("user.username is required");
    if (this.byName.has(input.username)) throw new TypeError(`user ${input.username} already exists`);
    if (input.project !== undefined && input.tenantName !== undefined && input.project !== input.tenantName)
      throw new TypeError(`user ${input.username}: project and tenantName name the same thing; give one`);
    const projectName = input.project ?? input.tenantName;
    const sameProject = projectName === undefined ? undefined : this.list().find((u) => u.tenantName === projectName);
    const tenantId = input.tenantId ?? sameProject?.tenantId ?? String(900000 + this.byName.size);
    for (const field of ["roles", "systemRoles", "domainRoles"] as const) {
      const list = input[field];
      if (list !== undefined && (!Array.isArray(list) || list.some((r) => typeof r !== "string" || !r)))
        throw new TypeError(`user ${input.username}: ${field} must be non-empty strings`);
    }
    const user: EmulatorUser = {
      username: input.username,
      apiKey: input.apiKey,
      password: input.password,
      tenantId,
      tenantName: projectName ?? tenantId,
      roles: rolesFor(input.roles, tenantId),
      grantedRoles: input.roles ? rolesFor(input.roles, tenantId).filter((r) => input.roles!.includes(r.name)) : rolesFor(undefined, tenantId),
      systemRoles: rolesFor(input.systemRoles ?? (input.roles?.includes("admin") ? ["admin"] : []), tenantId),
      domainRoles: rolesFor(input.domainRoles ?? [], tenantId),
      userId: input.userId ?? String(this.nextId++),
      defaultRegion: input.defaultRegion ?? this.defaultRegion,
      // Rackspace pairs a cloud account's domain with its tenant; Keystone-style users (a project
      // or roles given) live in Keystone's `default` domain, as keystone-manage bootstrap makes them.
      domainId: input.domainId ?? (input.project !== undefined || input.roles !== undefined ? "default" : tenantId),
      enabled: input.enabled ?? true,
    };
    this.byName.set(user.username, user);
    return user;
  }

  byUsername(username: string): EmulatorUser | undefined {
    return this.byName.get(username);
  }

  byId(userId: string): EmulatorUser | undefined {
    for (const user of this.byName.values()) if (user.userId === userId) return user;
    return undefined;
  }

  list(): EmulatorUser[] {
    return [...this.byName.values()];
  }
}
