import { assignData, type CallOptions, type ServiceClient } from "@rax/core";
import { type Change, changed } from "../change";
import { idOf, type Ref } from "../ref";
import type { AddVirtualIpInput, VirtualIpData } from "./models";
import * as api from "./requests";

/** `clb.virtualIps`: the addresses a load balancer answers on. */
export class VirtualIps {
  constructor(readonly client: ServiceClient) {}

  /** A `VirtualIp` object over data already fetched (a load balancer's `virtualIps`). */
  wrap(lbId: string, data: VirtualIpData): VirtualIp {
    return new VirtualIp(this, lbId, data);
  }
  async list(loadBalancer: Ref, o?: CallOptions): Promise<VirtualIp[]> {
    const lbId = idOf(loadBalancer);
    return (await api.listVirtualIps(this.client, loadBalancer, o)).map((d) => new VirtualIp(this, lbId, d));
  }
  /** Adds a virtual IP (pyrax `add_virtualip`): `{ type: "PUBLIC" | "SERVICENET" }`, IPv6 (CLB adds no IPv4 ones later). */
  add(loadBalancer: Ref, vip: AddVirtualIpInput, o?: CallOptions): Change<VirtualIp> {
    const lbId = idOf(loadBalancer);
    return changed(api.addVirtualIp(this.client, loadBalancer, vip, o).then((d) => new VirtualIp(this, lbId, d)), this.client, lbId, o);
  }
  /** Removes a virtual IP (pyrax `delete_virtualip`), or several at once (≤ 10); a load balancer keeps at least one. */
  delete(loadBalancer: Ref, vips: Ref | Ref[], o?: CallOptions): Change<void> {
    return changed(api.deleteVirtualIps(this.client, loadBalancer, vips, o), this.client, idOf(loadBalancer), o);
  }
}

export interface VirtualIp extends VirtualIpData {}

/** A virtual IP of a load balancer (pyrax's `VirtualIP`), with `delete()`. */
export class VirtualIp {
  readonly #vips: VirtualIps;
  declare readonly loadBalancerId: number;
  constructor(vips: VirtualIps, lbId: string, data: VirtualIpData) {
    this.#vips = vips;
    assignData(this, data);
    Object.defineProperty(this, "loadBalancerId", { value: Number(lbId), enumerable: false });
  }
  delete(o?: CallOptions): Change<void> {
    return this.#vips.delete(this.loadBalancerId, this, o);
  }
}
