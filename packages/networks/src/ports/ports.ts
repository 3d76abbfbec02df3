import { assignData } from "@rax/core";
import type { CallOptions, Paginated } from "@rax/core";
import type { NetworkApi } from "../backend";
import type { Ref } from "../ref";
import type { CreatePortInput, ListPortsInput, PortData } from "./models";
import * as api from "./requests";

/** `cnw.ports`: Neutron ports (a network's attachments: one per server interface). `NotSupportedByBackend` on os-networksv2. */
export class Ports {
  constructor(readonly client: NetworkApi) {}
  list(filters?: ListPortsInput, o?: CallOptions): Paginated<Port> {
    return api.listPorts(this.client, filters, o).map((d) => new Port(this, d));
  }
  async get(port: Ref, o?: CallOptions): Promise<Port> {
    return new Port(this, await api.getPort(this.client, port, o));
  }
  async create(input: CreatePortInput, o?: CallOptions): Promise<Port> {
    return new Port(this, await api.createPort(this.client, input, o));
  }
  delete(port: Ref, o?: CallOptions): Promise<void> {
    return api.deletePort(this.client, port, o);
  }
}

export interface Port extends PortData {}

export class Port {
  readonly #ports: Ports;
  constructor(ports: Ports, data: PortData) {
    this.#ports = ports;
    assignData(this, data);
  }
  async reload(o?: CallOptions): Promise<this> {
    assignData(this, await api.getPort(this.#ports.client, this, o));
    return this;
  }
  delete(o?: CallOptions): Promise<void> {
    return this.#ports.delete(this, o);
  }
}
