import type { CallOptions, ServiceClient } from "@rax/core";
import type { Ref } from "../ref";
import * as api from "./requests";

/** `clb.metadata`: a load balancer's key/value pairs (values ≤ 256 characters). Node metadata: `clb.nodes.getMetadata(lb, node)`. */
export class Metadata {
  constructor(readonly client: ServiceClient) {}

  /** `{ key: value }`, `{}` when none. */
  get(lb: Ref, o?: CallOptions): Promise<Record<string, string>> {
    return api.getMetadata(this.client, lb, undefined, o);
  }
  /** Replaces all of it (pyrax `set_metadata`). */
  set(lb: Ref, metadata: Record<string, string>, o?: CallOptions): Promise<void> {
    return api.setMetadata(this.client, lb, metadata, undefined, o);
  }
  /** Changes or adds only the given keys (pyrax `update_metadata`). */
  update(lb: Ref, metadata: Record<string, string>, o?: CallOptions): Promise<void> {
    return api.updateMetadata(this.client, lb, metadata, undefined, o);
  }
  /** Deletes the given keys, or all of it (pyrax `delete_metadata`). */
  delete(lb: Ref, keys?: string | string[], o?: CallOptions): Promise<void> {
    return api.deleteMetadata(this.client, lb, keys, undefined, o);
  }
}
