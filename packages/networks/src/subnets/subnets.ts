import { assignData } from "@rax/core";
import type { CallOptions, Paginated } from "@rax/core";
import type { NetworkApi } from "../backend";
import type { Ref } from "../ref";
import type { CreateSubnetInput, ListSubnetsInput, SubnetData } from "./models";
import * as api from "./requests";

/** `cnw.subnets`: Neutron subnets (address ranges of a network). `NotSupportedByBackend` on os-networksv2. */
export class Subnets {
  constructor(readonly client: NetworkApi) {}
  list(filters?: ListSubnetsInput, o?: CallOptions): Paginated<Subnet> {
    return api.listSubnets(this.client, filters, o).map((d) => new Subnet(this, d));
  }
  async get(subnet: Ref, o?: CallOptions): Promise<Subnet> {
    return new Subnet(this, await api.getSubnet(this.client, subnet, o));
  }
  async create(input: CreateSubnetInput, o?: CallOptions): Promise<Subnet> {
    return new Subnet(this, await api.createSubnet(this.client, input, o));
  }
  delete(subnet: Ref, o?: CallOptions): Promise<void> {
    return api.deleteSubnet(this.client, subnet, o);
  }
}

export interface Subnet extends SubnetData {}

export class Subnet {
  readonly #subnets: Subnets;
  constructor(subnets: Subnets, data: SubnetData) {
    this.#subnets = subnets;
    assignData(this, data);
  }
  async reload(o?: CallOptions): Promise<this> {
    assignData(this, await api.getSubnet(this.#subnets.client, this, o));
    return this;
  }
  delete(o?: CallOptions): Promise<void> {
    return this.#subnets.delete(this, o);
  }
}
