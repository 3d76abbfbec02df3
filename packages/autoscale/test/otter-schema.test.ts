import { describe, expect, it } from "vitest";
import { CannotDeleteServerBelowMin } from "../src/index";
import { config, GROUP_ID, launch, policy, POLICY_ID, serve, state } from "./fixture";

// Rules from Otter's own request schema (rackerlabs/otter otter/json_schema/group_schemas.py) and its
// store (otter/models/cass.py), which the reference (autoscale.md) did not carry: each is refused here
// before the request that Otter would answer with a 400.

const bad = (p: Promise<unknown>) => p.then(() => "sent", (e: unknown) => e);

describe("Otter's schema, checked before any request", () => {
  it("a policy that changes by 0 (change or changePercent) is refused: Otter's schema disallows zero", async () => {
    const { au, seen } = await serve();
    expect(await bad(au.policies.create(GROUP_ID, { name: "p", cooldown: 0, change: 0 }))).toMatchObject({ name: "ValidationError", field: "policy.change" });
    expect(await bad(au.policies.create(GROUP_ID, { name: "p", cooldown: 0, changePercent: 0 }))).toMatchObject({ field: "policy.changePercent" });
    expect(await bad(au.policies.create(GROUP_ID, { name: "p", cooldown: 0, change: 0, isPercent: true }))).toMatchObject({ field: "policy.change" });
    expect(seen).toEqual([]);
  });

  it("names of only whitespace are refused (Otter's pattern \\S+) for groups, policies and webhooks", async () => {
    const { au, seen } = await serve();
    const base = { name: "   ", cooldown: 0, minEntities: 0, maxEntities: 1, serverName: "x", flavor: "general1-1", image: "img" };
    expect(await bad(au.groups.create(base))).toMatchObject({ field: "group.name" });
    expect(await bad(au.policies.create(GROUP_ID, { name: " \t", cooldown: 0, change: 1 }))).toMatchObject({ field: "policy.name" });
    expect(await bad(au.webhooks.create(GROUP_ID, POLICY_ID, { name: "  " }))).toMatchObject({ field: "webhook.name" });
    expect(seen).toEqual([]);
  });

  it("a schedule policy's `at` must be in the future (Otter's validate_datetime)", async () => {
    const { au, seen } = await serve();
    const e = await bad(au.policies.create(GROUP_ID, { name: "p", type: "schedule", cooldown: 0, change: 1, args: { at: "2013-12-05T03:12:00Z" } }));
    expect(e).toMatchObject({ field: "policy.args.at" });
    expect(String((e as Error).message)).toContain("future");
    expect(seen).toEqual([]);
  });

  it("update refuses a new policy type after reading the current one, with no PUT (Otter: 'Cannot change type of a scaling policy')", async () => {
    const { au, seen } = await serve({ method: "GET", path: `/groups/${GROUP_ID}/policies/${POLICY_ID}`, status: 200, body: { policy: policy() } });
    const e = await bad(au.policies.update(GROUP_ID, POLICY_ID, { type: "schedule", args: { cron: "0 * * * *" } }));
    expect(e).toMatchObject({ name: "ValidationError", field: "changes.type" });
    expect(seen.map((s) => s.method)).toEqual(["GET"]);
  });

  it("load balancers: a RackConnect v3 pool is sent as Otter takes it; more than 5 or a repeat is refused", async () => {
    const { au, seen } = await serve();
    const base = { name: "g", cooldown: 0, minEntities: 0, maxEntities: 1, serverName: "x", flavor: "general1-1", image: "img" };
    // No answer is left on the loopback server (599): what matters is the body sent.
    await bad(au.groups.create({ ...base, loadBalancers: [{ loadBalancerId: "d95ae0c4-6ab8-4873-b82f-f8433840cff2", type: "RackConnectV3" }, [1234, 80]] }));
    expect((seen[0]!.body as { launchConfiguration: { args: { loadBalancers: unknown } } }).launchConfiguration.args.loadBalancers).toEqual([
      { loadBalancerId: "d95ae0c4-6ab8-4873-b82f-f8433840cff2", type: "RackConnectV3" },
      { loadBalancerId: 1234, port: 80 },
    ]);
    const six = [1, 2, 3, 4, 5, 6].map((id) => [id, 80] as [number, number]);
    expect(await bad(au.groups.create({ ...base, loadBalancers: six }))).toMatchObject({ field: "group.loadBalancers" });
    expect(await bad(au.groups.create({ ...base, loadBalancers: [[1, 80], { loadBalancerId: 1, port: 80 }] }))).toMatchObject({ field: "group.loadBalancers.1" });
    expect(seen).toHaveLength(1);
  });

  it("servers joining a Cloud Load Balancer need ServiceNet when networks are listed (Otter's validate_launch_config_servicenet)", async () => {
    const path = `/groups/${GROUP_ID}/launch`;
    const { au, seen } = await serve({ method: "GET", path, status: 200, body: { launchConfiguration: launch() } });
    const base = { name: "g", cooldown: 0, minEntities: 0, maxEntities: 1, serverName: "x", flavor: "general1-1", image: "img" };
    expect(await bad(au.groups.create({ ...base, loadBalancers: [1234, 80], networks: ["00000000-0000-0000-0000-000000000000"] }))).toMatchObject({ field: "group.networks" });
    // The fixture's launch config has a CLB and ServiceNet; dropping ServiceNet is refused after the GET, with no PUT.
    expect(await bad(au.groups.updateLaunchConfig(GROUP_ID, { networks: ["00000000-0000-0000-0000-000000000000"] }))).toMatchObject({ field: "changes.networks" });
    expect(seen.map((s) => s.method)).toEqual(["GET"]);
  });

  it("server metadata follows Nova's key rule (letters, digits, space, -_:.) and 255-character values", async () => {
    const { au, seen } = await serve();
    const base = { name: "g", cooldown: 0, minEntities: 0, maxEntities: 1, serverName: "x", flavor: "general1-1", image: "img" };
    expect(await bad(au.groups.create({ ...base, metadata: { "a/b": "x" } }))).toMatchObject({ field: "group.metadata.a/b" });
    expect(await bad(au.groups.create({ ...base, metadata: { k: "v".repeat(256) } }))).toMatchObject({ field: "group.metadata.k" });
    // Group metadata keeps Otter's looser rule (any key up to 256, values up to 256).
    await bad(au.groups.create({ ...base, groupMetadata: { "a/b": "v".repeat(256) } }));
    expect(seen).toHaveLength(1);
  });

  it("a group in ERROR says why: Otter's state `errors` come back as messages", async () => {
    const { au } = await serve({ method: "GET", path: `/groups/${GROUP_ID}/state`, status: 200, body: { group: state({ status: "ERROR", errors: [{ message: "Invalid image" }] }) } });
    expect(await au.groups.getState(GROUP_ID)).toMatchObject({ status: "ERROR", errors: ["Invalid image"] });
  });

  it("reads insist on Otter's 200: another 2xx is not success", async () => {
    const { au } = await serve({ method: "GET", path: `/groups/${GROUP_ID}/config`, status: 203, body: { groupConfiguration: config() } });
    await expect(au.groups.getConfig(GROUP_ID)).rejects.toMatchObject({ name: "InvalidResponse" });
  });

  it("a server that cannot leave without going below minEntities is CannotDeleteServerBelowMin (Otter's 403 type)", async () => {
    const body = { error: { type: "CannotDeleteServerBelowMinError", code: 403, message: "Cannot remove server s1 from tenant 123456's group g. It will reduce number of servers below required minimum 1.", details: "" } };
    const { au } = await serve({ method: "DELETE", path: `/groups/${GROUP_ID}/servers/s1`, status: 403, body });
    const e = await bad(au.groups.deleteServer(GROUP_ID, "s1", { replace: false }));
    expect(e).toBeInstanceOf(CannotDeleteServerBelowMin);
    expect(e).toMatchObject({ status: 403, group: GROUP_ID, server: "s1" });
  });
});
