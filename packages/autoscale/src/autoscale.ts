import { ServiceClient } from "@rax/core";
import { ScalingGroups } from "./groups/groups";
import { Policies } from "./policies/policies";
import { Webhooks } from "./webhooks/webhooks";

/**
 * Rackspace Auto Scale (Otter v1.0). Build it from a context (`ctx.client(AutoScale, { region })`)
 * or from any `AuthSession`; the endpoint comes from the catalog (type `rax:autoscale`, name
 * `autoscale`) on first use. Namespaces: `autoscale.groups`, `.policies`, `.webhooks`.
 */
export class AutoScale extends ServiceClient {
  static override readonly serviceType = "rax:autoscale";
  static override readonly serviceName = "autoscale";

  #groups?: ScalingGroups;
  #policies?: Policies;
  #webhooks?: Webhooks;

  /** Scaling groups: list, get, create, update, delete, state, pause/resume, launch configuration. */
  get groups(): ScalingGroups {
    return (this.#groups ??= new ScalingGroups(this, this.policies));
  }
  /** A group's policies: list, get, create, update, execute, delete. */
  get policies(): Policies {
    return (this.#policies ??= new Policies(this, this.webhooks));
  }
  /** A policy's webhooks: list, get, create (capability URL), update, delete, execute anonymously. */
  get webhooks(): Webhooks {
    return (this.#webhooks ??= new Webhooks(this));
  }
}
