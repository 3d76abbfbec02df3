import { existsSync, readFileSync, statSync } from "node:fs";
import { join, resolve } from "node:path";
import { ValidationError, registerSecret } from "@rax/core";
import type { EnvVars } from "./config";
import { homeDirectory } from "./config";
import { parseYaml } from "./config-parsers";
import { warnOnce } from "./warn-once";

/** The `auth` block of a cloud in clouds.yaml (openstacksdk's names). */
export interface CloudAuth {
  auth_url?: string;
  username?: string;
  user_id?: string;
  password?: string;
  /** Rackspace API key (openstacksdk's `rackspaceauth` plugin). */
  api_key?: string;
  project_name?: string;
  project_id?: string;
  tenant_name?: string;
  tenant_id?: string;
  user_domain_name?: string;
  user_domain_id?: string;
  project_domain_name?: string;
  project_domain_id?: string;
  /** Domain scope, or the default for user and project domains when those are not given. */
  domain_name?: string;
  domain_id?: string;
  system_scope?: string;
  token?: string;
  application_credential_id?: string;
  application_credential_name?: string;
  application_credential_secret?: string;
  [key: string]: unknown;
}

/** One cloud of clouds.yaml (after secure.yaml and its profile are merged in). */
export interface CloudEntry {
  auth?: CloudAuth;
  auth_type?: string;
  region_name?: string | string[];
  regions?: (string | { name: string })[];
  interface?: string;
  identity_api_version?: string | number;
  verify?: boolean | string;
  cacert?: string;
  profile?: string;
  [key: string]: unknown;
}

export interface CloudsFile {
  /** The clouds.yaml read. */
  path: string;
  /** The secure.yaml merged over it, if any. */
  securePath?: string;
  clouds: Record<string, CloudEntry>;
}

export interface CloudsLookup {
  env?: EnvVars;
  /** Directory searched first (default: the current directory). */
  cwd?: string;
}

/**
 * Vendor defaults openstacksdk ships for the clouds rax knows (its `vendors/rackspace.json`): a
 * cloud with `profile: rackspace` needs only its credentials.
 */
const BUILT_IN_PROFILES: Record<string, CloudEntry> = {
  rackspace: {
    auth_type: "rackspace_apikey",
    auth: { auth_url: "https://identity.api.rackspacecloud.com/v2.0/" },
    identity_api_version: "2.0",
    regions: ["DFW", "HKG", "IAD", "ORD", "SYD", "LON"],
  },
};

/** Where openstacksdk looks, in order: the current directory, the user's config directory, /etc/openstack. */
function configDirs(env: EnvVars, cwd: string): string[] {
  const home = homeDirectory(env);
  const dirs = [cwd, env.XDG_CONFIG_HOME ? join(env.XDG_CONFIG_HOME, "openstack") : join(home, ".config", "openstack")];
  if (process.platform === "darwin") dirs.push(join(home, "Library", "Application Support", "openstack"));
  dirs.push("/etc/openstack");
  return dirs;
}

function firstExisting(explicit: string | undefined, field: string, dirs: string[], names: string[]): string | undefined {
  if (explicit) {
    if (!existsSync(explicit)) throw new ValidationError(field, `${explicit} does not exist`);
    return explicit;
  }
  for (const dir of dirs) for (const n of names) if (existsSync(join(dir, n))) return join(dir, n);
  return undefined;
}

function readYaml(path: string): Record<string, unknown> {
  let doc: unknown;
  try {
    // failsafe: every scalar stays the string written, so a password such as 0123, 1e3 or yes
    // reaches Keystone as typed (the core schema would turn it into 123, 1000, or keep "yes").
    doc = parseYaml(readFileSync(path, "utf8"), { schema: "failsafe", maxAliasCount: 100 });
  } catch (e) {
    throw new ValidationError(path, `cannot read ${path} as YAML: ${(e as Error).message.split("\n")[0]}`);
  }
  if (doc === null || doc === undefined) return {};
  if (typeof doc !== "object" || Array.isArray(doc)) throw new ValidationError(path, `${path} must hold a YAML mapping`);
  return doc as Record<string, unknown>;
}

