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
