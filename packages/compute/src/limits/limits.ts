import type { CallOptions, ServiceClient } from "@rax/core";
import type { LimitsData } from "./models";
import * as api from "./requests";

/** `compute.limits`: rate limits and absolute quotas of the account. */
export class Limits {
  constructor(readonly client: ServiceClient) {}

  /** Rate limits and absolute quotas/usage (`maxTotalInstances`, `totalRAMUsed`, …). */
  get(o?: CallOptions): Promise<LimitsData> {
    return api.getLimits(this.client, o);
  }
}
