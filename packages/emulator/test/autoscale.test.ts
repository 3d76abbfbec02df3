import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cronMatches, parseCron } from "../src/autoscale/cron";
import { computeState } from "../src/compute/model";
import { startEmulator } from "../src/index";
import { authV2, type Session, session } from "./helpers";

// Auto Scale (Otter v1.0) as the emulator serves it, over plain HTTP (no SDK): groups converge by
// building and deleting servers in the emulator's Nova on its clock.
let s: Session;
let au: string;
let nova: string;
const UBUNTU = "5cc098a5-7286-4b96-b3a2-49f4c4f82537";

beforeAll(async () => {
  s = await session();
  au = s.catalog.find((c) => c.type === "rax:autoscale")!.endpoints.find((e) => e.region === "DFW")!.publicURL!;
  nova = s.catalog.find((c) => c.type === "compute")!.endpoints.find((e) => e.region === "DFW")!.publicURL!;
});
afterAll(async () => {
  await s?.emu.stop();
});

const send = (base: string, method: string, path: string, body?: unknown, token: string | null = s.token) =>
  fetch(`${base}${path}`, { method, headers: { ...(token ? { "x-auth-token": token } : {}), "content-type": "application/json", accept: "application/json" }, ...(body === undefined ? {} : { body: JSON.stringify(body) }) });
const a = (method: string, path: string, body?: unknown) => send(au, method, path, body);
const json = async (r: Response | Promise<Response>) => (await (await r).json()) as any;
const advance = (ms: number) => s.emu.state.clock.advance(ms);
const build = () => computeState(s.emu.state).timings.build;

const groupBody = (over: { min?: number; max?: number; cooldown?: number; policies?: unknown[]; name?: string } = {}) => ({
  groupConfiguration: { name: over.name ?? "testscalinggroup", cooldown: over.cooldown ?? 0, minEntities: over.min ?? 0, maxEntities: over.max ?? 10, metadata: {} },
  launchConfiguration: {
    type: "launch_server",
    args: { server: { flavorRef: "general1-1", name: "testgroup", imageRef: UBUNTU, metadata: { role: "web" }, networks: [{ uuid: "00000000-0000-0000-0000-000000000000" }, { uuid: "11111111-1111-1111-1111-111111111111" }] }, loadBalancers: [{ loadBalancerId: 237935, port: 80 }] },
  },
  scalingPolicies: over.policies ?? [],
});
const createGroup = async (over: Parameters<typeof groupBody>[0] = {}) => (await json(a("POST", "/groups", groupBody(over)))).group;
const state = async (id: string) => (await json(a("GET", `/groups/${id}/state`))).group;
const novaServer = async (id: string) => (await json(send(nova, "GET", `/servers/${id}`))).server;

