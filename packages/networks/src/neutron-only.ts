import type { NetworkApi } from "./backend";
import { NotSupportedByBackend } from "./errors";

/** Subnets and ports exist only on Neutron: say so before any request on os-networksv2. */
export async function requireNeutron(client: NetworkApi, call: string, signal?: AbortSignal): Promise<void> {
  if ((await client.ready(signal))  !== "neutron") throw new NotSupportedByBackend(call, client.backend);
}
