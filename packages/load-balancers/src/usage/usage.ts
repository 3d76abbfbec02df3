import type { CallOptions, ServiceClient } from "@rax/core";
import type { Ref } from "../ref";
import type { AccountUsageData, UsageRangeInput, UsageRecord } from "./models";
import * as api from "./requests";

/** `clb.usage`: hourly usage records, for the account or one load balancer, optionally between `start` and `end`. */
export class Usage {
  constructor(readonly client: ServiceClient) {}

  /** The account's usage (pyrax `clb.get_usage()`). */
  account(range?: UsageRangeInput, o?: CallOptions): Promise<AccountUsageData> {
    return api.getAccountUsage(this.client, range, o);
  }
  /** One load balancer's records (pyrax `lb.get_usage(start, end)`); dates as Date, "YYYY-MM-DD" or "YYYY-MM-DD HH:MM:SS". */
  loadBalancer(loadBalancer: Ref, range?: UsageRangeInput, o?: CallOptions): Promise<UsageRecord[]> {
    return api.getLoadBalancerUsage(this.client, loadBalancer, range, o);
  }
  /** One load balancer's current usage. */
  current(loadBalancer: Ref, o?: CallOptions): Promise<UsageRecord[]> {
    return api.getCurrentUsage(this.client, loadBalancer, o);
  }
}
