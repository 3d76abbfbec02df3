import { ValidationError } from "@rax/core";
import type { CloudEntry } from "./clouds-yaml";
import { warnOnce } from "./warn-once";

/** What a clouds.yaml cloud or the OS_* variables set on a context (a subset of `ContextOptions`). */
export interface CloudContextOptions {
  identityType: "rackspace" | "keystone";
  authEndpoint?: string;
  authVersion?: "2.0" | "3";
  username?: string;
  userId?: string;
  password?: string;
  apiKey?: string;
  tenantId?: string;
  tenantName?: string;
  userDomain?: string;
  userDomainId?: string;
  projectDomain?: string;
  projectDomainId?: string;
  domainId?: string;
  domainName?: string;
  systemScope?: string;
  applicationCredentialId?: string;
  applicationCredentialName?: string;
  applicationCredentialSecret?: string;
  token?: string;
  region?: string;
  interface?: "public" | "internal";
  verifySsl?: boolean;
}

const PASSWORD_TYPES = new Set(["password", "v2password", "v3password"]);
const TOKEN_TYPES = new Set(["token", "v2token", "v3token"]);
const APP_CRED_TYPES = new Set(["applicationcredential", "v3applicationcredential", "application_credential", "v3application_credential"]);
const RACKSPACE_TYPES = new Set(["rackspace_apikey", "rackspace", "rax_apikey"]);

function str(v: unknown): string | undefined {
  if (v === undefined || v === null) return undefined;
  const s = String(v).trim();
  return s === "" ? undefined : s;
}

function firstRegion(e: CloudEntry): string | undefined {
  const r = e.region_name;
  if (Array.isArray(r)) return str(r[0]);
  if (r !== undefined) return str(r);
  const first = e.regions?.[0];
  return typeof first === "object" && first !== null ? str(first.name) : str(first);
}

/**
 * A clouds.yaml cloud (or the OS_* variables) as context options, the way the OpenStack CLI reads
 * them. `where` names the source in errors ("clouds.yaml cloud mycloud", "OS_* variables").
 */
export function cloudOptions(e: CloudEntry, where: string): CloudContextOptions {
  const a = e.auth ?? {};
  const authType = str(e.auth_type)?.toLowerCase().replace(/-/g, "_");
  const rackspace = authType !== undefined && RACKSPACE_TYPES.has(authType);
  if (authType !== undefined && !rackspace && !PASSWORD_TYPES.has(authType) && !TOKEN_TYPES.has(authType) && !APP_CRED_TYPES.has(authType)) {
    throw new ValidationError(
      "auth_type",
      `${where}: auth_type "${e.auth_type}" is not supported; rax speaks password, token, v3applicationcredential and rackspace_apikey`,
    );
  }
  const version = str(e.identity_api_version);
  let authVersion: "2.0" | "3" | undefined;
  if (version !== undefined) {
    if (/^2(\.0)?$/.test(version)) authVersion = "2.0";
    else if (/^3(\.\d+)?$/.test(version)) authVersion = "3";
    else throw new ValidationError("identity_api_version", `${where}: expected 2 or 3, got "${version}"`);
  }
  const iface = str(e.interface)?.toLowerCase().replace(/url$/, "");
  if (iface !== undefined && iface !== "public" && iface !== "internal") {
    throw new ValidationError("interface", `${where}: interface "${e.interface}" is not supported; use public or internal`);
  }
  let verifySsl: boolean | undefined;
  let cacert = str(e.cacert);
  if (e.verify !== undefined) {
    const v = String(e.verify).trim();
    if (/^(false|no|0|off)$/i.test(v)) verifySsl = false;
    else if (/^(true|yes|1|on)$/i.test(v)) verifySsl = true;
    else cacert ??= v; // openstacksdk also takes a CA bundle path in `verify`
  }
  if (cacert !== undefined && verifySsl !== false) {
    // core's transport has no CA option yet; Node reads extra CAs only at start-up.
    warnOnce(
      `cacert:${where}`,
      `${where}: cacert is not applied by rax yet; start node with NODE_EXTRA_CA_CERTS=${cacert} to trust that CA`,
      "RAX_CACERT_IGNORED",
    );
  }
  const userDomain = str(a.user_domain_name) ?? (a.user_domain_id === undefined ? str(a.domain_name) : undefined);
  const userDomainId = str(a.user_domain_id) ?? (a.user_domain_name === undefined ? str(a.domain_id) : undefined);
  const projectDomain = str(a.project_domain_name) ?? (a.project_domain_id === undefined ? str(a.domain_name) : undefined);
  const projectDomainId = str(a.project_domain_id) ?? (a.project_domain_name === undefined ? str(a.domain_id) : undefined);
  const tenantId = str(a.project_id) ?? str(a.tenant_id);
  const tenantName = str(a.project_name) ?? str(a.tenant_name);
  // domain_* alone (no project) means a domain-scoped token, as in keystoneauth.
  const domainScoped = tenantId === undefined && tenantName === undefined && str(a.system_scope) === undefined;
  const appCred = str(a.application_credential_secret) !== undefined || (authType !== undefined && APP_CRED_TYPES.has(authType));
  const out: CloudContextOptions = {
    identityType: rackspace || str(a.api_key) !== undefined ? "rackspace" : "keystone",
    authEndpoint: str(a.auth_url),
    authVersion,
    username: str(a.username),
    userId: str(a.user_id),
    password: str(a.password),
    apiKey: str(a.api_key),
    ...(appCred
      ? {
          applicationCredentialId: str(a.application_credential_id),
          applicationCredentialName: str(a.application_credential_name),
          applicationCredentialSecret: str(a.application_credential_secret),
        }
      : { tenantId, tenantName }),
    userDomain,
    userDomainId,
    projectDomain: appCred ? undefined : projectDomain,
    projectDomainId: appCred ? undefined : projectDomainId,
    domainId: domainScoped && !appCred ? str(a.domain_id) : undefined,
    domainName: domainScoped && !appCred && a.domain_id === undefined ? str(a.domain_name) : undefined,
    systemScope: appCred ? undefined : str(a.system_scope),
    token: str(a.token),
    region: firstRegion(e),
    interface: iface as "public" | "internal" | undefined,
    verifySsl,
  };
  if (out.authEndpoint === undefined && !rackspace) {
    throw new ValidationError("auth_url", `${where}: auth.auth_url is required`);
  }
  for (const k of Object.keys(out) as (keyof CloudContextOptions)[]) if (out[k] === undefined) delete out[k];
  return out;
}
