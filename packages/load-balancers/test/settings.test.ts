import { inspect } from "node:util";
import { createDebugLogger, StaticSession } from "@rax/core";
import { describe, expect, it } from "vitest";
import { LoadBalancers, NoSslTermination, NoSuchAccessListItem } from "../src/index";
import { serve } from "./fixture";

const CERT = "-----BEGIN CERTIFICATE-----\nMIIcertificate\n-----END CERTIFICATE-----";
const KEY = "-----BEGIN RSA PRIVATE KEY-----\nMIIunitTestPrivateKeyBytes42\n-----END RSA PRIVATE KEY-----";

describe("SSL termination", () => {
  it("set sends certificate, key and port with enabled true by default; get never returns a key; 404 → undefined", async () => {
    const { clb, seen } = await serve(
      { method: "PUT", path: "/loadbalancers/1/ssltermination", status: 200 },
      { method: "GET", path: "/loadbalancers/1/ssltermination", status: 200, body: { sslTermination: { certificate: CERT, enabled: true, secureTrafficOnly: false, securePort: 443, privatekey: "leaked?" } } },
      { method: "GET", path: "/loadbalancers/1/ssltermination", status: 404, body: { message: "No SSL termination is configured for this load balancer", code: 404 } },
    );
    await clb.sslTermination.set(1, { securePort: 443, certificate: CERT, privatekey: KEY });
    expect(seen[0]!.body).toEqual({ sslTermination: { securePort: 443, certificate: CERT, privatekey: KEY, enabled: true, secureTrafficOnly: false } });
    const got = await clb.sslTermination.get(1);
    expect(got).toMatchObject({ certificate: CERT, securePort: 443 });
    expect(JSON.stringify(got)).not.toContain("leaked?");
    expect(got!.raw).not.toHaveProperty("privatekey");
    expect(await clb.sslTermination.get(1)).toBeUndefined();
  });

  it("the private key never reaches the debug log, a ValidationError or a printed error", async () => {
    const lines: string[] = [];
    const { clb: plain } = await serve({ method: "PUT", path: "/loadbalancers/1/ssltermination", status: 500, body: { message: `boom ${KEY}`, code: 500 } });
    const session = new StaticSession({ token: "t0ken-abcdefghijkl", endpoint: plain.endpoint, transportOptions: { retry: { maxAttempts: 1 }, logger: createDebugLogger({ enabled: true, sink: (l) => lines.push(l) }) } });
    const clb = new LoadBalancers(session, { endpoint: plain.endpoint });
    const e = await clb.sslTermination.set(1, { securePort: 443, certificate: CERT, privatekey: KEY }).catch((x: unknown) => x);
    const bad = await clb.sslTermination.set(1, { securePort: 70000, certificate: CERT, privatekey: KEY }).catch((x: unknown) => x);
    expect(lines.length).toBeGreaterThan(0);
    expect(e).toMatchObject({ status: 500 });
    for (const text of [String(e), inspect(e, { depth: 8 }), JSON.stringify(e), String(bad), inspect(bad, { depth: 8 }), ...lines]) expect(text).not.toContain("unitTestPrivateKeyBytes42");
    await session.transport.close();
  });

  it("update fills the rest from the current configuration (pyrax); none configured → NoSslTermination", async () => {
    const { clb, seen } = await serve(
      { method: "GET", path: "/loadbalancers/1/ssltermination", status: 200, body: { sslTermination: { certificate: CERT, enabled: true, secureTrafficOnly: false, securePort: 443 } } },
      { method: "PUT", path: "/loadbalancers/1/ssltermination", status: 200 },
      { method: "GET", path: "/loadbalancers/1/ssltermination", status: 404, body: { message: "No SSL termination is configured for this load balancer", code: 404 } },
    );
    await clb.sslTermination.update(1, { secureTrafficOnly: true });
    expect(seen[1]!.body).toEqual({ sslTermination: { securePort: 443, enabled: true, secureTrafficOnly: true } });
    await expect(clb.sslTermination.update(1, { enabled: false })).rejects.toBeInstanceOf(NoSslTermination);
  });
});

