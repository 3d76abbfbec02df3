import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { clbState } from "../src/load-balancers/model";
import { type Session, session } from "./helpers";

// Cloud Load Balancers v1.0 as the emulator serves it, over plain HTTP (no SDK): each expectation
// is a line of ../shared/reference/load-balancers.md or errors-and-conventions.md.
let s: Session;
let clb: string;

beforeAll(async () => {
  s = await session();
  clb = s.catalog.find((c) => c.type === "rax:load-balancer")!.endpoints.find((e) => e.region === "DFW")!.publicURL!;
});
afterAll(async () => {
  await s?.emu.stop();
});

const send = (method: string, path: string, body?: unknown, token = s.token) =>
  fetch(`${clb}${path}`, { method, headers: { "x-auth-token": token, "content-type": "application/json", accept: "application/json" }, ...(body === undefined ? {} : { body: JSON.stringify(body) }) });
const json = async (method: string, path: string, body?: unknown) => {
  const res = await send(method, path, body);
  const text = await res.text();
  return { status: res.status, body: text ? JSON.parse(text) : undefined, headers: res.headers };
};
const settle = () => s.emu.state.clock.advance(5000);
const create = async (extra: Record<string, unknown> = {}) => {
  const res = await json("POST", "/loadbalancers", { loadBalancer: { name: "lb", port: 80, protocol: "HTTP", virtualIps: [{ type: "PUBLIC" }], nodes: [{ address: "10.1.1.1", port: 80, condition: "ENABLED" }], ...extra } });
  expect(res.status).toBe(202);
  return res.body.loadBalancer as Record<string, any>;
};

