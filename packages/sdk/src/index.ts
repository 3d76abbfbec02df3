export * from "@rax/core";
export * from "@rax/identity";
// Both define an endpoint query; core's is the one AuthSession.endpoint() takes.
export type { EndpointQuery } from "@rax/core";

// Every service as a namespace: services share names (compute's Image and Images vs the images
// service, Network, Volume, Flavor …), so `export *` of them all would silently drop or clash.
// `import { compute, objectStore } from "@rax/sdk"`, then `compute.Server`, `objectStore.NoSuchContainer`.
export * as autoscale from "@rax/autoscale";
export * as blockStorage from "@rax/block-storage";
export * as compute from "@rax/compute";
export * as databases from "@rax/databases";
export * as dns from "@rax/dns";
export * as images from "@rax/images";
export * as loadBalancers from "@rax/load-balancers";
export * as monitoring from "@rax/monitoring";
export * as networks from "@rax/networks";
export * as objectStore from "@rax/object-store";
export * as queues from "@rax/queues";

// One client class per service at the top level: their names are distinct by construction.
export { AutoScale } from "@rax/autoscale";
export { BlockStorage } from "@rax/block-storage";
export { Compute } from "@rax/compute";
export { Databases } from "@rax/databases";
export { CloudDNS } from "@rax/dns";
export { Images } from "@rax/images";
export { LoadBalancers } from "@rax/load-balancers";
export { Monitoring } from "@rax/monitoring";
export { Networks } from "@rax/networks";
export { ObjectStore } from "@rax/object-store";
export { Queues } from "@rax/queues";

export { SERVICES, SERVICE_NAMES, type ServiceKey, type ServiceKeyOf, type ServiceName, type ServiceClientFor } from "./services";
export { connect, withShortcuts, type Rax, type RackspaceRegion, type RegionServices, type ServiceRegions } from "./rax";