function isObject(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === "object" && !Array.isArray(v);
}

/** openstacksdk merges secure.yaml over clouds.yaml key by key, recursively. */
function deepMerge(base: Record<string, unknown>, over: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = { ...base };
  for (const [k, v] of Object.entries(over)) out[k] = isObject(v) && isObject(out[k]) ? deepMerge(out[k] as Record<string, unknown>, v) : v;
  return out;
}

const SECRET_AUTH_KEYS = ["password", "api_key", "token", "application_credential_secret"] as const;

function warnIfReadable(path: string, clouds: Record<string, CloudEntry>): void {
  const holdsSecret = Object.values(clouds).some((c) => isObject(c.auth) && SECRET_AUTH_KEYS.some((k) => c.auth?.[k] !== undefined));
  if (!holdsSecret || process.platform === "win32") return;
  const mode = statSync(path).mode;
  if ((mode & 0o077) !== 0) {
    warnOnce(
      `clouds-mode:${path}`,
      `${path} holds credentials and is readable by group or others (mode ${(mode & 0o777).toString(8)}); run: chmod 600 ${path}`,
      "RAX_CREDENTIAL_FILE_MODE",
    );
  }
}

/**
 * clouds.yaml with secure.yaml merged over it, from the standard places: `OS_CLIENT_CONFIG_FILE`,
 * else the first of `./clouds.yaml`, `~/.config/openstack/clouds.yaml` (`$XDG_CONFIG_HOME`),
 * `/etc/openstack/clouds.yaml` (`.yml` too); secure.yaml from `OS_CLIENT_SECURE_FILE` or the same
 * places. Undefined when there is no clouds.yaml.
 */
export function loadCloudsFile(o: CloudsLookup = {}): CloudsFile | undefined {
  const env = o.env ?? process.env;
  const dirs = configDirs(env, resolve(o.cwd ?? process.cwd()));
  const path = firstExisting(env.OS_CLIENT_CONFIG_FILE, "OS_CLIENT_CONFIG_FILE", dirs, ["clouds.yaml", "clouds.yml"]);
  if (!path) return undefined;
  const securePath = firstExisting(env.OS_CLIENT_SECURE_FILE, "OS_CLIENT_SECURE_FILE", dirs, ["secure.yaml", "secure.yml"]);
  const main = readYaml(path);
  const secure = securePath ? readYaml(securePath) : {};
  const mainClouds = isObject(main.clouds) ? main.clouds : {};
  const secureClouds = isObject(secure.clouds) ? secure.clouds : {};
  warnIfReadable(path, mainClouds as Record<string, CloudEntry>);
  if (securePath) warnIfReadable(securePath, secureClouds as Record<string, CloudEntry>);
  const merged = deepMerge(mainClouds, secureClouds) as Record<string, CloudEntry>;
  const profiles = publicClouds(env, dirs);
  const clouds: Record<string, CloudEntry> = {};
  for (const [name, entry] of Object.entries(merged)) {
    if (!isObject(entry)) throw new ValidationError(`clouds.${name}`, `${path}: cloud "${name}" must be a mapping`);
    clouds[name] = withProfile(entry as CloudEntry, profiles, `clouds.${name}`);
    for (const k of SECRET_AUTH_KEYS) registerSecret(clouds[name].auth?.[k] as string | undefined);
  }
  return { path, ...(securePath ? { securePath } : {}), clouds };
}

/** User-defined profiles (`public-clouds:` in clouds-public.yaml), then the built-in ones. */
function publicClouds(env: EnvVars, dirs: string[]): Record<string, CloudEntry> {
  const path = firstExisting(undefined, "clouds-public.yaml", dirs, ["clouds-public.yaml", "clouds-public.yml"]);
  const doc = path ? readYaml(path) : {};
  const own = isObject(doc["public-clouds"]) ? (doc["public-clouds"] as Record<string, CloudEntry>) : {};
  void env;
  return { ...BUILT_IN_PROFILES, ...own };
}

