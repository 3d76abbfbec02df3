import { InvalidResponse, ResourceFailed, ValidationError } from "@rax/core";
import { describe, expect, it } from "vitest";
import { GroupNotEmpty, GroupPaused, NoSuchScalingGroup } from "../src/index";
import { config, GROUP_ID, group, launch, otterError, POLICY_ID, serve, state } from "./fixture";

describe("scaling groups", () => {
  it("list pages with limit + marker while groups_links offers a next page", async () => {
    const row = (id: string, name: string) => ({ id, links: [], state: state({ name, active: [], activeCapacity: 0, desiredCapacity: 0 }) });
    const { au, seen } = await serve(
      { method: "GET", path: "/groups", status: 200, body: { groups: [row("g1", "one"), row("g2", "two")], groups_links: [{ rel: "next", href: "…?marker=g2" }] } },
      { method: "GET", path: "/groups", status: 200, body: { groups: [row("g3", "three")], groups_links: [] } },
    );
    const all = await au.groups.list({ pageSize: 2 }).toArray();
    expect(all.map((g) => [g.id, g.name])).toEqual([["g1", "one"], ["g2", "two"], ["g3", "three"]]);
    expect(seen.map((s) => [s.query.get("limit"), s.query.get("marker")])).toEqual([["2", null], ["2", "g2"]]);
    expect(() => au.groups.list({ pageSize: 101 })).toThrow(ValidationError);
  });

  it("list({ detailed: true }) GETs each listed group for its configuration (pyrax's lazy rows); au.list() does so", async () => {
    const row = { id: GROUP_ID, links: [], state: state() };
    const { au, seen } = await serve(
      { method: "GET", path: "/groups", status: 200, body: { groups: [row], groups_links: [] } },
      { method: "GET", path: `/groups/${GROUP_ID}`, status: 200, body: { group: group() } },
      { method: "GET", path: "/groups", status: 200, body: { groups: [row], groups_links: [] } },
    );
    const [sg] = await au.list().toArray();
    expect(sg).toMatchObject({ id: GROUP_ID, cooldown: 120, minEntities: 1, maxEntities: 4, activeCapacity: 1 });
    const [plain] = await au.groups.list().toArray();
    expect(plain!.minEntities).toBeUndefined();
    expect(seen.map((x) => x.path)).toEqual(["/groups", `/groups/${GROUP_ID}`, "/groups"]);
  });

  it("get flattens configuration and state as pyrax prints a ScalingGroup; a 404 is NoSuchScalingGroup", async () => {
    const { au } = await serve(
      { method: "GET", path: `/groups/${GROUP_ID}`, status: 200, body: { group: group() } },
      { method: "GET", path: "/groups/nope", status: 404, body: otterError("NoSuchScalingGroupError", 404, "No such scaling group nope") },
    );
    const sg = await au.groups.get(GROUP_ID);
    expect(sg).toMatchObject({ id: GROUP_ID, name: "FirstTest", cooldown: 120, minEntities: 1, maxEntities: 4, metadata: { a: "1" }, activeCapacity: 1, desiredCapacity: 1, pendingCapacity: 0, paused: false });
    expect(sg.launchConfig).toMatchObject({ type: "launch_server", serverName: "rrr", flavor: "performance1-2", image: "7789e8ca-b9df-495f-b47d-736a5f7b885a", loadBalancers: [{ loadBalancerId: 175295, port: 80 }] });
    expect(sg.policies?.[0]).toMatchObject({ id: POLICY_ID, groupId: GROUP_ID, change: 1 });
    const e = await au.groups.get("nope").catch((x: unknown) => x);
    expect(e).toBeInstanceOf(NoSuchScalingGroup);
    expect(e).toMatchObject({ status: 404, group: "nope", code: "NoSuchScalingGroupError" });
  });

  it("create sends pyrax's body: group config, launch config (base64 files, LB tuple, networks) and policies; expects 201", async () => {
    const { au, seen } = await serve({ method: "POST", path: "/groups", status: 201, body: { group: group() } }, { method: "POST", path: "/groups", status: 200, body: { group: group() } });
    const input = {
      name: "MyScalingGroup",
      cooldown: 120,
      minEntities: 2,
      maxEntities: 16,
      launchConfigType: "launch_server" as const,
      serverName: "sg_test",
      flavor: "performance1-2",
      image: { id: "7cf5ffc3-0000-4000-8000-000000000000" },
      diskConfig: "AUTO" as const,
      metadata: { mykey: "myvalue" },
      personality: [{ path: "/etc/x", contents: "hello" }],
      networks: ["11111111-1111-1111-1111-111111111111", { "net-id": "00000000-0000-0000-0000-000000000000" }],
      loadBalancers: [1234, 80] as [number, number],
      keyName: "mykey",
      userData: "#!/bin/sh",
      scalingPolicies: [{ name: "scale up by 1", change: 1, cooldown: 0, type: "schedule" as const, args: { cron: "23 * * * *" } }],
    };
    const sg = await au.groups.create(input);
    expect(sg.id).toBe(GROUP_ID);
    expect(seen[0]!.body).toEqual({
      groupConfiguration: { name: "MyScalingGroup", cooldown: 120, minEntities: 2, maxEntities: 16, metadata: {} },
      launchConfiguration: {
        type: "launch_server",
        args: {
          server: {
            name: "sg_test",
            flavorRef: "performance1-2",
            imageRef: "7cf5ffc3-0000-4000-8000-000000000000",
            "OS-DCF:diskConfig": "AUTO",
            metadata: { mykey: "myvalue" },
            personality: [{ path: "/etc/x", contents: Buffer.from("hello").toString("base64") }],
            networks: [{ uuid: "11111111-1111-1111-1111-111111111111" }, { uuid: "00000000-0000-0000-0000-000000000000" }],
            key_name: "mykey",
            user_data: Buffer.from("#!/bin/sh").toString("base64"),
          },
          loadBalancers: [{ loadBalancerId: 1234, port: 80 }],
        },
      },
      scalingPolicies: [{ name: "scale up by 1", type: "schedule", cooldown: 0, change: 1, args: { cron: "23 * * * *" } }],
    });
    // Otter's create answers 201; a 200 is not what the API defines.
    await expect(au.groups.create(input)).rejects.toBeInstanceOf(InvalidResponse);
  });

  it("create refuses bad input before any request: min > max, cooldown < 0, a policy with no change", async () => {
    const { au, seen } = await serve();
    const base = { name: "g", cooldown: 60, minEntities: 0, maxEntities: 2, serverName: "s", flavor: "general1-1", image: "img" };
    await expect(au.groups.create({ ...base, minEntities: 3 })).rejects.toMatchObject({ name: "ValidationError", field: "group.minEntities" });
    await expect(au.groups.create({ ...base, cooldown: -1 })).rejects.toMatchObject({ field: "group.cooldown" });
    await expect(au.groups.create({ ...base, scalingPolicies: [{ name: "p", cooldown: 0 }] })).rejects.toMatchObject({ field: "group.scalingPolicies.0.change" });
    await expect(au.groups.create({ ...base, loadBalancers: [[1234]] as never })).rejects.toMatchObject({ field: "group.loadBalancers" });
    await expect(au.groups.create({ ...base, colour: "red" } as never)).rejects.toBeInstanceOf(ValidationError);
    expect(seen).toEqual([]);
  });

  it("update fills what is not given from the current configuration; metadata replaces, updateMetadata merges", async () => {
    const { au, seen } = await serve(
      { method: "GET", path: `/groups/${GROUP_ID}/config`, status: 200, body: { groupConfiguration: config() } },
      { method: "PUT", path: `/groups/${GROUP_ID}/config`, status: 204 },
      { method: "GET", path: `/groups/${GROUP_ID}/config`, status: 200, body: { groupConfiguration: config({ metadata: { a: "1", b: "2" } }) } },
      { method: "PUT", path: `/groups/${GROUP_ID}/config`, status: 204 },
      { method: "GET", path: `/groups/${GROUP_ID}/config`, status: 200, body: { groupConfiguration: config() } },
      { method: "PUT", path: `/groups/${GROUP_ID}/config`, status: 204 },
    );
    expect(await au.groups.update(GROUP_ID, { cooldown: 60, maxEntities: 16 })).toEqual({ name: "FirstTest", cooldown: 60, minEntities: 1, maxEntities: 16, metadata: { a: "1" } });
    expect(seen[1]!.body).toEqual({ name: "FirstTest", cooldown: 60, minEntities: 1, maxEntities: 16, metadata: { a: "1" } });
    await au.groups.updateMetadata(GROUP_ID, { b: "3", c: "4" });
    expect(seen[3]!.body.metadata).toEqual({ a: "1", b: "3", c: "4" });
    await au.groups.update(GROUP_ID, { metadata: { z: "9" } });
    expect(seen[5]!.body.metadata).toEqual({ z: "9" });
  });

  it("update refuses min > max against the current values before the PUT", async () => {
    const { au, seen } = await serve({ method: "GET", path: `/groups/${GROUP_ID}/config`, status: 200, body: { groupConfiguration: config() } });
    await expect(au.groups.update(GROUP_ID, { maxEntities: 0 })).rejects.toMatchObject({ field: "changes.minEntities" });
    await expect(au.groups.update(GROUP_ID, { minEntities: 5, maxEntities: 2 })).rejects.toBeInstanceOf(ValidationError);
    expect(seen.map((s) => s.method)).toEqual(["GET"]);
  });

  it("delete: 204; GroupNotEmptyError → GroupNotEmpty; force sends ?force=true", async () => {
    const { au, seen } = await serve(
      { method: "DELETE", path: `/groups/${GROUP_ID}`, status: 403, body: otterError("GroupNotEmptyError", 403, "Group still has servers") },
      { method: "DELETE", path: `/groups/${GROUP_ID}`, status: 204 },
    );
    await expect(au.groups.delete(GROUP_ID)).rejects.toBeInstanceOf(GroupNotEmpty);
    await au.groups.delete(GROUP_ID, { force: true });
    expect(seen.map((s) => s.query.get("force"))).toEqual([null, "true"]);
  });

  it("state, pause and resume", async () => {
    const { au, seen } = await serve(
      { method: "GET", path: `/groups/${GROUP_ID}/state`, status: 200, body: { group: state({ activeCapacity: 2, desiredCapacity: 2, active: [{ id: "a" }, { id: "b" }] }) } },
      { method: "POST", path: `/groups/${GROUP_ID}/pause`, status: 204 },
      { method: "POST", path: `/groups/${GROUP_ID}/resume`, status: 204 },
      { method: "POST", path: `/groups/${GROUP_ID}/pause`, status: 403, body: otterError("GroupPausedError", 403, "Group is already paused") },
    );
    expect(await au.getState(GROUP_ID)).toEqual({ active: ["a", "b"], activeCapacity: 2, desiredCapacity: 2, pendingCapacity: 0, paused: false, name: "FirstTest" });
    await au.pause(GROUP_ID);
    await au.resume({ id: GROUP_ID });
    await expect(au.pause(GROUP_ID)).rejects.toBeInstanceOf(GroupPaused);
    expect(seen.map((s) => `${s.method} ${s.path}`)).toEqual([`GET /groups/${GROUP_ID}/state`, `POST /groups/${GROUP_ID}/pause`, `POST /groups/${GROUP_ID}/resume`, `POST /groups/${GROUP_ID}/pause`]);
  });

  it("waitUntilSettled polls until nothing is pending; a group in ERROR (Otter stopped converging) rejects with its errors", async () => {
    const { au, seen } = await serve(
      { method: "GET", path: `/groups/${GROUP_ID}/state`, status: 200, body: { group: state({ activeCapacity: 0, desiredCapacity: 1, pendingCapacity: 1, active: [], status: "ACTIVE" }) } },
      { method: "GET", path: `/groups/${GROUP_ID}/state`, status: 200, body: { group: state({ status: "ACTIVE" }) } },
      { method: "GET", path: `/groups/${GROUP_ID}/state`, status: 200, body: { group: state({ activeCapacity: 0, desiredCapacity: 1, pendingCapacity: 1, active: [], status: "ERROR", errors: [{ message: "Image 7789e8ca does not exist" }] }) } },
    );
    expect(await au.groups.waitUntilSettled(GROUP_ID, { interval: 1 })).toMatchObject({ activeCapacity: 1, desiredCapacity: 1, pendingCapacity: 0 });
    const e = await au.groups.waitUntilSettled(GROUP_ID, { interval: 1, attempts: 3 }).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(ResourceFailed);
    expect(e).toMatchObject({ value: "ERROR", faultMessage: "Image 7789e8ca does not exist", resource: { status: "ERROR", pendingCapacity: 1 } });
    expect(seen).toHaveLength(3);
  });

  it("launch config: update changes only what is given (metadata replaces); updateLaunchMetadata merges", async () => {
    const { au, seen } = await serve(
      { method: "GET", path: `/groups/${GROUP_ID}/launch`, status: 200, body: { launchConfiguration: launch() } },
      { method: "PUT", path: `/groups/${GROUP_ID}/launch`, status: 204 },
      { method: "GET", path: `/groups/${GROUP_ID}/launch`, status: 200, body: { launchConfiguration: launch() } },
      { method: "PUT", path: `/groups/${GROUP_ID}/launch`, status: 204 },
      { method: "GET", path: `/groups/${GROUP_ID}/launch`, status: 200, body: { launchConfiguration: launch() } },
      { method: "PUT", path: `/groups/${GROUP_ID}/launch`, status: 204 },
    );
    const lc = await au.updateLaunchConfig(GROUP_ID, { image: "new-image", loadBalancers: [{ id: 9, port: 443 }] });
    expect(lc).toMatchObject({ image: "new-image", serverName: "rrr", flavor: "performance1-2", metadata: { somekey: "somevalue" }, loadBalancers: [{ loadBalancerId: 9, port: 443 }] });
    expect(seen[1]!.body.args.server).toEqual({ ...launch().args.server, imageRef: "new-image" });
    await au.updateLaunchConfig(GROUP_ID, { metadata: { only: "this" } });
    expect(seen[3]!.body.args.server.metadata).toEqual({ only: "this" });
    expect(seen[3]!.body.args.loadBalancers).toEqual([{ loadBalancerId: 175295, port: 80 }]);
    await au.updateLaunchMetadata(GROUP_ID, { added: "x" });
    expect(seen[5]!.body.args.server.metadata).toEqual({ somekey: "somevalue", added: "x" });
  });

  it("a ScalingGroup's verbs go to the same calls (sg.pause(), sg.getState(), sg.addPolicy())", async () => {
    const { au, seen } = await serve(
      { method: "GET", path: `/groups/${GROUP_ID}`, status: 200, body: { group: group() } },
      { method: "POST", path: `/groups/${GROUP_ID}/pause`, status: 204 },
      { method: "POST", path: `/groups/${GROUP_ID}/policies`, status: 201, body: { policies: [{ id: "p2", name: "down", type: "webhook", cooldown: 60, change: -1 }] } },
    );
    const sg = await au.get(GROUP_ID);
    await sg.pause();
    const p = await sg.addPolicy({ name: "down", cooldown: 60, change: -1 });
    expect(p).toMatchObject({ id: "p2", groupId: GROUP_ID, change: -1 });
    expect(seen[2]!.body).toEqual([{ name: "down", type: "webhook", cooldown: 60, change: -1 }]);
  });

  it("deleteServer sends replace/purge and expects 202; a ServerNotFoundError stays a plain NotFound; converge expects 204", async () => {
    const { au, seen } = await serve(
      { method: "DELETE", path: `/groups/${GROUP_ID}/servers/s1`, status: 202 },
      { method: "DELETE", path: `/groups/${GROUP_ID}/servers/s2`, status: 202 },
      { method: "DELETE", path: `/groups/${GROUP_ID}/servers/s3`, status: 404, body: otterError("ServerNotFoundError", 404, "Server s3 not found in group") },
      { method: "POST", path: `/groups/${GROUP_ID}/converge`, status: 204 },
    );
    await au.groups.deleteServer(GROUP_ID, "s1");
    await au.groups.deleteServer(GROUP_ID, { id: "s2" }, { replace: false, purge: true });
    const e = await au.groups.deleteServer(GROUP_ID, "s3").catch((x: unknown) => x);
    expect(e).toMatchObject({ name: "NotFound", status: 404, code: "ServerNotFoundError" });
    expect(e).not.toBeInstanceOf(NoSuchScalingGroup);
    await au.groups.converge(GROUP_ID);
    expect(seen.map((x) => [x.query.get("replace"), x.query.get("purge")])).toEqual([[null, null], ["false", "true"], [null, null], [null, null]]);
  });

  it("launch-config changes are checked before any request: files, networks, load balancers, disk config, unknown keys", async () => {
    const { au, seen } = await serve();
    const file = { path: "/etc/f", contents: "x" };
    await expect(au.groups.updateLaunchConfig(GROUP_ID, { personality: Array(6).fill(file) })).rejects.toMatchObject({ field: "changes.personality" });
    await expect(au.groups.updateLaunchConfig(GROUP_ID, { networks: [42 as never] })).rejects.toMatchObject({ field: "changes.networks.0" });
    await expect(au.groups.updateLaunchConfig(GROUP_ID, { loadBalancers: [{ loadBalancerId: 1, port: 70_000 }] })).rejects.toMatchObject({ field: "changes.loadBalancers" });
    await expect(au.groups.updateLaunchConfig(GROUP_ID, { diskConfig: "auto" as never })).rejects.toMatchObject({ field: "changes.diskConfig" });
    await expect(au.groups.updateLaunchConfig(GROUP_ID, { flavour: "x" } as never)).rejects.toMatchObject({ name: "ValidationError" });
    await expect(au.groups.updateLaunchMetadata(GROUP_ID, { n: 1 } as never)).rejects.toMatchObject({ field: "metadata.n" });
    expect(seen).toEqual([]);
  });

  it("a GroupNotEmptyError answered 409 (the reference's prose) stays core's Conflict, code kept", async () => {
    const { au } = await serve({ method: "DELETE", path: `/groups/${GROUP_ID}`, status: 409, body: otterError("GroupNotEmptyError", 409, "Group still has servers") });
    await expect(au.groups.delete(GROUP_ID)).rejects.toMatchObject({ name: "Conflict", status: 409, code: "GroupNotEmptyError" });
  });

  it("sg.policies are Policy objects (pyrax's sg.policies) and printing a group shows the launch configuration once", async () => {
    const { au, seen } = await serve(
      { method: "GET", path: `/groups/${GROUP_ID}`, status: 200, body: { group: group() } },
      { method: "POST", path: `/groups/${GROUP_ID}/policies/${POLICY_ID}/execute`, status: 202 },
    );
    const sg = await au.groups.get(GROUP_ID);
    await sg.policies![0]!.execute();
    expect(seen[1]!.path).toBe(`/groups/${GROUP_ID}/policies/${POLICY_ID}/execute`);
    const printed = JSON.stringify(sg);
    expect(printed.match(/7789e8ca-b9df-495f-b47d-736a5f7b885a/g)).toHaveLength(1);
    expect(sg.launchConfig!.raw).toMatchObject({ type: "launch_server" });
  });

  it("a detailed listing leaves out a group deleted between the listing and its GET", async () => {
    const row = (id: string) => ({ id, links: [], state: state() });
    const { au } = await serve(
      { method: "GET", path: "/groups", status: 200, body: { groups: [row("gone"), row(GROUP_ID)], groups_links: [] } },
      { method: "GET", path: "/groups/gone", status: 404, body: otterError("NoSuchScalingGroupError", 404, "No such group") },
      { method: "GET", path: `/groups/${GROUP_ID}`, status: 200, body: { group: group() } },
    );
    expect((await au.groups.list({ detailed: true }).toArray()).map((g) => g.id)).toEqual([GROUP_ID]);
  });
});
