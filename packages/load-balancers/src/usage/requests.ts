import { type CallOptions, jsonFor, type ServiceClient, validate } from "@rax/core";
import { lbPath, read } from "../mutation";
import { type Ref, ref } from "../ref";
import { type AccountUsageData, accountUsageBody, lbUsageBody, toUsageRecord, type UsageRangeInput, usageRangeInput, type UsageRecord } from "./models";

const rangeQuery = (range: UsageRangeInput) => {
  const r = validate(usageRangeInput(), range, "range") ?? {};
  return { startTime: r.start, endTime: r.end };
};

/** GET /loadbalancers/{id}/usage?startTime=&endTime= (pyrax `lb.get_usage(start, end)`; CLB's default: the last 24 hours). */
export async function getLoadBalancerUsage(client: ServiceClient, lb: Ref, range?: UsageRangeInput, o: CallOptions = {}): Promise<UsageRecord[]> {
  const id = validate(ref(), lb, "loadBalancer");
  const query = rangeQuery(range);
  return ((await read(client, id, lbPath(id, "/usage"), lbUsageBody(), o, undefined, query)).loadBalancerUsageRecords ?? []).map(toUsageRecord);
}

/** GET /loadbalancers/{id}/usage/current: the records of the current hour(s). */
export async function getCurrentUsage(client: ServiceClient, lb: Ref, o: CallOptions = {}): Promise<UsageRecord[]> {
  const id = validate(ref(), lb, "loadBalancer");
  return ((await read(client, id, lbPath(id, "/usage/current"), lbUsageBody(), o)).loadBalancerUsageRecords ?? []).map(toUsageRecord);
}

/** GET /loadbalancers/usage?startTime=&endTime= (pyrax `clb.get_usage()`): the whole account's. */
export async function getAccountUsage(client: ServiceClient, range?: UsageRangeInput, o: CallOptions = {}): Promise<AccountUsageData> {
  const query = rangeQuery(range);
  const body = await jsonFor(client, { method: "GET", path: "loadbalancers/usage", query, ...o }, [200], accountUsageBody());
  return {
    accountUsageRecords: (body.accountUsage?.accountUsageRecords ?? []).map(toUsageRecord),
    loadBalancerUsages: (body.loadBalancerUsages ?? []).map((u) => ({ loadBalancerId: Number(u.loadBalancerId), records: (u.loadBalancerUsageRecords ?? []).map(toUsageRecord) })),
    raw: { ...body },
  };
}
