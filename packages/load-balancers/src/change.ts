import type { CallOptions, ServiceClient } from "@rax/core";
import type { LoadBalancerData } from "./balancers/models";
import { getLoadBalancer, waitForLoadBalancer, type WaitForOptions } from "./balancers/requests";

/**
 * What every load-balancer change returns: the promise of its result, plus `whenActive()`, which
 * after the change waits until the load balancer is ACTIVE again (CLB takes one change at a time;
 * the next one sent while it is PENDING_UPDATE fails with `LoadBalancerImmutable`):
 * `await lb.addNodes([node]).whenActive(); await lb.update({ timeout: 60 }).whenActive();`
 */
export interface Change<T> extends Promise<T> {
  /** Resolves with the change's result once the load balancer is ACTIVE; ERROR rejects with `LoadBalancerFailed`. */
  whenActive(o?: WaitForOptions<LoadBalancerData>): Promise<T>;
}

/** Adds `whenActive` to `p`. `after` runs with the ACTIVE load balancer (a resource object refreshes itself there). */
export function changed<T>(p: Promise<T>, client: ServiceClient, lbId: string, o: CallOptions = {}, after?: (lb: LoadBalancerData) => void): Change<T> {
  const c = p as Change<T>;
  c.whenActive = async (w = {}) => {
    const result = await p;
    const lb = await waitForLoadBalancer(() => getLoadBalancer(client, lbId, { ...o, ...(w.signal ? { signal: w.signal } : {}) }), lbId, "ACTIVE", w);
    after?.(lb);
    return result;
  };
  return c;
}
