import { jsonResponse } from "../respond";
import { NeutronFault } from "./errors";
import type { RegionNetworks } from "./model";

/** Neutron's default per-project quotas (neutron/conf/quota.py); `network` is enforced on create. */
export const NEUTRON_QUOTAS = { network: 100, subnet: 100, port: 500, router: 10, floatingip: 50, security_group: 10, security_group_rule: 100, rbac_policy: 10, subnetpool: -1 } as const;

/**
 * GET /v2.0/quotas/{project_id}[/details]: what `openstack quota show` reads from the network service.
 * A project reads its own; another's needs admin (Neutron 21 answers 403 PolicyNotAuthorized).
 */
export function showNeutronQuota(nets: RegionNetworks, caller: { tenantId: string; admin: boolean }, projectId: string, details: boolean): Response {
  if (projectId !== caller.tenantId && !caller.admin) throw new NeutronFault(403, "PolicyNotAuthorized", "rule:get_quota is disallowed by policy");
  if (!details) return jsonResponse(200, { quota: { ...NEUTRON_QUOTAS } });
  const used: Record<string, number> = {
    network: [...nets.networks.values()].filter((n) => n.tenantId === projectId).length,
    subnet: [...nets.subnets.values()].filter((s) => s.tenantId === projectId).length,
    port: [...nets.ports.values()].filter((p) => p.tenantId === projectId).length,
  };
  const quota: Record<string, unknown> = {};
  for (const [k, limit] of Object.entries(NEUTRON_QUOTAS)) quota[k] = { limit, used: used[k] ?? 0, reserved: 0 };
  return jsonResponse(200, { quota });
}
