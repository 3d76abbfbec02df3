import { ValidationError } from "@rax/core";
import { maskTempUrlKeys } from "./temp-url-key-metadata";

export type MetaScope = "Account" | "Container" | "Object";
/** Metadata as users pass it: values are sent as strings. */
export type MetadataInput = Record<string, string | number | boolean>;
/** Metadata as returned: lower-case keys without the `X-<Scope>-Meta-` prefix. */
export type Metadata = Record<string, string>;

const TOKEN = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;

// Built once: metadataFrom runs on every HEAD.
const META_PREFIX: Readonly<Record<MetaScope, string>> = { Account: "x-account-meta-", Container: "x-container-meta-", Object: "x-object-meta-" };

export function metaPrefix(scope: MetaScope): string {
  return META_PREFIX[scope];
}

/**
 * Header name for a metadata key. As pyrax does, the `X-<Scope>-Meta-` prefix is added unless the
 * key already has it, and `_` becomes `-` (proxies drop headers with underscores).
 */
export function metaHeaderName(scope: MetaScope, key: string, field: string): string {
  const prefix = metaPrefix(scope);
  const bare = key.toLowerCase().startsWith(prefix) ? key.slice(prefix.length) : key;
  const name = bare.replace(/_/g, "-");
  if (name.length === 0 || !TOKEN.test(name)) throw new ValidationError(field, `invalid metadata key ${JSON.stringify(key)}`);
  if (name.length > METADATA_LIMITS.maxNameBytes) throw new ValidationError(field, `metadata keys must be at most ${METADATA_LIMITS.maxNameBytes} characters`);
  return `${prefix}${name.toLowerCase()}`;
}

// eslint-disable-next-line no-control-regex
const NOT_ASCII = /[^\x00-\x7f]/;
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const strictUtf8 = new TextDecoder("utf-8", { fatal: true });

/**
 * A header value as it goes on the wire: its UTF-8 bytes (what Swift requires for metadata and
 * python-swiftclient sends). HTTP header strings travel as Latin-1, one byte per character, so
 * the UTF-8 bytes are handed over as that string; ASCII is already both.
 */
export function toWire(s: string): string {
  return NOT_ASCII.test(s) ? Buffer.from(s, "utf8").toString("latin1") : s;
}

/** A header value read off the wire (Latin-1 characters = bytes): UTF-8 decoded when it is UTF-8. */
export function fromWire(v: string): string {
  if (!NOT_ASCII.test(v)) return v;
  try {
    return strictUtf8.decode(Buffer.from(v, "latin1"));
  } catch {
    return v;
  }
}

/** Checks a header value and returns its wire form (`toWire`). */
export function headerValue(value: unknown, field: string): string {
  if (typeof value !== "string" && typeof value !== "number" && typeof value !== "boolean")
    throw new ValidationError(field, "must be a string, number or boolean");
  const s = String(value);
  // eslint-disable-next-line no-control-regex
  if (/[\r\n\0]/.test(s)) throw new ValidationError(field, "must not contain CR, LF or NUL");
  if (NOT_ASCII.test(s) && LONE_SURROGATE.test(s)) throw new ValidationError(field, "must be valid Unicode (it has a lone surrogate)");
  return toWire(s);
}

/** Swift's defaults (`/info` → `swift`): per value, per name, items and bytes per request. */
export const METADATA_LIMITS = { maxValueBytes: 256, maxNameBytes: 128, maxCount: 90, maxOverallBytes: 4096 } as const;

/** Validate user metadata and turn it into prefixed headers (values in wire form), within Swift's limits. */
export function metaHeaders(scope: MetaScope, meta: unknown, field = "metadata"): Record<string, string> {
  if (meta === null || typeof meta !== "object" || Array.isArray(meta))
    throw new ValidationError(field, "must be an object of key/value pairs");
  const out: Record<string, string> = {};
  const prefixLength = metaPrefix(scope).length;
  let count = 0;
  let overall = 0;
  for (const [k, v] of Object.entries(meta as Record<string, unknown>)) {
    const name = metaHeaderName(scope, k, `${field}.${k}`);
    const value = headerValue(v, `${field}.${k}`);
    // Wire strings hold one byte per character: length is the byte count Swift checks.
    if (value.length > METADATA_LIMITS.maxValueBytes)
      throw new ValidationError(`${field}.${k}`, `must be at most ${METADATA_LIMITS.maxValueBytes} bytes (UTF-8); it is ${value.length}`);
    out[name] = value;
    count++;
    overall += name.length - prefixLength + value.length;
  }
  if (count > METADATA_LIMITS.maxCount) throw new ValidationError(field, `at most ${METADATA_LIMITS.maxCount} items per request; got ${count}`);
  if (overall > METADATA_LIMITS.maxOverallBytes)
    throw new ValidationError(field, `at most ${METADATA_LIMITS.maxOverallBytes} bytes of names and values in all; got ${overall}`);
  return out;
}

/** Pull `X-<Scope>-Meta-*` out of response headers (already lower-case from core), values decoded. */
export function metadataFrom(scope: MetaScope, headers: Record<string, string>): Metadata {
  const prefix = metaPrefix(scope);
  const out: Metadata = {};
  // for-in, not Object.entries: this runs on every HEAD, and entries built an array per header.
  for (const k in headers) {
    const lk = k.toLowerCase();
    if (lk.startsWith(prefix) && Object.hasOwn(headers, k)) out[lk.slice(prefix.length)] = fromWire(headers[k] as string);
  }
  return scope === "Object" ? out : maskTempUrlKeys(out);
}

/** Validate extra raw headers passed through `headers`. */
export function extraHeaders(headers: unknown, field = "headers"): Record<string, string> {
  if (headers === undefined) return {};
  if (headers === null || typeof headers !== "object" || Array.isArray(headers))
    throw new ValidationError(field, "must be an object of header names to values");
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(headers as Record<string, unknown>)) {
    if (!TOKEN.test(k)) throw new ValidationError(`${field}.${k}`, "invalid header name");
    out[k.toLowerCase()] = headerValue(v, `${field}.${k}`);
  }
  return out;
}
