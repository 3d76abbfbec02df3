import { InvalidResponse, ValidationError } from "@rax/core";
import { describe, expect, it } from "vitest";
import { serve } from "./fixture";

// Where the seed, pyrax or the reference differ from Rackspace's own CLB v1.0 API reference
// (rackerlabs/docs-cloud-load-balancers, api-docs/cloud-load-balancers-v1/api-reference/methods), rax follows CLB's.

describe("health monitor: CLB's required/optional table", () => {
  it("an HTTP monitor without bodyRegex is sent (CLB: bodyRegex 'Required: No'), path defaulting to / as pyrax", async () => {
    const { clb, seen } = await serve({ method: "PUT", path: "/loadbalancers/1/healthmonitor", status: 202 });
    await clb.healthMonitor.set(1, { type: "HTTP", statusRegex: "^[234][0-9][0-9]$" });
    expect(seen[0]!.body).toEqual({ healthMonitor: { type: "HTTP", delay: 10, timeout: 10, attemptsBeforeDeactivation: 3, path: "/", statusRegex: "^[234][0-9][0-9]$" } });
  });

  it("statusRegex stays required for HTTP(S) (CLB: 'Required: Yes') and a bad bodyRegex is still refused, before any request", async () => {
    const { clb, seen } = await serve();
    await expect(clb.healthMonitor.set(1, { type: "HTTPS", path: "/health" })).rejects.toMatchObject({ field: "healthMonitor.statusRegex" });
    await expect(clb.healthMonitor.set(1, { type: "HTTP", statusRegex: "^2", bodyRegex: "(" })).rejects.toMatchObject({ field: "healthMonitor.bodyRegex" });
    expect(seen).toHaveLength(0);
  });
});

describe("node addresses: CLB takes domain names too", () => {
  it("a node named by a domain name is sent as given (add-node: 'Domain names are also accepted')", async () => {
    const { clb, seen } = await serve(
      { method: "POST", path: "/loadbalancers/1/nodes", status: 202, body: { nodes: [{ id: 9, address: "web1.rackspace.com", port: 80, condition: "ENABLED", status: "ONLINE", type: "PRIMARY", weight: 1 }] } },
      { method: "POST", path: "/loadbalancers", status: 202, body: { loadBalancer: { id: 2, name: "x", protocol: "HTTP", port: 80, status: "BUILD", virtualIps: [] } } },
    );
    const [node] = await clb.nodes.add(1, { address: "web1.rackspace.com", port: 80 });
    expect(seen[0]!.body).toEqual({ nodes: [{ address: "web1.rackspace.com", port: 80, condition: "ENABLED" }] });
    expect(node).toMatchObject({ id: 9, address: "web1.rackspace.com" });
    await clb.loadBalancers.create({ name: "x", protocol: "HTTP", virtualIps: [{ type: "PUBLIC" }], nodes: [{ address: "api.rackspacecloud.com", port: 80 }] });
    expect(seen[1]!.body.loadBalancer.nodes).toEqual([{ address: "api.rackspacecloud.com", port: 80, condition: "ENABLED" }]);
  });

  it.each(["web1", "10.0.0.999", "bad_name.example.com", "-a.example.com", "x..example.com", ""])("%j is neither an IP nor a domain name: refused naming the field", async (address) => {
    const { clb, seen } = await serve();
    await expect(clb.nodes.add(1, { address, port: 80 })).rejects.toMatchObject({ field: "nodes.0.address" });
    expect(seen).toHaveLength(0);
  });
});

describe("create sends only CLB's create-load-balancer parameters", () => {
  it("contentCaching (shown in CLB's answer, no create parameter) is refused before any request, saying what to call instead", async () => {
    const { clb, seen } = await serve();
    const e = await clb.loadBalancers.create({ name: "x", protocol: "HTTP", virtualIps: [{ type: "PUBLIC" }], contentCaching: true as never }).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(ValidationError);
    expect(e).toMatchObject({ field: "loadBalancer.contentCaching", message: expect.stringContaining("clb.contentCaching.set") });
    expect(seen).toHaveLength(0);
  });
});

