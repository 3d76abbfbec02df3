import { createHmac } from "node:crypto";
import { registerSecret, ValidationError, lazy } from "@rax/core";
import * as z from "zod/mini";
import { encodePath } from "../names";
import { abortSignal, parseOptions } from "../options";

const METHODS = ["GET", "PUT", "HEAD", "POST", "DELETE"] as const;
export type TempUrlMethod = (typeof METHODS)[number];
export type TempUrlAlgorithm = "sha1" | "sha256" | "sha512";

/** A temp URL's options: the one declaration its type and its checks come from. */
export const tempUrlOptionsSchema = lazy(() =>
  z.strictObject({
    /** How long the URL works, in seconds (> 0). */
    // zod 4's number already refuses Infinity (classic's `.finite()` was a no-op).
    seconds: z.number("must be a positive number of seconds").check(z.positive("must be a positive number of seconds")),
    /** Case-insensitive; default GET. */
    method: z._default(
      z.pipe(
        z.pipe(z.string("must be GET, PUT, HEAD, POST or DELETE"), z.transform((m: string) => m.toUpperCase())),
        z.enum(METHODS, "must be GET, PUT, HEAD, POST or DELETE"),
      ),
      "GET",
    ),
    /** pyrax signs with SHA-1; Swift also accepts SHA-256 (recommended) and SHA-512. */
    algorithm: z._default(z.enum(["sha1", "sha256", "sha512"], "must be sha1, sha256 or sha512"), "sha1"),
    /** The account's temp-URL key; fetched once and cached when not given. */
    key: z.optional(z.string("must be a non-empty string").check(z.minLength(1, "must be a non-empty string"))),
    /** Suggested download file name (`Content-Disposition`). */
    filename: z.optional(z.string("must be a non-empty string").check(z.minLength(1, "must be a non-empty string"))),
    /** Ask the browser to display rather than download. */
    inline: z.optional(z.boolean("must be a boolean")),
    /** Stops the fetch of the account's key (the only request, made when `key` is not given). */
    signal: z.optional(abortSignal()),
  }),
);

export type TempUrlOptions = z.input<ReturnType<typeof tempUrlOptionsSchema>>;
export type CheckedTempUrlOptions = z.output<ReturnType<typeof tempUrlOptionsSchema>>;

/** `options` may be just the number of seconds, as in pyrax. */
export function tempUrlOptions(o: unknown, field = "options"): CheckedTempUrlOptions {
  if (typeof o === "number") o = { seconds: o };
  if (o === null || typeof o !== "object") throw new ValidationError(field, "must be { seconds, method?, … } or a number of seconds");
  return parseOptions(tempUrlOptionsSchema(), o, field);
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
  o: CheckedTempUrlOptions,
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
