/**
 * The configuration settings pyrax documents (its "Available Configuration Settings" table), with
 * the config-file key pyrax uses, the `CLOUD_*` environment variable, and how the value is parsed.
 * rax adds three Keystone v3 settings (auth_version, user_domain, project_domain); they follow the
 * same rules.
 */
export interface Settings {
  /** "rackspace" or "keystone". */
  identityType?: string;
  /** Identity endpoint; built in for Rackspace, required for Keystone. */
  authEndpoint?: string;
  /** Username for keychain look-ups. */
  keyringUsername?: string;
  /** Region used when a call names none. */
  region?: string;
  tenantId?: string;
  tenantName?: string;
  /** Kept for pyrax compatibility; strings are always UTF-8 in rax. */
  encoding?: string;
  /** Prepended to the User-Agent header: "<agent> rax/<version>". */
  customUserAgent?: string;
  /** Redacted HTTP debug output: one line per request, or "verbose" (headers and bodies too). */
  debug?: boolean | "verbose";
  /** false skips TLS certificate verification (warns). */
  verifySsl?: boolean;
  /** Use internal (ServiceNet) URLs for object storage. */
  useServicenet?: boolean;
  /** Keystone API version: "2.0" or "3" (rax extension; inferred from the endpoint when unset). */
  authVersion?: string;
  /** Keystone v3 user domain name (rax extension; default "Default"). */
  userDomain?: string;
  /** Keystone v3 project domain name (rax extension; default "Default"). */
  projectDomain?: string;
}

export type SettingName = keyof Settings;

interface SettingSpec {
  /** Key in the config file (pyrax spelling). */
  fileKey: string;
  /** Older file keys still honoured. */
  legacyFileKeys?: string[];
  /** Environment variables, first match wins. */
  envVars: string[];
  kind: "string" | "boolean";
  defaultValue?: string | boolean;
}

export const SETTING_SPECS: Readonly<Record<SettingName, SettingSpec>> = {
  identityType: { fileKey: "identity_type", envVars: ["CLOUD_ID_TYPE"], kind: "string" },
  authEndpoint: { fileKey: "auth_endpoint", envVars: ["CLOUD_AUTH_ENDPOINT"], kind: "string" },
  keyringUsername: { fileKey: "keyring_username", envVars: ["CLOUD_KEYRING_USER"], kind: "string" },
  region: { fileKey: "region", envVars: ["CLOUD_REGION"], kind: "string" },
  tenantId: { fileKey: "tenant_id", envVars: ["CLOUD_TENANT_ID"], kind: "string" },
  tenantName: { fileKey: "tenant_name", envVars: ["CLOUD_TENANT_NAME"], kind: "string" },
  encoding: { fileKey: "encoding", envVars: ["CLOUD_ENCODING"], kind: "string", defaultValue: "utf-8" },
  customUserAgent: { fileKey: "custom_user_agent", envVars: ["CLOUD_USER_AGENT"], kind: "string" },
  debug: { fileKey: "debug", legacyFileKeys: ["http_debug"], envVars: ["CLOUD_DEBUG"], kind: "boolean", defaultValue: false },
  verifySsl: { fileKey: "verify_ssl", envVars: ["CLOUD_VERIFY_SSL"], kind: "boolean", defaultValue: true },
  // The seed documents USE_SERVICENET (no CLOUD_ prefix); CLOUD_USE_SERVICENET is accepted too.
  useServicenet: {
    fileKey: "use_servicenet",
    envVars: ["USE_SERVICENET", "CLOUD_USE_SERVICENET"],
    kind: "boolean",
    defaultValue: false,
  },
  authVersion: { fileKey: "auth_version", envVars: ["CLOUD_AUTH_VERSION"], kind: "string" },
  userDomain: { fileKey: "user_domain", envVars: ["CLOUD_USER_DOMAIN"], kind: "string" },
  projectDomain: { fileKey: "project_domain", envVars: ["CLOUD_PROJECT_DOMAIN"], kind: "string" },
};

export const SETTING_NAMES = Object.keys(SETTING_SPECS) as SettingName[];

const BY_ALIAS = new Map<string, SettingName>();
for (const name of SETTING_NAMES) {
  const spec = SETTING_SPECS[name];
  BY_ALIAS.set(name.toLowerCase(), name);
  BY_ALIAS.set(spec.fileKey, name);
  for (const legacy of spec.legacyFileKeys ?? []) BY_ALIAS.set(legacy, name);
}
// pyrax's set_setting("user_agent", …) stores the custom agent under this name.
BY_ALIAS.set("user_agent", "customUserAgent");

/** The setting a camelCase or pyrax snake_case key names, or undefined. */
export function settingName(key: string): SettingName | undefined {
  return BY_ALIAS.get(key.toLowerCase());
}

/** Credential keys that must not live in the shared config file. */
export const CREDENTIAL_KEYS = ["username", "password", "api_key", "apikey"] as const;

/**
 * Booleans: pyrax compares the file value to the exact string "True" and leaves env values as raw
 * strings (so CLOUD_VERIFY_SSL=False was truthy). rax accepts the usual spellings and rejects the rest.
 */
export function parseBoolean(raw: unknown): boolean | undefined {
  if (typeof raw === "boolean") return raw;
  if (typeof raw !== "string") return undefined;
  const v = raw.trim().toLowerCase();
  if (v === "") return undefined;
  if (["true", "yes", "on", "1"].includes(v)) return true;
  if (["false", "no", "off", "0"].includes(v)) return false;
  return undefined;
}

/** Parse a raw file/env value for a setting; undefined when empty or not understood. */
export function parseSettingValue(name: SettingName, raw: unknown): string | boolean | undefined {
  const spec = SETTING_SPECS[name];
  // debug is a boolean or core's "verbose" level (CLOUD_DEBUG=verbose, debug = verbose, setHttpDebug("verbose")).
  if (name === "debug" && typeof raw === "string" && raw.trim().toLowerCase() === "verbose") return "verbose";
  if (spec.kind === "boolean") return parseBoolean(raw);
  if (raw === undefined || raw === null) return undefined;
  const s = String(raw).trim();
  return s === "" ? undefined : s;
}
