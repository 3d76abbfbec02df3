import { ServiceClient } from "@rax/core";

/**
 * Cloud Servers / Nova client. Build it from a context (`ctx.client(Compute, { region })`) or from any
 * `AuthSession`; the endpoint is resolved from the service catalog on first use.
 */
export class Compute extends ServiceClient {
  static override readonly serviceType = "compute";
  static override readonly serviceName = "cloudServersOpenStack";
}
