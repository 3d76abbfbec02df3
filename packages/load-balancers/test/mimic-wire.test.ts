import { HttpError } from "@rax/core";
import { describe, expect, it } from "vitest";
import { LoadBalancerImmutable } from "../src";
import { serve, serveWithRetries } from "./fixture";

// What Rackspace's own mock (mimic: mimic/model/clb_objects.py, canned_responses/loadbalancer.py)
// answers, where it differs from CLB's docs: the SDK must read it and fail clearly on it.
const mimicLb = (over: Record<string, unknown> = {}) => ({
  name: "example_lb", id: 7, protocol: "HTTP", port: 80, algorithm: "RANDOM", status: "ACTIVE",
  cluster: { name: "test-cluster" }, timeout: 30, created: { time: "2026-12-01T10:00:00Z" },
  // mimic gives both VIPs the same id
  virtualIps: [{ address: "127.0.0.1", id: 1111, type: "PUBLIC", ipVersion: "IPV4" }, { address: "0000:0000:0000:0000:1111:111b:0000:0000", id: 1111, type: "PUBLIC", ipVersion: "IPV6" }],
  sourceAddresses: { ipv6Public: "0000:0001:0002::00/00", ipv4Servicenet: "127.0.0.1", ipv4Public: "127.0.0.1" },
  httpsRedirect: false, updated: { time: "2026-12-01T10:00:00Z" }, halfClosed: false,
  connectionLogging: { enabled: false }, contentCaching: { enabled: false },
  ...over,
});

describe("Cloud Load Balancers as mimic answers", () => {
  it("a load balancer without nodes (mimic leaves the key out) and the listing's short rows are read", async () => {
    const short = { name: "example_lb", protocol: "HTTP", id: 7, port: 80, algorithm: "RANDOM", status: "BUILD", timeout: 30, created: { time: "t" }, virtualIps: [], updated: { time: "t" }, nodeCount: 0 };
    const { clb } = await serve({ method: "GET", path: "/loadbalancers/7", status: 200, body: { loadBalancer: mimicLb() } }, { method: "GET", path: "/loadbalancers", status: 200, body: { loadBalancers: [short] } });
    const lb = await clb.get(7);
    expect(lb).toMatchObject({ id: 7, status: "ACTIVE", nodes: [], cluster: "test-cluster", timeout: 30 });
    expect(lb.virtualIps.map((v) => v.ipVersion)).toEqual(["IPV4", "IPV6"]);
    expect((await clb.list().toArray()).map((x) => [x.id, x.nodeCount, x.status])).toEqual([[7, 0, "BUILD"]]);
  });

  it("mimic's hyphenated PENDING-UPDATE in its 422 is LoadBalancerImmutable with that status", async () => {
    const body = { message: "Load Balancer '7' has a status of 'PENDING-UPDATE' and is considered immutable.", code: 422 };
    const { clb } = await serve({ method: "POST", path: "/loadbalancers/7/nodes", status: 422, body });
    const e = await clb.nodes.add(7, { address: "10.0.0.1", port: 80 }).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(LoadBalancerImmutable);
    expect(e).toMatchObject({ lbStatus: "PENDING-UPDATE" });
  });

  it("waitFor ACTIVE polls through mimic's PENDING-UPDATE; waitFor DELETED ends at mimic's 200 with status DELETED", async () => {
    const { clb } = await serve(
      { method: "GET", path: "/loadbalancers/7", status: 200, body: { loadBalancer: mimicLb({ status: "PENDING-UPDATE" }) } },
      { method: "GET", path: "/loadbalancers/7", status: 200, body: { loadBalancer: mimicLb() } },
      { method: "GET", path: "/loadbalancers/7", status: 200, body: { loadBalancer: mimicLb({ status: "PENDING-DELETE" }) } },
      { method: "GET", path: "/loadbalancers/7", status: 200, body: { loadBalancer: mimicLb({ status: "DELETED" }) } },
    );
    expect((await clb.loadBalancers.waitFor(7, "ACTIVE", { interval: 1 })).status).toBe("ACTIVE");
    expect((await clb.loadBalancers.waitFor(7, "DELETED", { interval: 1 })).status).toBe("DELETED");
  });

  it("mimic's duplicate-node 413 (no Retry-After: not a rate limit) is sent once and surfaces mimic's message", async () => {
    const dup = { message: "Duplicate nodes detected. One or more nodes already configured on load balancer.", code: 413 };
    const { clb, seen } = await serveWithRetries({ method: "POST", path: "/loadbalancers/7/nodes", status: 413, body: dup });
    const e = await clb.nodes.add(7, { address: "10.0.0.1", port: 80 }).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(HttpError);
    expect(e).toMatchObject({ status: 413 });
    expect((e as Error).message).toContain("Duplicate nodes detected");
    expect(seen).toHaveLength(1);
  });
});

describe("usage records as the service may send them", () => {
  it("the running hour's record has endTime null and eventType null: read, with the counters typed as numbers", async () => {
    const rec = { id: 3, averageNumConnections: 1.5, incomingTransfer: 100, outgoingTransfer: 200, averageNumConnectionsSsl: 0, incomingTransferSsl: 0, outgoingTransferSsl: 0, numVips: 1, numPolls: 12, vipType: "PUBLIC", sslMode: "OFF", eventType: null, startTime: "2026-12-01T10:00:00-06:00", endTime: null };
    const { clb } = await serve({ method: "GET", path: "/loadbalancers/7/usage/current", status: 200, body: { links: [], loadBalancerUsageRecords: [rec] } });
    const [r] = await clb.usage.current(7);
    const connections: number | undefined = r!.averageNumConnections;
    const vipType: string | undefined = r!.vipType;
    expect({ connections, vipType, polls: r!.numPolls }).toEqual({ connections: 1.5, vipType: "PUBLIC", polls: 12 });
    expect(r!.startTime).toEqual(new Date("2026-12-01T16:00:00Z"));
    expect(r!.endTime).toBeUndefined();
  });
});
