import { createHmac } from "node:crypto";
import { registerSecret, ValidationError } from "@rax/core";
import { encodePath } from "./names";

export type TempUrlMethod = "GET" | "PUT" | "HEAD" | "POST" | "DELETE";
export type TempUrlAlgorithm = "sha1" | "sha256" | "sha512";

export interface TempUrlOptions {
  /** How long the URL works, in seconds (> 0). */
  seconds: number;
  method?: TempUrlMethod;
  /** pyrax signs with SHA-1; Swift also accepts SHA-256 (recommended) and SHA-512. */
  algorithm?: TempUrlAlgorithm;
  /** The account's temp-URL key; fetched once and cached when not given. */
  key?: string;
  /** Suggested download file name (`Content-Disposition`). */
  filename?: string;
  /** Ask the browser to display rather than download. */
  inline?: boolean;
}

const METHODS = new Set(["GET", "PUT", "HEAD", "POST", "DELETE"]);
const ALGORITHMS = new Set(["sha1", "sha256", "sha512"]);
const KEYS = new Set(["seconds", "method", "algorithm", "key", "filename", "inline"]);

export function checkTempUrlOptions(o: unknown, field = "options"): TempUrlOptions & { method: TempUrlMethod; algorithm: TempUrlAlgorithm } {
  if (typeof o === "number") o = { seconds: o };
  if (o === null || typeof o !== "object") throw new ValidationError(field, "must be { seconds, method?, … } or a number of seconds");
  const opts = o as Record<string, unknown>;
  for (const k of Object.keys(opts)) if (!KEYS.has(k)) throw new ValidationError(`${field}.${k}`, "unknown option");
  if (typeof opts.seconds !== "number" || !Number.isFinite(opts.seconds) || opts.seconds <= 0)
    throw new ValidationError(`${field}.seconds`, "must be a positive number of seconds");
  const method = typeof opts.method === "string" ? opts.method.toUpperCase() : (opts.method ?? "GET");
  if (typeof method !== "string" || !METHODS.has(method))
    throw new ValidationError(`${field}.method`, "must be GET, PUT, HEAD, POST or DELETE");
  const algorithm = opts.algorithm ?? "sha1";
  if (typeof algorithm !== "string" || !ALGORITHMS.has(algorithm)) throw new ValidationError(`${field}.algorithm`, "must be sha1, sha256 or sha512");
  if (opts.key !== undefined && (typeof opts.key !== "string" || opts.key.length === 0)) throw new ValidationError(`${field}.key`, "must be a non-empty string");
  if (opts.filename !== undefined && (typeof opts.filename !== "string" || opts.filename.length === 0))
    throw new ValidationError(`${field}.filename`, "must be a non-empty string");
  if (opts.inline !== undefined && typeof opts.inline !== "boolean") throw new ValidationError(`${field}.inline`, "must be a boolean");
  return { ...(opts as unknown as TempUrlOptions), method: method as TempUrlMethod, algorithm: algorithm as TempUrlAlgorithm };
}

/**
 * Sign `METHOD\nexpires\n/v1/AUTH_x/container/object` — the unescaped path Swift's tempurl
 * middleware sees — and return the URL with that path percent-encoded. As in pyrax, the signed
 * path starts at the `/v1/` segment: a proxy prefix before it (`/object-store/DFW/v1/…`) never
 * reaches Swift.
 */
export function buildTempUrl(
  endpoint: string,
  container: string,
  name: string,
  key: string,
  o: TempUrlOptions & { method: TempUrlMethod; algorithm: TempUrlAlgorithm },
  now: number = Date.now(),
): string {
  const u = new URL(endpoint);
  const basePath = decodeURIComponent(u.pathname).replace(/\/+$/, "");
  const versionAt = basePath.search(/\/v\d+(?:\.\d+)?(?:\/|$)/);
  const path = `${versionAt > 0 ? basePath.slice(versionAt) : basePath}/${container}/${name}`;
  const expires = Math.floor(now / 1000 + o.seconds);
  const sig = createHmac(o.algorithm, key).update(`${o.method}\n${expires}\n${path}`).digest("hex");
  registerSecret(key);
  registerSecret(sig, "ephemeral"); // one per URL: kept among the newest, never crowding out the key
  const encodedPath = `${encodePath(basePath, "endpoint")}/${encodePath(container, "container")}/${encodePath(name)}`;
  let url = `${u.origin}${encodedPath}?temp_url_sig=${sig}&temp_url_expires=${expires}`;
  if (o.filename !== undefined) url += `&filename=${encodeURIComponent(o.filename)}`;
  if (o.inline) url += "&inline";
  return url;
}
