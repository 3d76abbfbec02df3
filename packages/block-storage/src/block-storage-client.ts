import { ServiceClient } from "@rax/core";

/**
 * Cloud Block Storage / Cinder client. Build it from a context (`ctx.client(BlockStorage, { region })`) or from any
 * `AuthSession`; the endpoint is resolved from the service catalog on first use.
 */
export class BlockStorage extends ServiceClient {
  static override readonly serviceType = "volume";
  static override readonly serviceName = "cloudBlockStorage";
}