describe("Cloud Load Balancers in the emulator", () => {
  it("is in the catalog as rax:load-balancer / cloudLoadBalancers at /v1.0/<tenant>; no token → 401 with no body", async () => {
    expect(clb).toMatch(/\/v1\.0\/[^/]+$/);
    const res = await fetch(`${clb}/loadbalancers`);
    expect(res.status).toBe(401);
    expect(await res.text()).toBe("");
  });

  it("create → 202 BUILD with the VIP and nodes; ACTIVE on the emulator's clock; the list row has nodeCount", async () => {
    const lb = await create();
    expect(lb).toMatchObject({ name: "lb", port: 80, protocol: "HTTP", algorithm: "RANDOM", status: "BUILD", nodes: [{ address: "10.1.1.1", port: 80, condition: "ENABLED", type: "PRIMARY", weight: 1 }] });
    // CLB's "Virtual IP types" table: PUBLIC with no ipVersion gets an IPv4 and an IPv6 address.
    expect(lb.virtualIps).toEqual([
      { id: expect.any(Number), type: "PUBLIC", ipVersion: "IPV4", address: expect.stringMatching(/^\d+\.\d+\.\d+\.\d+$/) },
      { id: expect.any(Number), type: "PUBLIC", ipVersion: "IPV6", address: expect.stringContaining(":") },
    ]);
    settle();
    const got = await json("GET", `/loadbalancers/${lb.id}`);
    expect(got.body.loadBalancer).toMatchObject({ id: lb.id, status: "ACTIVE", halfClosed: false, connectionLogging: { enabled: false } });
    const list = await json("GET", "/loadbalancers");
    expect(list.body.loadBalancers.find((x: any) => x.id === lb.id)).toMatchObject({ nodeCount: 1, status: "ACTIVE" });
    expect(list.body.loadBalancers[0]).not.toHaveProperty("nodes");
  });

  it("accepts pyrax's create body (every key present, unset ones null)", async () => {
    const res = await json("POST", "/loadbalancers", {
      loadBalancer: { name: "a-new-loadbalancer", port: 80, protocol: "HTTP", nodes: [{ address: "10.1.1.1", port: 80, condition: "ENABLED", type: null, id: null }], virtualIps: [{ type: "PUBLIC", ipVersion: "IPV4" }], algorithm: "RANDOM", halfClosed: null, accessList: null, connectionLogging: null, connectionThrottle: null, healthMonitor: null, metadata: null, timeout: null, sessionPersistence: null, httpsRedirect: null },
    });
    expect(res.status).toBe(202);
  });

  it("port defaults to the protocol's (HTTPS → 443); TCP has none, so it must be given", async () => {
    const res = await json("POST", "/loadbalancers", { loadBalancer: { name: "p", protocol: "HTTPS", virtualIps: [{ type: "PUBLIC" }] } });
    expect(res.body.loadBalancer.port).toBe(443);
    expect((await json("POST", "/loadbalancers", { loadBalancer: { name: "t", protocol: "TCP", virtualIps: [{ type: "PUBLIC" }] } })).status).toBe(400);
  });

  it("a change while PENDING_UPDATE is the 422 'immutable' with CLB's exact message", async () => {
    // The window lasts a minute on the emulator's clock, so a loaded machine cannot close it before the second change.
    const timings = clbState(s.emu.state).timings;
    const update = timings.update;
    timings.update = 60_000;
    const lb = await create();
    settle();
    expect((await send("PUT", `/loadbalancers/${lb.id}`, { loadBalancer: { timeout: 60 } })).status).toBe(202);
    expect((await json("GET", `/loadbalancers/${lb.id}`)).body.loadBalancer.status).toBe("PENDING_UPDATE");
    const again = await json("POST", `/loadbalancers/${lb.id}/nodes`, { nodes: [{ address: "10.1.1.2", port: 80, condition: "ENABLED" }] });
    expect(again.status).toBe(422);
    expect(again.body).toEqual({ message: `Load Balancer '${lb.id}' has a status of 'PENDING_UPDATE' and is considered immutable.`, code: 422 });
    timings.update = update;
    s.emu.state.clock.advance(60_000);
    expect((await json("GET", `/loadbalancers/${lb.id}`)).body.loadBalancer).toMatchObject({ status: "ACTIVE", timeout: 60 });
  });

  it("validation failures are 400 with validationErrors.messages", async () => {
    for (const bad of [{ protocol: "GOPHER" }, { algorithm: "FASTEST" }, { nodes: [{ address: "web1", port: 80 }] }, { nodes: [{ address: "10.0.0.1", port: 80, condition: "DRAINING" }] }, { virtualIps: [] }, { port: 0 }]) {
      const res = await json("POST", "/loadbalancers", { loadBalancer: { name: "x", port: 80, protocol: "HTTP", virtualIps: [{ type: "PUBLIC" }], ...bad } });
      expect(res.status, JSON.stringify(bad)).toBe(400);
      expect(res.body).toMatchObject({ validationErrors: { messages: [expect.any(String)] }, message: "Validation Failure", code: 400 });
    }
  });

  it("a body that is not JSON is 400 {message: ['JSON does not match the expected schema']} (mimic invalid_json_schema)", async () => {
    const res = await fetch(`${clb}/loadbalancers`, { method: "POST", headers: { "x-auth-token": s.token, "content-type": "application/json" }, body: "{not json" });
    expect(res.status).toBe(400);
    expect(await res.json()).toEqual({ message: ["JSON does not match the expected schema"] });
  });

  it("a missing load balancer is 404 {message: 'Load balancer not found', code: 404}", async () => {
    const res = await json("GET", "/loadbalancers/999999");
    expect(res).toMatchObject({ status: 404, body: { message: "Load balancer not found", code: 404 } });
  });

  it("nodes: add (DRAINING allowed), update condition/weight, delete one and many; address/port are fixed", async () => {
    const lb = await create();
    settle();
    const added = await json("POST", `/loadbalancers/${lb.id}/nodes`, { nodes: [{ address: "10.1.1.2", port: 80, condition: "DRAINING", weight: 5 }, { address: "10.1.1.3", port: 80, condition: "ENABLED" }] });
    expect(added.status).toBe(202);
    const [n2, n3] = added.body.nodes;
    expect(n2).toMatchObject({ address: "10.1.1.2", condition: "DRAINING", weight: 5 });
    settle();
    const fixed = await json("PUT", `/loadbalancers/${lb.id}/nodes/${n2.id}`, { node: { address: "10.9.9.9", port: 81, weight: 101 } });
    expect(fixed).toMatchObject({ status: 400, body: { validationErrors: { messages: ["Node ip field cannot be modified.", "Port field cannot be modified.", "Node weight is invalid. Range is 1-100. Please specify a valid weight."] }, message: "Validation Failure", code: 400, details: "The object is not valid" } });
    expect(await json("PUT", `/loadbalancers/${lb.id}/nodes/${n2.id}`, { node: { colour: "red" } })).toEqual({ status: 400, body: { message: ["JSON does not match the expected schema"] }, headers: expect.anything() });
    expect((await send("PUT", `/loadbalancers/${lb.id}/nodes/${n2.id}`, { node: { condition: "ENABLED", weight: 59 } })).status).toBe(202);
    settle();
    expect((await json("GET", `/loadbalancers/${lb.id}/nodes/${n2.id}`)).body.node).toMatchObject({ condition: "ENABLED", weight: 59 });
    expect((await json("POST", `/loadbalancers/${lb.id}/nodes`, { nodes: [{ address: "10.1.1.3", port: 80 }] })).status).toBe(400);
    expect((await send("DELETE", `/loadbalancers/${lb.id}/nodes?id=${n2.id}&id=${n3.id}`)).status).toBe(202);
    settle();
    expect((await json("GET", `/loadbalancers/${lb.id}/nodes`)).body.nodes).toHaveLength(1);
    expect((await json("GET", `/loadbalancers/${lb.id}/nodes/${n2.id}`)).status).toBe(404);
  });

  it("virtual IPs at create: an ipVersion or SERVICENET gives one VIP of that version (PUBLIC alone gives two)", async () => {
    for (const [vip, want] of [
      [{ type: "PUBLIC", ipVersion: "IPV4" }, ["IPV4"]],
      [{ type: "PUBLIC", ipVersion: "IPV6" }, ["IPV6"]],
      [{ type: "SERVICENET" }, ["IPV4"]],
      [{ type: "PUBLIC", ipVersion: null }, ["IPV4", "IPV6"]],
    ] as const) {
      const lb = await create({ virtualIps: [vip] });
      expect(lb.virtualIps.map((v: { type: string; ipVersion: string }) => [v.type, v.ipVersion])).toEqual(want.map((w) => [vip.type, w]));
    }
  });

  it("virtual IPs: only IPv6 can be added; the last one cannot be deleted; a shared VIP joins another LB", async () => {
    const lb = await create({ virtualIps: [{ type: "PUBLIC", ipVersion: "IPV4" }] });
    settle();
    expect((await json("POST", `/loadbalancers/${lb.id}/virtualips`, { type: "PUBLIC", ipVersion: "IPV4" })).status).toBe(400);
    const v6 = await json("POST", `/loadbalancers/${lb.id}/virtualips`, { type: "PUBLIC", ipVersion: "IPV6" });
    expect(v6).toMatchObject({ status: 202, body: { type: "PUBLIC", ipVersion: "IPV6", address: expect.stringContaining(":") } });
    settle();
    const shared = await create({ port: 8080, virtualIps: [{ id: lb.virtualIps[0].id }] });
    expect(shared.virtualIps[0].address).toBe(lb.virtualIps[0].address);
    expect((await send("DELETE", `/loadbalancers/${lb.id}/virtualips/${v6.body.id}`)).status).toBe(200);
    settle();
    expect((await json("DELETE", `/loadbalancers/${lb.id}/virtualips/${lb.virtualIps[0].id}`)).status).toBe(400);
  });

  it("metadata: list of {id,key,value}; POST adds, PUT /{id} {meta:{value}} changes, DELETE ?id= removes", async () => {
    const lb = await create({ metadata: [{ key: "color", value: "red" }] });
    const m = await json("GET", `/loadbalancers/${lb.id}/metadata`);
    expect(m.body.metadata).toEqual([{ id: expect.any(Number), key: "color", value: "red" }]);
    const added = await json("POST", `/loadbalancers/${lb.id}/metadata`, { metadata: [{ key: "size", value: "L" }] });
    expect(added.status).toBe(200);
    expect((await send("PUT", `/loadbalancers/${lb.id}/metadata/${m.body.metadata[0].id}`, { meta: { value: "blue" } })).status).toBe(200);
    expect((await send("DELETE", `/loadbalancers/${lb.id}/metadata?id=${added.body.metadata[0].id}`)).status).toBe(200);
    expect((await json("GET", `/loadbalancers/${lb.id}/metadata`)).body.metadata).toEqual([{ id: m.body.metadata[0].id, key: "color", value: "blue" }]);
    expect((await json("POST", `/loadbalancers/${lb.id}/metadata`, { metadata: [{ key: "color", value: "x" }] })).status).toBe(400);
  });

  it("SSL termination: 404 until set; PUT 200; GET never shows the private key; DELETE 200", async () => {
    const lb = await create();
    settle();
    expect((await json("GET", `/loadbalancers/${lb.id}/ssltermination`)).status).toBe(404);
    const key = "-----BEGIN RSA PRIVATE KEY-----\nMIIsecretkeymaterial\n-----END RSA PRIVATE KEY-----";
    const cert = "-----BEGIN CERTIFICATE-----\nMIIcert\n-----END CERTIFICATE-----";
    expect((await send("PUT", `/loadbalancers/${lb.id}/ssltermination`, { sslTermination: { certificate: cert, privatekey: key, enabled: true, secureTrafficOnly: false, securePort: 443 } })).status).toBe(200);
    settle();
    const got = await send("GET", `/loadbalancers/${lb.id}/ssltermination`);
    const text = await got.text();
    expect(text).not.toContain("secretkeymaterial");
    expect(JSON.parse(text).sslTermination).toMatchObject({ certificate: cert, enabled: true, secureTrafficOnly: false, securePort: 443 });
    expect((await send("PUT", `/loadbalancers/${lb.id}/ssltermination`, { sslTermination: { secureTrafficOnly: true } })).status).toBe(200);
    settle();
    expect((await send("DELETE", `/loadbalancers/${lb.id}/ssltermination`)).status).toBe(200);
  });

  it("health monitor, session persistence, logging, throttle, error page, caching, access list: get / set / delete", async () => {
    const lb = await create();
    const id = lb.id;
    settle();
    expect((await json("GET", `/loadbalancers/${id}/healthmonitor`)).body).toEqual({ healthMonitor: {} });
    expect((await send("PUT", `/loadbalancers/${id}/healthmonitor`, { healthMonitor: { type: "HTTPS", delay: 10, timeout: 10, attemptsBeforeDeactivation: 3, path: "/", statusRegex: "^2", bodyRegex: "." } })).status).toBe(400);
    expect((await send("PUT", `/loadbalancers/${id}/healthmonitor`, { healthMonitor: { type: "HTTP", delay: 10, timeout: 10, attemptsBeforeDeactivation: 3, path: "/", statusRegex: "^[234][0-9][0-9]$", bodyRegex: ".*" } })).status).toBe(202);
    settle();
    expect((await json("GET", `/loadbalancers/${id}/healthmonitor`)).body.healthMonitor).toMatchObject({ type: "HTTP", path: "/" });
    expect((await send("PUT", `/loadbalancers/${id}/sessionpersistence`, { sessionPersistence: { persistenceType: "HTTP_COOKIE" } })).status).toBe(202);
    settle();
    expect((await json("GET", `/loadbalancers/${id}/sessionpersistence`)).body).toEqual({ sessionPersistence: { persistenceType: "HTTP_COOKIE" } });
    expect((await send("PUT", `/loadbalancers/${id}/connectionlogging`, { connectionLogging: { enabled: "true" } })).status).toBe(200);
    settle();
    expect((await json("GET", `/loadbalancers/${id}/connectionlogging`)).body).toEqual({ connectionLogging: { enabled: true } });
    expect((await send("PUT", `/loadbalancers/${id}/connectionthrottle`, { connectionThrottle: { maxConnections: 10, rateInterval: 60 } })).status).toBe(200);
    settle();
    expect((await send("PUT", `/loadbalancers/${id}/contentcaching`, { contentCaching: { enabled: true } })).status).toBe(202);
    settle();
    expect((await json("GET", `/loadbalancers/${id}/errorpage`)).body.errorpage.content).toContain("Service Unavailable");
    expect((await send("PUT", `/loadbalancers/${id}/errorpage`, { errorpage: { content: "<html>sorry</html>" } })).status).toBe(200);
    settle();
    expect((await json("GET", `/loadbalancers/${id}/errorpage`)).body).toEqual({ errorpage: { content: "<html>sorry</html>" } });
    expect((await send("POST", `/loadbalancers/${id}/accesslist`, { accessList: [{ address: "10.20.30.40", type: "ALLOW" }, { address: "0.0.0.0/0", type: "DENY" }] })).status).toBe(202);
    settle();
    const al = (await json("GET", `/loadbalancers/${id}/accesslist`)).body.accessList;
    expect(al.map((i: any) => i.address)).toEqual(["10.20.30.40", "0.0.0.0/0"]);
    expect((await json("POST", `/loadbalancers/${id}/accesslist`, { accessList: [{ address: "10.0.0.300", type: "DENY" }] })).status).toBe(400);
    expect((await send("DELETE", `/loadbalancers/${id}/accesslist/${al[0].id}`)).status).toBe(202);
    settle();
    expect((await json("GET", `/loadbalancers/${id}/accesslist`)).body.accessList).toHaveLength(1);
    const lbNow = (await json("GET", `/loadbalancers/${id}`)).body.loadBalancer;
    expect(lbNow).toMatchObject({ sessionPersistence: { persistenceType: "HTTP_COOKIE" }, connectionLogging: { enabled: true }, contentCaching: { enabled: true }, connectionThrottle: { maxConnections: 10 } });
  });

  it("usage (per LB, current, account) and stats", async () => {
    const lb = await create();
    settle();
    const u = await json("GET", `/loadbalancers/${lb.id}/usage`);
    expect(u.body.loadBalancerUsageRecords[0]).toMatchObject({ numVips: 2, vipType: "PUBLIC", sslMode: "OFF", startTime: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/), eventType: "CREATE_LOADBALANCER" });
    expect((await json("GET", `/loadbalancers/${lb.id}/usage/current`)).body.loadBalancerUsageRecords).toHaveLength(1);
    expect((await json("GET", `/loadbalancers/${lb.id}/usage?startTime=2001-01-01T00:00:00&endTime=2001-01-02T00:00:00`)).body.loadBalancerUsageRecords).toEqual([]);
    expect((await json("GET", `/loadbalancers/${lb.id}/usage?startTime=yesterday`)).status).toBe(400);
    const acct = await json("GET", "/loadbalancers/usage");
    expect(acct.body.accountUsage.accountUsageRecords.at(-1)).toMatchObject({ numLoadBalancers: expect.any(Number), numPublicVips: expect.any(Number) });
    expect((await json("GET", `/loadbalancers/${lb.id}/stats`)).body).toMatchObject({ connectTimeOut: 0, maxConn: 0, currentConnSsl: 0 });
  });

  it("delete → 202 PENDING_DELETE, then 404; ERROR is reachable for tests through the state", async () => {
    const lb = await create();
    settle();
    expect((await send("DELETE", `/loadbalancers/${lb.id}`)).status).toBe(202);
    expect((await json("GET", `/loadbalancers/${lb.id}`)).body.loadBalancer.status).toBe("PENDING_DELETE");
    settle();
    expect((await json("GET", `/loadbalancers/${lb.id}`)).status).toBe(404);
    const broken = await create();
    clbState(s.emu.state).region("DFW").lbs.get(broken.id)!.pending = { to: "ERROR", at: 0 };
    expect((await json("GET", `/loadbalancers/${broken.id}`)).body.loadBalancer.status).toBe("ERROR");
  });

  it("algorithms, protocols, allowed domains and absolute limits", async () => {
    expect((await json("GET", "/loadbalancers/algorithms")).body.algorithms.map((a: any) => a.name)).toEqual(["LEAST_CONNECTIONS", "RANDOM", "ROUND_ROBIN", "WEIGHTED_LEAST_CONNECTIONS", "WEIGHTED_ROUND_ROBIN"]);
    expect((await json("GET", "/loadbalancers/protocols")).body.protocols).toContainEqual({ name: "HTTPS", port: 443 });
    expect((await json("GET", "/loadbalancers/alloweddomains")).body.allowedDomains[0]).toEqual({ allowedDomain: { name: "rackspace.com" } });
    expect((await json("GET", "/loadbalancers/absolutelimits")).body.absolute).toContainEqual({ name: "NODE_LIMIT", value: 25 });
  });

  it("lists page by limit and marker with a next link", async () => {
    const all = (await json("GET", "/loadbalancers")).body.loadBalancers;
    const first = await json("GET", "/loadbalancers?limit=2");
    expect(first.body.loadBalancers.map((x: any) => x.id)).toEqual(all.slice(0, 2).map((x: any) => x.id));
    expect(first.body.links[0]).toMatchObject({ rel: "next", href: expect.stringContaining(`marker=${all[1].id}`) });
    const second = await json("GET", `/loadbalancers?limit=2&marker=${all[1].id}`);
    expect(second.body.loadBalancers[0].id).toBe(all[2].id);
  });
});
