import type { ServiceClient } from "@rax/core";
import type { ServiceClientClass } from "@rax/identity";
import { AutoScale } from "@rax/autoscale";
import { BlockStorage } from "@rax/block-storage";
import { Compute } from "@rax/compute";
import { Databases } from "@rax/databases";
import { CloudDNS } from "@rax/dns";
import { Images } from "@rax/images";
import { LoadBalancers } from "@rax/load-balancers";
import { Monitoring } from "@rax/monitoring";
import { Networks } from "@rax/networks";
import { ObjectStore } from "@rax/object-store";
import { Queues } from "@rax/queues";

/**
 * Every service by pyrax's descriptive name (the right-hand column of its "Service Names" table).
 * Code names and product names (`nova`, `cloudfiles`, …) reach these through `serviceKey()`.
 */
export const SERVICES = {
  compute: Compute,
  object_store: ObjectStore,
  load_balancer: LoadBalancers,
  database: Databases,
  volume: BlockStorage,
  dns: CloudDNS,
  network: Networks,
  image: Images,
  queues: Queues,
  monitor: Monitoring,
  autoscale: AutoScale,
} as const satisfies Record<string, ServiceClientClass<ServiceClient>>;

export type ServiceKey = keyof typeof SERVICES;
export type ServiceClientFor<K extends ServiceKey> = InstanceType<(typeof SERVICES)[K]>;

/**
 * The names of pyrax's "Service Names" table (and the catalog names Rackspace uses), one row per
 * service, so `rax.ORD.clb`, `rax.nova.ORD` and `rax.getClient("nova")` are typed as the client
 * they return. At run time names go through identity's `serviceKey()`; a test holds the two
 * together. `block_storage` is the umbrella's own (see `shortcutKey`).
 */
export const SERVICE_NAMES = {
  compute: ["nova", "cloudservers", "cloud_servers", "cloudserversopenstack"],
  object_store: ["swift", "cloudfiles", "cloud_files"],
  load_balancer: ["clb", "cloud_loadbalancers", "cloud_load_balancers", "load_balancers", "loadbalancers", "cloudloadbalancers"],
  database: ["trove", "cloud_databases", "clouddatabases", "databases"],
  volume: ["cinder", "cloud_blockstorage", "cloudblockstorage", "block_storage", "blockstorage"],
  dns: ["designate", "cloud_dns", "clouddns"],
  network: ["neutron", "cloud_networks", "cloudnetworks"],
  image: ["glance", "images", "cloudimages"],
  queues: ["marconi", "zaqar", "cloud_queues", "cloudqueues"],
  monitor: ["cloud_monitoring", "cloudmonitoring", "monitoring", "maas"],
  autoscale: ["otter"],
} as const satisfies Record<ServiceKey, readonly string[]>;

/** A service key or any of its names. */
export type ServiceName = ServiceKey | (typeof SERVICE_NAMES)[ServiceKey][number];
/** The service key a name means. */
export type ServiceKeyOf<N extends ServiceName> = { [K in ServiceKey]: N extends K | (typeof SERVICE_NAMES)[K][number] ? K : never }[ServiceKey];
