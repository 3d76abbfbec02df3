import type { CallOptions, ServiceClient } from "@rax/core";
import { type Change, changed } from "../change";
import { idOf, type Ref } from "../ref";
import type { SslTerminationData, SslTerminationInput, UpdateSslTerminationInput } from "./models";
import * as api from "./requests";

/** `clb.sslTermination`: terminate TLS at the load balancer (certificate, private key, chain, secure port). */
export class SslTermination {
  constructor(readonly client: ServiceClient) {}

  /** The configuration (never the private key), or undefined when SSL termination is off. */
  get(loadBalancer: Ref, o?: CallOptions): Promise<SslTerminationData | undefined> {
    return api.getSslTermination(this.client, loadBalancer, o);
  }
  /** Configures it (pyrax `add_ssl_termination`); the private key is registered as a secret before it is sent. */
  set(loadBalancer: Ref, input: SslTerminationInput, o?: CallOptions): Change<void> {
    return changed(api.setSslTermination(this.client, loadBalancer, input, o), this.client, idOf(loadBalancer), o);
  }
  /** Changes securePort, enabled or secureTrafficOnly (certificates: delete, then set again). `NoSslTermination` when none. */
  update(loadBalancer: Ref, changes: UpdateSslTerminationInput, o?: CallOptions): Change<void> {
    return changed(api.updateSslTermination(this.client, loadBalancer, changes, o), this.client, idOf(loadBalancer), o);
  }
  delete(loadBalancer: Ref, o?: CallOptions): Change<void> {
    return changed(api.deleteSslTermination(this.client, loadBalancer, o), this.client, idOf(loadBalancer), o);
  }
}
