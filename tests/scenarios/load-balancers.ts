import { inspect } from "node:util";
import { BadRequest, ValidationError } from "@rax/core";
import { type LoadBalancer, LoadBalancerImmutable, LoadBalancers, Node, NoSuchAccessListItem, NoSuchLoadBalancer, NoSuchNode } from "@rax/load-balancers";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Target, uniqueName } from "./target";

export interface LoadBalancerScenarioOptions {
  /** ms between reloads while waiting for ACTIVE. */
  interval?: number;
}

// A self-signed test pair: shapes only, nothing real ever terminates TLS with these.
const CERT = "-----BEGIN CERTIFICATE-----\nMIIBszCCAVmgAwIBAgIUscenario0certificate0only0for0tests0AAAA\n-----END CERTIFICATE-----";
const KEY = "-----BEGIN RSA PRIVATE KEY-----\nMIIEpAIBAAKCAQEAscenarioPrivateKeyMaterial0never0printed0ZZZ\n-----END RSA PRIVATE KEY-----";

/**
 * Cloud Load Balancers behaviour users rely on — the seed's "Cloud Load Balancers" section — run
 * against @rax/emulator (tests/emulator). CLB has no OpenStack twin, so there is no real-server half.
 */
export function loadBalancerScenarios(getTarget: () => Target, o: LoadBalancerScenarioOptions = {}): void {
  let clb: LoadBalancers;
  let lb: LoadBalancer;
  const made: LoadBalancer[] = [];
  const wait = { interval: o.interval ?? 1000, timeout: 120_000 };

  beforeAll(async () => {
    const target = getTarget();
    clb = target.ctx.client(LoadBalancers, { region: target.region });
    lb = await clb.loadBalancers
      .create({
        name: uniqueName("lb"),
        port: 80,
        protocol: "HTTP",
        nodes: [
          { address: "10.177.1.1", port: 80, condition: "ENABLED" },
          { address: "10.177.1.2", port: 80, condition: "DISABLED" },
        ],
        virtualIps: [{ type: "PUBLIC" }],
      })
      .whenActive(wait);
    made.push(lb);
  });

  afterAll(async () => {
    for (const x of made) {
      await clb.loadBalancers.waitFor(x, ["ACTIVE", "DELETED"], wait).catch(() => undefined);
      await clb.loadBalancers.delete(x).catch((e: unknown) => (e instanceof NoSuchLoadBalancer ? undefined : Promise.reject(e)));
    }
  });

  describe("load balancers", () => {
    it("create → ACTIVE with its nodes and public VIP; get, find and list agree (the seed's 'Re-try the Listing')", async () => {
      expect(lb).toMatchObject({ status: "ACTIVE", protocol: "HTTP", port: 80, algorithm: "RANDOM" });
      expect(lb.nodes.map((n) => [n.address, n.condition])).toEqual([["10.177.1.1", "ENABLED"], ["10.177.1.2", "DISABLED"]]);
      expect(lb.virtualIps[0]).toMatchObject({ type: "PUBLIC", ipVersion: "IPV4" });
      expect((await clb.loadBalancers.get(lb.id)).name).toBe(lb.name);
      expect((await clb.loadBalancers.find(lb.name)).id).toBe(lb.id);
      const listed = (await clb.loadBalancers.list().toArray()).map((x) => [x.name, x.id]);
      expect(listed).toContainEqual([lb.name, lb.id]);
      await expect(clb.loadBalancers.get(99_999_999)).rejects.toBeInstanceOf(NoSuchLoadBalancer);
    });

    it("update (the seed's timeout + algorithm) leaves it PENDING_UPDATE; a second change then is LoadBalancerImmutable; whenActive() waits", async () => {
      const change = lb.update({ timeout: 60, algorithm: "ROUND_ROBIN" });
      await change;
      const refused = await lb.update({ name: `${lb.name}-x` }).catch((e: unknown) => e);
      expect(refused).toBeInstanceOf(LoadBalancerImmutable);
      expect((refused as LoadBalancerImmutable).lbStatus).toBe("PENDING_UPDATE");
      await change.whenActive(wait);
      expect(lb).toMatchObject({ status: "ACTIVE", timeout: 60, algorithm: "ROUND_ROBIN" });
    });

    it("algorithms and protocols are the seed's lists", async () => {
      expect(await clb.loadBalancers.algorithms()).toEqual(["LEAST_CONNECTIONS", "RANDOM", "ROUND_ROBIN", "WEIGHTED_LEAST_CONNECTIONS", "WEIGHTED_ROUND_ROBIN"]);
      expect((await clb.loadBalancers.protocols()).map((p) => p.name)).toEqual(expect.arrayContaining(["HTTP", "HTTPS", "TCP", "UDP_STREAM", "MYSQL"]));
    });

    it("bad input fails before any request: a node address that is neither an IP nor a domain name, unknown algorithm / protocol / condition", async () => {
      const base = { name: "x", port: 80, protocol: "HTTP" as const, virtualIps: [{ type: "PUBLIC" as const }] };
      await expect(clb.loadBalancers.create({ ...base, nodes: [{ address: "server1", port: 80 }] })).rejects.toMatchObject({ field: "loadBalancer.nodes.0.address" });
      await expect(clb.loadBalancers.create({ ...base, algorithm: "FASTEST" as never })).rejects.toBeInstanceOf(ValidationError);
      await expect(clb.loadBalancers.create({ ...base, protocol: "GOPHER" as never })).rejects.toMatchObject({ field: "loadBalancer.protocol" });
      await expect(lb.addNodes({ address: "10.0.0.9", port: 80, condition: "SLEEPING" as never })).rejects.toMatchObject({ field: "nodes.0.condition" });
      await expect(clb.loadBalancers.create({ ...base, contentCaching: true as never })).rejects.toMatchObject({ field: "loadBalancer.contentCaching" });
    });

    it("the service itself refuses what CLB's create-load-balancer table rules out: an undocumented field (contentCaching), halfClosed off TCP, httpsRedirect off HTTPS:443, an IPv6 SERVICENET VIP", async () => {
      const base = { name: uniqueName("lb"), protocol: "HTTP", virtualIps: [{ type: "PUBLIC" }] };
      for (const loadBalancer of [{ ...base, contentCaching: { enabled: true } }, { ...base, halfClosed: true }, { ...base, httpsRedirect: true }, { ...base, virtualIps: [{ type: "SERVICENET", ipVersion: "IPV6" }] }])
        await expect(clb.send({ method: "POST", path: "loadbalancers", json: { loadBalancer }, idempotent: false })).rejects.toBeInstanceOf(BadRequest);
      // The SDK cannot know an existing load balancer's protocol from the changes alone: the service says no.
      await expect(clb.loadBalancers.update(lb, { halfClosed: true })).rejects.toBeInstanceOf(BadRequest);
    });
  });

  describe("nodes", () => {
    it("add one, toggle its condition pyrax's way (node.condition = …; node.update()), weight, delete", async () => {
      const [added] = await lb.addNodes([{ address: "10.177.1.3", port: 80, condition: "ENABLED" }]).whenActive(wait);
      expect(added).toBeInstanceOf(Node);
      expect(lb.nodes.map((n) => n.address)).toContain("10.177.1.3");
      const node = lb.nodes.find((n) => n.address === "10.177.1.3")!;
      node.condition = "DRAINING";
      await node.update().whenActive(wait);
      await node.update({ weight: 7, type: "SECONDARY" }).whenActive(wait);
      expect(await node.reload()).toMatchObject({ condition: "DRAINING", weight: 7, type: "SECONDARY" });
      await node.delete().whenActive(wait);
      await expect(clb.nodes.get(lb, node.id)).rejects.toBeInstanceOf(NoSuchNode);
      // The node's own verbs leave the load-balancer object as it was: reload it (pyrax's wait_until did).
      expect((await lb.reload()).nodes.map((n) => n.address)).not.toContain("10.177.1.3");
    });

    it("adds several at once and deletes several at once", async () => {
      const added = await clb.nodes.add(lb, [{ address: "10.177.1.4", port: 80 }, { address: "10.177.1.5", port: 8080, weight: 3 }]).whenActive(wait);
      expect(added.map((n) => n.weight)).toEqual([1, 3]);
      await clb.nodes.delete(lb, added).whenActive(wait);
      expect((await clb.nodes.list(lb)).map((n) => n.address)).toEqual(["10.177.1.1", "10.177.1.2"]);
    });

    it("a node named by a domain name in the account's allowed domains is added (CLB's add-node docs); one outside them is CLB's 400", async () => {
      const [domain] = await clb.loadBalancers.allowedDomains();
      const [added] = await lb.addNodes({ address: `web1.${domain}`, port: 80 }).whenActive(wait);
      expect(added).toMatchObject({ address: `web1.${domain}`, port: 80, condition: "ENABLED" });
      await expect(lb.addNodes({ address: "web1.example.invalid", port: 80 })).rejects.toBeInstanceOf(BadRequest);
      await added!.delete().whenActive(wait);
    });

    it("node metadata works like load-balancer metadata", async () => {
      const node = (await clb.nodes.list(lb))[0]!;
      await node.setMetadata({ role: "web" });
      await node.updateMetadata({ tier: "front" });
      expect(await node.getMetadata()).toEqual({ role: "web", tier: "front" });
      await node.deleteMetadata();
      expect(await lb.getMetadataForNode(node)).toEqual({});
    });
  });

  describe("virtual IPs", () => {
    it("adds an IPv6 VIP and deletes it", async () => {
      const vip = await lb.addVirtualIp({ type: "PUBLIC" }).whenActive(wait);
      expect(vip).toMatchObject({ type: "PUBLIC", ipVersion: "IPV6" });
      expect(lb.virtualIps.map((v) => v.id)).toContain(vip.id);
      await vip.delete().whenActive(wait);
      expect((await clb.virtualIps.list(lb)).map((v) => v.id)).not.toContain(vip.id);
    });

    it("a second load balancer shares the first one's VIP by id", async () => {
      const other = await clb.loadBalancers.create({ name: uniqueName("lb-shared"), port: 8080, protocol: "HTTP", virtualIps: [{ id: lb.virtualIps[0]!.id }] }).whenActive(wait);
      made.push(other);
      expect(other.virtualIps[0]!.address).toBe(lb.virtualIps[0]!.address);
      await other.delete();
      expect((await clb.loadBalancers.waitFor(other, "DELETED", wait)).status).toBe("DELETED");
    });
  });

  describe("metadata", () => {
    it("the seed's sequence: set, update, set, delete", async () => {
      expect(await lb.getMetadata()).toEqual({});
      await lb.setMetadata({ a: "one", b: "two", c: "three" });
      expect(await lb.getMetadata()).toEqual({ a: "one", b: "two", c: "three" });
      await lb.updateMetadata({ d: "four", a: "uno" });
      expect(await lb.getMetadata()).toEqual({ a: "uno", b: "two", c: "three", d: "four" });
      await lb.setMetadata({ e: "five" });
      expect(await lb.getMetadata()).toEqual({ e: "five" });
      await lb.deleteMetadata();
      expect(await lb.getMetadata()).toEqual({});
    });
  });

  describe("settings", () => {
    it("SSL termination: set, read back without the key, update, delete — the key never printed", async () => {
      expect(await lb.getSslTermination()).toBeUndefined();
      const input = { securePort: 443, enabled: true, secureTrafficOnly: false, certificate: CERT, privatekey: KEY };
      await lb.addSslTermination(input).whenActive(wait);
      const ssl = await lb.getSslTermination();
      expect(ssl).toMatchObject({ certificate: CERT, securePort: 443, enabled: true, secureTrafficOnly: false });
      await lb.updateSslTermination({ secureTrafficOnly: true }).whenActive(wait);
      expect((await lb.getSslTermination())?.secureTrafficOnly).toBe(true);
      // CLB's update-ssl-termination also takes the cipher profile and the TLS 1.0 / 1.1 switches, keeping the certificate.
      await lb.updateSslTermination({ cipherProfile: "ProfileB", securityProtocols: [{ securityProtocolName: "TLS_10", securityProtocolStatus: "DISABLED" }] }).whenActive(wait);
      expect(await lb.getSslTermination()).toMatchObject({
        certificate: CERT,
        secureTrafficOnly: true,
        cipherProfile: "ProfileB",
        securityProtocols: expect.arrayContaining([{ securityProtocolName: "TLS_10", securityProtocolStatus: "DISABLED" }, { securityProtocolName: "TLS_11", securityProtocolStatus: "ENABLED" }]),
      });
      const refused = await lb.addSslTermination({ ...input, securePort: 0 }).catch((e: unknown) => e);
      expect(refused).toBeInstanceOf(ValidationError);
      // CLB takes RSA keys only ("ECDSA key format is currently not accepted"): the service refuses one sent anyway.
      const ecKey = "-----BEGIN EC PRIVATE KEY-----\nMHcCAQEEIscenarioEcKeyMaterial\n-----END EC PRIVATE KEY-----";
      await expect(clb.send({ method: "PUT", path: `loadbalancers/${lb.id}/ssltermination`, json: { sslTermination: { ...input, privatekey: ecKey } }, idempotent: false })).rejects.toBeInstanceOf(BadRequest);
      for (const shown of [inspect(ssl, { depth: 5 }), JSON.stringify(ssl), inspect(lb, { depth: 5 }), String(refused), inspect(refused)]) expect(shown).not.toContain("PrivateKeyMaterial");
      await lb.deleteSslTermination().whenActive(wait);
      expect(await lb.getSslTermination()).toBeUndefined();
    });

    it("health monitor: CONNECT, then HTTP with the seed's parameters, then none", async () => {
      expect(await lb.getHealthMonitor()).toEqual({});
      await lb.addHealthMonitor({ type: "CONNECT", delay: 10, timeout: 10, attemptsBeforeDeactivation: 3 }).whenActive(wait);
      expect(await lb.getHealthMonitor()).toMatchObject({ type: "CONNECT", delay: 10 });
      await lb.addHealthMonitor({ type: "HTTP", delay: 10, timeout: 10, attemptsBeforeDeactivation: 3, path: "/", statusRegex: "^[234][0-9][0-9]$", bodyRegex: ".* testing .*", hostHeader: "example.com" }).whenActive(wait);
      expect(await lb.getHealthMonitor()).toMatchObject({ type: "HTTP", path: "/", hostHeader: "example.com" });
      await expect(lb.addHealthMonitor({ type: "HTTP", path: "/" })).rejects.toMatchObject({ field: "healthMonitor.statusRegex" });
      // CLB's table: bodyRegex "Required: No" (the seed and pyrax demand it); path defaults to "/" as in pyrax.
      await lb.addHealthMonitor({ type: "HTTP", statusRegex: "^[23][0-9][0-9]$" }).whenActive(wait);
      const hm = await lb.getHealthMonitor();
      expect(hm).toMatchObject({ type: "HTTP", path: "/", statusRegex: "^[23][0-9][0-9]$" });
      expect(hm).not.toHaveProperty("bodyRegex");
      await lb.deleteHealthMonitor().whenActive(wait);
      expect(await lb.getHealthMonitor()).toEqual({});
    });

    it("session persistence HTTP_COOKIE on, then off", async () => {
      expect(await clb.sessionPersistence.get(lb)).toBeUndefined();
      await clb.sessionPersistence.set(lb, "HTTP_COOKIE").whenActive(wait);
      expect(await lb.getSessionPersistence()).toBe("HTTP_COOKIE");
      await lb.deleteSessionPersistence().whenActive(wait);
      expect(await lb.getSessionPersistence()).toBeUndefined();
    });

    it("connection logging: the seed's False → True → False", async () => {
      const seen = [await clb.connectionLogging.get(lb)];
      await clb.connectionLogging.enable(lb).whenActive(wait);
      seen.push(await clb.connectionLogging.get(lb));
      await clb.connectionLogging.disable(lb).whenActive(wait);
      seen.push(await clb.connectionLogging.get(lb));
      expect(seen).toEqual([false, true, false]);
    });

    it("connection throttling set and removed", async () => {
      await lb.addConnectionThrottle({ maxConnections: 10, minConnections: 5, maxConnectionRate: 50, rateInterval: 60 }).whenActive(wait);
      expect(await lb.getConnectionThrottle()).toMatchObject({ maxConnections: 10, maxConnectionRate: 50, rateInterval: 60 });
      await lb.deleteConnectionThrottle().whenActive(wait);
      expect(await lb.getConnectionThrottle()).toEqual({});
    });

    it("access list: the seed's ALLOW + DENY, delete one item, unknown ids refused, delete all", async () => {
      expect(await lb.getAccessList()).toEqual([]);
      await lb.addAccessList([{ address: "10.20.30.40", type: "ALLOW" }, { address: "0.0.0.0/0", type: "DENY" }]).whenActive(wait);
      const items = await lb.getAccessList();
      expect(items.map((i) => [i.address, i.type]).sort()).toEqual([["0.0.0.0/0", "DENY"], ["10.20.30.40", "ALLOW"]]);
      const allow = items.find((i) => i.type === "ALLOW")!;
      await lb.deleteAccessListItems(allow.id).whenActive(wait);
      expect((await lb.getAccessList()).map((i) => i.type)).toEqual(["DENY"]);
      await expect(lb.deleteAccessListItems(allow.id)).rejects.toBeInstanceOf(NoSuchAccessListItem);
      await expect(lb.addAccessList([{ address: "10.0.0.0/33", type: "DENY" }])).rejects.toMatchObject({ field: "accessList.0.address" });
      await lb.deleteAccessList().whenActive(wait);
      expect(await lb.getAccessList()).toEqual([]);
    });

    it("error page: the default, a custom one, cleared back to the default", async () => {
      const original = await lb.getErrorPage();
      expect(original).toContain("Service Unavailable");
      await lb.setErrorPage("<html><body>Sorry, something is amiss!</body></html>").whenActive(wait);
      expect(await lb.getErrorPage()).toBe("<html><body>Sorry, something is amiss!</body></html>");
      await lb.clearErrorPage().whenActive(wait);
      expect(await lb.getErrorPage()).toBe(original);
    });

    it("content caching on and off", async () => {
      await lb.setContentCaching(true).whenActive(wait);
      expect(await lb.getContentCaching()).toBe(true);
      await clb.contentCaching.disable(lb).whenActive(wait);
      expect(await lb.getContentCaching()).toBe(false);
    });
  });

  describe("usage and statistics", () => {
    it("usage for the load balancer (all, by date range, current) and the account; stats counters", async () => {
      const records = await lb.getUsage();
      expect(records.length).toBeGreaterThan(0);
      expect(records[0]).toMatchObject({ numVips: expect.any(Number), vipType: "PUBLIC", startTime: expect.any(Date), endTime: expect.any(Date) });
      expect(await lb.getUsage({ start: "2001-01-01", end: "2001-01-02 00:00:00" })).toEqual([]);
      expect((await lb.getCurrentUsage()).length).toBeGreaterThan(0);
      // An end after now reads as "to the present" (the seed: start only → "from that point to the present"):
      // no record is for an hour that has not begun.
      const ahead = await lb.getUsage({ start: new Date(Date.now() - 3_600_000), end: new Date(Date.now() + 48 * 3_600_000) });
      expect(ahead.length).toBeGreaterThan(0);
      expect(ahead.filter((u) => (u.startTime?.getTime() ?? 0) > Date.now())).toEqual([]);
      await expect(lb.getUsage({ start: "01/02/2001" })).rejects.toMatchObject({ field: "range.start" });
      const account = await clb.usage.account({ start: new Date(Date.now() - 3_600_000) });
      expect(account.loadBalancerUsages.map((u) => u.loadBalancerId)).toContain(lb.id);
      const stats = await lb.getStats();
      expect(stats).toMatchObject({ connectTimeOut: expect.any(Number), connectError: expect.any(Number), maxConn: expect.any(Number) });
    });

    it("rate limits (pyrax's clb.get_limits()): an allowance per verb and unit", async () => {
      const [rate] = await clb.loadBalancers.rateLimits();
      expect(rate!.limits.map((l) => l.verb).sort()).toEqual(["DELETE", "GET", "POST", "PUT"]);
      for (const l of rate!.limits) expect(l).toMatchObject({ value: expect.any(Number), unit: expect.any(String) });
    });
  });
}