function withProfile(entry: CloudEntry, profiles: Record<string, CloudEntry>, field: string): CloudEntry {
  const name = entry.profile ?? (entry as { cloud?: string }).cloud;
  if (name === undefined) return entry;
  const profile = profiles[String(name).toLowerCase()] ?? profiles[String(name)];
  if (!profile) {
    throw new ValidationError(`${field}.profile`, `unknown profile "${String(name)}"; known: ${Object.keys(profiles).join(", ")}`);
  }
  return deepMerge(profile as Record<string, unknown>, entry as Record<string, unknown>) as CloudEntry;
}

/** The named cloud, or a ValidationError naming the file and the clouds it defines. */
export function findCloud(name: string, o: CloudsLookup = {}): CloudEntry & { path: string } {
  const file = loadCloudsFile(o);
  if (!file) {
    throw new ValidationError(
      "cloud",
      `cloud "${name}" asked for, but no clouds.yaml was found (OS_CLIENT_CONFIG_FILE, ./clouds.yaml, ~/.config/openstack/clouds.yaml, /etc/openstack/clouds.yaml)`,
    );
  }
  const entry = file.clouds[name];
  if (!entry) {
    throw new ValidationError("cloud", `no cloud "${name}" in ${file.path}; it defines: ${Object.keys(file.clouds).join(", ") || "nothing"}`);
  }
  return { ...entry, path: file.path };
}

/**
 * The cloud the OpenStack CLI would build from `OS_*` variables (what `source openrc` sets), or
 * undefined when `OS_AUTH_URL` is not set.
 */
export function cloudFromOsEnv(env: EnvVars): CloudEntry | undefined {
  const v = (k: string) => {
    const s = env[k];
    return s === undefined || s.trim() === "" ? undefined : s;
  };
  const authUrl = v("OS_AUTH_URL");
  if (!authUrl) return undefined;
  const auth: CloudAuth = { auth_url: authUrl };
  const map: [keyof CloudAuth, string][] = [
    ["username", "OS_USERNAME"],
    ["user_id", "OS_USER_ID"],
    ["password", "OS_PASSWORD"],
    ["project_name", "OS_PROJECT_NAME"],
    ["project_id", "OS_PROJECT_ID"],
    ["tenant_name", "OS_TENANT_NAME"],
    ["tenant_id", "OS_TENANT_ID"],
    ["user_domain_name", "OS_USER_DOMAIN_NAME"],
    ["user_domain_id", "OS_USER_DOMAIN_ID"],
    ["project_domain_name", "OS_PROJECT_DOMAIN_NAME"],
    ["project_domain_id", "OS_PROJECT_DOMAIN_ID"],
    ["domain_name", "OS_DOMAIN_NAME"],
    ["domain_id", "OS_DOMAIN_ID"],
    ["system_scope", "OS_SYSTEM_SCOPE"],
    ["token", "OS_TOKEN"],
    ["application_credential_id", "OS_APPLICATION_CREDENTIAL_ID"],
    ["application_credential_name", "OS_APPLICATION_CREDENTIAL_NAME"],
    ["application_credential_secret", "OS_APPLICATION_CREDENTIAL_SECRET"],
  ];
  for (const [key, name] of map) {
    const value = v(name);
    if (value !== undefined) auth[key] = value;
  }
  for (const k of SECRET_AUTH_KEYS) registerSecret(auth[k] as string | undefined);
  const entry: CloudEntry = { auth };
  const opt: [keyof CloudEntry, string][] = [
    ["auth_type", "OS_AUTH_TYPE"],
    ["region_name", "OS_REGION_NAME"],
    ["interface", "OS_INTERFACE"],
    ["identity_api_version", "OS_IDENTITY_API_VERSION"],
    ["cacert", "OS_CACERT"],
  ];
  for (const [key, name] of opt) {
    const value = v(name);
    if (value !== undefined) entry[key] = value;
  }
  const insecure = v("OS_INSECURE");
  if (insecure !== undefined && /^(1|true|yes|on)$/i.test(insecure)) entry.verify = false;
  return entry;
}
