import { inspect } from "node:util";
import { AutoScale, CannotDeleteServerBelowMin, GroupNotEmpty, GroupPaused, NoSuchPolicy, NoSuchScalingGroup, type ScalingGroup } from "@rax/autoscale";
import { Compute } from "@rax/compute";
import { ResourceFailed, ValidationError } from "@rax/core";
import { Images } from "@rax/images";
import { Monitoring } from "@rax/monitoring";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Target, uniqueName } from "./target";

export interface AutoScaleScenarioOptions {
  /** ms between state polls while a group converges. */
  interval?: number;
  /**
   * Moves the server's clock forward (the emulator's); without it the Monitoring → Auto Scale
   * workflow scenario is skipped (a real account would wait for checks to run).
   */
  advanceClock?: (ms: number) => void;
}

/**
 * Auto Scale behaviour users rely on — the seed's "Auto Scale" — run against the emulator
 * (tests/emulator). No real Otter runs here; the same scenarios would run against Rackspace.
 */
export function autoScaleScenarios(getTarget: () => Target, o: AutoScaleScenarioOptions = {}): void {
  let au: AutoScale;
  let cs: Compute;
  let image: string;
  let flavor: string;
  const groups: ScalingGroup[] = [];
  const settle = { interval: o.interval ?? 250, timeout: 120_000 };

  async function group(label: string, extra: Partial<Parameters<AutoScale["groups"]["create"]>[0]> = {}): Promise<ScalingGroup> {
    const g = await au.groups.create({ name: uniqueName(label), cooldown: 0, minEntities: 0, maxEntities: 4, serverName: label, image, flavor, ...extra });
    groups.push(g);
    return g;
  }

  beforeAll(async () => {
    const target = getTarget();
    au = target.ctx.client(AutoScale, { region: target.region });
    cs = target.ctx.client(Compute, { region: target.region });
    image = (await cs.images.listBase()).find((i) => i.status === "ACTIVE")!.id;
    flavor = (await cs.flavors.list().toArray()).reduce((a, b) => (b.ram < a.ram ? b : a)).id;
  });

  afterAll(async () => {
    for (const g of groups) await au.groups.delete(g, { force: true }).catch((e: unknown) => (e instanceof NoSuchScalingGroup ? undefined : Promise.reject(e)));
  });

  describe("scaling groups", () => {
    it("create builds minEntities servers, named as<8 hex>-<serverName>, and the state settles on them", async () => {
      const g = await group("web", { minEntities: 1, metadata: { role: "web" }, loadBalancers: [1234, 80] });
      expect(g).toMatchObject({ minEntities: 1, maxEntities: 4, cooldown: 0, desiredCapacity: 1 });
      expect(g.launchConfig).toMatchObject({ serverName: "web", image, flavor, metadata: { role: "web" }, loadBalancers: [{ loadBalancerId: 1234, port: 80 }] });
      const state = await g.waitUntilSettled(settle);
      expect(state).toMatchObject({ activeCapacity: 1, desiredCapacity: 1, pendingCapacity: 0, paused: false });
      const server = await cs.servers.get(state.active[0]!);
      expect(server.name).toMatch(/^as[0-9a-f]{8}-web$/);
      expect(server.metadata).toMatchObject({ role: "web" });
    });

    it("list walks every group; get returns the configuration", async () => {
      const g = await group("listed");
      const all = await au.groups.list({ pageSize: 1 }).toArray();
      expect(all.map((x) => x.id)).toContain(g.id);
      expect(all.find((x) => x.id === g.id)?.name).toBe(g.name);
      expect(await au.groups.get(g.id)).toMatchObject({ id: g.id, name: g.name, maxEntities: 4 });
    });

    it("update changes only what is given; metadata replaces, updateMetadata merges", async () => {
      const g = await group("update", { groupMetadata: { a: "1" } });
      expect(await g.update({ cooldown: 120, maxEntities: 16 })).toMatchObject({ cooldown: 120, maxEntities: 16, minEntities: 0, metadata: { a: "1" } });
      expect((await g.updateMetadata({ b: "2" })).metadata).toEqual({ a: "1", b: "2" });
      expect((await g.update({ metadata: { c: "3" } })).metadata).toEqual({ c: "3" });
      expect(await (await g.reload()).getConfig()).toMatchObject({ cooldown: 120, maxEntities: 16, metadata: { c: "3" } });
      await expect(g.update({ minEntities: 20 })).rejects.toMatchObject({ name: "ValidationError", field: "changes.minEntities" });
    });

    it("launch configuration: update replaces metadata, updateLaunchMetadata merges, the rest is kept", async () => {
      const g = await group("launch", { metadata: { somekey: "somevalue" } });
      await g.updateLaunchMetadata({ added: "x" });
      expect((await g.getLaunchConfig()).metadata).toEqual({ somekey: "somevalue", added: "x" });
      const lc = await g.updateLaunchConfig({ serverName: "renamed", metadata: { only: "this" } });
      expect(lc).toMatchObject({ serverName: "renamed", image, flavor, metadata: { only: "this" } });
      expect(await au.groups.getLaunchConfig(g)).toMatchObject({ serverName: "renamed", metadata: { only: "this" } });
    });

    it("bad input fails before any request: min > max, cooldown < 0, a policy with no change", async () => {
      const base = { name: "x", cooldown: 0, minEntities: 0, maxEntities: 1, serverName: "x", image, flavor };
      await expect(au.groups.create({ ...base, minEntities: 2 })).rejects.toMatchObject({ field: "group.minEntities" });
      await expect(au.groups.create({ ...base, cooldown: -5 })).rejects.toMatchObject({ field: "group.cooldown" });
      await expect(au.groups.create({ ...base, scalingPolicies: [{ name: "p", cooldown: 0 }] })).rejects.toBeInstanceOf(ValidationError);
    });

    it("deleteServer replaces a server by default, or lowers the desired capacity with replace: false", async () => {
      const g = await group("servers", { minEntities: 0 });
      const two = await g.addPolicy({ name: "two", cooldown: 0, desiredCapacity: 2 });
      await two.execute();
      const [a, b] = (await g.waitUntilSettled(settle)).active;
      await g.deleteServer(a!);
      const replaced = await g.waitUntilSettled(settle);
      expect(replaced).toMatchObject({ desiredCapacity: 2, activeCapacity: 2 });
      expect(replaced.active).not.toContain(a);
      await au.groups.deleteServer(g, b!, { replace: false });
      expect(await g.waitUntilSettled(settle)).toMatchObject({ desiredCapacity: 1, activeCapacity: 1 });
      // Not below minEntities: Otter's 403 CannotDeleteServerBelowMinError.
      await g.update({ minEntities: 1 });
      const [last] = (await g.getState()).active;
      await expect(g.deleteServer(last!, { replace: false })).rejects.toBeInstanceOf(CannotDeleteServerBelowMin);
    });

    it("a group Otter cannot converge (its image deleted) is in ERROR: waitUntilSettled rejects with Otter's reason; a fixed launch config converges", async () => {
      const imgs = getTarget().ctx.client(Images, { region: getTarget().region });
      const own = await imgs.images.create({ name: uniqueName("as-image"), diskFormat: "raw", containerFormat: "bare" });
      await own.upload(new Uint8Array(1024));
      const g = await group("broken", { image: own.id });
      await imgs.images.delete(own);
      await g.update({ minEntities: 1 });
      const e = await g.waitUntilSettled(settle).catch((x: unknown) => x);
      expect(e).toBeInstanceOf(ResourceFailed);
      expect((e as ResourceFailed).faultMessage).toContain(own.id);
      expect(await g.getState()).toMatchObject({ status: "ERROR", errors: [expect.stringContaining("Server launch configuration is invalid")], activeCapacity: 0 });
      await g.updateLaunchConfig({ image });
      await g.converge();
      expect(await g.waitUntilSettled(settle)).toMatchObject({ status: "ACTIVE", activeCapacity: 1 });
    });

    it("delete: refused while the group has servers; force deletes it with its servers", async () => {
      const g = await group("delete", { minEntities: 1 });
      await expect(g.delete()).rejects.toBeInstanceOf(GroupNotEmpty);
      await g.update({ minEntities: 0, maxEntities: 0 });
      expect((await g.getState()).desiredCapacity).toBe(0);
      await g.delete();
      await expect(au.groups.get(g)).rejects.toBeInstanceOf(NoSuchScalingGroup);
      const busy = await group("force", { minEntities: 1 });
      await busy.delete({ force: true });
      await expect(busy.getState()).rejects.toBeInstanceOf(NoSuchScalingGroup);
    });
  });

  describe("Otter's own schema and store (rackerlabs/otter otter/json_schema, otter/rest, otter/models)", () => {
    // Raw requests past rax's own checks: the service must refuse what Otter refuses.
    const raw = (method: string, path: string, json?: unknown) => au.send({ method, path, ...(json !== undefined ? { json } : {}) });
    const server = () => ({ flavorRef: flavor, name: "raw", imageRef: image });

    it("a group created without maxEntities gets Otter's MAX_ENTITIES (1000); a config PUT must carry maxEntities and metadata", async () => {
      const res = await raw("POST", "groups", { groupConfiguration: { name: uniqueName("nomax"), cooldown: 0, minEntities: 0 }, launchConfiguration: { type: "launch_server", args: { server: server() } } });
      const id = ((await res.json()) as { group: { id: string } }).group.id;
      const g = await au.groups.get(id);
      groups.push(g);
      expect(g.maxEntities).toBe(1000);
      // Otter's state always carries its status.
      expect((await g.getState()).status).toBe("ACTIVE");
      await expect(raw("PUT", `groups/${id}/config`, { name: "x", cooldown: 0, minEntities: 0, metadata: {} })).rejects.toMatchObject({ status: 400 });
      await expect(raw("PUT", `groups/${id}/config`, { name: "x", cooldown: 0, minEntities: 0, maxEntities: 2 })).rejects.toMatchObject({ status: 400 });
    });

    it("a policy's type cannot change; `at` must be in the future; a webhook PUT needs metadata", async () => {
      const g = await group("schema");
      const p = await g.addPolicy({ name: "up", cooldown: 0, change: 1 });
      await expect(raw("PUT", `groups/${g.id}/policies/${p.id}`, { name: "up", type: "schedule", cooldown: 0, change: 1, args: { cron: "0 * * * *" } })).rejects.toMatchObject({ status: 400, code: "ValidationError" });
      await expect(p.update({ type: "schedule", args: { cron: "0 * * * *" } })).rejects.toMatchObject({ name: "ValidationError", field: "changes.type" });
      await expect(raw("POST", `groups/${g.id}/policies`, [{ name: "past", type: "schedule", cooldown: 0, change: 1, args: { at: "2013-12-05T03:12:00Z" } }])).rejects.toMatchObject({ status: 400 });
      // A policy's cooldown is a number in Otter's schema (the group's is an integer).
      expect((await raw("POST", `groups/${g.id}/policies`, [{ name: "half", type: "webhook", cooldown: 1.5, change: 1 }])).status).toBe(201);
      const w = await p.addWebhook("hook");
      await expect(raw("PUT", `groups/${g.id}/policies/${p.id}/webhooks/${w.id}`, { name: "renamed" })).rejects.toMatchObject({ status: 400 });
      // Names: at most 256 characters (Otter's schema), refused by the service too.
      await expect(raw("POST", `groups/${g.id}/policies/${p.id}/webhooks`, [{ name: "n".repeat(257), metadata: {} }])).rejects.toMatchObject({ status: 400 });
      // Two webhooks in one batch, the second without metadata (optional on create).
      expect((await raw("POST", `groups/${g.id}/policies/${p.id}/webhooks`, [{ name: "a", metadata: {} }, { name: "b" }])).status).toBe(201);
    });

    it("load balancers: RackConnect v3 pools are taken; rax refuses a Cloud Load Balancer whose networks lack ServiceNet", async () => {
      const rcv3 = { loadBalancerId: "d95ae0c4-6ab8-4873-b82f-f8433840cff2", type: "RackConnectV3" as const };
      const g = await group("rcv3", { loadBalancers: [rcv3] });
      expect((await g.getLaunchConfig()).loadBalancers).toEqual([rcv3]);
      await expect(g.updateLaunchConfig({ loadBalancers: [[1234, 80]], networks: ["00000000-0000-0000-0000-000000000000"] })).rejects.toMatchObject({ field: "changes.networks" });
    });
  });

  describe("the seed's Workflow: Cloud Monitoring alarm → webhook → policy", () => {
    it.skipIf(!o.advanceClock)("an alarm going CRITICAL calls its plan's webhook notification, the capability URL, and the policy runs; so does a test of it", async () => {
      const g = await group("workflow");
      const up = await g.addPolicy({ name: "up", cooldown: 0, change: 1 });
      const hook = await up.addWebhook("alarm");
      const cm = getTarget().ctx.client(Monitoring);
      const ent = await cm.entities.create({ label: uniqueName("as-workflow"), ipAddresses: { web: "192.0.2.10" } });
      try {
        const chk = await ent.createCheck({ type: "remote.ping", monitoringZonesPoll: ["mzdfw"], targetAlias: "web", period: 60 });
        const notification = await cm.notifications.create({ type: "webhook", label: "scale up", details: { url: hook.capabilityUrl! } });
        const plan = await cm.notificationPlans.create({ label: uniqueName("scale-up"), criticalState: notification });
        await chk.createAlarm({ notificationPlan: plan, criteria: "return new AlarmStatus(CRITICAL, 'busy');" });
        expect((await g.getState()).desiredCapacity).toBe(0);
        o.advanceClock!(2 * 60_000);
        // No monitoring read in between: the group's own state shows the alarm's call.
        expect((await g.getState()).desiredCapacity).toBe(1);
        // Staying CRITICAL is no change: nothing more is called.
        o.advanceClock!(5 * 60_000);
        expect((await g.getState()).desiredCapacity).toBe(1);
        // A notification test sends it too: testing a capability-URL webhook runs the policy.
        await notification.test();
        expect((await g.getState()).desiredCapacity).toBe(2);
        await cm.notifications.testNew({ type: "webhook", details: { url: hook.capabilityUrl! } });
        expect((await g.getState()).desiredCapacity).toBe(3);
        await ent.delete();
        await plan.delete();
        await notification.delete();
      } finally {
        await ent.delete().catch(() => undefined);
      }
    });
  });

  describe("policies and webhooks", () => {
    it("policies: add (change, percent, desired capacity), list, update, execute, pause/resume, delete", async () => {
      const g = await group("policies");
      const up = await g.addPolicy({ name: "up", cooldown: 0, change: 2 });
      const pct = await au.policies.create(g, { name: "half", cooldown: 0, change: -50, isPercent: true });
      const one = await g.addPolicy({ name: "one", cooldown: 0, desiredCapacity: 1 });
      expect(pct).toMatchObject({ changePercent: -50, groupId: g.id });
      expect((await g.listPolicies().toArray()).map((p) => p.id).sort()).toEqual([up.id, pct.id, one.id].sort());
      await up.execute();
      expect((await g.waitUntilSettled(settle)).activeCapacity).toBe(2);
      await g.executePolicy(pct);
      expect((await g.getState()).desiredCapacity).toBe(1);
      const updated = await up.update({ change: 3 });
      expect(updated).toMatchObject({ change: 3, name: "up", cooldown: 0 });
      await g.pause();
      expect((await g.getState()).paused).toBe(true);
      await expect(up.execute()).rejects.toBeInstanceOf(GroupPaused);
      await g.resume();
      await up.execute();
      expect((await g.getState()).desiredCapacity).toBe(4);
      await one.delete();
      await expect(au.policies.get(g, one)).rejects.toBeInstanceOf(NoSuchPolicy);
    });

    it("webhooks: the capability URL runs the policy with no token and never prints; metadata merge vs replace", async () => {
      const g = await group("hooks");
      const p = await g.addPolicy({ name: "up", cooldown: 0, change: 1 });
      const w = await p.addWebhook("alarm", { notes: "from monitoring" });
      expect(w.capabilityUrl).toMatch(/^https?:\/\//);
      for (const shown of [inspect(w, { depth: 5 }), JSON.stringify(w), JSON.stringify(await p.listWebhooks().toArray())]) expect(shown).not.toContain(w.capabilityUrl!);
      await w.execute();
      expect((await g.getState()).desiredCapacity).toBe(1);
      expect((await w.updateMetadata({ owner: "webteam" })).metadata).toEqual({ notes: "from monitoring", owner: "webteam" });
      expect(await w.update({ name: "renamed", metadata: { only: "this" } })).toMatchObject({ name: "renamed", metadata: { only: "this" } });
      expect((await au.webhooks.get(g, p, w)).capabilityUrl).toBe(w.capabilityUrl);
      await w.delete();
      expect(await p.listWebhooks().toArray()).toEqual([]);
    });
  });
}
