import { type CallOptions, type ServiceClient, validate } from "@rax/core";
import { NoSuchAccessListItem } from "../errors";
import { changeOnly, lbPath, read } from "../mutation";
import { type Ref, ref, refs } from "../ref";
import { type AccessItemData, type AccessItemInput, accessListBody, accessListInput, toAccessItem } from "./models";

/** GET /loadbalancers/{id}/accesslist (`[]` when none). */
export async function getAccessList(client: ServiceClient, lb: Ref, o: CallOptions = {}): Promise<AccessItemData[]> {
  const id = validate(ref(), lb, "loadBalancer");
  return ((await read(client, id, lbPath(id, "/accesslist"), accessListBody(), o)).accessList ?? []).map(toAccessItem);
}

/** POST /loadbalancers/{id}/accesslist → 202: adds network items (address or CIDR, ALLOW or DENY). */
export async function addAccessList(client: ServiceClient, lb: Ref, items: AccessItemInput | AccessItemInput[], o: CallOptions = {}): Promise<void> {
  const id = validate(ref(), lb, "loadBalancer");
  const list = validate(accessListInput(), Array.isArray(items) ? items : [items], "accessList");
  await changeOnly(client, id, { method: "POST", path: lbPath(id, "/accesslist"), json: { accessList: list } }, [202], o);
}

/** DELETE /loadbalancers/{id}/accesslist → 202: the whole list. */
export async function deleteAccessList(client: ServiceClient, lb: Ref, o: CallOptions = {}): Promise<void> {
  const id = validate(ref(), lb, "loadBalancer");
  await changeOnly(client, id, { method: "DELETE", path: lbPath(id, "/accesslist") }, [202], o);
}

/**
 * Deletes items by id (pyrax `delete_access_list_items`): ids the list does not hold are refused
 * first with `NoSuchAccessListItem` (pyrax's AccessListIDNotFound); one → DELETE …/accesslist/{id},
 * several → DELETE …/accesslist?id=…&id=….
 */
export async function deleteAccessListItems(client: ServiceClient, lb: Ref, items: Ref | Ref[], o: CallOptions = {}): Promise<void> {
  const id = validate(ref(), lb, "loadBalancer");
  const ids = validate(refs(), items, "items");
  const have = new Set((await getAccessList(client, id, o)).map((i) => String(i.id)));
  const unknown = ids.filter((x) => !have.has(x));
  if (unknown.length) throw new NoSuchAccessListItem(unknown.join(", "), { in: client, by: "with id", on: `load balancer ${id}` });
  if (ids.length === 1) return changeOnly(client, id, { method: "DELETE", path: lbPath(id, `/accesslist/${ids[0]}`) }, [202], o);
  await changeOnly(client, id, { method: "DELETE", path: lbPath(id, "/accesslist"), query: { id: ids } }, [202], o);
}
