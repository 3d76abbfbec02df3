import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { emulatorTarget } from "../lib/target";
import * as accessLists from "./access-lists";
import * as addRemoveNodes from "./add-remove-nodes";
import * as algorithms from "./algorithms";
import * as connectionLogging from "./connection-logging";
import * as contentCaching from "./content-caching";
import * as createLoadBalancer from "./create-load-balancer";
import * as errorPages from "./error-pages";
import * as getLoadBalancer from "./get-load-balancer";
import * as healthMonitor from "./health-monitor";
import * as listLoadBalancers from "./list-load-balancers";
import * as metadata from "./metadata";
import * as nodeCondition from "./node-condition";
import * as nodeMetadata from "./node-metadata";
import * as protocols from "./protocols";
import * as sessionPersistence from "./session-persistence";
import * as sslTermination from "./ssl-termination";
import * as stats from "./stats";
import * as updateLoadBalancer from "./update-load-balancer";
import * as usage from "./usage";

// Every "Cloud Load Balancers" example, run against one emulator, checked for what it promises.
describe("load balancer examples (against @rax/emulator)", () => {
  let target: Awaited<ReturnType<typeof emulatorTarget>>;
  beforeAll(async () => {
    vi.spyOn(console, "log").mockImplementation(() => undefined);
    target = await emulatorTarget();
  });
  afterAll(async () => {
    await target?.stop();
    vi.restoreAllMocks();
  });

  it("list-load-balancers: none at first, then the new one", async () => {
    const r = await listLoadBalancers.main(target);
    expect(r.before).toBe(0);
    expect(r.after).toHaveLength(1);
  });
  it("create-load-balancer: servers → nodes at their private IPs → public VIP → ACTIVE LB, in the listing", async () => {
    const r = await createLoadBalancer.main(target);
    expect(r.status).toBe("ACTIVE");
    expect(r.nodes).toHaveLength(2);
    for (const a of r.nodes) expect(a).toMatch(/^\d+\.\d+\.\d+\.\d+$/);
    expect(r.listing).toContainEqual([expect.stringContaining("example_lb"), expect.any(Number)]);
  });
  it("get-load-balancer shows status, nodes, VIPs, algorithm and protocol", async () => {
    expect(await getLoadBalancer.main(target)).toMatchObject({ status: "ACTIVE", nodes: 2, vipType: "PUBLIC", algorithm: "RANDOM", protocol: "HTTP" });
  });
  it("algorithms and protocols are the seed's lists", async () => {
    expect(await algorithms.main(target)).toEqual(["LEAST_CONNECTIONS", "RANDOM", "ROUND_ROBIN", "WEIGHTED_LEAST_CONNECTIONS", "WEIGHTED_ROUND_ROBIN"]);
    expect(await protocols.main(target)).toEqual(expect.arrayContaining(["DNS_TCP", "DNS_UDP", "FTP", "HTTP", "HTTPS", "IMAPS", "IMAPv4", "LDAP", "LDAPS", "MYSQL", "POP3", "POP3S", "SFTP", "SMTP", "TCP", "TCP_CLIENT_FIRST", "UDP", "UDP_STREAM"]));
  });
  it("ssl-termination adds, updates secureTrafficOnly, and deletes", async () => {
    expect(await sslTermination.main(target)).toEqual({ securePort: 443, secureTrafficOnly: true, after: null });
  });
  it("metadata follows the seed's printed sequence", async () => {
    expect(await metadata.main(target)).toEqual([{}, { a: "one", b: "two", c: "three" }, { a: "one", b: "two", c: "three", d: "four" }, { e: "five" }, {}]);
  });
  it("update-load-balancer changes timeout, algorithm and name", async () => {
    expect(await updateLoadBalancer.main(target)).toEqual({ timeout: 90, algorithm: "RANDOM", renamed: true });
  });
  it("add-remove-nodes adds 10.177.1.42 and removes it again", async () => {
    expect(await addRemoveNodes.main(target)).toEqual({ added: "10.177.1.42", after: ["10.177.1.1", "10.177.1.2"] });
  });
  it("node-condition toggles the first node ENABLED → DISABLED", async () => {
    const r = await nodeCondition.main(target);
    expect(r.initial.map((x) => x[1])).toEqual(["ENABLED", "ENABLED"]);
    expect(r.toggled.map((x) => x[1])).toEqual(["DISABLED", "ENABLED"]);
  });
  it("node-metadata sets, merges and deletes a key", async () => {
    expect(await nodeMetadata.main(target)).toEqual({ updated: { a: "one", b: "two", c: "three" }, after: { b: "two", c: "three" } });
  });
  it("usage: account and load-balancer records; a range in 2012 has none", async () => {
    const r = await usage.main(target);
    expect(r).toMatchObject({ longAgo: 0, startIsDate: true });
    // One record per hour the load balancer lived: 1, or 2 when the run straddles the hour.
    for (const n of [r.records, r.since, r.accountLbs]) expect(n).toBeGreaterThanOrEqual(1);
  });
  it("stats: the seed's counters", async () => {
    expect(await stats.main(target)).toMatchObject({ connectError: 0, connectFailure: 0, connectTimeOut: 0, dataTimedOut: 0, keepAliveTimedOut: 0, maxConn: 0 });
  });
  it("health-monitor: none, CONNECT, HTTP, none", async () => {
    expect(await healthMonitor.main(target)).toEqual({ none: {}, connect: "CONNECT", http: "HTTP", after: {} });
  });
  it("session-persistence: off, HTTP_COOKIE, off", async () => {
    expect(await sessionPersistence.main(target)).toEqual({ before: null, during: "HTTP_COOKIE", after: null });
  });
  it("connection-logging: False, True, False", async () => {
    expect(await connectionLogging.main(target)).toEqual([false, true, false]);
  });
  it("access-lists: ALLOW + DENY, the ALLOW deleted, then all", async () => {
    expect(await accessLists.main(target)).toEqual({ starting: [], after: ["0.0.0.0/0", "10.20.30.40"], afterDeletion: ["0.0.0.0/0"], cleared: [] });
  });
  it("error-pages: default, custom, default again", async () => {
    expect(await errorPages.main(target)).toEqual({ defaultShown: true, custom: "<html><body>Sorry, something is amiss!</body></html>", backToDefault: true });
  });
  it("content-caching: on, then off", async () => {
    expect(await contentCaching.main(target)).toEqual({ on: true, off: false });
  });
});
