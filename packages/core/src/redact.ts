// Secrets registered at run time live on globalThis under a registry symbol, so that two
// installed copies of @rax/core (one per service package) scrub the same values.
const REGISTRY = Symbol.for("rax.secrets.v2");
const MAX_EPHEMERAL = 512;
const MIN_SECRET_LENGTH = 4;
// A base64 fragment shorter than this could match ordinary text by chance.
const MIN_BASE64_FRAGMENT = 8;
const MASK = "[REDACTED]";

/**
 * `session`: a secret of a session or account (token, API key, password, temp-URL key). Kept until
 * `unregisterSecret`, however many other values are registered.
 * `ephemeral`: a per-request value (a temp URL's signature). The newest 512 are kept.
 */
export type SecretKind = "session" | "ephemeral";

interface Registry {
  session: Map<string, string[]>;
  ephemeral: Map<string, string[]>;
}

function registry(): Registry {
  const g = globalThis as unknown as Record<symbol, Registry | undefined>;
  let r = g[REGISTRY];
  if (!r) {
    r = { session: new Map(), ephemeral: new Map() };
    g[REGISTRY] = r;
  }
  return r;
}

/**
 * The base64 text of `secret` wherever it sits in an encoded stream: for each of the three
 * alignments, the run of base64 characters that depend on the secret's bytes alone (so
 * `base64("user:" + password)` is found as well as `base64(password)`).
 */
function base64Forms(secret: string): string[] {
  const bytes = Buffer.from(secret, "utf8");
  const out: string[] = [];
  for (let lead = 0; lead < 3; lead++) {
    const padded = Buffer.concat([Buffer.alloc(lead), bytes]);
    const b64 = padded.toString("base64");
    // Groups of 3 input bytes → 4 characters. Skip a first group holding lead bytes and a last
    // group that is partial (its characters depend on whatever follows the secret).
    const firstGroup = lead === 0 ? 0 : 1;
    const fullGroups = Math.floor(padded.length / 3);
    const core = b64.slice(firstGroup * 4, fullGroups * 4);
    if (core.length >= MIN_BASE64_FRAGMENT) {
      out.push(core);
      const url = core.replace(/\+/g, "-").replace(/\//g, "_");
      if (url !== core) out.push(url);
    }
  }
  return out;
}

/** Every form a secret can take in a message, body or header, longest first. */
function encodedForms(secret: string): string[] {
  const forms = new Set<string>([secret]);
  const json = JSON.stringify(secret).slice(1, -1);
  forms.add(json);
  forms.add(JSON.stringify(json).slice(1, -1)); // JSON text inside a JSON string
  try {
    const url = encodeURIComponent(secret);
    forms.add(url);
    forms.add(url.replace(/%[0-9A-F]{2}/g, (m) => m.toLowerCase()));
    forms.add(url.replace(/%20/g, "+"));
  } catch {
    // a lone surrogate has no URL form
  }
  for (const b of base64Forms(secret)) forms.add(b);
  return [...forms].filter((f) => f.length >= MIN_SECRET_LENGTH).sort((a, b) => b.length - a.length);
}

/**
 * Remember a secret so that `redact()` scrubs it wherever it appears — as is, JSON-escaped,
 * URL-encoded or base64-encoded (also inside `base64("user:" + secret)`). Values shorter than 4
 * characters are ignored: masking them would mangle ordinary text. `kind` (default `"session"`)
 * decides how long it is kept: session secrets until `unregisterSecret`, ephemeral ones (per-request
 * values such as temp-URL signatures) among the newest 512.
 */
export function registerSecret(value: string | undefined | null, kind: SecretKind = "session"): void {
  if (typeof value !== "string" || value.length < MIN_SECRET_LENGTH) return;
  const r = registry();
  if (r.session.has(value)) return;
  if (kind === "session") {
    r.ephemeral.delete(value);
    r.session.set(value, encodedForms(value));
    return;
  }
  const set = r.ephemeral;
  const forms = set.get(value) ?? encodedForms(value);
  set.delete(value);
  set.set(value, forms);
  while (set.size > MAX_EPHEMERAL) set.delete(set.keys().next().value as string);
}

/** Forget a secret registered with `registerSecret` (e.g. a revoked token). */
export function unregisterSecret(value: string): void {
  const r = registry();
  r.session.delete(value);
  r.ephemeral.delete(value);
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

function maskAll(text: string, secrets: Map<string, string[]>): string {
  let out = text;
  for (const forms of secrets.values()) for (const f of forms) if (out.includes(f)) out = out.split(f).join(MASK);
  return out;
}

/**
 * Scrub secrets from free text: auth/subject/storage token headers, temp-URL key headers,
 * `"password"`/`"apiKey"`/`"secret"`/`"adminPass"` JSON values, `{"token":{"id":…}}`, temp-URL
 * signatures in query strings, user:password in URLs, and every value registered with
 * `registerSecret` in each of its encoded forms. Idempotent.
 */
export function redact(text: string): string {
  if (!text) return text;
  let out = text
    .replace(HEADER_RE, `$1${MASK}`)
    .replace(TOKEN_ID_RE, `$1${MASK}$3`)
    .replace(JSON_STRING_RE, (_m, a: string, v: string, c: string) => (v === MASK ? `${a}${v}${c}` : `${a}${MASK}${c}`))
    .replace(QUERY_RE, `$1${MASK}`)
    .replace(USERINFO_RE, `$1${MASK}@`);
  const r = registry();
  if (r.session.size > 0) out = maskAll(out, r.session);
  if (r.ephemeral.size > 0) out = maskAll(out, r.ephemeral);
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
