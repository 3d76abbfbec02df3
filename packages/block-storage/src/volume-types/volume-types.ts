import { assignData } from "@rax/core";
import type { CallOptions, Paginated, ServiceClient } from "@rax/core";
import type { Ref } from "../ref";
import type { VolumeTypeData } from "./models";
import * as api from "./requests";

/** `blockStorage.types`: the kinds of volume the cloud offers (Rackspace: SATA and SSD). Read-only. */
export class VolumeTypes {
  constructor(readonly client: ServiceClient) {}

  /** Every volume type (pyrax `list_types`). */
  list(o?: CallOptions): Paginated<VolumeType> {
    return api.listVolumeTypes(this.client, o).map((d) => new VolumeType(d));
  }

  /** One volume type by id. `NoSuchVolumeType` if it does not exist. */
  async get(type: Ref | number, o?: CallOptions): Promise<VolumeType> {
    return new VolumeType(await api.getVolumeType(this.client, type, o));
  }
}

export interface VolumeType extends VolumeTypeData {}

/** A volume type (pyrax's `CloudBlockStorageVolumeType`). */
export class VolumeType {
  constructor(data: VolumeTypeData) {
    assignData(this, data);
  }
}
