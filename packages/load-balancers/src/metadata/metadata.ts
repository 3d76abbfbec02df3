import type { CallOptions, ServiceClient } from "@rax/core";
import type { Ref } from "../ref";
import * as api from "./requests";

/** `clb.metadata`: a load balancer's key/value pairs (values ≤ 256 characters). Node metadata: `clb.nodes.getMetadata(lb, node)`. */
export class Metadata {
  constructor(readonly client: ServiceClient) {}

  /** `{ key: value }`, `{}` when none. */
  get(loadBalancer: Ref, o?: CallOptions): Promise<Record<string, string>> {
    return api.getMetadata(this.client, loadBalancer, undefined, o);
  }
  /** Replaces all of it (pyrax `set_metadata`). */
  set(loadBalancer: Ref, metadata: Record<string, string>, o?: CallOptions): Promise<void> {
    return api.setMetadata(this.client, loadBalancer, metadata, undefined, o);
  }
  /** Changes or adds only the given keys (pyrax `update_metadata`). */
  update(loadBalancer: Ref, metadata: Record<string, string>, o?: CallOptions): Promise<void> {
    return api.updateMetadata(this.client, loadBalancer, metadata, undefined, o);
  }
  /** Deletes the given keys, or all of it (pyrax `delete_metadata`). */
  delete(loadBalancer: Ref, keys?: string | string[], o?: CallOptions): Promise<void> {
    return api.deleteMetadata(this.client, loadBalancer, keys, undefined, o);
  }
}
