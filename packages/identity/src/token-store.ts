import { createHash } from "node:crypto";
import { redact, registerSecret, ValidationError } from "@rax/core";
import type { AuthResult, AuthUser } from "./auth-result";
import { type CatalogService, ServiceCatalog } from "./catalog";

/**
 * A token as a `TokenStore` keeps it: enough to make calls without asking identity again (the
 * token, when it stops working, and the catalog that says where the services are). Plain JSON, so
 * a store may serialise it as it likes.
 */
export interface StoredToken {
  /** Format of this record; a store holding another version is treated as empty. */
  version: 1;
  /** The token itself: a secret. */
  token: string;
  /** ISO 8601; absent when identity gave no expiry. */
  expires?: string;
  /** ISO 8601: when the token was obtained (the refresh-ahead window depends on its lifetime). */
  issuedAt: string;
  tenantId?: string;
  tenantName?: string;
  user: AuthUser;
  catalog: CatalogService[];
}

/**
 * Where a session keeps its token between processes or invocations: a serverless function's
 * writable tmp (`FileTokenStore`), one process (`MemoryTokenStore`), or your own (a KV, a secrets
 * manager). Each method may return a promise. Keys are opaque strings made by rax (a hash: they
 * carry no user name, password or API key); what is stored is a secret, so keep it where only the
 * function can read it.
 *
 * A store that fails (throws, rejects, returns something unreadable) never fails a call: rax emits
 * a `RaxWarning` (code `RAX_TOKEN_STORE`) and authenticates as if the store were empty.
 */
export interface TokenStore {
  get(key: string): StoredToken | undefined | Promise<StoredToken | undefined>;
  set(key: string, value: StoredToken): void | Promise<void>;
  delete(key: string): void | Promise<void>;
}

/** Checks a value given as a `tokenStore` option. */
export function checkTokenStore(store: unknown, field = "tokenStore"): TokenStore | undefined {
  if (store === undefined) return undefined;
  const s = store as Record<string, unknown> | null;
  if (s === null || typeof s !== "object" || typeof s.get !== "function" || typeof s.set !== "function" || typeof s.delete !== "function") {
    throw new ValidationError(field, "expected a TokenStore: an object with get(key), set(key, value) and delete(key)");
  }
  return store as TokenStore;
}

/**
 * The store key for one way of authenticating: identity type, token URL, user, scope and a hash of
 * the secret, hashed together. Another password (or API key) is another key, so a changed secret
 * never picks up the old one's token; nothing in the key can be read back.
 */
export function tokenStoreKey(parts: Record<string, string | undefined>): string {
  const h = createHash("sha256");
  for (const k of Object.keys(parts).sort()) {
    const v = parts[k];
    if (v === undefined) continue;
    // Length-prefixed, so no choice of values can collide with another (user "a:b" vs "a" + "b").
    h.update(`${k.length}:${k}=${v.length}:${v};`);
  }
  return `rax-token-v1-${h.digest("hex")}`;
}

/** A token response as a store record. */
export function toStoredToken(result: AuthResult, issuedAt: number): StoredToken {
  const record: StoredToken = {
    version: 1,
    token: result.token,
    issuedAt: new Date(issuedAt).toISOString(),
    user: result.user,
    catalog: [...result.catalog.services],
  };
  if (result.expires) record.expires = result.expires.toISOString();
  if (result.tenantId !== undefined) record.tenantId = result.tenantId;
  if (result.tenantName !== undefined) record.tenantName = result.tenantName;
  return record;
}

/** Why a stored value cannot be used, or undefined when it can. Never quotes the value (it holds a token). */
function unusable(v: unknown): string | undefined {
  if (v === null || typeof v !== "object") return "not an object";
  const r = v as Record<string, unknown>;
  if (r.version !== 1) return "unknown record version";
  if (typeof r.token !== "string" || r.token === "") return "no token";
  if (r.expires !== undefined && (typeof r.expires !== "string" || Number.isNaN(Date.parse(r.expires)))) return "bad expires";
  if (typeof r.issuedAt !== "string" || Number.isNaN(Date.parse(r.issuedAt))) return "bad issuedAt";
  if (!Array.isArray(r.catalog) || r.catalog.some((s) => s === null || typeof s !== "object" || typeof s.type !== "string" || !Array.isArray(s.endpoints))) {
    return "bad catalog";
  }
  if (r.user === null || typeof r.user !== "object") return "bad user";
  for (const k of ["tenantId", "tenantName"]) if (r[k] !== undefined && typeof r[k] !== "string") return `bad ${k}`;
  return undefined;
}

/**
 * A store record as a token response, or a reason it cannot be one. The token is registered as a
 * secret at once, so it is masked in every log line and error from here on.
 */
export function fromStoredToken(v: unknown): { result: AuthResult; issuedAt: number } | { problem: string } {
  const problem = unusable(v);
  if (problem) return { problem };
  const r = v as StoredToken;
  registerSecret(r.token);
  const user = r.user as Partial<AuthUser>;
  return {
    issuedAt: Date.parse(r.issuedAt),
    result: {
      token: r.token,
      ...(r.expires !== undefined ? { expires: new Date(r.expires) } : {}),
      ...(r.tenantId !== undefined ? { tenantId: r.tenantId } : {}),
      ...(r.tenantName !== undefined ? { tenantName: r.tenantName } : {}),
      catalog: new ServiceCatalog(r.catalog),
      user: { ...user, roles: Array.isArray(user.roles) ? user.roles : [], raw: user.raw ?? {} } as AuthUser,
      // The token response itself is not stored (it repeats the token and the catalog).
      raw: undefined,
    },
  };
}

/**
 * The warning for a store that failed: `process.emitWarning` (type `RaxWarning`, code
 * `RAX_TOKEN_STORE`). The text is redacted and never includes what the store held.
 */
export function tokenStoreWarning(what: string, err?: unknown): void {
  const why = err === undefined ? "" : ` (${err instanceof Error ? `${err.name}: ${err.message}` : String(err)})`;
  process.emitWarning(redact(`rax token store: ${what}${why}`), { type: "RaxWarning", code: "RAX_TOKEN_STORE" });
}
