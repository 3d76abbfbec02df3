import type { EmulatorContext } from "../context";
import type { CdnContainer } from "./model";

/** The four CDN URIs Cloud Files hands out; here they all lead back to the emulator's `cdn-content` endpoint. */
export function cdnUris(ctx: EmulatorContext, record: CdnContainer) {
  const base = ctx.endpoints.base("cdn-content", undefined);
  return {
    uri: `${base}/${record.uriId}`,
    ssl: `${base}/ssl-${record.uriId}`,
    streaming: `${base}/stream-${record.uriId}`,
    ios: `${base}/ios-${record.uriId}`,
  };
}

export function cdnHeaders(ctx: EmulatorContext, record: CdnContainer): Record<string, string> {
  const uris = cdnUris(ctx, record);
  return {
    "x-cdn-enabled": record.enabled ? "True" : "False",
    "x-ttl": String(record.ttl),
    "x-log-retention": record.logRetention ? "True" : "False",
    "x-cdn-uri": uris.uri,
    "x-cdn-ssl-uri": uris.ssl,
    "x-cdn-streaming-uri": uris.streaming,
    "x-cdn-ios-uri": uris.ios,
  };
}
