// Secrets registered at run time live on globalThis under a registry symbol, so that two
// installed copies of @rax/core (one per service package) scrub the same values.
const REGISTRY = Symbol.for("rax.secrets");
const MAX_SECRETS = 512;
const MIN_SECRET_LENGTH = 4;
const MASK = "[REDACTED]";

function registry(): Set<string> {
  const g = globalThis as unknown as Record<symbol, Set<string> | undefined>;
  let set = g[REGISTRY];
  if (!set) {
    set = new Set<string>();
    g[REGISTRY] = set;
  }
  return set;
}

/**
 * Remember a secret (token, password, API key, temp-URL key) so that `redact()` scrubs it
 * wherever it appears. Values shorter than 4 characters are ignored: masking them would mangle
 * ordinary text. The registry keeps the newest 512 values.
 */
export function registerSecret(value: string | undefined | null): void {
  if (typeof value !== "string" || value.length < MIN_SECRET_LENGTH) return;
  const set = registry();
  set.delete(value);
  set.add(value);
  while (set.size > MAX_SECRETS) {
    const oldest = set.values().next().value as string;
    set.delete(oldest);
  }
}

/** Forget a secret registered with `registerSecret` (e.g. a revoked token). */
export function unregisterSecret(value: string): void {
  registry().delete(value);
}

const SECRET_HEADERS = [
  "x-auth-token",
  "x-subject-token",
  "x-storage-token",
  "x-auth-key",
  "x-auth-user-key",
  "authorization",
  "proxy-authorization",
  "x-account-meta-temp-url-key(?:-2)?",
  "x-container-meta-temp-url-key(?:-2)?",
  "x-account-meta-temp-url-key",
].join("|");

// `Header: value` / `header=value` / `"header": "value"` forms, as they appear in logs and dumps.
const HEADER_RE = new RegExp(`((?:${SECRET_HEADERS})["']?\\s*[:=]\\s*["']?)([^\\s"',;}]+)`, "gi");

const SECRET_JSON_KEYS = [
  "password",
  "apiKey",
  "api_key",
  "secret",
  "adminPass",
  "admin_pass",
  "passcode",
  "tempUrlKey",
  "temp_url_key",
  "token",
].join("|");
const JSON_STRING_RE = new RegExp(`("(?:${SECRET_JSON_KEYS})"\\s*:\\s*")((?:[^"\\\\]|\\\\.)*)(")`, "gi");

// Token bodies carry the token as {"token": {"id": "<token>", ...}} (Rackspace/Keystone v2, and
// v2/v3 token-auth requests): mask an "id" that sits directly in a "token" object.
const TOKEN_ID_RE = /("token"\s*:\s*\{[^{}]*?"id"\s*:\s*")((?:[^"\\]|\\.)*)(")/gi;

const QUERY_RE = /([?&;](?:temp_url_sig|signature|sig|token|x-auth-token|access_token)=)([^&#\s"']+)/gi;

// user:password@host in URLs
const USERINFO_RE = /(\b[a-z][a-z0-9+.-]*:\/\/)[^\s/@:]+:[^\s/@]+@/gi;

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/**
 * Scrub secrets from free text: auth/subject/storage token headers, temp-URL key headers,
 * `"password"`/`"apiKey"`/`"secret"`/`"adminPass"` JSON values, `{"token":{"id":…}}`, temp-URL
 * signatures in query strings, user:password in URLs, and every value registered with
 * `registerSecret`. Idempotent.
 */
export function redact(text: string): string {
  if (!text) return text;
  let out = text
    .replace(HEADER_RE, `$1${MASK}`)
    .replace(TOKEN_ID_RE, `$1${MASK}$3`)
    .replace(JSON_STRING_RE, (_m, a: string, v: string, c: string) => (v === MASK ? `${a}${v}${c}` : `${a}${MASK}${c}`))
    .replace(QUERY_RE, `$1${MASK}`)
    .replace(USERINFO_RE, `$1${MASK}@`);
  const set = registry();
  if (set.size > 0) {
    for (const secret of set) {
      if (out.includes(secret)) out = out.replace(new RegExp(escapeRegExp(secret), "g"), MASK);
      const encoded = encodeURIComponent(secret);
      if (encoded !== secret && out.includes(encoded)) out = out.split(encoded).join(MASK);
    }
  }
  return out;
}

/** A URL safe to show: temp-URL signatures and other secret query values, user-info and registered secrets masked. */
export function redactUrl(url: string): string {
  return redact(url);
}

const SECRET_HEADER_NAMES = new RegExp(`^(?:${SECRET_HEADERS})$`, "i");

/** Copy of a header record with secret header values masked. */
export function redactHeaders(headers: Record<string, string>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(headers)) out[k] = SECRET_HEADER_NAMES.test(k) ? MASK : redact(v);
  return out;
}
