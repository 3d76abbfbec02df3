import { ServiceClient } from "@rax/core";

/**
 * Cloud Load Balancers client. Build it from a context (`ctx.client(LoadBalancers, { region })`) or from any
 * `AuthSession`; the endpoint is resolved from the service catalog on first use.
 */
export class LoadBalancers extends ServiceClient {
  static override readonly serviceType = "rax:load-balancer";
  static override readonly serviceName = "cloudLoadBalancers";
}
