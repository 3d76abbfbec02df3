import { assignData, type CallOptions, type ServiceClient } from "@rax/core";
import { type Change, changed } from "../change";
import * as meta from "../metadata/requests";
import { idOf, type Ref } from "../ref";
import type { NodeData, NodeInput, UpdateNodeInput } from "./models";
import * as api from "./requests";

/** `clb.nodes`: the nodes (back-end servers) of a load balancer. Every method takes the load balancer first (id or object). */
export class Nodes {
  constructor(readonly client: ServiceClient) {}

  /** A `Node` object over data already fetched (a load balancer's `nodes`). */
  wrap(lbId: string, data: NodeData): Node {
    return new Node(this, lbId, data);
  }
  /** The load balancer's nodes, fresh from CLB. */
  async list(loadBalancer: Ref, o?: CallOptions): Promise<Node[]> {
    const lbId = idOf(loadBalancer);
    return (await api.listNodes(this.client, loadBalancer, o)).map((d) => new Node(this, lbId, d));
  }
  /** One node; `NoSuchNode` if the load balancer has no such node. */
  async get(loadBalancer: Ref, node: Ref, o?: CallOptions): Promise<Node> {
    return new Node(this, idOf(loadBalancer), await api.getNode(this.client, loadBalancer, node, o));
  }
  /** Adds one node or several (pyrax `lb.add_nodes`); resolves with the new nodes (ids assigned). `.whenActive()` waits for ACTIVE. */
  add(loadBalancer: Ref, nodes: NodeInput | NodeInput[], o?: CallOptions): Change<Node[]> {
    const lbId = idOf(loadBalancer);
    return changed(
      api.addNodes(this.client, loadBalancer, nodes, o).then((list) => list.map((d) => new Node(this, lbId, d))),
      this.client,
      lbId,
      o,
    );
  }
  /** Changes condition (ENABLED / DISABLED / DRAINING), weight (1–100) and/or type (PRIMARY / SECONDARY). */
  update(loadBalancer: Ref, node: Ref, changes: UpdateNodeInput, o?: CallOptions): Change<void> {
    return changed(api.updateNode(this.client, loadBalancer, node, changes, o), this.client, idOf(loadBalancer), o);
  }
  /** Removes one node, or several at once (≤ 10). */
  delete(loadBalancer: Ref, nodes: Ref | Ref[], o?: CallOptions): Change<void> {
    return changed(api.deleteNodes(this.client, loadBalancer, nodes, o), this.client, idOf(loadBalancer), o);
  }
  /** The node's metadata as `{ key: value }`. */
  getMetadata(loadBalancer: Ref, node: Ref, o?: CallOptions): Promise<Record<string, string>> {
    return meta.getMetadata(this.client, loadBalancer, node ?? null, o);
  }
  /** Replaces the node's metadata (pyrax `set_metadata`). */
  setMetadata(loadBalancer: Ref, node: Ref, metadata: Record<string, string>, o?: CallOptions): Promise<void> {
    return meta.setMetadata(this.client, loadBalancer, metadata, node ?? null, o);
  }
  /** Merges keys into the node's metadata (pyrax `update_metadata`). */
  updateMetadata(loadBalancer: Ref, node: Ref, metadata: Record<string, string>, o?: CallOptions): Promise<void> {
    return meta.updateMetadata(this.client, loadBalancer, metadata, node ?? null, o);
  }
  /** Deletes the given keys of the node's metadata, or all of it. */
  deleteMetadata(loadBalancer: Ref, node: Ref, keys?: string | string[], o?: CallOptions): Promise<void> {
    return meta.deleteMetadata(this.client, loadBalancer, keys, node ?? null, o);
  }
}

export interface Node extends NodeData {}

/**
 * A node as CLB last described it, with pyrax's verbs: `node.update({ condition: "DISABLED" })`,
 * or pyrax's way — `node.condition = "DISABLED"; await node.update()` sends what was changed.
 */
export class Node {
  readonly #nodes: Nodes;
  #sent: Pick<NodeData, "condition" | "weight" | "type">;
  /** The load balancer this node belongs to. */
  declare readonly loadBalancerId: number;

  constructor(nodes: Nodes, lbId: string, data: NodeData) {
    this.#nodes = nodes;
    assignData(this, data);
    Object.defineProperty(this, "loadBalancerId", { value: Number(lbId), enumerable: false });
    this.#sent = { condition: data.condition, weight: data.weight, type: data.type };
  }

  /** Sends `changes`, or (none given) the condition / weight / type changed on this object since it was loaded. */
  update(changes?: UpdateNodeInput, o?: CallOptions): Change<void> {
    const c: UpdateNodeInput = changes ?? {};
    if (!changes)
      for (const k of ["condition", "weight", "type"] as const) if (this[k] !== this.#sent[k]) (c as Record<string, unknown>)[k] = this[k];
    const p = this.#nodes.update(this.loadBalancerId, this, c, o);
    void p.then(
      () => (this.#sent = { ...this.#sent, ...(c as object) }),
      () => undefined,
    );
    return p;
  }
  delete(o?: CallOptions): Change<void> {
    return this.#nodes.delete(this.loadBalancerId, this, o);
  }
  /** Reloads this object in place and returns it. */
  async reload(o?: CallOptions): Promise<this> {
    const d = await api.getNode(this.#nodes.client, this.loadBalancerId, this, o);
    assignData(this, d);
    this.#sent = { condition: d.condition, weight: d.weight, type: d.type };
    return this;
  }
  getMetadata(o?: CallOptions): Promise<Record<string, string>> {
    return this.#nodes.getMetadata(this.loadBalancerId, this, o);
  }
  setMetadata(metadata: Record<string, string>, o?: CallOptions): Promise<void> {
    return this.#nodes.setMetadata(this.loadBalancerId, this, metadata, o);
  }
  updateMetadata(metadata: Record<string, string>, o?: CallOptions): Promise<void> {
    return this.#nodes.updateMetadata(this.loadBalancerId, this, metadata, o);
  }
  deleteMetadata(keys?: string | string[], o?: CallOptions): Promise<void> {
    return this.#nodes.deleteMetadata(this.loadBalancerId, this, keys, o);
  }
}
