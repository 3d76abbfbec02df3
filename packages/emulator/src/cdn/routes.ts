import type { EmulatorContext } from "../context";
import { emptyResponse } from "../respond";
import { swiftError } from "../object-store/errors";
import { listEntries, parseListParams, renderListing } from "../object-store/listing";
import type { SwiftRequest } from "../object-store/swift-request";
import { CDN_DAILY_PURGE_LIMIT, CDN_MAX_TTL, CDN_MIN_TTL, type CdnContainer } from "./model";
import { cdnHeaders, cdnUris } from "./uris";

function parseBool(value: string | null): boolean | undefined {
  if (value === null) return undefined;
  const v = value.trim().toLowerCase();
  if (["true", "1", "yes", "on", "t"].includes(v)) return true;
  if (["false", "0", "no", "off", "f"].includes(v)) return false;
  return undefined;
}

/** Applies X-Cdn-Enabled / X-Ttl / X-Log-Retention; a Response is a 400. */
function applySettings(record: CdnContainer, headers: Headers, enableByDefault: boolean): Response | undefined {
  const rawTtl = headers.get("x-ttl");
  if (rawTtl !== null) {
    if (!/^\d+$/.test(rawTtl.trim())) return swiftError(400, "Invalid X-TTL");
    const ttl = Number(rawTtl.trim());
    if (ttl < CDN_MIN_TTL || ttl > CDN_MAX_TTL) return swiftError(400, `X-TTL must be between ${CDN_MIN_TTL} and ${CDN_MAX_TTL}`);
    record.ttl = ttl;
  }
  const rawEnabled = headers.get("x-cdn-enabled");
  const enabled = parseBool(rawEnabled);
  if (rawEnabled !== null && enabled === undefined) return swiftError(400, "Invalid X-CDN-Enabled");
  if (enabled !== undefined) record.enabled = enabled;
  else if (enableByDefault) record.enabled = true;
  const rawLog = headers.get("x-log-retention");
  const log = parseBool(rawLog);
  if (rawLog !== null && log === undefined) return swiftError(400, "Invalid X-Log-Retention");
  if (log !== undefined) record.logRetention = log;
  return undefined;
}

export function cdnAccountRoute(ctx: EmulatorContext, r: SwiftRequest): Response {
  const records = ctx.state.cdn.containers(r.target.region, r.target.account);
  if (r.request.method === "HEAD") return emptyResponse(204, { "x-account-container-count": String(records.size) });
  if (r.request.method !== "GET") return swiftError(405);
  const params = parseListParams(r.url);
  if (params instanceof Response) return params;
  const enabledOnly = parseBool(r.url.searchParams.get("enabled_only")) === true;
  const visible = new Map([...records].filter(([, rec]) => !enabledOnly || rec.enabled));
  return renderListing(
    r.request,
    r.url,
    { tag: "account", name: r.target.account },
    listEntries(visible, params),
    (name, rec) => {
      const uris = cdnUris(ctx, rec);
      // Sources disagree on the key spelling (snake_case in the API docs,
      // header-style in pyrax's reading): both are present.
      return {
        name,
        cdn_enabled: rec.enabled,
        ttl: rec.ttl,
        log_retention: rec.logRetention,
        cdn_uri: uris.uri,
        cdn_ssl_uri: uris.ssl,
        cdn_streaming_uri: uris.streaming,
        cdn_ios_uri: uris.ios,
        "X-Cdn-Uri": uris.uri,
        "X-Cdn-Ssl-Uri": uris.ssl,
        "X-Cdn-Streaming-Uri": uris.streaming,
        "X-Cdn-Ios-Uri": uris.ios,
      };
    },
    {},
  );
}

export function cdnContainerRoute(ctx: EmulatorContext, r: SwiftRequest, name: string): Response {
  const records = ctx.state.cdn.containers(r.target.region, r.target.account);
  const existing = records.get(name);
  switch (r.request.method) {
    case "PUT": {
      if (!r.account.containers.has(name)) return swiftError(404);
      const record = existing ?? ctx.state.cdn.create(r.target.region, r.target.account, name);
      const wasEnabled = existing?.enabled ?? false;
      const bad = applySettings(record, r.request.headers, true);
      if (bad) {
        if (!existing) records.delete(name);
        return bad;
      }
      return emptyResponse(wasEnabled || !record.enabled ? 202 : 201, cdnHeaders(ctx, record));
    }
    case "HEAD":
    case "GET":
      if (!existing) return swiftError(404);
      return emptyResponse(204, cdnHeaders(ctx, existing));
    case "POST": {
      if (!existing) return swiftError(404);
      const bad = applySettings(existing, r.request.headers, false);
      if (bad) return bad;
      return emptyResponse(204, cdnHeaders(ctx, existing));
    }
    default:
      return swiftError(405);
  }
}

/** DELETE /<container>/<object>: purge from the edge, optionally e-mailing on completion. */
export function cdnPurgeRoute(ctx: EmulatorContext, r: SwiftRequest, containerName: string, objectName: string): Response {
  if (r.request.method !== "DELETE") return swiftError(405);
  const record = ctx.state.cdn.containers(r.target.region, r.target.account).get(containerName);
  if (!record || !record.enabled) return swiftError(404);
  if (!r.account.containers.get(containerName)?.objects.has(objectName)) return swiftError(404);
  const dayStart = Math.floor(ctx.state.clock.now() / 86_400_000) * 86_400_000;
  const today = ctx.state.cdn.purges.filter((p) => p.account === r.target.account && p.at >= dayStart).length;
  // Rackspace's CDN API reference: "An attempt to delete more objects results in a 498 (Rate
  // Limited) status code" (403 there means an authorization problem).
  if (today >= CDN_DAILY_PURGE_LIMIT) return swiftError(498);
  const emails = (r.request.headers.get("x-purge-email") ?? "")
    .split(",")
    .map((e) => e.trim())
    .filter(Boolean);
  ctx.state.cdn.purges.push({
    region: r.target.region,
    account: r.target.account,
    container: containerName,
    object: objectName,
    emails,
    at: ctx.state.clock.now(),
  });
  return emptyResponse(204);
}
