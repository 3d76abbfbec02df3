/** Rackspace's PublicNet (the Internet), label `public`: pyrax `cloud_networks.PUBLIC_NET_ID`. */
export const PUBLIC_NET_ID = "00000000-0000-0000-0000-000000000000";
/** Rackspace's ServiceNet (the data centre's internal network), label `private`: pyrax `SERVICE_NET_ID`. */
export const SERVICE_NET_ID = "11111111-1111-1111-1111-111111111111";

/** The two networks every Rackspace server gets by default; they cannot be created, fetched by id or deleted. */
export const PSEUDO_NETWORKS: Readonly<Record<string, string>> = { [PUBLIC_NET_ID]: "public", [SERVICE_NET_ID]: "private" };

export function isPseudoNetwork(id: string): boolean {
  return id in PSEUDO_NETWORKS;
}
