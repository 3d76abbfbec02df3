import { ServiceClient } from "@rax/core";

/**
 * Cloud Queues / Zaqar client. Build it from a context (`ctx.client(Queues, { region })`) or from any
 * `AuthSession`; the endpoint is resolved from the service catalog on first use.
 */
export class Queues extends ServiceClient {
  static override readonly serviceType = "rax:queues";
  static override readonly serviceName = "cloudQueues";
}
