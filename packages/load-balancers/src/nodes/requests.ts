import { type CallOptions, type NotFound, type ServiceClient, validate } from "@rax/core";
import * as z from "zod/mini";
import { NoSuchNode } from "../errors";
import { changeJson, changeOnly, lbPath, read } from "../mutation";
import { type Ref, ref, refs } from "../ref";
import { type NodeData, nodeBody, type NodeInput, nodeInput, nodesBody, nodeWire, toNode, type UpdateNodeInput, updateNodeInput } from "./models";

const nodePath = (lb: string, node: string, rest = "") => lbPath(lb, `/nodes/${node}${rest}`);
const missing = (id: string) => (e: NotFound) => new NoSuchNode(id, e);

/** GET /loadbalancers/{id}/nodes. */
export async function listNodes(client: ServiceClient, lb: Ref, o: CallOptions = {}): Promise<NodeData[]> {
  const id = validate(ref(), lb, "loadBalancer");
  return (await read(client, id, lbPath(id, "/nodes"), nodesBody(), o)).nodes.map(toNode);
}

/** GET /loadbalancers/{id}/nodes/{nodeId}. */
export async function getNode(client: ServiceClient, lb: Ref, node: Ref, o: CallOptions = {}): Promise<NodeData> {
  const id = validate(ref(), lb, "loadBalancer");
  const nid = validate(ref(), node, "node");
  return toNode((await read(client, id, nodePath(id, nid), nodeBody(), o, missing(nid))).node);
}

/** POST /loadbalancers/{id}/nodes → 202 with the new nodes (ids assigned); one node or many (≤ 25). */
export async function addNodes(client: ServiceClient, lb: Ref, nodes: NodeInput | NodeInput[], o: CallOptions = {}): Promise<NodeData[]> {
  const id = validate(ref(), lb, "loadBalancer");
  const list = validate(z.array(nodeInput()).check(z.minLength(1, "must hold at least one node"), z.maxLength(25, "must hold at most 25 nodes (CLB's NODE_LIMIT)")), Array.isArray(nodes) ? nodes : [nodes], "nodes");
  const body = await changeJson(client, id, { method: "POST", path: lbPath(id, "/nodes"), json: { nodes: list.map(nodeWire) } }, [202], nodesBody(), o);
  return body.nodes.map(toNode);
}

/** PUT /loadbalancers/{id}/nodes/{nodeId} → 202: condition, weight and/or type (pyrax `node.update()`; pyrax never sent weight). */
export async function updateNode(client: ServiceClient, lb: Ref, node: Ref, changes: UpdateNodeInput, o: CallOptions = {}): Promise<void> {
  const id = validate(ref(), lb, "loadBalancer");
  const nid = validate(ref(), node, "node");
  const c = validate(updateNodeInput(), changes, "changes");
  const json = { node: Object.fromEntries(Object.entries(c).filter(([, v]) => v !== undefined)) };
  await changeOnly(client, id, { method: "PUT", path: nodePath(id, nid), json }, [202], o, missing(nid));
}

/** DELETE /loadbalancers/{id}/nodes/{nodeId} → 202; several: DELETE …/nodes?id=…&id=… (≤ 10). */
export async function deleteNodes(client: ServiceClient, lb: Ref, nodes: Ref | Ref[], o: CallOptions = {}): Promise<void> {
  const id = validate(ref(), lb, "loadBalancer");
  const ids = validate(refs().check(z.refine((a) => a.length <= 10, "must name at most 10 nodes (CLB's BATCH_DELETE_LIMIT)")), nodes, "nodes");
  if (ids.length === 1) return changeOnly(client, id, { method: "DELETE", path: nodePath(id, ids[0]!) }, [202], o, missing(ids[0]!));
  await changeOnly(client, id, { method: "DELETE", path: lbPath(id, "/nodes"), query: { id: ids } }, [202], o, missing(ids.join(",")));
}
