import { cannedServer } from "@rax/test-support";
import { PyraxLoadBalancers } from "../src/index";

export { type Canned as Fixture, type Seen, TOKEN } from "@rax/test-support";
/** Paths in fixtures and `seen` are below the tenant (`/loadbalancers/…`). */
export const { serve, serveWithRetries } = cannedServer({ as: "clb", endpointPath: "/v1.0/123456", makeClient: (s, at) => new PyraxLoadBalancers(s, { endpoint: at.endpoint }) });

/** A load balancer as GET /loadbalancers/{id} returns it (the reference's fields). */
export function wireLb(over: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    id: 82663,
    name: "example_lb",
    protocol: "HTTP",
    port: 80,
    algorithm: "RANDOM",
    status: "ACTIVE",
    timeout: 30,
    halfClosed: "false",
    httpsRedirect: false,
    nodeCount: 2,
    cluster: { name: "ztm-n01.dfw1.lbaas.rackspace.net" },
    created: { time: "2012-11-12T18:47:14Z" },
    updated: { time: "2012-11-16T20:43:10Z" },
    virtualIps: [{ id: 1893, address: "50.56.167.209", type: "PUBLIC", ipVersion: "IPV4" }],
    nodes: [
      { id: 172949, address: "10.177.1.1", port: 80, condition: "ENABLED", status: "ONLINE", type: "PRIMARY", weight: 1 },
      { id: 173161, address: "10.177.1.2", port: 80, condition: "DISABLED", status: "ONLINE", type: "PRIMARY", weight: 1 },
    ],
    connectionLogging: { enabled: false },
    contentCaching: { enabled: false },
    sourceAddresses: { ipv4Public: "10.0.0.1", ipv4Servicenet: "10.1.0.1" },
    metadata: [{ id: 1, key: "color", value: "red" }],
    ...over,
  };
}

export const immutable = (id = 82663, status = "PENDING_UPDATE") => ({ message: `Load Balancer '${id}' has a status of '${status}' and is considered immutable.`, code: 422 });
export const lbNotFound = { message: "Load balancer not found", code: 404 };
