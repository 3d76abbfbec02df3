import { ValidationError } from "@rax/core";

export type MetaScope = "Account" | "Container" | "Object";
/** Metadata as users pass it: values are sent as strings. */
export type MetadataInput = Record<string, string | number | boolean>;
/** Metadata as returned: lower-case keys without the `X-<Scope>-Meta-` prefix. */
export type Metadata = Record<string, string>;

const TOKEN = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;

export function metaPrefix(scope: MetaScope): string {
  return `x-${scope.toLowerCase()}-meta-`;
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
  if (name.length > 128) throw new ValidationError(field, "metadata keys must be at most 128 characters");
  return `${prefix}${name.toLowerCase()}`;
}

export function headerValue(value: unknown, field: string): string {
  if (typeof value !== "string" && typeof value !== "number" && typeof value !== "boolean")
    throw new ValidationError(field, "must be a string, number or boolean");
  const s = String(value);
  // eslint-disable-next-line no-control-regex
  if (/[\r\n\0]/.test(s)) throw new ValidationError(field, "must not contain CR, LF or NUL");
  return s;
}

/** Validate user metadata and turn it into prefixed headers. */
export function metaHeaders(scope: MetaScope, meta: unknown, field = "metadata"): Record<string, string> {
  if (meta === null || typeof meta !== "object" || Array.isArray(meta))
    throw new ValidationError(field, "must be an object of key/value pairs");
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(meta as Record<string, unknown>)) {
    out[metaHeaderName(scope, k, `${field}.${k}`)] = headerValue(v, `${field}.${k}`);
  }
  return out;
}

/** Pull `X-<Scope>-Meta-*` out of response headers (already lower-case from core). */
export function metadataFrom(scope: MetaScope, headers: Record<string, string>): Metadata {
  const prefix = metaPrefix(scope);
  const out: Metadata = {};
  for (const [k, v] of Object.entries(headers)) {
    const lk = k.toLowerCase();
    if (lk.startsWith(prefix)) out[lk.slice(prefix.length)] = v;
  }
  return out;
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
