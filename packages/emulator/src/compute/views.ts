import { cinderState } from "../block-storage/model";
import type { FlavorRecord } from "./seed-data";
import type { KeypairRecord, NovaImage, RegionCompute, ServerRecord } from "./model";

/** Where links point: the endpoint's base URL and the version + tenant the request used. */
export interface LinkBase {
  base: string;
  version: string;
  tenantId: string;
}

export const iso = (ms: number) => new Date(ms).toISOString().replace(/\.\d{3}Z$/, "Z");

export function links(at: LinkBase, collection: string, id: string) {
  return [
    { href: `${at.base}/${at.version}/${at.tenantId}/${collection}/${id}`, rel: "self" },
    { href: `${at.base}/${at.tenantId}/${collection}/${id}`, rel: "bookmark" },
  ];
}

const POWER: Record<string, number> = { active: 1, rescued: 1, resized: 1, stopped: 4, error: 0, building: 0 };

export function serverView(r: RegionCompute, at: LinkBase, s: ServerRecord): Record<string, unknown> {
  const deleted = s.goneAt !== undefined && s.goneAt <= r.now;
  const view: Record<string, unknown> = {
    id: s.id,
    name: s.name,
    status: deleted ? "DELETED" : s.status,
    tenant_id: s.tenantId,
    user_id: s.userId,
    metadata: { ...s.metadata },
    hostId: s.status === "BUILD" ? "" : r.hostId(s.tenantId),
    image: s.imageId ? { id: s.imageId, links: [{ href: `${at.base}/${at.tenantId}/images/${s.imageId}`, rel: "bookmark" }] } : "",
    flavor: { id: s.flavorId, links: [{ href: `${at.base}/${at.tenantId}/flavors/${s.flavorId}`, rel: "bookmark" }] },
    created: iso(s.created),
    updated: iso(s.updated),
    addresses: extendedAddresses(s),
    accessIPv4: s.accessIPv4,
    accessIPv6: s.accessIPv6,
    links: links(at, "servers", s.id),
    key_name: s.keyName,
    config_drive: s.configDrive ? "True" : "",
    progress: r.progress(s),
    "OS-DCF:diskConfig": s.diskConfig,
    "OS-EXT-STS:task_state": s.deletedAt !== undefined && !deleted ? "deleting" : s.taskState || null,
    "OS-EXT-STS:vm_state": deleted ? "deleted" : s.vmState,
    "OS-EXT-STS:power_state": POWER[s.vmState] ?? 0,
    "OS-EXT-AZ:availability_zone": s.availabilityZone,
    "OS-SRV-USG:launched_at": s.launchedAt === undefined ? null : iso(s.launchedAt).replace("Z", ".000000"),
    "OS-SRV-USG:terminated_at": deleted && s.deletedAt !== undefined ? iso(s.deletedAt).replace("Z", ".000000") : null,
    "os-extended-volumes:volumes_attached": deleted ? [] : attachedVolumes(r, s),
    security_groups: s.securityGroups,
  };
  if (s.fault && s.status === "ERROR") view.fault = s.fault;
  if (!PROGRESS_STATUSES.has(view.status as string)) delete view.progress;
  return view;
}

/**
 * The Cinder volumes attached to the server (os-volume_attachments on this endpoint), as Nova lists its
 * block device mappings at microversion 2.1: `[{id}]`. The `openstack server show` "volumes_attached" row.
 */
function attachedVolumes(r: RegionCompute, s: ServerRecord): Array<{ id: string }> {
  return cinderState(r.compute.state)
    .region(r.region)
    .tenantVolumes(s.tenantId)
    .filter((v) => v.attachment?.serverId === s.id)
    .map((v) => ({ id: v.id }));
}

/**
 * What Nova answers a PUT /servers/{id} or a rebuild with below microversion 2.75: only its base
 * view (nova/api/openstack/compute/views/servers.py `show` with every extension off) — no key
 * name, availability zone, config drive, task/vm/power state, launch times or security groups.
 */
export function partialServerView(r: RegionCompute, at: LinkBase, s: ServerRecord): Record<string, unknown> {
  const full = serverView(r, at, s);
  const view: Record<string, unknown> = {};
  for (const key of PARTIAL_KEYS) if (key in full) view[key] = full[key];
  // extend_address is off too: plain {addr, version}, as /ips answers.
  view.addresses = s.addresses;
  return view;
}

/**
 * A server's addresses as GET /servers/{id} and the detail listing show them: each with Nova's
 * `OS-EXT-IPS:type` and `OS-EXT-IPS-MAC:mac_addr` (extend_address); /ips and the partial view leave them out.
 */
function extendedAddresses(s: ServerRecord): Record<string, Array<Record<string, unknown>>> {
  const out: Record<string, Array<Record<string, unknown>>> = {};
  for (const [label, list] of Object.entries(s.addresses)) out[label] = list.map((a) => ({ ...a, "OS-EXT-IPS-MAC:mac_addr": macOf(s.id, label), "OS-EXT-IPS:type": "fixed" }));
  return out;
}

/** One port per network: a stable MAC in Neutron's fa:16:3e prefix, from the server id and the label. */
function macOf(id: string, label: string): string {
  let h = 0;
  for (const c of `${id}/${label}`) h = (Math.imul(h, 31) + c.charCodeAt(0)) >>> 0;
  const b = [h >>> 16, h >>> 8, h].map((x) => (x & 0xff).toString(16).padStart(2, "0"));
  return `fa:16:3e:${b.join(":")}`;
}

const PARTIAL_KEYS = ["id", "name", "status", "tenant_id", "user_id", "metadata", "hostId", "image", "flavor", "created", "updated", "addresses", "accessIPv4", "accessIPv6", "links", "OS-DCF:diskConfig", "fault", "progress"];

/** Nova shows `progress` only in these statuses (views/servers.py `_progress_statuses`). */
const PROGRESS_STATUSES = new Set(["ACTIVE", "BUILD", "REBUILD", "RESIZE", "VERIFY_RESIZE", "MIGRATING"]);

export function serverSummary(at: LinkBase, s: ServerRecord) {
  return { id: s.id, name: s.name, links: links(at, "servers", s.id) };
}

export function flavorView(at: LinkBase, f: FlavorRecord) {
  return {
    id: f.id,
    name: f.name,
    ram: f.ram,
    disk: f.disk,
    vcpus: f.vcpus,
    swap: f.swap,
    rxtx_factor: f.rxtxFactor,
    "OS-FLV-EXT-DATA:ephemeral": f.ephemeral,
    "OS-FLV-DISABLED:disabled": false,
    "os-flavor-access:is_public": true,
    "OS-FLV-WITH-EXT-SPECS:extra_specs": { ...f.extraSpecs },
    links: links(at, "flavors", f.id),
  };
}

export function imageView(at: LinkBase, i: NovaImage) {
  const view: Record<string, unknown> = {
    id: i.id,
    name: i.name,
    status: i.status,
    progress: i.progress,
    minDisk: i.minDisk,
    minRam: i.minRam,
    metadata: { ...i.metadata },
    created: iso(i.created),
    updated: iso(i.updated),
    links: links(at, "images", i.id),
    "OS-EXT-IMG-SIZE:size": i.size ?? 0,
  };
  if (i.serverId) view.server = { id: i.serverId, links: links(at, "servers", i.serverId) };
  return view;
}

export function keypairView(k: KeypairRecord) {
  return { name: k.name, public_key: k.publicKey, fingerprint: k.fingerprint };
}
