import { ServiceClient } from "@rax/core";

/**
 * Cloud Images / Glance v2 client. Build it from a context (`ctx.client(Images, { region })`) or from any
 * `AuthSession`; the endpoint is resolved from the service catalog on first use.
 */
export class Images extends ServiceClient {
  static override readonly serviceType = "image";
  static override readonly serviceName = "cloudImages";
}
