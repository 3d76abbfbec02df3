import type { EmulatorContext } from "../context";
import { computeState } from "../compute/model";
import type { RegionNetworks } from "./model";

/** The owner Neutron gives the port of a server's interface. */
export const COMPUTE_OWNER = "compute:None";

/**
 * Drops the ports of servers Nova no longer has, so a network is "in use" exactly while a live
 * server is attached to it (real Nova deletes the port when it deletes the server).
 */
export function forgetGoneServers(ctx: EmulatorContext, region: string, nets: RegionNetworks): void {
  const compute = computeState(ctx.state).region(region);
  for (const p of [...nets.ports.values()]) {
    if (!p.deviceOwner.startsWith("compute:") || !p.deviceId) continue;
    if (!compute.server(p.tenantId, p.deviceId)) nets.ports.delete(p.id);
  }
}
