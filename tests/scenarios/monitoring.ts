import { Forbidden, ValidationError } from "@rax/core";
import {
  AlarmParseError,
  type Entity,
  Monitoring,
  MonitoringValidationError,
  NoSuchCheck,
  NoSuchEntity,
  type Notification,
  type NotificationPlan,
} from "@rax/monitoring";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Target, uniqueName } from "./target";

export interface MonitoringScenarioOptions {
  /**
   * Moves the server's clock forward (the emulator's); without it the scenarios that need checks
   * to have run (metrics, changelogs) are skipped — a real account would need minutes of waiting.
   */
  advanceClock?: (ms: number) => void;
}

/**
 * Cloud Monitoring behaviour users rely on — the seed's "Cloud Monitoring" section, in order:
 * entity, check types, zones, check (and test check), notification, plan, metrics, alarm,
 * changelogs, overview. Run against the emulator (tests/emulator/monitoring.test.ts).
 */
export function monitoringScenarios(getTarget: () => Target, o: MonitoringScenarioOptions = {}): void {
  let cm: Monitoring;
  let ent: Entity;
  let email: Notification;
  let plan: NotificationPlan;
  const entities: Entity[] = [];

  beforeAll(async () => {
    // Global service: no region argument (pyrax's region "ALL").
    cm = getTarget().ctx.client(Monitoring);
    ent = await cm.entities.create({ name: uniqueName("entity"), ipAddresses: { example: "192.0.2.34" }, metadata: { description: "Just a test entity" } });
    entities.push(ent);
  });

  afterAll(async () => {
    for (const e of entities) {
      for (const a of await e.listAlarms().toArray().catch(() => [])) await a.delete().catch(() => undefined);
      for (const c of await e.listChecks().toArray().catch(() => [])) await c.delete().catch(() => undefined);
      await e.delete().catch(() => undefined);
    }
    for (const p of plan ? [plan] : []) await p.delete().catch(() => undefined);
    for (const n of email ? [email] : []) await n.delete().catch(() => undefined);
  });

  describe("entities", () => {
    it("create returns the stored entity; get, list and update agree", async () => {
      expect(ent).toMatchObject({ ipAddresses: { example: "192.0.2.34" }, metadata: { description: "Just a test entity" } });
      expect(ent.name).toBe(ent.label);
      expect((await cm.entities.get(ent.id)).label).toBe(ent.label);
      expect((await cm.entities.list().toArray()).map((e) => e.id)).toContain(ent.id);
      await ent.update({ metadata: { description: "updated" } });
      expect(ent.metadata).toEqual({ description: "updated" });
    });

    it("lists page by page with the service's next_marker", async () => {
      for (let i = 0; i < 3; i++) entities.push(await cm.entities.create({ label: uniqueName(`page${i}`) }));
      const all = await cm.entities.list().toArray();
      const paged = await cm.entities.list({ pageSize: 2 }).toArray();
      expect(paged.map((e) => e.id)).toEqual(all.map((e) => e.id));
      const first = await cm.entities.list({ pageSize: 2 });
      expect(first.items).toHaveLength(2);
      expect(first.next).toBe(all[2]!.id);
    });

    it("a missing entity is NoSuchEntity; bad input never leaves the machine", async () => {
      await expect(cm.entities.get("enDoesNotExist")).rejects.toBeInstanceOf(NoSuchEntity);
      await expect(cm.entities.create({ label: "x", ipAddresses: { example: "1.2.34" } })).rejects.toMatchObject({ field: "entity.ipAddresses.example" });
    });
  });

  describe("check types and zones", () => {
    it("remote.http's fields: url required, the rest optional (the seed's table)", async () => {
      const types = await cm.checkTypes.list().toArray();
      const http = types.find((t) => t.id === "remote.http")!;
      expect(http.requiredFields).toEqual(["url"]);
      expect(http.fields.map((f) => f.name)).toEqual(expect.arrayContaining(["body", "headers", "method", "auth_user", "follow_redirects"]));
      expect((await cm.checkTypes.get("remote.http")).fields).toEqual(http.fields);
    });

    it("lists the monitoring zones (ids go into monitoringZonesPoll) and traceroutes from one", async () => {
      const zones = await cm.zones.list().toArray();
      expect(zones.map((z) => z.id)).toEqual(expect.arrayContaining(["mzdfw", "mzlon", "mzsyd"]));
      const hops = await zones[0]!.traceroute({ target: "192.0.2.34" });
      expect(hops.at(-1)).toMatchObject({ ip: "192.0.2.34" });
    });
  });

  describe("checks", () => {
    it("the seed's remote.http check: created, read back, updated", async () => {
      const chk = await cm.checks.create(ent, { label: "sample_check", type: "remote.http", details: { url: "http://example.com/some_page" }, period: 900, timeout: 20, monitoringZonesPoll: ["mzdfw", "mzlon", "mzsyd"], targetHostname: "example.com" });
      expect(chk).toMatchObject({ entityId: ent.id, type: "remote.http", period: 900, timeout: 20, monitoringZonesPoll: ["mzdfw", "mzlon", "mzsyd"], targetHostname: "example.com" });
      await chk.update({ period: 600 });
      expect(chk.period).toBe(600);
      expect((await ent.listChecks().toArray()).map((c) => c.id)).toContain(chk.id);
    });

    it("test: true runs once from each zone and creates nothing", async () => {
      const before = (await ent.listChecks().toArray()).length;
      const runs = await ent.createCheck({ type: "remote.ping", monitoringZonesPoll: ["mzdfw", "mzlon"], targetAlias: "example", test: true });
      expect(runs.map((r) => r.monitoringZoneId)).toEqual(["mzdfw", "mzlon"]);
      expect(runs[0]!.metrics).toHaveProperty("average");
      expect((await ent.listChecks().toArray()).length).toBe(before);
    });

    it("the rules: refused here before sending, or by the service naming the key", async () => {
      const base = { type: "remote.http", details: { url: "http://example.com/" }, monitoringZonesPoll: ["mzdfw"], targetAlias: "example" };
      await expect(cm.checks.create(ent, { ...base, period: 10 })).rejects.toMatchObject({ field: "check.period" });
      await expect(cm.checks.create(ent, { ...base, period: 60, timeout: 90 })).rejects.toMatchObject({ field: "check.timeout" });
      await expect(cm.checks.create(ent, { ...base, targetHostname: "example.com" })).rejects.toBeInstanceOf(ValidationError);
      await expect(cm.checks.create(ent, { ...base, targetAlias: "nosuchalias" })).rejects.toMatchObject({ key: "target_alias" });
      await expect(cm.checks.create(ent, { ...base, details: {} })).rejects.toBeInstanceOf(MonitoringValidationError);
      await expect(cm.checks.get(ent, "chDoesNotExist")).rejects.toBeInstanceOf(NoSuchCheck);
    });
  });

  describe("notifications and plans", () => {
    it("lists the notification types; creates, tests and updates an email notification; a plan over it", async () => {
      const types = (await cm.notificationTypes.list().toArray()).map((t) => t.id);
      expect(types).toEqual(expect.arrayContaining(["email", "webhook", "pagerduty"]));
      email = await cm.notifications.create({ type: "email", label: "my_email_notification", details: { address: "me@example.com" } });
      expect(email).toMatchObject({ type: "email", details: { address: "me@example.com" } });
      expect((await email.test()).status).toBe("success");
      expect((await cm.notifications.testNew({ type: "webhook", details: { url: "https://example.com/hook" } })).status).toBe("success");
      await email.update({ details: { address: "you@example.com" } });
      expect(email.details).toEqual({ address: "you@example.com" });
      plan = await cm.notificationPlans.create({ label: "default", okState: email, warningState: email, criticalState: [email] });
      expect(plan).toMatchObject({ okState: [email.id], warningState: [email.id], criticalState: [email.id] });
    });
  });

  describe("metrics, alarms, changelogs, overview", () => {
    it("alarm criteria: empty refused here, unparsable refused by the service, test-alarm judges check data", async () => {
      const chk = (await ent.listChecks().toArray())[0]!;
      await expect(chk.createAlarm({ notificationPlan: plan, criteria: " " })).rejects.toMatchObject({ field: "alarm.criteria" });
      await expect(chk.createAlarm({ notificationPlan: plan, criteria: "if (metric['average'] >) { return WARNING }" })).rejects.toBeInstanceOf(AlarmParseError);
      const criteria = "if (metric['average'] > 10) { return new AlarmStatus(WARNING); } return new AlarmStatus(OK);";
      const states = await cm.alarms.test(ent, {
        criteria,
        checkData: [{ metrics: { average: { type: "n", data: 11 } } }, { metrics: { average: { type: "n", data: 9 } } }],
      });
      expect(states.map((s) => s.state)).toEqual(["WARNING", "OK"]);
      const alarm = await cm.alarms.create(ent, { check: chk, notificationPlan: plan, criteria, label: "avg" });
      expect(alarm).toMatchObject({ checkId: chk.id, notificationPlanId: plan.id, criteria, disabled: false });
      await alarm.update({ disabled: true });
      expect(alarm.disabled).toBe(true);
      await alarm.update({ disabled: false });
    });

    it("a notification plan that alarms use cannot be deleted", async () => {
      await expect(plan.delete()).rejects.toBeInstanceOf(Forbidden);
    });

    it.skipIf(!o.advanceClock)("metrics appear once the check has run; data points and changelogs follow the clock", async () => {
      const chk = await cm.checks.create(ent, { type: "remote.ping", monitoringZonesPoll: ["mzdfw"], targetAlias: "example", period: 60, timeout: 30 });
      expect(await chk.listMetrics().toArray()).toEqual([]);
      const alarm = await chk.createAlarm({ notificationPlan: plan, criteria: "if (metric['average'] > 27) { return new AlarmStatus(CRITICAL); } return new AlarmStatus(OK);" });
      const t0 = Date.now();
      o.advanceClock!(60 * 60_000);
      const names = (await chk.listMetrics().toArray()).map((m) => m.name);
      expect(names).toEqual(expect.arrayContaining(["mzdfw.available", "mzdfw.average"]));
      const points = await chk.getDataPoints("mzdfw.average", { from: t0, to: t0 + 60 * 60_000, points: 6, select: ["average", "min", "max"] });
      expect(points).toHaveLength(6);
      for (const p of points) expect(p.min! <= p.average! && p.average! <= p.max!).toBe(true);
      const logs = await cm.changelogs.list({ entity: ent }).toArray();
      const mine = logs.filter((l) => l.alarmId === alarm.id);
      // The API's time series `reverse`: the same rows, newest first, over pages.
      const newest = await cm.changelogs.list({ entity: ent, reverse: true, pageSize: 2 }).toArray();
      expect(newest.map((l) => l.id)).toEqual(logs.map((l) => l.id).reverse());
      expect(mine.length).toBeGreaterThan(0);
      expect(new Set(mine.map((l) => l.state))).toEqual(new Set(["OK", "CRITICAL"]));
      const [view] = await cm.overview.get({ entity: ent }).toArray();
      expect(view!.entity.id).toBe(ent.id);
      expect(view!.latestAlarmStates.find((s) => s.alarmId === alarm.id)?.state).toBe(mine.at(-1)!.state);
    });
  });

  describe("deleting", () => {
    it("an entity goes with its checks and alarms; then it, and its checks, are NoSuchEntity", async () => {
      const doomed = await cm.entities.create({ label: uniqueName("doomed"), ipAddresses: { web: "192.0.2.99" } });
      const chk = await doomed.createCheck({ type: "remote.ping", monitoringZonesPoll: ["mzdfw"], targetAlias: "web" });
      await chk.createAlarm({ notificationPlan: plan, criteria: "return new AlarmStatus(OK);" });
      await doomed.delete();
      await expect(cm.entities.get(doomed)).rejects.toBeInstanceOf(NoSuchEntity);
      await expect(cm.checks.list(doomed).toArray()).rejects.toBeInstanceOf(NoSuchEntity);
      await expect(cm.overview.get({ entity: doomed }).toArray()).rejects.toBeInstanceOf(NoSuchEntity);
    });
  });

  describe("the API reference's rules (rackerlabs/docs-cloud-monitoring attribute tables)", () => {
    it("the seed's target_hostname=\"http://example.com\": rax sends the host; the service itself refuses a URL", async () => {
      const base = { type: "remote.http", details: { url: "http://example.com/some_page" }, monitoringZonesPoll: ["mzdfw"] };
      const chk = await ent.createCheck({ ...base, targetHostname: "http://example.com" });
      expect(chk.targetHostname).toBe("example.com");
      // Past rax's own check (a raw request): the service answers 400 naming the key.
      const raw = cm.send({ method: "POST", path: `entities/${ent.id}/checks`, json: { type: "remote.http", details: { url: "http://example.com/" }, monitoring_zones_poll: ["mzdfw"], target_hostname: "http://example.com" } });
      await expect(raw).rejects.toMatchObject({ status: 400, key: "target_hostname" });
      await chk.delete();
    });

    it("an update naming the other target switches to it (release notes cmv1.4)", async () => {
      const chk = await ent.createCheck({ type: "remote.ping", monitoringZonesPoll: ["mzdfw"], targetHostname: "example.com" });
      await chk.update({ targetAlias: "example" });
      expect(chk).toMatchObject({ targetAlias: "example" });
      expect(chk.targetHostname).toBeUndefined();
      await chk.update({ targetHostname: "198.51.100.7" });
      expect(chk).toMatchObject({ targetHostname: "198.51.100.7" });
      expect(chk.targetAlias).toBeUndefined();
      await chk.delete();
    });

    it("an alarm without criteria is created: the check's availability decides its state", async () => {
      const chk = await ent.createCheck({ type: "remote.ping", monitoringZonesPoll: ["mzdfw"], targetAlias: "example" });
      const alarm = await chk.createAlarm({ notificationPlan: plan, label: "availability" });
      expect(alarm).toMatchObject({ checkId: chk.id, criteria: "" });
      await alarm.delete();
      await chk.delete();
    });

    it("agent_id must match /^[-.\\w]{1,255}$/; overview takes entityId or uri, not both", async () => {
      await expect(cm.send({ method: "POST", path: "entities", json: { label: "x", agent_id: "my agent" } })).rejects.toMatchObject({ status: 400, key: "agent_id" });
      await expect(cm.send({ method: "GET", path: "views/overview", query: { entityId: ent.id, uri: "https://example.com/servers/1" } })).rejects.toMatchObject({ status: 400 });
      expect(() => cm.overview.get({ entity: ent, uri: "https://example.com/servers/1" })).toThrow(ValidationError);
    });
  });

  describe("agent tokens", () => {
    it("create, read the secret once, rename, delete", async () => {
      const t = await cm.agentTokens.create({ label: uniqueName("agent") });
      expect(t.token).toEqual(expect.any(String));
      expect(JSON.stringify(t)).not.toContain(t.token!);
      await t.update("renamed");
      expect((await cm.agentTokens.get(t.id)).label).toBe("renamed");
      await t.delete();
      await expect(cm.agentTokens.get(t.id)).rejects.toMatchObject({ status: 404 });
    });
  });

  describe("account", () => {
    it("shows the account with its webhook token (a secret), its audit trail and its limits", async () => {
      const account = await cm.account.get();
      expect(account.webhookToken).toEqual(expect.any(String));
      expect(JSON.stringify(account)).not.toContain(account.webhookToken!);
      const audits = await cm.account.audits().toArray();
      expect(audits.some((a) => a.method === "POST" && a.url.endsWith("/entities"))).toBe(true);
      expect((await cm.account.limits()).resource).toMatchObject({ checks: expect.any(Number), alarms: expect.any(Number) });
    });
  });
}