describe("success statuses are the documented ones, nothing else", () => {
  it("connection throttle PUT and DELETE succeed on 200 (CLB's docs) and a 202 is an InvalidResponse", async () => {
    const { clb } = await serve(
      { method: "PUT", path: "/loadbalancers/1/connectionthrottle", status: 200 },
      { method: "DELETE", path: "/loadbalancers/1/connectionthrottle", status: 200 },
      { method: "PUT", path: "/loadbalancers/1/connectionthrottle", status: 202 },
      { method: "DELETE", path: "/loadbalancers/1/connectionthrottle", status: 202 },
    );
    await clb.connectionThrottle.set(1, { maxConnections: 10 });
    await clb.connectionThrottle.delete(1);
    await expect(clb.connectionThrottle.set(1, { maxConnections: 10 })).rejects.toBeInstanceOf(InvalidResponse);
    await expect(clb.connectionThrottle.delete(1)).rejects.toBeInstanceOf(InvalidResponse);
  });

  it("deleting one virtual IP succeeds on 200 (delete-virtual-ip) and a 202 is an InvalidResponse; several (?id=) on 202", async () => {
    const { clb } = await serve(
      { method: "DELETE", path: "/loadbalancers/1/virtualips/7", status: 200 },
      { method: "DELETE", path: "/loadbalancers/1/virtualips/7", status: 202 },
      { method: "DELETE", path: "/loadbalancers/1/virtualips", status: 202 },
    );
    await clb.virtualIps.delete(1, 7);
    await expect(clb.virtualIps.delete(1, 7)).rejects.toBeInstanceOf(InvalidResponse);
    await clb.virtualIps.delete(1, [7, 8]);
  });
});

describe("listing: CLB's marker is where a page begins", () => {
  const row = (id: number) => ({ id, name: `lb-${id}`, protocol: "HTTP", port: 80, algorithm: "RANDOM", status: "ACTIVE", nodeCount: 1, virtualIps: [] });

  it("a page that begins with the marker's row (paginated-collections: '…beginning with the load balancer whose ID is 1234') lists it once", async () => {
    const { clb, seen } = await serve(
      { method: "GET", path: "/loadbalancers", status: 200, body: { loadBalancers: [row(1), row(2)] } },
      { method: "GET", path: "/loadbalancers", status: 200, body: { loadBalancers: [row(2), row(3)] } },
      { method: "GET", path: "/loadbalancers", status: 200, body: { loadBalancers: [row(3)] } },
    );
    const ids = (await clb.loadBalancers.list({ pageSize: 2 }).toArray()).map((l) => l.id);
    expect(ids).toEqual([1, 2, 3]);
    // the second page was full as sent (2 rows), so a third was asked for, after 3
    expect(seen.map((s) => s.query.get("marker"))).toEqual([null, "2", "3"]);
  });

  it("a server that starts after the marker works the same; a given marker is never listed", async () => {
    const { clb } = await serve(
      { method: "GET", path: "/loadbalancers", status: 200, body: { loadBalancers: [row(5), row(6)] } },
      { method: "GET", path: "/loadbalancers", status: 200, body: { loadBalancers: [row(7)] } },
      { method: "GET", path: "/loadbalancers", status: 200, body: { loadBalancers: [row(4), row(5)] } },
      { method: "GET", path: "/loadbalancers", status: 200, body: { loadBalancers: [row(5), row(6)] } },
      { method: "GET", path: "/loadbalancers", status: 200, body: { loadBalancers: [row(6)] } },
    );
    expect((await clb.loadBalancers.list({ pageSize: 2, marker: 4 }).toArray()).map((l) => l.id)).toEqual([5, 6, 7]);
    expect((await clb.loadBalancers.list({ pageSize: 2, marker: 4 }).toArray()).map((l) => l.id)).toEqual([5, 6]);
  });

  it("a listing answered with anything but 200 is an InvalidResponse", async () => {
    const { clb } = await serve({ method: "GET", path: "/loadbalancers", status: 203, body: { loadBalancers: [row(1)] } });
    await expect(clb.loadBalancers.list().toArray()).rejects.toBeInstanceOf(InvalidResponse);
  });
});

