import { ServiceClient } from "@rax/core";

/**
 * Cloud Networks (os-networksv2 on the compute endpoint) client. Build it from a context (`ctx.client(Networks, { region })`) or from any
 * `AuthSession`; the endpoint is resolved from the service catalog on first use.
 */
export class Networks extends ServiceClient {
  static override readonly serviceType = "compute";
  static override readonly serviceName = "cloudServersOpenStack";
}
