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

/** Every form a secret can take in a message, body or header (plain, JSON, URL, base64, HTML), longest first. */
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
  // as an HTML or XML error page quotes it (Python's html.escape, webob's pages)
  const html = secret.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
  forms.add(html.replace(/"/g, "&quot;").replace(/'/g, "&#x27;"));
  forms.add(html.replace(/"/g, "&#34;").replace(/'/g, "&#39;"));
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
  "x-service-token",
  "x-auth-key",
  "x-auth-user-key",
  // Swift tempauth's other spelling of the v1.0 key (X-Storage-User / X-Storage-Pass)
  "x-storage-pass",
  "authorization",
  "proxy-authorization",
  "x-account-meta-temp-url-key(?:-2)?",
  "x-container-meta-temp-url-key(?:-2)?",
  // Zaqar pre-signed queue URLs send the signature as a header
  "url-signature",
  "cookie",
  "set-cookie",
].join("|");

// An Authorization value is "<scheme> <credential>": the scheme alone is not worth masking, the
// credential after it is the secret.
const AUTH_SCHEME = "(?:Basic|Bearer|Digest|Negotiate|NTLM|Token|OAuth|AWS4-HMAC-SHA256|AWS)\\s+";

// `Header: value` / `header=value` / `"header": "value"` / `"header": ["value"]` forms, as they
// appear in logs, dumps and servers' echoes of a request.
const HEADER_RE = new RegExp(`((?:${SECRET_HEADERS})["']?\\s*[:=]\\s*(?:\\[\\s*(?=["']))?["']?(?:${AUTH_SCHEME})?)([^\\s"',;}]+)`, "gi");

// Names whose value is a secret, matched at the end of a key ("original_password", "webhook_token",
// "application_credential_secret", "X-Auth-Token" all end in one), case-insensitively.
const SECRET_KEY_ENDINGS = [
  "password",
  "passwd",
  "passcode",
  "apikey",
  "api_key",
  "api-key",
  "secret",
  "adminpass",
  "admin_pass",
  "token",
  "tempurlkey",
  "temp_url_key",
  "temp-url-key(?:-2)?",
  "privatekey",
  "private_key",
  "signature",
  "temp_url_sig",
].join("|");
const SECRET_KEY = `[\\w:.-]*?(?:${SECRET_KEY_ENDINGS})`;

// A quoted key and its quoted string value, for each quote a body can carry: JSON ("), Python's
// repr of a dict in a server's message ('), JSON inside a JSON string (\") and JSON or a repr
// echoed in an HTML page (&quot;, &#x27;). The value runs to the same quote, skipping escapes.
const QUOTE = `(["']|\\\\"|&quot;|&#34;|&#x22;|&#x27;|&#39;|&apos;)`;
// A backslash run and the character after it are one unit, taken whole (the lookahead and
// backreference make the run atomic: a regex free to split a run of backslashes tries every split,
// and a hostile body of backslashes took seconds). So JSON-in-JSON's escaped quote (three
// backslashes and the quote) and a Python repr's \' inside a JSON string (\\') stay in the value;
// a value that really ends in an escaped backslash is then masked past its end, which hides more,
// never less.
const QUOTED_VALUE = `((?:(?!\\2)(?:(?=(\\\\+))\\4(?:[^]|$)|[^\\\\]))*)`;
// A value cut short with its text (a 200-character snippet of a body) has no closing quote: it is
// masked up to the end, or up to the "…" that marks where a log cut it (the log's own note after
// the "…" stays: the debug log redacts each line again after its body preview was cut).
const CUT_VALUE = `((?:(?!\\2)(?:(?=(\\\\+))\\4(?:[^…]|$)|[^\\\\…]))*)(?=…|$)`;
const QUOTED_RE = new RegExp(`(${QUOTE}${SECRET_KEY}\\2\\s*:\\s*\\2)${QUOTED_VALUE}\\2`, "gi");
const QUOTED_CUT_RE = new RegExp(`(${QUOTE}${SECRET_KEY}\\2\\s*:\\s*\\2)${CUT_VALUE}`, "gi");

// Token bodies carry the token as {"token": {"id": "<token>", ...}} (Rackspace/Keystone v2, and
// v2/v3 token-auth requests): mask an "id" that sits directly in a "token" object, before or after
// objects nested in it ("tenant": {"id": …}).
const TOKEN_ID_OPEN = `(${QUOTE}token\\2\\s*:\\s*\\{(?:[^{}]|\\{[^{}]*\\})*?\\2id\\2\\s*:\\s*\\2)`;
const TOKEN_ID_RE = new RegExp(`${TOKEN_ID_OPEN}${QUOTED_VALUE}\\2`, "gi");
const TOKEN_ID_CUT_RE = new RegExp(`${TOKEN_ID_OPEN}${CUT_VALUE}`, "gi");

// key=value in query strings, fragments (#access_token=…) and form-encoded bodies (a form's first
// field has nothing before it).
const FORM_RE = new RegExp(`((?:^|[?&;#\\s])(?:${SECRET_KEY}|sig)=)([^&#\\s"'<>]+)`, "gi");

// XML bodies: <password>…</password>, <apiKeyCredentials apiKey="…"/>, Rackspace's <token id="…"/>.
const XML_ELEMENT_RE = new RegExp(`(<(?:[\\w-]+:)?(${SECRET_KEY})(?:\\s[^<>]*)?>)([^<]*)(</(?:[\\w-]+:)?\\2\\s*>)`, "gi");
// (The attribute is found by its name's ending alone: a pattern that also matched the start of the
// name tried every word of a long page, seven times slower.)
const XML_ATTRIBUTE_RE = new RegExp(`((?:${SECRET_KEY_ENDINGS})\\s*=\\s*(["']))([^"'<>]*)(\\2)`, "gi");
const XML_TOKEN_ID_RE = /(<(?:[\w-]+:)?token\b[^<>]*?\sid\s*=\s*(["']))([^"'<>]*)(\2)/gi;

// A multipart/form-data part named for a secret (FormPost's "signature"): the first line of its value.
const MULTIPART_RE = new RegExp(`(name\\s*=\\s*"${SECRET_KEY}"[^\\r\\n]*\\r?\\n(?:[^\\r\\n]+\\r?\\n)*\\r?\\n)([^\\r\\n]+)`, "gi");

// Nova's validation message quotes the value it refused, then jsonschema's reason quotes it again:
// "Invalid input for field/attribute adminPass. Value: <it>. '<it>' is too short".
const FIELD_VALUE_RE = new RegExp(`(field/attribute ${SECRET_KEY}\\. Value: )(.+?)((?:\\. |\\.?$)[^\\n]*)`, "gim");
const maskFieldValue = (_m: string, open: string, value: string, rest: string) =>
  `${open}${MASK}${value.length >= MIN_SECRET_LENGTH && value !== MASK ? rest.split(value).join(MASK) : rest}`;
// Keystone's (jsonschema's) version: "Invalid input for field 'identity/password/user/password':
// <value> is not of type 'string' … On instance['identity']…['password']:\n    <value>".
const KEYSTONE_FIELD_RE = new RegExp(`(field '[^'\\n]*?${SECRET_KEY}': )(.+?)((?: is (?:not|too)\\b| does not\\b|$)[\\s\\S]*)`, "gim");
// (In a JSON body the line break is the two characters \n, and the value ends before the string's quote.)
const INSTANCE_VALUE_RE = new RegExp(`(On instance(?:\\[[^\\]\\n]*\\])*\\['${SECRET_KEY}'\\]:(?:\\s|\\\\n)*)((?:(?!\\\\n)[^\\n"])+)`, "gi");

// Autoscale webhook capability URLs (…/execute/1/<hash>/): anyone holding one can scale the group.
const CAPABILITY_RE = /(\/execute\/\d+\/)([^/\s"'?#<>]+)/gi;

// A monitoring webhook notification's details.url (a chat service's incoming hook, or an Auto
// Scale capability URL) runs something for whoever holds it; a check's details.url is only the
// page it fetches, so the url is masked only in an object whose "type" is "webhook", either order.
const OBJECT_BODY = `(?:[^{}]|\\{[^{}]*\\})*?`;
const STRING_VALUE = `((?:[^"\\\\]|\\\\.)*)`;
const WEBHOOK_URL_AFTER_TYPE_RE = new RegExp(`("type"\\s*:\\s*"webhook"${OBJECT_BODY}"details"\\s*:\\s*\\{[^{}]*?"url"\\s*:\\s*")${STRING_VALUE}(")`, "gi");
const WEBHOOK_URL_BEFORE_TYPE_RE = new RegExp(`("details"\\s*:\\s*\\{[^{}]*?"url"\\s*:\\s*")${STRING_VALUE}(")(?=[^{}]*\\}${OBJECT_BODY}"type"\\s*:\\s*"webhook")`, "gi");

// user:password@host in URLs
const USERINFO_RE = /(\b[a-z][a-z0-9+.-]*:\/\/)[^\s/@:]+:[^\s/@]+@/gi;

function maskAll(text: string, secrets: Map<string, string[]>): string {
  let out = text;
  for (const forms of secrets.values()) for (const f of forms) if (out.includes(f)) out = out.split(f).join(MASK);
  return out;
}

/** `open` + mask + the quote, for patterns whose groups are (open, quote, …) and that end with that quote. */
const maskQuoted = (_m: string, open: string, quote: string) => `${open}${MASK}${quote}`;
/** `open` + mask, for a value cut short (no closing quote). */
const maskCut = (_m: string, open: string) => `${open}${MASK}`;

/**
 * Scrub secrets from free text: auth/subject/storage token headers (and an Authorization
 * header's credential after its scheme), temp-URL key headers, values of keys ending in
 * password/apiKey/secret/token/signature/privateKey… in JSON, Python reprs, JSON inside JSON or
 * HTML, form-encoded bodies, query strings, XML elements and attributes and multipart parts,
 * `{"token":{"id":…}}` and `<token id="…"/>`, autoscale capability URLs, a monitoring webhook's
 * details.url, user:password in URLs,
 * and every value registered with `registerSecret` in each of its encoded forms. Idempotent.
 */
export function redact(text: string): string {
  if (!text) return text;
  // Registered secrets first, whole: a pattern's mask could cut one short (a value that holds its
  // own quote) and leave a tail no registered form matches any more.
  const r = registry();
  let out = text;
  if (r.session.size > 0) out = maskAll(out, r.session);
  if (r.ephemeral.size > 0) out = maskAll(out, r.ephemeral);
  // Each rarer shape runs only when the text holds its marker: a debug line pays for few patterns.
  out = out.replace(HEADER_RE, `$1${MASK}`).replace(QUOTED_RE, maskQuoted).replace(QUOTED_CUT_RE, maskCut).replace(FORM_RE, `$1${MASK}`);
  if (/token/i.test(out)) out = out.replace(TOKEN_ID_RE, maskQuoted).replace(TOKEN_ID_CUT_RE, maskCut);
  if (out.includes("<")) out = out.replace(XML_ELEMENT_RE, (_m, open: string, _k: string, _v: string, close: string) => `${open}${MASK}${close}`).replace(XML_TOKEN_ID_RE, maskQuoted);
  if (out.includes("=")) out = out.replace(XML_ATTRIBUTE_RE, maskQuoted);
  if (/name\s*=/i.test(out)) out = out.replace(MULTIPART_RE, `$1${MASK}`);
  if (out.includes("field/attribute")) out = out.replace(FIELD_VALUE_RE, maskFieldValue);
  if (out.includes("field '")) out = out.replace(KEYSTONE_FIELD_RE, maskFieldValue);
  if (out.includes("On instance")) out = out.replace(INSTANCE_VALUE_RE, `$1${MASK}`);
  if (out.includes("/execute/")) out = out.replace(CAPABILITY_RE, `$1${MASK}`);
  if (/webhook/i.test(out)) out = out.replace(WEBHOOK_URL_AFTER_TYPE_RE, `$1${MASK}$3`).replace(WEBHOOK_URL_BEFORE_TYPE_RE, `$1${MASK}$3`);
  if (out.includes("@")) out = out.replace(USERINFO_RE, `$1${MASK}@`);
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