describe("rate limits (CLB's GET /limits; pyrax clb.get_limits())", () => {
  it("come back typed per verb, next-available as a Date", async () => {
    const body = { limits: { rate: [{ uri: "/v1.0/*", regex: ".*/([0-9]+)/loadbalancers.*", limit: [{ "next-available": "2011-02-22T19:32:43.835Z", remaining: 299, unit: "MINUTE", value: 300, verb: "POST" }] }] } };
    const { clb, seen } = await serve({ method: "GET", path: "/limits", status: 200, body }, { method: "GET", path: "/limits", status: 200, body });
    const expected = [{ uri: "/v1.0/*", regex: ".*/([0-9]+)/loadbalancers.*", limits: [{ verb: "POST", value: 300, remaining: 299, unit: "MINUTE", nextAvailable: new Date("2011-02-22T19:32:43.835Z") }] }];
    expect(await clb.loadBalancers.rateLimits()).toEqual(expected);
    expect(await clb.getLimits()).toEqual(expected);
    expect(seen.map((s) => `${s.method} ${s.path}`)).toEqual(["GET /limits", "GET /limits"]);
  });
});

describe("create's protocol-bound options (CLB's create-load-balancer table)", () => {
  const base = { name: "x", virtualIps: [{ type: "PUBLIC" as const }] };

  it("halfClosed on is sent for TCP / TCP_CLIENT_FIRST and refused for the rest ('Only available for TCP/TCP_CLIENT_FIRST')", async () => {
    const { clb, seen } = await serve({ method: "POST", path: "/loadbalancers", status: 202, body: { loadBalancer: { id: 3, name: "x", protocol: "TCP", port: 5000, status: "BUILD", virtualIps: [] } } });
    await clb.loadBalancers.create({ ...base, protocol: "TCP", port: 5000, halfClosed: true });
    expect(seen[0]!.body.loadBalancer).toMatchObject({ protocol: "TCP", halfClosed: true });
    await expect(clb.loadBalancers.create({ ...base, protocol: "HTTP", halfClosed: true })).rejects.toMatchObject({ field: "loadBalancer.halfClosed" });
    await expect(clb.loadBalancers.update(3, { protocol: "HTTP", halfClosed: true })).rejects.toMatchObject({ field: "changes.halfClosed" });
    expect(seen).toHaveLength(1);
  });

  it("httpsRedirect on at create needs HTTPS on 443 (SSL termination, the HTTP way, only exists after the create)", async () => {
    const { clb, seen } = await serve({ method: "POST", path: "/loadbalancers", status: 202, body: { loadBalancer: { id: 4, name: "x", protocol: "HTTPS", port: 443, status: "BUILD", virtualIps: [] } } });
    await clb.loadBalancers.create({ ...base, protocol: "HTTPS", httpsRedirect: true });
    expect(seen[0]!.body.loadBalancer).toMatchObject({ protocol: "HTTPS", port: 443, httpsRedirect: true });
    await expect(clb.loadBalancers.create({ ...base, protocol: "HTTP", httpsRedirect: true })).rejects.toMatchObject({ field: "loadBalancer.httpsRedirect" });
    await expect(clb.loadBalancers.create({ ...base, protocol: "HTTPS", port: 8443, httpsRedirect: true })).rejects.toMatchObject({ field: "loadBalancer.httpsRedirect" });
    expect(seen).toHaveLength(1);
  });
});

describe("virtual IP types at create (CLB's create-load-balancer 'Virtual IP types' table)", () => {
  it("IPV6 on PUBLIC is sent; IPV6 on SERVICENET (the table's 'Failure Message' row) is refused before sending, naming the VIP", async () => {
    const { clb, seen } = await serve({ method: "POST", path: "/loadbalancers", status: 202, body: { loadBalancer: { id: 5, name: "x", protocol: "HTTP", port: 80, status: "BUILD", virtualIps: [] } } });
    await clb.loadBalancers.create({ name: "x", protocol: "HTTP", virtualIps: [{ type: "SERVICENET" }, { type: "PUBLIC", ipVersion: "IPV6" }] });
    expect(seen[0]!.body.loadBalancer.virtualIps).toEqual([{ type: "SERVICENET" }, { type: "PUBLIC", ipVersion: "IPV6" }]);
    await expect(clb.loadBalancers.create({ name: "x", protocol: "HTTP", virtualIps: [{ type: "PUBLIC" }, { type: "SERVICENET", ipVersion: "IPV6" }] })).rejects.toMatchObject({ field: "loadBalancer.virtualIps.1.ipVersion" });
    expect(seen).toHaveLength(1);
  });
});

