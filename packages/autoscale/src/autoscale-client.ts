import { ServiceClient } from "@rax/core";

/**
 * Auto Scale client. Build it from a context (`ctx.client(AutoScale, { region })`) or from any
 * `AuthSession`; the endpoint is resolved from the service catalog on first use.
 */
export class AutoScale extends ServiceClient {
  static override readonly serviceType = "rax:autoscale";
  static override readonly serviceName = "autoscale";
}
