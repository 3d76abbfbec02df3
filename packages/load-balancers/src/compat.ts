import type { CallOptions, Paginated } from "@rax/core";
import type { Change } from "./change";
import type { LoadBalancer } from "./balancers/balancers";
import type { CreateLoadBalancerInput, RateLimitData, UpdateLoadBalancerInput } from "./balancers/models";
import { LoadBalancers } from "./load-balancers";
import type { NodeInput } from "./nodes/models";
import type { Ref } from "./ref";
import type { AccountUsageData, UsageRangeInput } from "./usage/models";
import type { VirtualIpInput } from "./virtual-ips/models";

/**
 * `LoadBalancers` plus pyrax's flat `cloud_loadbalancers` calls, camelCased, for scripts being
 * ported (`clb.list()`, `clb.Node(…)`, `clb.VirtualIP(…)`). Each is one line over the canonical
 * namespaces; new code should call those (`clb.loadBalancers.list()`).
 */
export class PyraxLoadBalancers extends LoadBalancers {
  /** pyrax `clb.Node(address=…, port=…, condition=…)`: the plain node description `create`/`addNodes` take. */
  Node<const T extends NodeInput>(node: T): T {
    return { ...node };
  }
  /** pyrax `clb.VirtualIP(type="PUBLIC")`. */
  VirtualIP<const T extends VirtualIpInput>(vip: T): T {
    return { ...vip };
  }
  /** pyrax `clb.list()`. */
  list(o?: CallOptions): Paginated<LoadBalancer> {
    return this.loadBalancers.list(undefined, o);
  }
  /** pyrax `clb.get(id)`. */
  get(loadBalancer: Ref, o?: CallOptions): Promise<LoadBalancer> {
    return this.loadBalancers.get(loadBalancer, o);
  }
  /** pyrax `clb.find(name=…)`. */
  find(name: string, o?: CallOptions): Promise<LoadBalancer> {
    return this.loadBalancers.find(name, o);
  }
  /** pyrax `clb.create(name, port=…, protocol=…, nodes=[…], virtual_ips=[…])`. */
  create(input: CreateLoadBalancerInput, o?: CallOptions): Change<LoadBalancer> {
    return this.loadBalancers.create(input, o);
  }
  /** pyrax `clb.update(lb, timeout=60, algorithm="RANDOM")`. */
  update(loadBalancer: Ref, changes: UpdateLoadBalancerInput, o?: CallOptions): Change<void> {
    return this.loadBalancers.update(loadBalancer, changes, o);
  }
  /** pyrax `clb.delete(lb)`. */
  delete(loadBalancer: Ref, o?: CallOptions): Promise<void> {
    return this.loadBalancers.delete(loadBalancer, o);
  }
  /** pyrax `clb.algorithms`. */
  getAlgorithms(o?: CallOptions): Promise<string[]> {
    return this.loadBalancers.algorithms(o);
  }
  /** pyrax `clb.protocols` (names only, as pyrax). */
  async getProtocols(o?: CallOptions): Promise<string[]> {
    return (await this.loadBalancers.protocols(o)).map((p) => p.name);
  }
  /** pyrax `clb.allowed_domains`. */
  getAllowedDomains(o?: CallOptions): Promise<string[]> {
    return this.loadBalancers.allowedDomains(o);
  }
  /** pyrax `clb.get_limits()`: the request-rate limits. */
  getLimits(o?: CallOptions): Promise<RateLimitData[]> {
    return this.loadBalancers.rateLimits(o);
  }
  /** pyrax `clb.get_usage(start=…, end=…)` (the account's). */
  getUsage(range?: UsageRangeInput, o?: CallOptions): Promise<AccountUsageData> {
    return this.usage.account(range, o);
  }
}
