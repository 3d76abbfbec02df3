import { ServiceClient } from "@rax/core";

/**
 * Cloud Monitoring client. Build it from a context (`ctx.client(Monitoring, { region })`) or from any
 * `AuthSession`; the endpoint is resolved from the service catalog on first use.
 */
export class Monitoring extends ServiceClient {
  static override readonly serviceType = "rax:monitor";
  static override readonly serviceName = "cloudMonitoring";
}
