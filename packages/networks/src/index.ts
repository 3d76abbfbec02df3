export { Networks, type NetworksOptions } from "./networks-client";
export type { Backend } from "./backend";
export { PUBLIC_NET_ID, SERVICE_NET_ID } from "./pseudo-networks";
export {
  NoSuchNetwork,
  NoSuchSubnet,
  NoSuchPort,
  NetworkInUse,
  NetworkCountExceeded,
  NetworkCIDRInvalid,
  NetworkCIDRMalformed,
  NetworkLabelNotUnique,
  NotSupportedByBackend,
} from "./errors";
export { Network, NetworkCollection } from "./networks/networks";
export type { CreateNetworkInput, ListNetworksInput, NetworkData, ServerNetworksInput } from "./networks/models";
export type { ServerNetwork } from "./networks/requests";
export { Subnet, Subnets } from "./subnets/subnets";
export type { CreateSubnetInput, ListSubnetsInput, SubnetData } from "./subnets/models";
export { Port, Ports } from "./ports/ports";
export type { CreatePortInput, ListPortsInput, PortData } from "./ports/models";
