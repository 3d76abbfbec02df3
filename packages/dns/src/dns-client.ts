import { ServiceClient } from "@rax/core";

/**
 * Cloud DNS client. Build it from a context (`ctx.client(CloudDNS, { region })`) or from any
 * `AuthSession`; the endpoint is resolved from the service catalog on first use.
 */
export class CloudDNS extends ServiceClient {
  static override readonly serviceType = "rax:dns";
  static override readonly serviceName = "cloudDNS";
}