describe("Auto Scale in the emulator", () => {
  it("is in the catalog as rax:autoscale at /v1.0/<tenant>, and needs a token", async () => {
    expect(au).toMatch(/\/v1\.0\/[^/]+$/);
    expect((await send(au, "GET", "/groups", undefined, null)).status).toBe(401);
  });

  it("create → 201 + Location; minEntities servers build in Nova (as<8 hex>-name, tagged with the group) and the state converges", async () => {
    const res = await a("POST", "/groups", groupBody({ min: 2 }));
    expect(res.status).toBe(201);
    const { group } = (await res.json()) as any;
    expect(res.headers.get("location")).toBe(group.links[0].href);
    expect(group).toMatchObject({ groupConfiguration: { name: "testscalinggroup", minEntities: 2 }, launchConfiguration: { type: "launch_server" }, scalingPolicies: [], state: { desiredCapacity: 2, activeCapacity: 0, pendingCapacity: 2, paused: false } });
    const servers = (await json(send(nova, "GET", "/servers/detail"))).servers.filter((x: any) => x.metadata["rax:auto_scaling_group_id"] === group.id);
    expect(servers).toHaveLength(2);
    expect(servers[0].name).toMatch(/^as[0-9a-f]{8}-testgroup$/);
    expect(servers[0]).toMatchObject({ status: "BUILD", metadata: { role: "web" } });
    advance(build() + 1);
    const st = await state(group.id);
    expect(st).toMatchObject({ activeCapacity: 2, desiredCapacity: 2, pendingCapacity: 0 });
    expect(st.active.map((x: any) => x.id).sort()).toEqual(servers.map((x: any) => x.id).sort());
    // Replaced when Nova loses one.
    await send(nova, "DELETE", `/servers/${servers[0].id}`);
    expect(await state(group.id)).toMatchObject({ activeCapacity: 1, pendingCapacity: 1, desiredCapacity: 2 });
    await a("PUT", `/groups/${group.id}/config`, { name: "testscalinggroup", cooldown: 0, minEntities: 0, maxEntities: 0, metadata: {} });
    expect(await state(group.id)).toMatchObject({ desiredCapacity: 0, activeCapacity: 0, active: [] });
  });

  it("refuses bad bodies with Otter's error shape: min > max, an unknown image, a policy with no change", async () => {
    const r1 = await a("POST", "/groups", groupBody({ min: 5, max: 2 }));
    expect(r1.status).toBe(400);
    expect(await r1.json()).toEqual({ error: { type: "ValidationError", code: 400, message: expect.stringContaining("minEntities"), details: "" } });
    const bad = groupBody();
    bad.launchConfiguration.args.server.imageRef = "00000000-0000-4000-8000-000000000000";
    expect(await json(a("POST", "/groups", bad))).toMatchObject({ error: { type: "InvalidLaunchConfiguration", code: 400 } });
    expect((await a("POST", "/groups", groupBody({ policies: [{ name: "p", type: "webhook", cooldown: 0 }] }))).status).toBe(400);
    expect(await json(a("GET", "/groups/nope"))).toMatchObject({ error: { type: "NoSuchScalingGroupError", code: 404 } });
  });

  it("a Cloud Load Balancer needs ServiceNet among the listed networks (Otter's validate_launch_config_servicenet); RackConnect v3 does not", async () => {
    const noSnet = groupBody();
    noSnet.launchConfiguration.args.server.networks = [{ uuid: "00000000-0000-0000-0000-000000000000" }];
    expect(await json(a("POST", "/groups", noSnet))).toEqual({ error: { type: "ValidationError", code: 400, message: "ServiceNet network must be present if one or more Cloud Load Balancers are configured.", details: "" } });
    const rc = groupBody();
    rc.launchConfiguration.args.server.networks = [{ uuid: "00000000-0000-0000-0000-000000000000" }];
    (rc.launchConfiguration.args as { loadBalancers: unknown[] }).loadBalancers = [{ loadBalancerId: "pool-1", type: "RackConnectV3" }];
    expect((await a("POST", "/groups", rc)).status).toBe(201);
  });

  it("policies: create takes an array (201); execute changes the desired capacity; cooldowns and pause give 403s", async () => {
    const g = await createGroup({ cooldown: 60 });
    const created = await a("POST", `/groups/${g.id}/policies`, [
      { name: "up", type: "webhook", cooldown: 300, change: 2 },
      { name: "pct", type: "webhook", cooldown: 0, changePercent: -50 },
      { name: "five", type: "webhook", cooldown: 0, desiredCapacity: 5 },
    ]);
    expect(created.status).toBe(201);
    const [up, pct, five] = ((await created.json()) as any).policies;
    expect(up).toMatchObject({ name: "up", type: "webhook", cooldown: 300, change: 2, links: [{ rel: "self" }] });
    expect((await a("POST", `/groups/${g.id}/policies/${up.id}/execute`)).status).toBe(202);
    expect(await state(g.id)).toMatchObject({ desiredCapacity: 2, pendingCapacity: 2 });
    // Group cooldown (60 s), then the policy's own (300 s).
    expect(await json(a("POST", `/groups/${g.id}/policies/${five.id}/execute`))).toMatchObject({ error: { type: "CannotExecutePolicyError", code: 403, message: expect.stringContaining("group cooldown") } });
    advance(61_000);
    expect(await json(a("POST", `/groups/${g.id}/policies/${up.id}/execute`))).toMatchObject({ error: { type: "CannotExecutePolicyError", message: expect.stringContaining("policy cooldown") } });
    expect((await a("POST", `/groups/${g.id}/policies/${five.id}/execute`)).status).toBe(202);
    advance(61_000);
    // -50% of 5 rounds away from zero: 5 → 2.
    expect((await a("POST", `/groups/${g.id}/policies/${pct.id}/execute`)).status).toBe(202);
    expect((await state(g.id)).desiredCapacity).toBe(2);
    expect((await a("POST", `/groups/${g.id}/pause`)).status).toBe(204);
    advance(61_000);
    expect(await json(a("POST", `/groups/${g.id}/policies/${five.id}/execute`))).toMatchObject({ error: { type: "GroupPausedError", code: 403 } });
    expect((await state(g.id)).paused).toBe(true);
    await a("POST", `/groups/${g.id}/resume`);
    expect((await a("POST", `/groups/${g.id}/policies/${five.id}/execute`)).status).toBe(202);
    advance(61_000);
    // Already at 5: no change → 403.
    expect(await json(a("POST", `/groups/${g.id}/policies/${five.id}/execute`))).toMatchObject({ error: { type: "CannotExecutePolicyError", message: expect.stringContaining("no change") } });
    // PUT replaces the whole policy.
    expect((await a("PUT", `/groups/${g.id}/policies/${five.id}`, { name: "three", type: "webhook", cooldown: 0, change: -2 })).status).toBe(204);
    expect((await json(a("GET", `/groups/${g.id}/policies/${five.id}`))).policy).toEqual(expect.objectContaining({ name: "three", change: -2 }));
    expect((await json(a("GET", `/groups/${g.id}/policies/${five.id}`))).policy).not.toHaveProperty("desiredCapacity");
  });

  it("scale-down removes the oldest server", async () => {
    const g = await createGroup({ min: 1 });
    advance(build() + 1);
    const [up, down] = (await json(a("POST", `/groups/${g.id}/policies`, [{ name: "up", type: "webhook", cooldown: 0, change: 1 }, { name: "down", type: "webhook", cooldown: 0, change: -1 }]))).policies;
    expect((await a("POST", `/groups/${g.id}/policies/${up.id}/execute`)).status).toBe(202);
    advance(build() + 1);
    const both = (await state(g.id)).active.map((x: any) => x.id);
    expect(both).toHaveLength(2);
    // Built a build-time apart: Nova's `created` orders them.
    const first = (await Promise.all(both.map(novaServer))).sort((x: any, y: any) => (x.created < y.created ? -1 : 1))[0].id;
    await a("PUT", `/groups/${g.id}/config`, { name: "testscalinggroup", cooldown: 0, minEntities: 0, maxEntities: 10, metadata: {} });
    expect((await a("POST", `/groups/${g.id}/policies/${down.id}/execute`)).status).toBe(202);
    const left = (await state(g.id)).active.map((x: any) => x.id);
    expect(left).toEqual(both.filter((id: string) => id !== first));
    expect((await novaServer(first)).status).not.toBe("BUILD");
  });

  it("webhooks: 201 with a capability link; POSTing it with no token runs the policy (202 always)", async () => {
    const g = await createGroup();
    const p = (await json(a("POST", `/groups/${g.id}/policies`, [{ name: "up", type: "webhook", cooldown: 0, change: 1 }]))).policies[0];
    const res = await a("POST", `/groups/${g.id}/policies/${p.id}/webhooks`, [{ name: "PagerDuty", metadata: { notes: "x" } }]);
    expect(res.status).toBe(201);
    const w = ((await res.json()) as any).webhooks[0];
    const capability = w.links.find((l: any) => l.rel === "capability").href as string;
    expect(capability).toMatch(/\/v1\.0\/execute\/1\/[0-9a-f]{64}\/$/);
    expect((await fetch(capability, { method: "POST" })).status).toBe(202);
    expect((await state(g.id)).desiredCapacity).toBe(1);
    expect((await fetch(capability.replace(/[0-9a-f]{64}/, "0".repeat(64)), { method: "POST" })).status).toBe(202);
    expect((await state(g.id)).desiredCapacity).toBe(1);
    // PUT replaces name and metadata.
    expect((await a("PUT", `/groups/${g.id}/policies/${p.id}/webhooks/${w.id}`, { name: "renamed", metadata: { owner: "webteam" } })).status).toBe(204);
    expect((await json(a("GET", `/groups/${g.id}/policies/${p.id}/webhooks/${w.id}`))).webhook).toMatchObject({ name: "renamed", metadata: { owner: "webteam" } });
    expect((await a("DELETE", `/groups/${g.id}/policies/${p.id}/webhooks/${w.id}`)).status).toBe(204);
    await fetch(capability, { method: "POST" });
    expect((await state(g.id)).desiredCapacity).toBe(1);
    expect(await json(a("GET", `/groups/${g.id}/policies/${p.id}/webhooks/${w.id}`))).toMatchObject({ error: { type: "NoSuchWebhookError" } });
  });

  it("a schedule `at` policy runs once the emulator's clock passes it", async () => {
    const at = new Date(s.emu.state.clock.now() + 3_600_000).toISOString().replace(/\.\d+Z$/, "Z");
    const g = await createGroup({ policies: [{ name: "later", type: "schedule", cooldown: 0, desiredCapacity: 2, args: { at } }] });
    expect((await state(g.id)).desiredCapacity).toBe(0);
    advance(3_600_000 + 1000);
    expect((await state(g.id)).desiredCapacity).toBe(2);
  });

  it("a schedule cron policy runs at each matching minute the clock passes; a bad cron is 400", async () => {
    const g = await createGroup({ max: 100, policies: [{ name: "hourly", type: "schedule", cooldown: 0, change: 1, args: { cron: "23 * * * *" } }] });
    expect((await state(g.id)).desiredCapacity).toBe(0);
    advance(3 * 3_600_000);
    // Three hours pass: minute 23 comes three times.
    expect((await state(g.id)).desiredCapacity).toBe(3);
    await a("POST", `/groups/${g.id}/pause`);
    advance(3_600_000);
    expect((await state(g.id)).desiredCapacity).toBe(3);
    expect(await json(a("POST", `/groups/${g.id}/policies`, [{ name: "bad", type: "schedule", cooldown: 0, change: 1, args: { cron: "61 * * * *" } }]))).toMatchObject({ error: { type: "ValidationError", code: 400 } });
    expect((await a("DELETE", `/groups/${g.id}?force=true`)).status).toBe(204);
  });

  it("delete one server: replaced by default; replace=false lowers desired, not below min (403); an unknown one is 404; converge → 204", async () => {
    const g = await createGroup({ min: 1, max: 5 });
    await a("PUT", `/groups/${g.id}/config`, { name: "testscalinggroup", cooldown: 0, minEntities: 1, maxEntities: 5, metadata: {} });
    const up = (await json(a("POST", `/groups/${g.id}/policies`, [{ name: "to2", type: "webhook", cooldown: 0, desiredCapacity: 2 }]))).policies[0];
    await a("POST", `/groups/${g.id}/policies/${up.id}/execute`);
    advance(build() + 1);
    const [first, second] = (await state(g.id)).active.map((x: any) => x.id);
    expect((await a("DELETE", `/groups/${g.id}/servers/${first}`)).status).toBe(202);
    const st = await state(g.id);
    expect(st).toMatchObject({ desiredCapacity: 2, activeCapacity: 1, pendingCapacity: 1 });
    expect((await a("DELETE", `/groups/${g.id}/servers/${second}?replace=false`)).status).toBe(202);
    expect(await state(g.id)).toMatchObject({ desiredCapacity: 1 });
    advance(build() + 1);
    const [last] = (await state(g.id)).active.map((x: any) => x.id);
    expect(await json(a("DELETE", `/groups/${g.id}/servers/${last}?replace=false`))).toMatchObject({ error: { type: "CannotDeleteServerBelowMinError", code: 403 } });
    expect(await json(a("DELETE", `/groups/${g.id}/servers/${first}`))).toMatchObject({ error: { type: "ServerNotFoundError", code: 404 } });
    expect((await a("POST", `/groups/${g.id}/converge`)).status).toBe(204);
    await a("DELETE", `/groups/${g.id}?force=true`);
  });

  it("limits: 25 webhooks per policy, 100 policies per group (422, inferred code)", async () => {
    const g = await createGroup();
    const p = (await json(a("POST", `/groups/${g.id}/policies`, [{ name: "up", type: "webhook", cooldown: 0, change: 1 }]))).policies[0];
    expect((await a("POST", `/groups/${g.id}/policies/${p.id}/webhooks`, Array.from({ length: 25 }, (_, i) => ({ name: `w${i}` })))).status).toBe(201);
    expect(await json(a("POST", `/groups/${g.id}/policies/${p.id}/webhooks`, [{ name: "one too many" }]))).toMatchObject({ error: { type: "WebhooksOverLimitError", code: 422 } });
    expect((await a("POST", `/groups/${g.id}/policies`, Array.from({ length: 99 }, (_, i) => ({ name: `p${i}`, type: "webhook", cooldown: 0, change: 1 })))).status).toBe(201);
    expect(await json(a("POST", `/groups/${g.id}/policies`, [{ name: "x", type: "webhook", cooldown: 0, change: 1 }]))).toMatchObject({ error: { type: "PoliciesOverLimitError", code: 422 } });
    expect((await json(a("GET", `/groups/${g.id}/policies`))).policies).toHaveLength(100);
    // A batch past the limit adds none of its rows.
    const q = (await json(a("GET", `/groups/${g.id}/policies?limit=1`))).policies[0];
    await a("DELETE", `/groups/${g.id}/policies/${q.id}`);
    expect((await a("POST", `/groups/${g.id}/policies`, [{ name: "a", type: "webhook", cooldown: 0, change: 1 }, { name: "b", type: "webhook", cooldown: 0, change: 1 }])).status).toBe(422);
    expect((await json(a("GET", `/groups/${g.id}/policies`))).policies).toHaveLength(99);
  });

  it("active servers join the launch configuration's load balancers (ServiceNet address, the configured port) and leave them", async () => {
    const clb = s.catalog.find((c) => c.type === "rax:load-balancer")!.endpoints.find((e) => e.region === "DFW")!.publicURL!;
    const lbCall = async (method: string, path: string, body?: unknown) => json(send(clb, method, path, body));
    const lb = (await lbCall("POST", "/loadbalancers", { loadBalancer: { name: "as-lb", protocol: "HTTP", port: 80, virtualIps: [{ type: "PUBLIC" }] } })).loadBalancer;
    advance(60_000);
    const body = groupBody({ min: 2 });
    body.launchConfiguration.args.server.networks = [{ uuid: "00000000-0000-0000-0000-000000000000" }, { uuid: "11111111-1111-1111-1111-111111111111" }];
    body.launchConfiguration.args.loadBalancers = [{ loadBalancerId: lb.id, port: 8080 }, { loadBalancerId: 999_999, port: 80 }];
    const g = (await json(a("POST", "/groups", body))).group;
    advance(build() + 1);
    await state(g.id);
    // The load balancer is PENDING_UPDATE after each node: the next one joins on a later convergence.
    advance(60_000);
    const active = (await state(g.id)).active.map((x: any) => x.id);
    const privateIps = await Promise.all(active.map(async (id: string) => (await novaServer(id)).addresses.private[0].addr));
    const nodes = (await lbCall("GET", `/loadbalancers/${lb.id}/nodes`)).nodes;
    expect(nodes.map((n: any) => n.address).sort()).toEqual(privateIps.sort());
    expect(nodes.every((n: any) => n.port === 8080 && n.condition === "ENABLED")).toBe(true);
    await a("PUT", `/groups/${g.id}/config`, { name: "testscalinggroup", cooldown: 0, minEntities: 0, maxEntities: 0, metadata: {} });
    expect((await lbCall("GET", `/loadbalancers/${lb.id}/nodes`)).nodes).toEqual([]);
  });

  it("delete: a group with servers → 403 GroupNotEmptyError; ?force=true deletes it and its servers", async () => {
    const g = await createGroup({ min: 1 });
    expect(await json(a("DELETE", `/groups/${g.id}`))).toMatchObject({ error: { type: "GroupNotEmptyError", code: 403 } });
    expect((await a("DELETE", `/groups/${g.id}?force=true`)).status).toBe(204);
    expect((await a("GET", `/groups/${g.id}`)).status).toBe(404);
    const empty = await createGroup();
    expect((await a("DELETE", `/groups/${empty.id}`)).status).toBe(204);
  });

  it("a paused group does not converge: a server deleted in Nova is not replaced, and no delete without force (desired capacity still 1), until resume", async () => {
    const g = await createGroup({ min: 1 });
    advance(build() + 1);
    const [first] = (await state(g.id)).active.map((x: any) => x.id);
    expect((await a("POST", `/groups/${g.id}/pause`)).status).toBe(204);
    expect((await send(nova, "DELETE", `/servers/${first}`)).status).toBe(204);
    advance(60_000);
    const inNova = async () => (await json(send(nova, "GET", "/servers/detail"))).servers.filter((x: any) => x.metadata["rax:auto_scaling_group_id"] === g.id && x.status !== "DELETED");
    // Otter's pause stops the convergence cycle: reading the group replaces nothing (and its state,
    // from Otter's servers cache, still lists the lost server as active).
    expect(await state(g.id)).toMatchObject({ desiredCapacity: 1, activeCapacity: 1, active: [{ id: first }], paused: true });
    expect(await inNova()).toEqual([]);
    // Otter checks the desired capacity, not the servers left, before a delete without force.
    expect(await json(a("DELETE", `/groups/${g.id}`))).toMatchObject({ error: { type: "GroupNotEmptyError", code: 403 } });
    expect((await a("POST", `/groups/${g.id}/resume`)).status).toBe(204);
    const replaced = await inNova();
    expect(replaced).toHaveLength(1);
    expect(replaced[0].id).not.toBe(first);
    expect((await a("DELETE", `/groups/${g.id}?force=true`)).status).toBe(204);
  });

  it("delete without force is refused on the desired capacity: a group in ERROR (its image deleted) with no server built → 403", async () => {
    const glance = s.catalog.find((c) => c.type === "image")!.endpoints.find((e) => e.region === "DFW")!.publicURL!.replace(/\/v2\/?$/, "");
    const img = await json(send(glance, "POST", "/v2/images", { name: "as-own", disk_format: "raw", container_format: "bare" }));
    const up = await fetch(`${glance}/v2/images/${img.id}/file`, { method: "PUT", headers: { "x-auth-token": s.token, "content-type": "application/octet-stream" }, body: new Uint8Array(16) });
    expect(up.status).toBe(204);
    const body = groupBody();
    body.launchConfiguration.args.server.imageRef = img.id;
    const g = (await json(a("POST", "/groups", body))).group;
    expect((await send(glance, "DELETE", `/v2/images/${img.id}`)).status).toBe(204);
    await a("PUT", `/groups/${g.id}/config`, { name: "testscalinggroup", cooldown: 0, minEntities: 1, maxEntities: 5, metadata: {} });
    expect(await state(g.id)).toMatchObject({ status: "ERROR", desiredCapacity: 1, activeCapacity: 0 });
    expect(await json(a("DELETE", `/groups/${g.id}`))).toMatchObject({ error: { type: "GroupNotEmptyError", code: 403 } });
    expect((await a("DELETE", `/groups/${g.id}?force=true`)).status).toBe(204);
  });

  it("a paused group's state is what the last convergence saw: a server finishing its build while paused still reads pending, until resume", async () => {
    const g = await createGroup({ min: 1 });
    await a("POST", `/groups/${g.id}/pause`);
    advance(build() + 1);
    const [id] = (await json(send(nova, "GET", "/servers/detail"))).servers.filter((x: any) => x.metadata["rax:auto_scaling_group_id"] === g.id).map((x: any) => x.id);
    expect((await novaServer(id)).status).toBe("ACTIVE");
    expect(await state(g.id)).toMatchObject({ activeCapacity: 0, pendingCapacity: 1, desiredCapacity: 1, active: [] });
    await a("POST", `/groups/${g.id}/resume`);
    expect(await state(g.id)).toMatchObject({ activeCapacity: 1, pendingCapacity: 0, active: [{ id }] });
    await a("DELETE", `/groups/${g.id}?force=true`);
  });

  it("a config change converges a paused group (Otter triggers it), while a policy execution is refused", async () => {
    const g = await createGroup({ min: 0 });
    const up = (await json(a("POST", `/groups/${g.id}/policies`, [{ name: "up", type: "webhook", cooldown: 0, change: 1 }]))).policies[0];
    await a("POST", `/groups/${g.id}/pause`);
    expect(await json(a("POST", `/groups/${g.id}/policies/${up.id}/execute`))).toMatchObject({ error: { type: "GroupPausedError", code: 403 } });
    expect((await a("PUT", `/groups/${g.id}/config`, { name: "testscalinggroup", cooldown: 0, minEntities: 2, maxEntities: 5, metadata: {} })).status).toBe(204);
    expect(await state(g.id)).toMatchObject({ desiredCapacity: 2, pendingCapacity: 2, paused: true });
    await a("DELETE", `/groups/${g.id}?force=true`);
  });

  it("lists page by limit + marker (ids ascending), with a next link on a full page; limit above 100 is held to 100", async () => {
    const ids = (await json(a("GET", "/groups"))).groups.map((g: any) => g.id);
    expect(ids.length).toBeGreaterThan(2);
    expect(ids).toEqual([...ids].sort());
    const first = await json(a("GET", "/groups?limit=2"));
    expect(first.groups.map((g: any) => g.id)).toEqual(ids.slice(0, 2));
    expect(first.groups_links[0]).toMatchObject({ rel: "next", href: expect.stringContaining(`marker=${ids[1]}`) });
    expect((await json(a("GET", `/groups?limit=2&marker=${ids[1]}`))).groups.map((g: any) => g.id)).toEqual(ids.slice(2, 4));
    expect((await json(a("GET", "/groups?limit=500"))).groups).toHaveLength(ids.length);
    expect(await json(a("GET", "/groups?limit=0"))).toMatchObject({ error: { type: "InvalidQueryArgument", code: 400 } });
    expect(first.groups[0]).toEqual({ id: ids[0], links: [expect.objectContaining({ rel: "self" })], state: expect.objectContaining({ name: expect.any(String) }) });
  });
});

