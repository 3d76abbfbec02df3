/**
 * Names a user may give for a service, mapped to the service key (pyrax's descriptive name). The
 * table is the seed's "Service Names" table plus the catalog names Rackspace uses.
 */
export const SERVICE_ALIASES: Readonly<Record<string, string>> = {
  nova: "compute",
  cloudservers: "compute",
  cloud_servers: "compute",
  cloudserversopenstack: "compute",
  swift: "object_store",
  cloudfiles: "object_store",
  cloud_files: "object_store",
  cloudfilescdn: "object_cdn",
  cloud_loadbalancers: "load_balancer",
  cloud_load_balancers: "load_balancer",
  load_balancers: "load_balancer",
  loadbalancers: "load_balancer",
  clb: "load_balancer",
  cloudloadbalancers: "load_balancer",
  trove: "database",
  cloud_databases: "database",
  clouddatabases: "database",
  databases: "database",
  cinder: "volume",
  cloud_blockstorage: "volume",
  cloudblockstorage: "volume",
  // Not volumev3 / block-storage / messaging: those are catalog types of their own (Cinder v3, Zaqar v2),
  // and folding them into volume / queues would let a lookup for Cinder v3 answer Cinder v1's URL.
  designate: "dns",
  cloud_dns: "dns",
  clouddns: "dns",
  neutron: "network",
  cloud_networks: "network",
  cloudnetworks: "network",
  glance: "image",
  images: "image",
  cloudimages: "image",
  marconi: "queues",
  zaqar: "queues",
  queues: "queues",
  cloudqueues: "queues",
  cloud_queues: "queues",
  cloud_monitoring: "monitor",
  cloudmonitoring: "monitor",
  monitoring: "monitor",
  maas: "monitor",
  autoscale: "autoscale",
  otter: "autoscale",
  keystone: "identity",
};

/**
 * The service key for a catalog type or a user-given name: lower case, `-` → `_`, a vendor prefix
 * dropped (`rax:load-balancer` → `load_balancer`, `object-store` → `object_store`), aliases applied.
 */
export function serviceKey(name: string): string {
  let k = name.trim().toLowerCase().replace(/-/g, "_");
  const colon = k.lastIndexOf(":");
  // Rackspace's own mock lists monitoring as "rax: monitor": trim after the prefix too.
  if (colon !== -1) k = k.slice(colon + 1).trim();
  return SERVICE_ALIASES[k] ?? k;
}
