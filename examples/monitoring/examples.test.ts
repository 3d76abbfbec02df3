import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { emulatorTarget } from "../lib/target";
import * as changelogs from "./changelogs";
import * as checkTypes from "./check-types";
import * as createAlarm from "./create-alarm";
import * as createCheck from "./create-check";
import * as createEntity from "./create-entity";
import * as createNotification from "./create-notification";
import * as createNotificationPlan from "./create-notification-plan";
import * as metrics from "./metrics";
import * as monitoringZones from "./monitoring-zones";
import * as notificationTypes from "./notification-types";
import * as overview from "./overview";

// Every "Cloud Monitoring" example, run against one emulator, checked for what it promises.
describe("monitoring examples (against @rax/emulator)", () => {
  let target: Awaited<ReturnType<typeof emulatorTarget>>;
  beforeAll(async () => {
    vi.spyOn(console, "log").mockImplementation(() => undefined);
    target = await emulatorTarget();
  });
  afterAll(async () => {
    await target?.stop();
    vi.restoreAllMocks();
  });

  it("create-entity stores the aliases and metadata, and refuses the seed's '1.2.34' before sending", async () => {
    expect(await createEntity.main(target)).toEqual({ aliases: ["example"], metadata: { description: "Just a test entity" }, listed: true, refused: "entity.ipAddresses.example" });
  });
  it("check-types lists the types; remote.http needs only url", async () => {
    expect(await checkTypes.main(target)).toEqual({ count: expect.any(Number), httpRequired: ["url"] });
  });
  it("monitoring-zones lists the seed's six zones and traceroutes from one", async () => {
    expect(await monitoringZones.main(target)).toEqual({ ids: ["mzdfw", "mzhkg", "mziad", "mzlon", "mzord", "mzsyd"], hops: expect.any(Number) });
  });
  it("create-check dry-runs from three zones, creates the seed's check (its URL target sent as the host), refuses bad periods/timeouts/targets", async () => {
    expect(await createCheck.main(target)).toEqual({ tested: ["mzdfw", "mzlon", "mzsyd"], period: 900, zones: ["mzdfw", "mzlon", "mzsyd"], host: "example.com", refused: ["check.period", "check.timeout", "check.targetHostname"] });
  });
  it("notification-types shows email, webhook and pagerduty with their required detail", async () => {
    expect((await notificationTypes.main(target)).types).toMatchObject({ email: ["address"], webhook: ["url"], pagerduty: ["service_key"] });
  });
  it("create-notification creates and tests an email notification", async () => {
    expect(await createNotification.main(target)).toEqual({ type: "email", address: "me@example.com", test: "success", dryRun: "success", refused: "notification.details.url" });
  });
  it("create-notification-plan takes one notification or a list per state", async () => {
    expect(await createNotificationPlan.main(target)).toEqual({ ok: 1, warning: 1, critical: 2 });
  });
  it("metrics: none before the first run, then per zone, with data points", async () => {
    const r = await metrics.main(target);
    expect(r.before).toEqual([]);
    expect(r.after).toEqual(expect.arrayContaining(["mzdfw.available", "mzdfw.average"]));
    expect(r.points).toBe(12);
  });
  it("create-alarm tests criteria, creates the seed's alarm, and shows a parse error", async () => {
    const r = await createAlarm.main(target);
    expect(r).toMatchObject({ parseError: true, disabled: true });
    expect(r.criteria).toContain("rate(metric['average'])");
    expect(r.tested).toHaveLength(1);
  });
  it("changelogs lists state changes once checks have run", async () => {
    const r = await changelogs.main(target);
    expect(r.changes).toBeGreaterThan(0);
    expect(r.states).toEqual(["CRITICAL", "OK"]);
  });
  it("overview shows the entity with its check, alarm and latest state", async () => {
    expect(await overview.main(target)).toEqual({ entities: 1, checks: 1, alarms: 1, states: 1 });
  });
});
