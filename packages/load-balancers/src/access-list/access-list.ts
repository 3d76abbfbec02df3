import type { CallOptions, ServiceClient } from "@rax/core";
import { type Change, changed } from "../change";
import { idOf, type Ref } from "../ref";
import type { AccessItemData, AccessItemInput } from "./models";
import * as api from "./requests";

/** `clb.accessList`: ALLOW / DENY network items in front of the virtual IPs (ALLOW wins). */
export class AccessList {
  constructor(readonly client: ServiceClient) {}

  /** The items, `[]` when none. */
  get(lb: Ref, o?: CallOptions): Promise<AccessItemData[]> {
    return api.getAccessList(this.client, lb, o);
  }
  /** Adds items: `{ address: "10.20.30.40" | "0.0.0.0/0", type: "ALLOW" | "DENY" }`. */
  add(lb: Ref, items: AccessItemInput | AccessItemInput[], o?: CallOptions): Change<void> {
    return changed(api.addAccessList(this.client, lb, items, o), this.client, idOf(lb), o);
  }
  /** Deletes the whole list. */
  delete(lb: Ref, o?: CallOptions): Change<void> {
    return changed(api.deleteAccessList(this.client, lb, o), this.client, idOf(lb), o);
  }
  /** Deletes items by id (one or many); an id not on the list → `NoSuchAccessListItem`, before any delete. */
  deleteItems(lb: Ref, items: Ref | Ref[], o?: CallOptions): Change<void> {
    return changed(api.deleteAccessListItems(this.client, lb, items, o), this.client, idOf(lb), o);
  }
}
