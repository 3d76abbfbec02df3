import { jsonResponse } from "../respond";
import type { NovaRequest } from "./nova-request";
import { iso } from "./views";

/** GET /limits: Rackspace's rate limits and the account's absolute quotas with usage. */
export function showLimits(r: NovaRequest): Response {
  const servers = r.region.tenantServers(r.tenantId).filter((s) => s.deletedAt === undefined);
  let ram = 0;
  let cores = 0;
  for (const s of servers) {
    const f = r.compute.flavor(s.flavorId);
    ram += f?.ram ?? 0;
    cores += f?.vcpus ?? 0;
  }
  const next = iso(r.region.now);
  const rate = (uri: string, regex: string, verb: string, value: number, unit: string) => ({
    uri,
    regex,
    limit: [{ verb, value, remaining: value, unit, "next-available": next }],
  });
  return jsonResponse(200, {
    limits: {
      rate: [
        rate("*", ".*", "GET", 1000, "MINUTE"),
        rate("*", ".*", "POST", 100, "MINUTE"),
        rate("/servers", "^/servers", "POST", 1000, "DAY"),
        rate("/os-networksv2", "^/os-networksv2", "POST", 100, "DAY"),
      ],
      absolute: {
        ...r.compute.quotas,
        totalInstancesUsed: servers.length,
        totalRAMUsed: ram,
        totalCoresUsed: cores,
        totalSecurityGroupsUsed: 0,
        totalFloatingIpsUsed: 0,
        totalServerGroupsUsed: 0,
        totalKeyPairsUsed: [...r.region.keypairs.values()].filter((k) => k.userId === r.userId).length,
      },
    },
  });
}
