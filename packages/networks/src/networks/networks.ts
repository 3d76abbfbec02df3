import { assignData } from "@rax/core";
import type { CallOptions, Paginated } from "@rax/core";
import type { NetworkApi } from "../backend";
import type { Ref } from "../ref";
import type { CreateNetworkInput, ListNetworksInput, NetworkData, ServerNetworksInput } from "./models";
import * as api from "./requests";

/** `cnw.networks`: isolated networks (and, on Rackspace, the public/private pseudo networks). Every method takes an id or a `Network`. */
export class NetworkCollection {
  constructor(readonly client: NetworkApi) {}

  /** Every network you can use (pyrax `list`); a `Paginated`: `await` it for the first page, `for await` for all. */
  list(filters?: ListNetworksInput, o?: CallOptions): Paginated<Network> {
    return api.listNetworks(this.client, filters, o).map((d) => new Network(this, d));
  }

  /** One network (pyrax `get`). `NoSuchNetwork` if it does not exist. */
  async get(network: Ref, o?: CallOptions): Promise<Network> {
    return new Network(this, await api.getNetwork(this.client, network, o));
  }

  /** The one network with this label (pyrax `find_network_by_label` / `find_network_by_name`). */
  async find(label: string, o?: CallOptions): Promise<Network> {
    return new Network(this, await api.findNetwork(this.client, label, o));
  }

  /** Creates an isolated network from a label (or name) and a CIDR, e.g. `{ label: "my_lan", cidr: "192.168.0.0/24" }`. */
  async create(input: CreateNetworkInput, o?: CallOptions): Promise<Network> {
    return new Network(this, await api.createNetwork(this.client, input, o));
  }

  /** Deletes an isolated network; `NetworkInUse` while a server is attached to it. */
  delete(network: Ref, o?: CallOptions): Promise<void> {
    return api.deleteNetwork(this.client, network, o);
  }

  /** The `networks` list for compute's server create: this network, plus PublicNet / ServiceNet when asked (Rackspace only: other clouds have neither). */
  getServerNetworks(network: Ref, options?: ServerNetworksInput): api.ServerNetwork[] {
    return api.getServerNetworks(network, options);
  }
}

export interface Network extends NetworkData {}

/** A network as the server last described it, with pyrax's `CloudNetwork` verbs (delegating to `cnw.networks`). */
export class Network {
  readonly #networks: NetworkCollection;
  constructor(networks: NetworkCollection, data: NetworkData) {
    this.#networks = networks;
    assignData(this, data);
  }
  /** Reloads this object in place and returns it. */
  async reload(o?: CallOptions): Promise<this> {
    assignData(this, await api.getNetwork(this.#networks.client, this, o));
    return this;
  }
  delete(o?: CallOptions): Promise<void> {
    return this.#networks.delete(this, o);
  }
  getServerNetworks(options?: ServerNetworksInput): api.ServerNetwork[] {
    return this.#networks.getServerNetworks(this, options);
  }
}
