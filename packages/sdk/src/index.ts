export * from "@rax/core";
export * from "@rax/identity";
// Both define an endpoint query; core's is the one AuthSession.endpoint() takes.
export type { EndpointQuery } from "@rax/core";
export * from "@rax/object-store";
export * from "@rax/compute";
export * from "@rax/dns";
export * from "@rax/load-balancers";
export * from "@rax/autoscale";
export * from "@rax/monitoring";
export * from "@rax/queues";
export * from "@rax/images";
export * from "@rax/networks";
export * from "@rax/block-storage";
export * from "@rax/databases";
export { SERVICES, type ServiceKey, type ServiceClientFor } from "./services";
export { connect, withShortcuts, type Rax, type RackspaceRegion, type RegionServices, type ServiceRegions } from "./rax";