describe("the emulator's cron", () => {
  const at = (iso: string) => Date.parse(iso);
  it("matches steps, ranges, names and cron's day-of-month OR day-of-week", () => {
    const weekdays = parseCron("*/15 9-17 * * MON-FRI")!;
    expect(cronMatches(weekdays, at("2026-12-01T09:30:00Z"))).toBe(true); // a Tuesday
    expect(cronMatches(weekdays, at("2026-12-01T09:31:00Z"))).toBe(false);
    expect(cronMatches(weekdays, at("2026-12-06T09:30:00Z"))).toBe(false); // a Sunday
    const either = parseCron("0 0 1 * 0")!;
    expect(cronMatches(either, at("2026-12-06T00:00:00Z"))).toBe(true); // Sunday, not the 1st
    expect(cronMatches(either, at("2026-12-01T00:00:00Z"))).toBe(true); // the 1st, not Sunday
    expect(cronMatches(parseCron("0 12 * JAN,DEC 7")!, at("2026-12-06T12:00:00Z"))).toBe(true);
    for (const bad of ["* * * *", "60 * * * *", "* 24 * * *", "5-1 * * * *", "*/0 * * * *", "every hour"]) expect(parseCron(bad), bad).toBeUndefined();
  });
});

describe('Auto Scale under layout: "paths"', () => {
  it("hands out capability URLs under /autoscale/<REGION>, and they run the policy", async () => {
    const emu = await startEmulator({ layout: "paths", regions: ["DFW"] });
    try {
      const body = await authV2(emu);
      const token = body.access.token.id;
      const base = body.access.serviceCatalog.find((c) => c.type === "rax:autoscale")!.endpoints[0]!.publicURL!;
      expect(base).toBe(`${emu.url}/autoscale/DFW/v1.0/${body.access.serviceCatalog.find((c) => c.type === "rax:autoscale")!.endpoints[0]!.tenantId}`);
      const call = async (method: string, path: string, json?: unknown) =>
        (await (await fetch(`${base}${path}`, { method, headers: { "x-auth-token": token, "content-type": "application/json" }, ...(json === undefined ? {} : { body: JSON.stringify(json) }) })).json()) as any;
      const g = (await call("POST", "/groups", groupBody())).group;
      const p = (await call("POST", `/groups/${g.id}/policies`, [{ name: "up", type: "webhook", cooldown: 0, change: 1 }])).policies[0];
      const w = (await call("POST", `/groups/${g.id}/policies/${p.id}/webhooks`, [{ name: "w" }])).webhooks[0];
      const capability = w.links.find((l: any) => l.rel === "capability").href as string;
      expect(capability.startsWith(`${emu.url}/autoscale/DFW/v1.0/execute/1/`)).toBe(true);
      expect((await fetch(capability, { method: "POST" })).status).toBe(202);
      expect((await call("GET", `/groups/${g.id}/state`)).group.desiredCapacity).toBe(1);
    } finally {
      await emu.stop();
    }
  });
});
