import type { ServiceClient } from "@rax/core";

/**
 * A Glance v2 path relative to the client's endpoint. Rackspace's catalog URL already ends in
 * `/v2` (or `/v2/<tenant>`); a stock Glance catalog URL is the bare server (`http://host:9292`).
 */
export function v2(client: ServiceClient, rest: string): string {
  return /\/v2(\/[^/]+)?$/.test(client.endpoint) ? rest : `v2/${rest}`;
}
