import type { EmulatorUser } from "../identity/users";
import type { Container } from "./model";

/** Who a token speaks for, as Swift's keystoneauth sees it. */
export interface StorageActor {
  user: EmulatorUser;
  /** The project the token is scoped to. */
  tenantId: string;
  tenantName: string;
}

/** Roles that make a user of a project its account's owner (keystoneauth operator_roles, and Rackspace's). */
const OPERATOR_ROLES = new Set(["admin", "member", "object-store:default", "object-store:admin"]);

export function isOperator(actor: StorageActor): boolean {
  return actor.user.roles.some((role) => OPERATOR_ROLES.has(role.name));
}

function aclEntries(value: string | undefined): string[] {
  return (value ?? "")
    .split(",")
    .map((entry) => entry.trim())
    .filter(Boolean);
}

/** `.r:<referrer>` entries against the Referer header: `*`, a host, `.domain` suffix, `-` to exclude. */
function referrerAllowed(entries: string[], referer: string | null): boolean {
  let host = "";
  try {
    if (referer) host = new URL(referer).hostname;
  } catch {
    host = "";
  }
  let allowed = false;
  for (const entry of entries) {
    if (!entry.startsWith(".r:") && !entry.startsWith(".referrer:")) continue;
    let rule = entry.slice(entry.indexOf(":") + 1);
    const deny = rule.startsWith("-");
    if (deny) rule = rule.slice(1);
    // Swift's clean_acl stores `*.example.com` as `.example.com`.
    if (rule.startsWith("*.")) rule = rule.slice(1);
    const matches = rule === "*" || (host !== "" && (rule.startsWith(".") ? host.endsWith(rule) : host === rule));
    if (matches) allowed = !deny;
  }
  return allowed;
}

/**
 * keystoneauth's cross-tenant match: `<project>:<user>` by id, or by name in the default domain,
 * `*` for either side; a bare entry is a role name.
 */
function actorAllowed(entries: string[], actor: StorageActor): boolean {
  const defaultDomain = actor.user.domainId === "default";
  for (const entry of entries) {
    if (entry.startsWith(".")) continue;
    const colon = entry.indexOf(":");
    if (colon < 0) {
      if (actor.user.roles.some((role) => role.name === entry)) return true;
      continue;
    }
    const project = entry.slice(0, colon);
    const user = entry.slice(colon + 1);
    const projectOk = project === "*" || project === actor.tenantId || (defaultDomain && project === actor.tenantName);
    const userOk = user === "*" || user === actor.user.userId || (defaultDomain && user === actor.user.username);
    if (projectOk && userOk) return true;
  }
  return false;
}

export type AclAccess = "read" | "list" | "write";

/**
 * Whether a container's X-Container-Read / X-Container-Write lets someone who is
 * not the account's owner in: reading objects, listing the container (which a
 * referrer grant allows only with `.rlistings`), or writing objects.
 */
export function aclAllows(container: Container | undefined, access: AclAccess, actor: StorageActor | undefined, referer: string | null): boolean {
  if (!container) return false;
  const entries = aclEntries(container.sysHeaders.get(access === "write" ? "x-container-write" : "x-container-read"));
  if (actor && actorAllowed(entries, actor)) return true;
  if (access === "write") return false;
  if (access === "list" && !entries.includes(".rlistings")) return false;
  return referrerAllowed(entries, referer);
}
