import type { ServiceClient } from "@rax/core";

/**
 * A Glance v2 path relative to the client's endpoint. Rackspace's catalog URL already ends in
 * `/v2` (or `/v2/<tenant>`); a stock Glance catalog URL is the bare server (`http://host:9292`).
 * Telling them apart reads the endpoint, which comes with the catalog: a client built before
 * authentication (`ctx.client()` is lazy) authenticates first, as its first request would.
 */
export async function v2(client: ServiceClient, rest: string, signal?: AbortSignal): Promise<string> {
  if (client.session.currentToken?.() === undefined) await client.session.getToken(signal);
  return /\/v2(\/[^/]+)?$/.test(client.endpoint) ? rest : `v2/${rest}`;
}
