import type { ServerRecord } from "../compute/model";
import { clbState } from "../load-balancers/model";
import type { EmulatorState } from "../state";

// Auto Scale adds each active server to the launch configuration's load balancers (the seed: "When
// they are created, they are then added to the load balancer … and receive requests on port 80") and
// takes it out when the server leaves the group. Here that happens in the emulator's Cloud Load
// Balancers when the load balancer exists there; one it does not have is skipped (inferred: the
// seed's own example names load balancer 1234 with no load balancer made first).

/** One node Auto Scale added: which load balancer, which node. */
export interface LbNode {
  lb: number;
  node: number;
}

/** The address a load balancer reaches a server at: its ServiceNet (private) IPv4, else its first IPv4. */
function addressOf(s: ServerRecord): string | undefined {
  const v4 = (list?: Array<{ addr: string; version: number }>) => list?.find((a) => a.version === 4)?.addr;
  return v4(s.addresses.private) ?? Object.values(s.addresses).map(v4).find(Boolean);
}

/**
 * Adds `server` as an ENABLED node on each load balancer it is not on yet. A load balancer that is
 * not ACTIVE (CLB's 422 "immutable") is tried again on the next convergence.
 */
export function addToLoadBalancers(state: EmulatorState, region: string, tenantId: string, server: ServerRecord, lbs: ReadonlyArray<{ loadBalancerId: number | string; port: number }>, added: LbNode[]): void {
  const clb = clbState(state).region(region);
  const address = addressOf(server);
  if (!address) return;
  for (const want of lbs) {
    const id = Number(want.loadBalancerId);
    if (added.some((a) => a.lb === id)) continue;
    const lb = clb.find(tenantId, id);
    if (!lb || lb.status !== "ACTIVE") continue;
    const node = { id: clb.nextId("node"), address, port: want.port, condition: "ENABLED", type: "PRIMARY", weight: 1, metadata: [] };
    lb.nodes.push(node);
    clb.changed(lb);
    added.push({ lb: id, node: node.id });
  }
}

/** Takes the nodes Auto Scale added for a server off their load balancers (whatever their status). */
export function removeFromLoadBalancers(state: EmulatorState, region: string, tenantId: string, added: readonly LbNode[]): void {
  const clb = clbState(state).region(region);
  for (const a of added) {
    const lb = clb.find(tenantId, a.lb);
    if (!lb) continue;
    const before = lb.nodes.length;
    lb.nodes = lb.nodes.filter((n) => n.id !== a.node);
    if (lb.nodes.length !== before && lb.status === "ACTIVE") clb.changed(lb);
  }
}