describe("access list", () => {
  it("add validates every address (IP or CIDR) and type; deleteItems checks the ids exist first, then one → /{id}, many → ?id=", async () => {
    const list = { accessList: [{ id: 19019, address: "0.0.0.0/0", type: "DENY" }, { id: 19021, address: "10.20.30.40", type: "ALLOW" }] };
    const { clb, seen } = await serve(
      { method: "POST", path: "/loadbalancers/1/accesslist", status: 202 },
      { method: "GET", path: "/loadbalancers/1/accesslist", status: 200, body: list },
      { method: "DELETE", path: "/loadbalancers/1/accesslist/19021", status: 202 },
      { method: "GET", path: "/loadbalancers/1/accesslist", status: 200, body: list },
      { method: "DELETE", path: "/loadbalancers/1/accesslist", status: 202 },
      { method: "GET", path: "/loadbalancers/1/accesslist", status: 200, body: list },
    );
    await clb.accessList.add(1, [{ address: "10.20.30.40", type: "ALLOW" }, { address: "2001:db8::/32", type: "DENY" }]);
    expect(seen[0]!.body).toEqual({ accessList: [{ address: "10.20.30.40", type: "ALLOW" }, { address: "2001:db8::/32", type: "DENY" }] });
    for (const [item, field] of [[{ address: "10.0.0.0/33", type: "DENY" }, "accessList.0.address"], [{ address: "example.com", type: "DENY" }, "accessList.0.address"], [{ address: "10.0.0.1", type: "BLOCK" }, "accessList.0.type"]] as const)
      await expect(clb.accessList.add(1, item as never)).rejects.toMatchObject({ field });
    await clb.accessList.deleteItems(1, 19021);
    await clb.accessList.deleteItems(1, [19019, 19021]);
    expect(seen[4]!.query.getAll("id")).toEqual(["19019", "19021"]);
    const miss = await clb.accessList.deleteItems(1, [19019, 5]).catch((e: unknown) => e);
    expect(miss).toBeInstanceOf(NoSuchAccessListItem);
    expect((miss as NoSuchAccessListItem).status).toBe(404);
    expect((miss as Error).message).toBe('No access-list item with id "5" on load balancer 1 in rax:load-balancer');
    expect(seen).toHaveLength(6);
  });
});

describe("health monitor, persistence, logging, throttle, error page, caching", () => {
  it("sends the seed's bodies and reads them back", async () => {
    const { clb, seen } = await serve(
      { method: "PUT", path: "/loadbalancers/1/healthmonitor", status: 202 },
      { method: "PUT", path: "/loadbalancers/1/healthmonitor", status: 202 },
      { method: "GET", path: "/loadbalancers/1/healthmonitor", status: 200, body: { healthMonitor: {} } },
      { method: "PUT", path: "/loadbalancers/1/sessionpersistence", status: 202 },
      { method: "GET", path: "/loadbalancers/1/sessionpersistence", status: 200, body: { sessionPersistence: { persistenceType: "SOURCE_IP" } } },
      { method: "PUT", path: "/loadbalancers/1/connectionlogging", status: 200 },
      { method: "GET", path: "/loadbalancers/1/connectionlogging", status: 200, body: { connectionLogging: { enabled: "true" } } },
      { method: "PUT", path: "/loadbalancers/1/connectionthrottle", status: 200 },
      { method: "PUT", path: "/loadbalancers/1/errorpage", status: 200 },
      { method: "GET", path: "/loadbalancers/1/errorpage", status: 200, body: { errorpage: { content: "<html>x</html>" } } },
      { method: "PUT", path: "/loadbalancers/1/contentcaching", status: 202 },
    );
    await clb.healthMonitor.set(1, { type: "CONNECT" });
    await clb.healthMonitor.set(1, { type: "HTTPS", statusRegex: "^[234][0-9][0-9]$", bodyRegex: ".* testing .*", hostHeader: "example.com" });
    expect(await clb.healthMonitor.get(1)).toEqual({});
    await clb.sessionPersistence.set(1, "SOURCE_IP");
    expect(await clb.sessionPersistence.get(1)).toBe("SOURCE_IP");
    await clb.connectionLogging.enable(1);
    expect(await clb.connectionLogging.get(1)).toBe(true);
    await clb.connectionThrottle.set(1, { maxConnections: 10, rateInterval: 60 });
    await clb.errorPage.set(1, "<html>x</html>");
    expect(await clb.errorPage.get(1)).toBe("<html>x</html>");
    await clb.contentCaching.enable(1);
    expect(seen.filter((s) => s.method === "PUT").map((s) => s.body)).toEqual([
      { healthMonitor: { type: "CONNECT", delay: 10, timeout: 10, attemptsBeforeDeactivation: 3 } },
      { healthMonitor: { type: "HTTPS", delay: 10, timeout: 10, attemptsBeforeDeactivation: 3, path: "/", statusRegex: "^[234][0-9][0-9]$", bodyRegex: ".* testing .*", hostHeader: "example.com" } },
      { sessionPersistence: { persistenceType: "SOURCE_IP" } },
      { connectionLogging: { enabled: true } },
      { connectionThrottle: { maxConnections: 10, rateInterval: 60 } },
      { errorpage: { content: "<html>x</html>" } },
      { contentCaching: { enabled: true } },
    ]);
  });

  it.each([
    [{ type: "PING" }, "healthMonitor.type"],
    [{ type: "CONNECT", delay: 0 }, "healthMonitor.delay"],
    [{ type: "CONNECT", timeout: 301 }, "healthMonitor.timeout"],
    [{ type: "CONNECT", attemptsBeforeDeactivation: 11 }, "healthMonitor.attemptsBeforeDeactivation"],
    [{ type: "CONNECT", path: "/" }, "healthMonitor.path"],
    [{ type: "HTTP", bodyRegex: "." }, "healthMonitor.statusRegex"],
    [{ type: "HTTP", statusRegex: "(", bodyRegex: "." }, "healthMonitor.statusRegex"],
  ])("health monitor %j is refused before any request (%s)", async (m, field) => {
    const { clb, seen } = await serve();
    await expect(clb.healthMonitor.set(1, m as never)).rejects.toMatchObject({ field });
    expect(seen).toHaveLength(0);
  });

  it("session persistence and throttle inputs are checked", async () => {
    const { clb } = await serve();
    await expect(clb.sessionPersistence.set(1, "COOKIE" as never)).rejects.toMatchObject({ field: "persistenceType" });
    await expect(clb.connectionThrottle.set(1, {})).rejects.toMatchObject({ field: "connectionThrottle" });
  });
});

