import { type CallOptions, type NotFound, type ServiceClient, validate } from "@rax/core";
import { NoSuchNode } from "../errors";
import { changeOnly, lbPath, read } from "../mutation";
import { metadataInput, type Ref, ref } from "../ref";
import { metadataBody, toRecord, toWireList, type WireMetaItem } from "./models";
import * as z from "zod/mini";

// Load-balancer metadata (`/loadbalancers/{id}/metadata`) and node metadata
// (`…/nodes/{nodeId}/metadata`) work alike: `node` undefined means the load balancer's own; `null`
// (what `clb.nodes` passes for a missing node) is refused, so a forgotten node never reads or
// rewrites the load balancer's metadata instead.

interface Where {
  lb: string;
  base: string;
  missing?: (e: NotFound) => Error;
}

function where(lb: Ref, node?: Ref | null): Where {
  const id = validate(ref(), lb, "loadBalancer");
  if (node === undefined) return { lb: id, base: lbPath(id, "/metadata") };
  const nid = validate(ref(), node, "node");
  return { lb: id, base: lbPath(id, `/nodes/${nid}/metadata`), missing: (e) => new NoSuchNode(nid, e) };
}

async function items(client: ServiceClient, w: Where, o: CallOptions): Promise<WireMetaItem[]> {
  return (await read(client, w.lb, w.base, metadataBody(), o, w.missing)).metadata ?? [];
}

async function deleteIds(client: ServiceClient, w: Where, ids: Array<string | number>, o: CallOptions): Promise<void> {
  // CLB deletes at most 10 metadata items per request (BATCH_DELETE_LIMIT, inferred to apply here too).
  for (let i = 0; i < ids.length; i += 10) await changeOnly(client, w.lb, { method: "DELETE", path: w.base, query: { id: ids.slice(i, i + 10).map(String) } }, [200], o, w.missing);
}

async function post(client: ServiceClient, w: Where, m: Record<string, string>, o: CallOptions): Promise<void> {
  if (Object.keys(m).length) await changeOnly(client, w.lb, { method: "POST", path: w.base, json: { metadata: toWireList(m) } }, [200], o, w.missing);
}

/** GET …/metadata as `{ key: value }` (`{}` when none). */
export async function getMetadata(client: ServiceClient, lb: Ref, node?: Ref | null, o: CallOptions = {}): Promise<Record<string, string>> {
  return toRecord(await items(client, where(lb, node), o));
}

/** pyrax `set_metadata`: deletes every item, then adds `metadata` (POST). */
export async function setMetadata(client: ServiceClient, lb: Ref, metadata: Record<string, string>, node?: Ref | null, o: CallOptions = {}): Promise<void> {
  const w = where(lb, node);
  const m = validate(metadataInput(), metadata, "metadata");
  const old = await items(client, w, o);
  if (old.length) await deleteIds(client, w, old.map((i) => i.id), o);
  await post(client, w, m, o);
}

/** pyrax `update_metadata`: PUT …/metadata/{id} `{"meta":{"value"}}` for keys that exist, POST the new ones. */
export async function updateMetadata(client: ServiceClient, lb: Ref, metadata: Record<string, string>, node?: Ref | null, o: CallOptions = {}): Promise<void> {
  const w = where(lb, node);
  const m = validate(metadataInput(), metadata, "metadata");
  const old = new Map((await items(client, w, o)).map((i) => [i.key, i]));
  const added: Record<string, string> = {};
  for (const [key, value] of Object.entries(m)) {
    const have = old.get(key);
    if (!have) added[key] = value;
    else if (have.value !== value) await changeOnly(client, w.lb, { method: "PUT", path: `${w.base}/${encodeURIComponent(String(have.id))}`, json: { meta: { value } } }, [200], o, w.missing);
  }
  await post(client, w, added, o);
}

/** pyrax `delete_metadata(keys=None)`: the given keys, or all of it. Keys it does not have are ignored. */
export async function deleteMetadata(client: ServiceClient, lb: Ref, keys?: string | string[], node?: Ref | null, o: CallOptions = {}): Promise<void> {
  const w = where(lb, node);
  const wanted = keys === undefined ? undefined : new Set(validate(z.array(z.string().check(z.minLength(1))).check(z.minLength(1)), Array.isArray(keys) ? keys : [keys], "keys"));
  const ids = (await items(client, w, o)).filter((i) => !wanted || wanted.has(i.key)).map((i) => i.id);
  if (ids.length) await deleteIds(client, w, ids, o);
}
