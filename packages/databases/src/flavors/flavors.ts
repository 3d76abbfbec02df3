import { assignData, type CallOptions, type Paginated, type ServiceClient } from "@rax/core";
import type { FindFlavorInput, FlavorData } from "./models";
import * as api from "./requests";

/** `cdb.flavors`: the sizes (RAM) an instance can have. Read-only. */
export class Flavors {
  constructor(readonly client: ServiceClient) {}

  /** Every flavor (pyrax `list_flavors`). */
  list(filters?: api.ListFlavorsInput, o?: CallOptions): Paginated<Flavor> {
    return api.listFlavors(this.client, filters, o).map((d) => new Flavor(d));
  }

  /** One flavor by id (pyrax `get_flavor`). `NoSuchFlavor` if it does not exist. */
  async get(flavor: string | number | { id: string | number }, o?: CallOptions): Promise<Flavor> {
    return new Flavor(await api.getFlavor(this.client, flavor, o));
  }

  /** The one flavor with this `name` or `ram` (MB); `NoSuchFlavor` if none, `NoUniqueMatch` if several. */
  async find(by: FindFlavorInput, o?: CallOptions): Promise<Flavor> {
    return new Flavor(await api.findFlavor(this.client, by, o));
  }
}

export interface Flavor extends FlavorData {}

/** A flavor (pyrax's `CloudDatabaseFlavor`: id, name, ram). */
export class Flavor {
  constructor(data: FlavorData) {
    assignData(this, data);
  }
}
