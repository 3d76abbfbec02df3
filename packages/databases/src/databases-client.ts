import { ServiceClient } from "@rax/core";

/**
 * Cloud Databases / Trove client. Build it from a context (`ctx.client(Databases, { region })`) or from any
 * `AuthSession`; the endpoint is resolved from the service catalog on first use.
 */
export class Databases extends ServiceClient {
  static override readonly serviceType = "rax:database";
  static override readonly serviceName = "cloudDatabases";
}
