import { jsonResponse } from "../respond";
import { forbidden } from "./nova-errors";
import type { NovaRequest } from "./nova-request";

/**
 * The project's quota set in Nova 2.1's words (os-quota-sets), from the same quotas `/limits` reports:
 * what `openstack quota show` reads. `usage` (`/detail`): each as `{limit, in_use, reserved}`.
 */
export function showQuotaSet(r: NovaRequest, projectId: string, mode: "set" | "defaults" | "detail"): Response {
  // Nova's policy: a project reads its own quotas; another project's needs Keystone's admin role
  // (a Rackspace user-admin owns one account, not the others).
  if (projectId !== r.tenantId && !r.roles.includes("admin")) throw forbidden("Policy doesn't allow os_compute_api:os-quota-sets:show to be performed.");
  const q = r.compute.quotas;
  const limits: Record<string, number> = {
    cores: q.maxTotalCores,
    fixed_ips: -1,
    floating_ips: q.maxTotalFloatingIps,
    injected_file_content_bytes: q.maxPersonalitySize,
    injected_file_path_bytes: 255,
    injected_files: q.maxPersonality,
    instances: q.maxTotalInstances,
    key_pairs: q.maxTotalKeypairs,
    metadata_items: q.maxServerMeta,
    ram: q.maxTotalRAMSize,
    security_group_rules: q.maxSecurityGroupRules,
    security_groups: q.maxSecurityGroups,
    server_group_members: q.maxServerGroupMembers,
    server_groups: q.maxServerGroups,
  };
  if (mode !== "detail") return jsonResponse(200, { quota_set: { id: projectId, ...limits } });
  const servers = r.region.tenantServers(projectId).filter((s) => s.deletedAt === undefined);
  const used: Record<string, number> = { instances: servers.length, cores: 0, ram: 0 };
  for (const s of servers) {
    const f = r.compute.flavor(s.flavorId);
    used.cores! += f?.vcpus ?? 0;
    used.ram! += f?.ram ?? 0;
  }
  used.key_pairs = [...r.region.keypairs.values()].filter((k) => k.userId === r.userId).length;
  const detail: Record<string, unknown> = { id: projectId };
  for (const [k, limit] of Object.entries(limits)) detail[k] = { limit, in_use: used[k] ?? 0, reserved: 0 };
  return jsonResponse(200, { quota_set: detail });
}

/**
 * os-availability-zone: the one zone servers land in (`nova`, as their OS-EXT-AZ says). `/detail`
 * (hosts and services) is admin-only in Nova: 403 otherwise, and `openstack availability zone list`
 * then falls back to the plain list.
 */
export function availabilityZones(r: NovaRequest, detail: boolean): Response {
  if (detail && !r.roles.includes("admin")) throw forbidden("Policy doesn't allow os_compute_api:os-availability-zone:detail to be performed.");
  const hosts = detail ? { [`emulator-${r.region.region}`]: { "nova-compute": { available: true, active: true, updated_at: null } } } : null;
  return jsonResponse(200, { availabilityZoneInfo: [{ zoneName: "nova", zoneState: { available: true }, hosts }] });
}
