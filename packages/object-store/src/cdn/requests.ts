import { HttpError, httpErrorInit, lazy, NotFound, OverLimit, ValidationError } from "@rax/core";
import * as z from "zod/mini";
import { asNoSuchContainer, NoSuchObject, NotCDNEnabled } from "../errors";
import { countHeader } from "../count-headers";
import { checkListingOptions, listingQuery } from "../swift-listing";
import { containerName, containerPath, objectName, objectPath } from "../names";
import { checkObject, checkSignal, signalOption } from "../options";
import { parseBody } from "../response-body";
import { OK } from "../success-status";
import { storage, cdn, type SwiftClient } from "../swift-client";

/** pyrax's CDN attributes of a container. */
export interface CdnAttributes {
  cdnEnabled: boolean;
  cdnTtl: number;
  cdnLogRetention: boolean;
  cdnUri?: string;
  cdnSslUri?: string;
  cdnStreamingUri?: string;
  cdnIosUri?: string;
}

/** pyrax's `DEFAULT_CDN_TTL`, reported for containers never published. */
export const DEFAULT_CDN_TTL = 86_400;
export const MIN_CDN_TTL = 900;
export const MAX_CDN_TTL = 31_536_000;

export interface CdnContainer extends CdnAttributes {
  name: string;
}

const isTrue = (v: unknown) => String(v).toLowerCase() === "true";

export function checkTtl(ttl: unknown, field = "options.ttl"): number | undefined {
  if (ttl === undefined) return undefined;
  if (!Number.isSafeInteger(ttl) || (ttl as number) < MIN_CDN_TTL || (ttl as number) > MAX_CDN_TTL)
    throw new ValidationError(field, `must be an integer number of seconds between ${MIN_CDN_TTL} and ${MAX_CDN_TTL}`);
  return ttl as number;
}

/** A CDN 404 means "no such container" only if storage agrees; otherwise "not CDN-enabled". */
async function explain404(client: SwiftClient, container: string, e: HttpError, signal?: AbortSignal): Promise<never> {
  try {
    // One of the call's requests: its signal stops this one too (AbortError passes through).
    const res = await storage(client, { method: "HEAD", ok: OK.head, path: containerPath(container), signal });
    await res.dump();
  } catch (se) {
    throw asNoSuchContainer(se, container);
  }
  throw new NotCDNEnabled(container, e);
}

// One function per CDN operation; each checks its own input before any request.

/** CDN status, TTL, log retention and URIs (pyrax's defaults when never published). */
export async function getCdnAttributes(client: SwiftClient, name: unknown, options?: unknown): Promise<CdnAttributes> {
  const container = containerName(name);
  const signal = signalOption(options);
  try {
    const res = await cdn(client, { method: "HEAD", ok: OK.head, path: containerPath(container), signal });
    await res.dump();
    const h = res.headers;
    return {
      cdnEnabled: isTrue(h["x-cdn-enabled"]),
      // A TTL that is not a whole number is InvalidResponse, never NaN.
      cdnTtl: h["x-ttl"] === undefined ? DEFAULT_CDN_TTL : countHeader(res, "x-ttl"),
      cdnLogRetention: isTrue(h["x-log-retention"]),
      cdnUri: h["x-cdn-uri"],
      cdnSslUri: h["x-cdn-ssl-uri"],
      cdnStreamingUri: h["x-cdn-streaming-uri"],
      cdnIosUri: h["x-cdn-ios-uri"],
    };
  } catch (e) {
    if (!(e instanceof NotFound)) throw e;
    try {
      await explain404(client, container, e, signal);
    } catch (why) {
      if (why instanceof NotCDNEnabled) return { cdnEnabled: false, cdnTtl: DEFAULT_CDN_TTL, cdnLogRetention: false };
      throw why;
    }
    throw e;
  }
}

/**
 * PUT publishes (a PUT without `X-Cdn-Enabled` CDN-enables the container); POST only adjusts a
 * container the CDN already knows, and answers 404 for one it does not.
 */
async function cdnWrite(
  client: SwiftClient,
  method: "PUT" | "POST",
  container: string,
  headers: Record<string, string | undefined>,
  signal?: AbortSignal,
): Promise<void> {
  try {
    const res = await cdn(client, { method, ok: method === "PUT" ? OK.cdnPut : OK.cdnPost, path: containerPath(container), headers, signal });
    await res.dump();
  } catch (e) {
    if (e instanceof NotFound) await explain404(client, container, e, signal);
    throw e;
  }
}

/** Publish the container on the CDN (`ttl` 900 … 31 536 000 s). */
export async function makePublic(client: SwiftClient, container: unknown, options?: unknown): Promise<void> {
  const c = containerName(container);
  const o = checkObject(options, "options", ["ttl", "signal"]);
  const ttl = checkTtl(o.ttl);
  await cdnWrite(client, "PUT", c, { "x-cdn-enabled": "True", "x-ttl": ttl === undefined ? undefined : String(ttl) }, checkSignal(o.signal));
}

export async function makePrivate(client: SwiftClient, container: unknown, options?: unknown): Promise<void> {
  const c = containerName(container);
  await cdnWrite(client, "PUT", c, { "x-cdn-enabled": "False" }, signalOption(options));
}

export async function setCdnLogRetention(client: SwiftClient, container: unknown, enabled: unknown, options?: unknown): Promise<void> {
  const c = containerName(container);
  if (typeof enabled !== "boolean") throw new ValidationError("enabled", "must be a boolean");
  // POST, not pyrax's PUT: a PUT would publish a container never made public (`NotCDNEnabled` instead).
  await cdnWrite(client, "POST", c, { "x-log-retention": enabled ? "True" : "False" }, signalOption(options));
}