describe("usage", () => {
  it("dates in the seed's forms become CLB's YYYY-MM-DDTHH:MM:SS; records get Date times; bad dates are refused", async () => {
    const { clb, seen } = await serve(
      { method: "GET", path: "/loadbalancers/1/usage", status: 200, body: { loadBalancerUsageRecords: [{ id: 5213627, averageNumConnections: 0, numPolls: 12, startTime: "2012-10-15T13:00:00", endTime: "2012-10-15T14:00:00", sslMode: "OFF" }] } },
      { method: "GET", path: "/loadbalancers/usage", status: 200, body: { accountUsage: { accountUsageRecords: [{ numLoadBalancers: 1, startTime: "2012-10-15T13:00:00" }] }, loadBalancerUsages: [{ loadBalancerId: 1, loadBalancerUsageRecords: [] }] } },
      { method: "GET", path: "/loadbalancers/1/usage/current", status: 200, body: { loadBalancerUsageRecords: [] } },
    );
    const recs = await clb.usage.loadBalancer(1, { start: "2012-10-15", end: new Date(Date.UTC(2012, 9, 16, 1, 2, 3)) });
    expect(seen[0]!.query.get("startTime")).toBe("2012-10-15T00:00:00");
    expect(seen[0]!.query.get("endTime")).toBe("2012-10-16T01:02:03");
    expect(recs[0]).toMatchObject({ id: 5213627, numPolls: 12, sslMode: "OFF", startTime: new Date(Date.UTC(2012, 9, 15, 13)) });
    const acct = await clb.getUsage({ start: "2012-10-15 13:00:00" });
    expect(seen[1]!.query.get("startTime")).toBe("2012-10-15T13:00:00");
    expect(acct.accountUsageRecords[0]).toMatchObject({ numLoadBalancers: 1 });
    expect(acct.loadBalancerUsages).toEqual([{ loadBalancerId: 1, records: [] }]);
    expect(await clb.usage.current(1)).toEqual([]);
    // the message names the forms it takes (a failed union alone says "Invalid input")
    await expect(clb.usage.loadBalancer(1, { start: "15/10/2012" })).rejects.toMatchObject({ field: "range.start", message: expect.stringContaining('"YYYY-MM-DD HH:MM:SS"') });
    await expect(clb.usage.loadBalancer(1, { start: 1350259200 as never })).rejects.toMatchObject({ field: "range.start", message: expect.stringContaining("must be a Date") });
    await expect(clb.usage.loadBalancer(1, { start: "2012-10-16", end: "2012-10-15" })).rejects.toMatchObject({ field: "range.end" });
    await expect(clb.usage.loadBalancer(1, { start: "2012-02-30" })).rejects.toMatchObject({ field: "range.start" });
  });
});
