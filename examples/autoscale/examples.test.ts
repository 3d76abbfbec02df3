import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { emulatorTarget } from "../lib/target";
import * as createGroup from "./create-group";
import * as createPolicy from "./create-policy";
import * as createWebhook from "./create-webhook";
import * as deleteGroup from "./delete-group";
import * as deletePolicy from "./delete-policy";
import * as deleteWebhook from "./delete-webhook";
import * as executePolicy from "./execute-policy";
import * as groupState from "./group-state";
import * as launchConfig from "./launch-config";
import * as listGroups from "./list-groups";
import * as pauseResume from "./pause-resume";
import * as updateGroup from "./update-group";
import * as updateLaunchConfig from "./update-launch-config";
import * as updatePolicy from "./update-policy";
import * as updateWebhook from "./update-webhook";

// Every "Auto Scale" example, run against one emulator, checked for what it promises.
describe("auto scale examples (against @rax/emulator)", () => {
  let target: Awaited<ReturnType<typeof emulatorTarget>>;
  beforeAll(async () => {
    vi.spyOn(console, "log").mockImplementation(() => undefined);
    target = await emulatorTarget();
  });
  afterAll(async () => {
    await target?.stop();
    vi.restoreAllMocks();
  });

  it("list-groups lists the group and shows its launch configuration", async () => {
    const r = await listGroups.main(target);
    expect(r.names).toHaveLength(1);
    expect(r).toMatchObject({ minEntities: 0, maxEntities: 4, launchServerName: "example", flavor: expect.any(String) });
  });
  it("group-state shows 2 pending, then 2 active", async () => {
    expect(await groupState.main(target)).toEqual({ building: 2, settled: { active: 2, desired: 2, pending: 0 } });
  });
  it("pause-resume refuses a policy while paused", async () => {
    expect(await pauseResume.main(target)).toEqual({ paused: true, refused: true, resumed: true });
  });
  it("create-group builds 2 servers named as<hex>-sg_test behind the load balancer, and refuses min > max before sending", async () => {
    const r = await createGroup.main(target);
    expect(r).toMatchObject({ desired: 2, loadBalancers: [{ loadBalancerId: 1234, port: 80 }], refused: "group.minEntities" });
    expect(r.serverNames).toHaveLength(2);
    for (const n of r.serverNames) expect(n).toMatch(/^as[0-9a-f]{8}-sg_test$/);
  });
  it("update-group changes cooldown and max; metadata merges, then replaces", async () => {
    expect(await updateGroup.main(target)).toEqual({ cooldown: 120, maxEntities: 16, merged: { owner: "ops", tier: "web" }, replaced: { only: "this" } });
  });
  it("delete-group is refused with servers, then works once min/max are 0", async () => {
    expect(await deleteGroup.main(target)).toEqual({ refused: true, gone: true });
  });
  it("launch-config shows the launch_server configuration", async () => {
    expect(await launchConfig.main(target)).toEqual({ type: "launch_server", serverName: "example", diskConfig: "AUTO", networks: 1 });
  });
  it("update-launch-config keeps what is not given; metadata merges, then replaces", async () => {
    expect(await updateLaunchConfig.main(target)).toEqual({ serverName: "web", kept: true, merged: { somekey: "somevalue", added: "x" }, replaced: { only: "this" } });
  });
  it("create-policy adds three kinds and refuses one with no change before sending", async () => {
    expect(await createPolicy.main(target)).toEqual({ listed: ["down 10%", "nightly", "up by one"], percent: -10, refused: "policy.change" });
  });
  it("update-policy changes cooldown and change, keeps the name", async () => {
    expect(await updatePolicy.main(target)).toEqual({ cooldown: 60, change: -3, name: "scale", viaClient: -2 });
  });
  it("execute-policy scales up once, then the policy's cooldown refuses it", async () => {
    expect(await executePolicy.main(target)).toEqual({ desired: [1, 1], cooldownRefused: true });
  });
  it("delete-policy deletes by each call form", async () => {
    expect(await deletePolicy.main(target)).toEqual({ before: 3, after: 0 });
  });
  it("create-webhook: two webhooks, the URL is never printed, and POSTing it scales the group", async () => {
    expect(await createWebhook.main(target)).toEqual({ listed: ["Monitoring", "PagerDuty"], printedUrl: false, desiredAfterAlarm: 1 });
  });
  it("update-webhook replaces, then merges metadata", async () => {
    expect(await updateWebhook.main(target)).toEqual({ name: "something_new", replaced: { owner: "webteam" }, merged: { owner: "webteam", oncall: "alice" } });
  });
  it("delete-webhook deletes by each call form; the old URL does nothing", async () => {
    expect(await deleteWebhook.main(target)).toEqual({ left: 0, desiredAfterOldUrl: 0 });
  });
});