const EMAIL = /^[^\s@,]+@[^\s@,]+$/;

/** Objects an account may purge from the CDN per day (Rackspace's CDN API reference). */
const CDN_DAILY_PURGE_LIMIT = 25;

/**
 * A purge's 404: the container is not published (`NotCDNEnabled`), missing (`NoSuchContainer`), or
 * published without that object (`NoSuchObject`). The CDN's HEAD of the container tells the last
 * apart, which `explain404` alone would report as "not CDN-enabled".
 */
async function explainPurge404(client: SwiftClient, container: string, name: string, e: HttpError, signal?: AbortSignal): Promise<never> {
  let published = false;
  try {
    const res = await cdn(client, { method: "HEAD", ok: OK.head, path: containerPath(container), signal });
    await res.dump();
    published = isTrue(res.headers["x-cdn-enabled"]);
  } catch (he) {
    if (!(he instanceof NotFound)) throw he;
  }
  if (published) throw new NoSuchObject(container, name, e);
  return explain404(client, container, e, signal);
}

/** Remove an object from the CDN edge; optionally email the addresses when done. */
export async function purgeCdnObject(client: SwiftClient, containerRef: unknown, nameRef: unknown, options?: unknown): Promise<void> {
  const container = containerName(containerRef);
  const name = objectName(nameRef);
  const o = checkObject(options, "options", ["emailAddresses", "signal"]);
  const emails = o.emailAddresses;
  const signal = checkSignal(o.signal);
  let list: string[] = [];
  if (emails !== undefined && emails !== null) {
    list = typeof emails === "string" ? [emails] : Array.isArray(emails) ? (emails as unknown[]).map(String) : [];
    if (!Array.isArray(emails) && typeof emails !== "string") throw new ValidationError("options.emailAddresses", "must be an address or a list of addresses");
    list.forEach((a, i) => {
      if (!EMAIL.test(a)) throw new ValidationError(`options.emailAddresses.${i}`, "must be an email address");
    });
  }
  try {
    const res = await cdn(client, {
      method: "DELETE", ok: OK.delete,
      path: objectPath(container, name),
      headers: { "x-purge-email": list.length ? list.join(", ") : undefined },
      signal,
    });
    await res.dump();
  } catch (e) {
    // 498 Rate Limited: the daily purge limit; no retry helps before tomorrow.
    if (e instanceof HttpError && e.status === 498)
      throw new OverLimit(httpErrorInit(e, `CDN purge limit reached (${CDN_DAILY_PURGE_LIMIT} objects per account per day)`));
    if (e instanceof NotFound) await explainPurge404(client, container, name, e, signal);
    throw e;
  }
}

/** The containers the CDN knows (or only the enabled ones), with their attributes. Options checked first. */
export async function listCdnContainers(client: SwiftClient, options: unknown, enabledOnly: boolean): Promise<CdnContainer[]> {
  const o = checkListingOptions(options);
  const query = { ...listingQuery(o, o.marker), enabled_only: enabledOnly ? "true" : undefined };
  const res = await cdn(client, { method: "GET", ok: OK.list, path: "", query, signal: o.signal });
  if (res.status === 204) {
    await res.dump();
    return [];
  }
  const rows = parseBody(res, (await res.json()) ?? [], cdnListingRows(), "CDN listing");
  const all = rows.map((r) => ({
    name: r.name,
    cdnEnabled: isTrue(r.cdn_enabled),
    // As on HEAD: a row without a TTL reads pyrax's default; one that is not a whole number was refused above.
    cdnTtl: r.ttl == null ? DEFAULT_CDN_TTL : Number(r.ttl),
    cdnLogRetention: isTrue(r.log_retention),
    cdnUri: r.cdn_uri ?? r["X-Cdn-Uri"] ?? undefined,
    cdnSslUri: r.cdn_ssl_uri ?? r["X-Cdn-Ssl-Uri"] ?? undefined,
    cdnStreamingUri: r.cdn_streaming_uri ?? r["X-Cdn-Streaming-Uri"] ?? undefined,
    cdnIosUri: r.cdn_ios_uri ?? r["X-Cdn-Ios-Uri"] ?? undefined,
  }));
  return enabledOnly ? all.filter((c) => c.cdnEnabled) : all;
}

const uri = () => z.nullish(z.string());
const SECONDS = "must be a whole number of seconds";
/**
 * The CDN listing's rows (object-store.md: `ttl` a number; the URIs under either spelling). A `ttl`
 * that is not a whole number of seconds (`"soon"`, -1) is `InvalidResponse` naming the row, never NaN;
 * a numeric string is taken, as the HEAD's `X-Ttl` header is one.
 */
const cdnListingRows = lazy(() =>
  z.array(
    z.looseObject({
      name: z.string(),
      cdn_enabled: z.optional(z.union([z.boolean(), z.string()])),
      log_retention: z.optional(z.union([z.boolean(), z.string()])),
      ttl: z.nullish(z.union([z.int(SECONDS).check(z.nonnegative(SECONDS)), z.string(SECONDS).check(z.regex(/^\d{1,16}$/, SECONDS))], SECONDS)),
      cdn_uri: uri(),
      cdn_ssl_uri: uri(),
      cdn_streaming_uri: uri(),
      cdn_ios_uri: uri(),
      "X-Cdn-Uri": uri(),
      "X-Cdn-Ssl-Uri": uri(),
      "X-Cdn-Streaming-Uri": uri(),
      "X-Cdn-Ios-Uri": uri(),
    }),
  ),
);
