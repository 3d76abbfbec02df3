import type { CallOptions, ServiceClient } from "@rax/core";
import { type Change, changed } from "../change";
import { idOf, type Ref } from "../ref";
import type { AccessItemData, AccessItemInput } from "./models";
import * as api from "./requests";

/** `clb.accessList`: ALLOW / DENY network items in front of the virtual IPs (ALLOW wins). */
export class AccessList {
  constructor(readonly client: ServiceClient) {}

  /** The items, `[]` when none. */
  get(loadBalancer: Ref, o?: CallOptions): Promise<AccessItemData[]> {
    return api.getAccessList(this.client, loadBalancer, o);
  }
  /** Adds items: `{ address: "10.20.30.40" | "0.0.0.0/0", type: "ALLOW" | "DENY" }`. */
  add(loadBalancer: Ref, items: AccessItemInput | AccessItemInput[], o?: CallOptions): Change<void> {
    return changed(api.addAccessList(this.client, loadBalancer, items, o), this.client, idOf(loadBalancer), o);
  }
  /** Deletes the whole list. */
  delete(loadBalancer: Ref, o?: CallOptions): Change<void> {
    return changed(api.deleteAccessList(this.client, loadBalancer, o), this.client, idOf(loadBalancer), o);
  }
  /** Deletes items by id (one or many); an id not on the list → `NoSuchAccessListItem`, before any delete. */
  deleteItems(loadBalancer: Ref, items: Ref | Ref[], o?: CallOptions): Change<void> {
    return changed(api.deleteAccessListItems(this.client, loadBalancer, items, o), this.client, idOf(loadBalancer), o);
  }
}
