import { FLAVORS, type BackupRecord, type FlavorRecord, type InstanceRecord } from "./model";

/** Trove's timestamps: ISO to the second, without the zone (`2026-12-01T22:11:15`). */
export const stamp = (ms: number) => new Date(ms).toISOString().slice(0, 19);

/** Trove's `links`: `self` under the tenant base, `bookmark` without the version and tenant. */
export function links(base: string, path: string): Array<{ href: string; rel: string }> {
  const root = base.replace(/\/v1\.0\/[^/]+$/, "");
  return [
    { href: `${base}/${path}`, rel: "self" },
    { href: `${root}/${path}`, rel: "bookmark" },
  ];
}

export function flavorView(base: string, f: FlavorRecord): Record<string, unknown> {
  return { id: f.id, links: links(base, `flavors/${f.id}`), name: f.name, ram: f.ram, vcpus: 1, disk: 0, ephemeral: 0, str_id: String(f.id) };
}

/** The guest's own status, which Trove 18 shows as `operating_status` beside the instance's. */
const OPERATING: Record<string, string> = { BUILD: "NEW", ACTIVE: "HEALTHY", SHUTDOWN: "SHUTDOWN", ERROR: "ERROR" };

export function instanceView(base: string, i: InstanceRecord, detail: boolean): Record<string, unknown> {
  const flavor = FLAVORS.find((f) => f.id === i.flavorId);
  const built = i.status !== "BUILD";
  return {
    id: i.id,
    name: i.name,
    status: i.status,
    operating_status: OPERATING[i.status] ?? "HEALTHY",
    links: links(base, `instances/${i.id}`),
    flavor: { id: String(flavor?.id ?? i.flavorId), links: links(base, `flavors/${i.flavorId}`) },
    datastore: detail ? { type: i.datastore.type, version: i.datastore.version, version_number: i.datastore.version } : { type: i.datastore.type, version: i.datastore.version },
    region: "",
    tenant_id: i.tenantId,
    access: {},
    // Rackspace's; OpenStack Trove sends none (or `ip`).
    hostname: i.hostname,
    volume: detail && built ? { size: i.volumeSize, used: 0.16 } : { size: i.volumeSize },
    ...(detail
      ? {
          created: stamp(i.created),
          updated: stamp(i.updated),
          service_status_updated: stamp(i.updated),
          encrypted_rpc_messaging: false,
          server_id: built ? i.id : null,
          // Trove makes the volume before the server: a building instance already names it.
          volume_id: `vol-${i.id}`,
        }
      : {}),
    ...(detail && i.fault && i.status === "ERROR" ? { fault: { message: i.fault.message, created: stamp(i.fault.created), details: i.fault.details } } : {}),
  };
}

export function backupView(b: BackupRecord): Record<string, unknown> {
  return {
    id: b.id,
    name: b.name,
    description: b.description,
    locationRef: b.status === "COMPLETED" ? `http://localhost/path/to/backup/${b.id}` : null,
    instance_id: b.instanceId,
    created: stamp(b.created),
    updated: stamp(b.updated),
    size: b.size,
    status: b.status,
    parent_id: b.parentId,
    project_id: b.tenantId,
    datastore: { type: b.datastore.type, version: b.datastore.version, version_id: b.datastore.versionId },
  };
}
