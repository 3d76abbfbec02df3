import { InvalidResponse, ValidationError, WaitTimeout } from "@rax/core";
import { describe, expect, it } from "vitest";
import { LoadBalancer, LoadBalancerFailed, LoadBalancerImmutable, Node, NoSuchLoadBalancer, NoUniqueMatch, VirtualIp } from "../src/index";
import { immutable, lbNotFound, serve, wireLb } from "./fixture";

const row = (id: number, name = `lb-${id}`) => ({ id, name, protocol: "HTTP", port: 80, algorithm: "RANDOM", status: "ACTIVE", nodeCount: 1, virtualIps: [] });

describe("load balancers", () => {
  it("list pages with limit ≤ 100 and marker = the last id, and maps rows to LoadBalancer objects", async () => {
    const { clb, seen } = await serve(
      { method: "GET", path: "/loadbalancers", status: 200, body: { loadBalancers: [row(1), row(2)] } },
      { method: "GET", path: "/loadbalancers", status: 200, body: { loadBalancers: [row(3)] } },
    );
    const all = await clb.loadBalancers.list({ pageSize: 2 }).toArray();
    expect(all.map((l) => [l.name, l.id])).toEqual([["lb-1", 1], ["lb-2", 2], ["lb-3", 3]]);
    expect(all[0]).toBeInstanceOf(LoadBalancer);
    expect(seen.map((s) => [s.query.get("limit"), s.query.get("marker")])).toEqual([["2", null], ["2", "2"]]);
  });

  it("list asks for 100 per page by default (CLB's maximum) and stops at a short page", async () => {
    const { clb, seen } = await serve({ method: "GET", path: "/loadbalancers", status: 200, body: { loadBalancers: [row(1)] } });
    expect((await clb.list().toArray()).length).toBe(1);
    expect(seen[0]!.query.get("limit")).toBe("100");
  });

  it("get maps the full view: nodes and virtual IPs as objects, halfClosed 'false' as false, metadata as a record", async () => {
    const { clb } = await serve({ method: "GET", path: "/loadbalancers/82663", status: 200, body: { loadBalancer: wireLb() } });
    const lb = await clb.get(82663);
    expect(lb).toMatchObject({ id: 82663, name: "example_lb", status: "ACTIVE", algorithm: "RANDOM", protocol: "HTTP", port: 80, timeout: 30, halfClosed: false, httpsRedirect: false, cluster: "ztm-n01.dfw1.lbaas.rackspace.net", created: "2012-11-12T18:47:14Z", metadata: { color: "red" }, connectionLogging: false });
    expect(lb.nodes.map((n) => [n.id, n.address, n.condition])).toEqual([[172949, "10.177.1.1", "ENABLED"], [173161, "10.177.1.2", "DISABLED"]]);
    expect(lb.nodes[0]).toBeInstanceOf(Node);
    expect(lb.virtualIps[0]).toBeInstanceOf(VirtualIp);
    expect(lb.virtualIps[0]).toMatchObject({ id: 1893, address: "50.56.167.209", type: "PUBLIC", ipVersion: "IPV4" });
    expect(lb.raw.cluster).toEqual({ name: "ztm-n01.dfw1.lbaas.rackspace.net" });
    expect(Object.keys(lb)).not.toContain("raw");
  });

  it("a LoadBalancer's self link is its URL on the endpoint (what Cloud DNS's PTR calls name a device by), and it is not data", async () => {
    const { clb, endpoint } = await serve({ method: "GET", path: "/loadbalancers/82663", status: 200, body: { loadBalancer: wireLb() } });
    const lb = await clb.get(82663);
    expect(lb.links).toEqual([{ rel: "self", href: `${endpoint}/loadbalancers/82663` }]);
    expect(Object.keys(lb)).not.toContain("links");
    expect(JSON.parse(JSON.stringify(lb))).not.toHaveProperty("links");
  });

  it("get of a missing load balancer → NoSuchLoadBalancer (404)", async () => {
    const { clb } = await serve({ method: "GET", path: "/loadbalancers/9", status: 404, body: lbNotFound });
    const e = await clb.get(9).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(NoSuchLoadBalancer);
    expect(e).toMatchObject({ status: 404, id: "9" });
  });

  it("find by exact name fetches the one match in full; none → NoSuchLoadBalancer, two → NoUniqueMatch", async () => {
    const { clb } = await serve(
      { method: "GET", path: "/loadbalancers", status: 200, body: { loadBalancers: [row(1, "web"), row(2, "webby")] } },
      { method: "GET", path: "/loadbalancers/1", status: 200, body: { loadBalancer: wireLb({ id: 1, name: "web" }) } },
      { method: "GET", path: "/loadbalancers", status: 200, body: { loadBalancers: [row(1, "web")] } },
      { method: "GET", path: "/loadbalancers", status: 200, body: { loadBalancers: [row(1, "x"), row(2, "x")] } },
    );
    expect((await clb.find("web")).nodes).toHaveLength(2);
    const miss = await clb.find("nope").catch((e: unknown) => e);
    expect(miss).toBeInstanceOf(NoSuchLoadBalancer);
    expect((miss as NoSuchLoadBalancer).status).toBe(404);
    // What was looked for and where, not a made-up "(HTTP 404; GET loadbalancers?name=nope)".
    expect((miss as Error).message).toBe('No load balancer named "nope" in rax:load-balancer');
    await expect(clb.find("x")).rejects.toBeInstanceOf(NoUniqueMatch);
  });

  it("create sends only what was given, in CLB's names, with algorithm RANDOM by default, and insists on 202", async () => {
    const { clb, seen } = await serve(
      { method: "POST", path: "/loadbalancers", status: 202, body: { loadBalancer: wireLb({ status: "BUILD", nodes: [] }) } },
      { method: "POST", path: "/loadbalancers", status: 200, body: { loadBalancer: wireLb() } },
    );
    const node1 = clb.Node({ address: "10.177.1.1", port: 80, condition: "ENABLED" });
    const node2 = clb.Node({ address: "10.177.1.2", port: 80, condition: "DISABLED", weight: 5, type: "SECONDARY" });
    const vip = clb.VirtualIP({ type: "PUBLIC" });
    const lb = await clb.create({ name: "example_lb", port: 80, protocol: "HTTP", nodes: [node1, node2], virtualIps: [vip, { id: 15 }, { type: "PUBLIC", ipVersion: "IPV6" }], metadata: { a: "1" }, halfClosed: false, timeout: 60, httpsRedirect: false, sessionPersistence: "HTTP_COOKIE", connectionLogging: true, accessList: [{ address: "10.0.0.0/8", type: "ALLOW" }], healthMonitor: { type: "CONNECT" } });
    expect(lb.status).toBe("BUILD");
    expect(seen[0]!.body).toEqual({
      loadBalancer: {
        name: "example_lb",
        port: 80,
        protocol: "HTTP",
        virtualIps: [{ type: "PUBLIC" }, { id: 15 }, { type: "PUBLIC", ipVersion: "IPV6" }],
        nodes: [
          { address: "10.177.1.1", port: 80, condition: "ENABLED" },
          { address: "10.177.1.2", port: 80, condition: "DISABLED", type: "SECONDARY", weight: 5 },
        ],
        algorithm: "RANDOM",
        timeout: 60,
        halfClosed: false,
        httpsRedirect: false,
        metadata: [{ key: "a", value: "1" }],
        accessList: [{ address: "10.0.0.0/8", type: "ALLOW" }],
        healthMonitor: { type: "CONNECT", delay: 10, timeout: 10, attemptsBeforeDeactivation: 3 },
        sessionPersistence: { persistenceType: "HTTP_COOKIE" },
        connectionLogging: { enabled: true },
      },
    });
    await expect(clb.create({ name: "x", port: 80, protocol: "HTTP", virtualIps: [vip] })).rejects.toBeInstanceOf(InvalidResponse);
  });

  const base = { name: "lb", port: 80, protocol: "HTTP", virtualIps: [{ type: "PUBLIC" }] };
  it.each([
    [{ ...base, nodes: [{ address: "web1 example", port: 80 }] }, "loadBalancer.nodes.0.address"],
    [{ ...base, nodes: [{ address: "10.0.0.1", port: 80, condition: "DRAINING" }] }, "loadBalancer.nodes.0.condition"],
    [{ ...base, nodes: [{ address: "10.0.0.1", port: 80, weight: 101 }] }, "loadBalancer.nodes.0.weight"],
    [{ ...base, algorithm: "FASTEST" }, "loadBalancer.algorithm"],
    [{ ...base, protocol: "GOPHER" }, "loadBalancer.protocol"],
    [{ ...base, port: 70000 }, "loadBalancer.port"],
    [{ ...base, virtualIps: [] }, "loadBalancer.virtualIps"],
    [{ ...base, virtualIps: [{ type: "PRIVATE" }] }, "loadBalancer.virtualIps.0"],
    [{ ...base, accessList: [{ address: "10.0.0.300", type: "DENY" }] }, "loadBalancer.accessList.0.address"],
    [{ ...base, sessionPersistence: "COOKIES" }, "loadBalancer.sessionPersistence"],
    [{ ...base, colour: "red" }, "loadBalancer.colour"],
    [{ name: "tcp", protocol: "TCP", virtualIps: [{ type: "PUBLIC" }] }, "loadBalancer.port"],
  ])("create refuses %j before any request (%s)", async (input, field) => {
    const { clb, seen } = await serve();
    const e = await clb.loadBalancers.create(input as never).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(ValidationError);
    expect((e as ValidationError).field).toBe(field);
    expect(seen).toHaveLength(0);
  });

  it("create without a port takes the protocol's default (the seed); HTTPS → 443", async () => {
    const { clb, seen } = await serve({ method: "POST", path: "/loadbalancers", status: 202, body: { loadBalancer: wireLb({ status: "BUILD", port: 443, protocol: "HTTPS" }) } });
    await clb.loadBalancers.create({ name: "s", protocol: "HTTPS", virtualIps: [{ type: "PUBLIC" }] });
    expect(seen[0]!.body.loadBalancer).toMatchObject({ protocol: "HTTPS", port: 443 });
  });

  it("update sends only the given fields (PUT → 202); nothing to change is a ValidationError", async () => {
    const { clb, seen } = await serve({ method: "PUT", path: "/loadbalancers/82663", status: 202 });
    await clb.update(82663, { timeout: 60, algorithm: "RANDOM" });
    expect(seen[0]!.body).toEqual({ loadBalancer: { timeout: 60, algorithm: "RANDOM" } });
    await expect(clb.update(82663, {})).rejects.toBeInstanceOf(ValidationError);
    await expect(clb.update(82663, { algorithm: "FASTEST" as never })).rejects.toMatchObject({ field: "changes.algorithm" });
  });

  it("a change while PENDING_UPDATE → LoadBalancerImmutable naming the status; whenActive() then waits and the retry succeeds", async () => {
    const { clb, seen } = await serve(
      { method: "GET", path: "/loadbalancers/82663", status: 200, body: { loadBalancer: wireLb() } },
      { method: "POST", path: "/loadbalancers/82663/nodes", status: 202, body: { nodes: [{ id: 7, address: "10.0.0.7", port: 80, condition: "ENABLED", status: "ONLINE", type: "PRIMARY", weight: 1 }] } },
      { method: "PUT", path: "/loadbalancers/82663", status: 422, body: immutable() },
      { method: "GET", path: "/loadbalancers/82663", status: 200, body: { loadBalancer: wireLb({ status: "PENDING_UPDATE" }) } },
      { method: "GET", path: "/loadbalancers/82663", status: 200, body: { loadBalancer: wireLb({ nodeCount: 3, nodes: [...(wireLb().nodes as object[]), { id: 7, address: "10.0.0.7", port: 80, condition: "ENABLED" }] }) } },
      { method: "PUT", path: "/loadbalancers/82663", status: 202 },
    );
    const lb = await clb.get(82663);
    const added = await lb.addNodes({ address: "10.0.0.7", port: 80 });
    expect(added.map((n) => n.id)).toEqual([7]);
    const e = await lb.update({ timeout: 60 }).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(LoadBalancerImmutable);
    expect(e).toMatchObject({ status: 422, lbStatus: "PENDING_UPDATE", loadBalancer: "82663" });
    await lb.waitForActive({ interval: 1 });
    expect(lb.nodes.map((n) => n.id)).toContain(7);
    await lb.update({ timeout: 60 });
    expect(seen.map((s) => `${s.method} ${s.path}`)).toHaveLength(6);
  });

  it("whenActive() chains a wait after a change and refreshes the object", async () => {
    const { clb, seen } = await serve(
      { method: "GET", path: "/loadbalancers/82663", status: 200, body: { loadBalancer: wireLb() } },
      { method: "PUT", path: "/loadbalancers/82663", status: 202 },
      { method: "GET", path: "/loadbalancers/82663", status: 200, body: { loadBalancer: wireLb({ status: "PENDING_UPDATE" }) } },
      { method: "GET", path: "/loadbalancers/82663", status: 200, body: { loadBalancer: wireLb({ timeout: 60 }) } },
    );
    const lb = await clb.get(82663);
    await lb.update({ timeout: 60 }).whenActive({ interval: 1 });
    expect(lb.timeout).toBe(60);
    expect(seen).toHaveLength(4);
  });

  it("create(…).whenActive() resolves with the load balancer once ACTIVE; ERROR → LoadBalancerFailed", async () => {
    const { clb } = await serve(
      { method: "POST", path: "/loadbalancers", status: 202, body: { loadBalancer: wireLb({ status: "BUILD" }) } },
      { method: "GET", path: "/loadbalancers/82663", status: 200, body: { loadBalancer: wireLb({ status: "BUILD" }) } },
      { method: "GET", path: "/loadbalancers/82663", status: 200, body: { loadBalancer: wireLb() } },
      { method: "POST", path: "/loadbalancers", status: 202, body: { loadBalancer: wireLb({ id: 5, status: "BUILD" }) } },
      { method: "GET", path: "/loadbalancers/5", status: 200, body: { loadBalancer: wireLb({ id: 5, status: "ERROR" }) } },
    );
    const lb = await clb.create({ ...base, protocol: "HTTP" } as never).whenActive({ interval: 1 });
    expect(lb).toBeInstanceOf(LoadBalancer);
    expect(lb.status).toBe("ACTIVE");
    const e = await clb.create(base as never).whenActive({ interval: 1 }).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(LoadBalancerFailed);
    expect((e as LoadBalancerFailed).value).toBe("ERROR");
  });

  it("waitFor gives up with WaitTimeout; waitFor DELETED ends at the 404", async () => {
    const pending = { method: "GET", path: "/loadbalancers/82663", status: 200, body: { loadBalancer: wireLb({ status: "PENDING_UPDATE" }) } };
    const { clb } = await serve(pending, pending, { method: "DELETE", path: "/loadbalancers/82663", status: 202 }, { method: "GET", path: "/loadbalancers/82663", status: 200, body: { loadBalancer: wireLb({ status: "PENDING_DELETE" }) } }, { method: "GET", path: "/loadbalancers/82663", status: 404, body: lbNotFound });
    await expect(clb.loadBalancers.waitFor(82663, "ACTIVE", { interval: 1, attempts: 2 })).rejects.toBeInstanceOf(WaitTimeout);
    await clb.delete(82663);
    expect((await clb.loadBalancers.waitFor(82663, "DELETED", { interval: 1 })).status).toBe("DELETED");
  });

  it("delete insists on 202; deleteMany sends ?id=…&id=… and refuses more than 10", async () => {
    const { clb, seen } = await serve({ method: "DELETE", path: "/loadbalancers/1", status: 204 }, { method: "DELETE", path: "/loadbalancers", status: 202 });
    await expect(clb.delete(1)).rejects.toBeInstanceOf(InvalidResponse);
    await clb.loadBalancers.deleteMany([1, { id: 2 }]);
    expect(seen[1]!.query.getAll("id")).toEqual(["1", "2"]);
    await expect(clb.loadBalancers.deleteMany(Array.from({ length: 11 }, (_, i) => i + 1))).rejects.toMatchObject({ field: "loadBalancers" });
    await expect(clb.delete("abc")).rejects.toMatchObject({ field: "loadBalancer" });
  });

  it("algorithms, protocols, allowed domains, absolute limits and stats", async () => {
    const { clb } = await serve(
      { method: "GET", path: "/loadbalancers/algorithms", status: 200, body: { algorithms: [{ name: "LEAST_CONNECTIONS" }, { name: "RANDOM" }] } },
      { method: "GET", path: "/loadbalancers/protocols", status: 200, body: { protocols: [{ name: "HTTP", port: 80 }, { name: "HTTPS", port: 443 }] } },
      { method: "GET", path: "/loadbalancers/protocols", status: 200, body: { protocols: [{ name: "HTTP", port: 80 }] } },
      { method: "GET", path: "/loadbalancers/alloweddomains", status: 200, body: { allowedDomains: [{ allowedDomain: { name: "rackspace.com" } }] } },
      { method: "GET", path: "/loadbalancers/absolutelimits", status: 200, body: { absolute: [{ name: "NODE_LIMIT", value: 25 }] } },
      { method: "GET", path: "/loadbalancers/82663/stats", status: 200, body: { connectTimeOut: 2, connectError: 0, maxConn: 14, note: "x" } },
    );
    expect(await clb.getAlgorithms()).toEqual(["LEAST_CONNECTIONS", "RANDOM"]);
    expect(await clb.loadBalancers.protocols()).toEqual([{ name: "HTTP", port: 80 }, { name: "HTTPS", port: 443 }]);
    expect(await clb.getProtocols()).toEqual(["HTTP"]);
    expect(await clb.getAllowedDomains()).toEqual(["rackspace.com"]);
    expect(await clb.loadBalancers.absoluteLimits()).toEqual({ NODE_LIMIT: 25 });
    expect(await clb.loadBalancers.stats(82663)).toEqual({ connectTimeOut: 2, connectError: 0, maxConn: 14 });
  });
});
