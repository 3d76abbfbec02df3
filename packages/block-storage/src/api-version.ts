import type { ServiceClient } from "@rax/core";

/**
 * Cinder's major API version, read from the endpoint (`…/v1/<tenant>` on Rackspace, `…/v3/<project>`
 * on OpenStack). v1 names a volume `display_name` / `display_description` and answers a create with
 * 200; v2 and v3 say `name` / `description` and answer 202.
 */
export type ApiVersion = 1 | 2 | 3;

export function apiVersion(client: ServiceClient): ApiVersion {
  const m = /\/v([123])(?:\.\d+)?(?:\/|$)/.exec(new URL(client.endpoint).pathname);
  return m ? (Number(m[1]) as ApiVersion) : 3;
}

/** The wire names for a display name and description in this version. */
export function displayKeys(v: ApiVersion): { name: string; description: string } {
  return v === 1 ? { name: "display_name", description: "display_description" } : { name: "name", description: "description" };
}
