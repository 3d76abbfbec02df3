import type { ServiceClient } from "@rax/core";

/**
 * Which API a `Networks` client speaks: OpenStack Neutron v2.0 (catalog type `network`; any
 * OpenStack cloud, and Rackspace's `cloudNetworks`), or Rackspace's `os-networksv2` extension
 * under the compute endpoint (what pyrax uses).
 */
export type Backend = "neutron" | "os-networksv2";

/** What the request functions need from the client: the transport calls and the backend it picked. */
export interface NetworkApi extends ServiceClient {
  /** Valid only after `ready()`: the catalog is read after authentication. */
  readonly backend: Backend;
  /** Authenticates if needed and resolves the backend from the catalog. */
  ready(signal?: AbortSignal): Promise<Backend>;
  /** A Neutron path (`networks`, `subnets/{id}`) relative to the endpoint, with `v2.0/` when the catalog URL lacks it. */
  neutronPath(rest: string): string;
}
