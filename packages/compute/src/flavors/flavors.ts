import { assignData } from "@rax/core";
import type { CallOptions, Paginated, ServiceClient } from "@rax/core";
import type { Ref } from "../ref";
import type { FindFlavorInput, FlavorData, ListFlavorsInput } from "./models";
import * as api from "./requests";

/** `compute.flavors`: the sizes a server can have (RAM, disk, vCPUs). */
export class Flavors {
  constructor(readonly client: ServiceClient) {}

  /** Flavors with details (pyrax `list_flavors`); `await` for the first page, `for await` for all. */
  list(filters?: ListFlavorsInput, o?: CallOptions): Paginated<Flavor> {
    return api.listFlavors(this.client, filters, o).map((d) => new Flavor(this, d));
  }

  /** One flavor by id. `NoSuchFlavor` if it does not exist. */
  async get(flavor: Ref, o?: CallOptions): Promise<Flavor> {
    return new Flavor(this, await api.getFlavor(this.client, flavor, o));
  }

  /** The first flavor matching every criterion (`{ ram: 1024 }`, `{ name: "1 GB Performance" }`); `NoSuchFlavor` if none. */
  async find(criteria: FindFlavorInput, o?: CallOptions): Promise<Flavor> {
    return new Flavor(this, await api.findFlavor(this.client, criteria, o));
  }

  /** Every flavor matching every criterion. */
  async findAll(criteria: FindFlavorInput, o?: CallOptions): Promise<Flavor[]> {
    return (await api.findFlavors(this.client, criteria, o)).map((d) => new Flavor(this, d));
  }

  /** The flavor's extra specs (`os-extra_specs`). */
  getExtraSpecs(flavor: Ref, o?: CallOptions): Promise<Record<string, unknown>> {
    return api.getFlavorExtraSpecs(this.client, flavor, o);
  }
}

export interface Flavor extends FlavorData {}

/** A flavor, with its one verb. */
export class Flavor {
  readonly #flavors: Flavors;
  constructor(flavors: Flavors, data: FlavorData) {
    this.#flavors = flavors;
    assignData(this, data);
  }
  getExtraSpecs(o?: CallOptions): Promise<Record<string, unknown>> {
    return this.#flavors.getExtraSpecs(this, o);
  }
}
