import type { CallOptions, ServiceClient } from "@rax/core";
import { type Change, changed } from "../change";
import { idOf, type Ref } from "../ref";
import type { SslTerminationData, SslTerminationInput, UpdateSslTerminationInput } from "./models";
import * as api from "./requests";

/** `clb.sslTermination`: terminate TLS at the load balancer (certificate, private key, chain, secure port). */
export class SslTermination {
  constructor(readonly client: ServiceClient) {}

  /** The configuration (never the private key), or undefined when SSL termination is off. */
  get(lb: Ref, o?: CallOptions): Promise<SslTerminationData | undefined> {
    return api.getSslTermination(this.client, lb, o);
  }
  /** Configures it (pyrax `add_ssl_termination`); the private key is registered as a secret before it is sent. */
  set(lb: Ref, input: SslTerminationInput, o?: CallOptions): Change<void> {
    return changed(api.setSslTermination(this.client, lb, input, o), this.client, idOf(lb), o);
  }
  /** Changes securePort, enabled or secureTrafficOnly (certificates: delete, then set again). `NoSslTermination` when none. */
  update(lb: Ref, changes: UpdateSslTerminationInput, o?: CallOptions): Change<void> {
    return changed(api.updateSslTermination(this.client, lb, changes, o), this.client, idOf(lb), o);
  }
  delete(lb: Ref, o?: CallOptions): Change<void> {
    return changed(api.deleteSslTermination(this.client, lb, o), this.client, idOf(lb), o);
  }
}