describe("SSL termination keys", () => {
  it("an ECDSA private key is refused before sending (CLB: 'ECDSA key format is currently not accepted … Use RSA'), the key never in the message", async () => {
    const { clb, seen } = await serve();
    const cert = "-----BEGIN CERTIFICATE-----\nMIIcert\n-----END CERTIFICATE-----";
    const ec = "-----BEGIN EC PRIVATE KEY-----\nMHcCAQEEIunitTestEcKeyBytes77\n-----END EC PRIVATE KEY-----";
    const e = await clb.sslTermination.set(1, { securePort: 443, certificate: cert, privatekey: ec }).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(ValidationError);
    expect(e).toMatchObject({ field: "sslTermination.privatekey", message: expect.stringContaining("RSA") });
    expect(String(e)).not.toContain("unitTestEcKeyBytes77");
    expect(seen).toHaveLength(0);
  });
});

describe("SSL termination: CLB's cipherProfile and TLS 1.0 / 1.1 switches", () => {
  const cert = "-----BEGIN CERTIFICATE-----\nMIIcert\n-----END CERTIFICATE-----";
  const key = "-----BEGIN RSA PRIVATE KEY-----\nMIIkey\n-----END RSA PRIVATE KEY-----";
  const tls10off = [{ securityProtocolName: "TLS_10" as const, securityProtocolStatus: "DISABLED" as const }];

  it("set and update send them only when given; get reads them back typed", async () => {
    const current = { sslTermination: { certificate: cert, enabled: true, secureTrafficOnly: false, securePort: 443, cipherProfile: "default", securityProtocols: [{ securityProtocolName: "TLS_10", securityProtocolStatus: "ENABLED" }] } };
    const { clb, seen } = await serve(
      { method: "PUT", path: "/loadbalancers/1/ssltermination", status: 200 },
      { method: "GET", path: "/loadbalancers/1/ssltermination", status: 200, body: current },
      { method: "PUT", path: "/loadbalancers/1/ssltermination", status: 200 },
      { method: "GET", path: "/loadbalancers/1/ssltermination", status: 200, body: current },
    );
    await clb.sslTermination.set(1, { securePort: 443, certificate: cert, privatekey: key, cipherProfile: "ProfileA", securityProtocols: tls10off });
    expect(seen[0]!.body.sslTermination).toMatchObject({ cipherProfile: "ProfileA", securityProtocols: tls10off });
    await clb.sslTermination.update(1, { securityProtocols: tls10off });
    expect(seen[2]!.body).toEqual({ sslTermination: { securePort: 443, enabled: true, secureTrafficOnly: false, securityProtocols: tls10off } });
    expect(await clb.sslTermination.get(1)).toMatchObject({ cipherProfile: "default", securityProtocols: [{ securityProtocolName: "TLS_10", securityProtocolStatus: "ENABLED" }] });
  });

  it("a protocol CLB does not switch (TLS_12) or an empty profile is refused before any request", async () => {
    const { clb, seen } = await serve();
    await expect(clb.sslTermination.update(1, { securityProtocols: [{ securityProtocolName: "TLS_12" as never, securityProtocolStatus: "DISABLED" }] })).rejects.toMatchObject({ field: "changes.securityProtocols.0.securityProtocolName" });
    await expect(clb.sslTermination.update(1, { cipherProfile: "" })).rejects.toMatchObject({ field: "changes.cipherProfile" });
    expect(seen).toHaveLength(0);
  });
});

describe("LoadBalancer#update knows its own protocol", () => {
  it("halfClosed on for this HTTP load balancer is refused before sending; for a TCP one it is sent", async () => {
    const wire = (protocol: string, port: number) => ({ loadBalancer: { id: 9, name: "x", protocol, port, status: "ACTIVE", virtualIps: [], nodes: [] } });
    const { clb, seen } = await serve(
      { method: "GET", path: "/loadbalancers/9", status: 200, body: wire("HTTP", 80) },
      { method: "GET", path: "/loadbalancers/9", status: 200, body: wire("TCP", 5000) },
      { method: "PUT", path: "/loadbalancers/9", status: 202 },
    );
    const http = await clb.loadBalancers.get(9);
    await expect(http.update({ halfClosed: true })).rejects.toMatchObject({ field: "changes.halfClosed" });
    const tcp = await clb.loadBalancers.get(9);
    await tcp.update({ halfClosed: true });
    expect(seen.map((s) => s.method)).toEqual(["GET", "GET", "PUT"]);
    expect(seen[2]!.body).toEqual({ loadBalancer: { halfClosed: true } });
  });
});
