import { Compute, ServerFailed } from "@rax/compute";
import { waitUntil } from "@rax/core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { computeScenarios } from "../scenarios/compute";
import { uniqueName } from "../scenarios/target";
import { type EmulatorTarget, startEmulatorTarget } from "./emulator-target";

let target: EmulatorTarget;
beforeAll(async () => {
  target = await startEmulatorTarget();
});
afterAll(async () => {
  await target?.close();
});

describe("compute scenarios against @rax/emulator", () => {
  computeScenarios(() => target, { interval: 100 });
});

// What the emulator can show that a real cloud will not do on request.
describe("compute against @rax/emulator only", () => {
  const nova = () => target.ctx.client(Compute, { region: target.region });
  const UBUNTU = "5cc098a5-7286-4b96-b3a2-49f4c4f82537";

  it("a build that fails rejects waitFor with ServerFailed carrying Nova's fault", async () => {
    const s = await nova().servers.create({ name: uniqueName("fail"), image: UBUNTU, flavor: "general1-1", meta: { server_error: "No valid host was found." } });
    const e = await s.waitFor("ACTIVE", { interval: 100 }).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(ServerFailed);
    expect((e as ServerFailed).fault?.message).toBe("No valid host was found.");
    await s.delete();
  });

  it("resize → VERIFY_RESIZE → confirm, and revert goes back to the old flavor (seed: Resizing Old Flavors)", async () => {
    const s = await nova().servers.create({ name: uniqueName("resize"), image: UBUNTU, flavor: "2" });
    await s.waitFor("ACTIVE", { interval: 100 });
    await s.resize("3");
    expect((await s.waitFor("VERIFY_RESIZE", { interval: 100 })).flavor.id).toBe("3");
    await s.revertResize();
    expect((await s.waitFor("ACTIVE", { interval: 100 })).flavor.id).toBe("2");
    await s.resize("4");
    await s.waitFor("VERIFY_RESIZE", { interval: 100 });
    await s.confirmResize();
    expect((await s.waitFor("ACTIVE", { interval: 100 })).flavor.id).toBe("4");
    await s.delete();
  });

  it("createImage returns the id; the snapshot goes SAVING → ACTIVE and is listed as a snapshot", async () => {
    const s = await nova().servers.create({ name: uniqueName("snap"), image: UBUNTU, flavor: "general1-1" });
    await s.waitFor("ACTIVE", { interval: 100 });
    const id = await s.createImage("rax-scn-image", { purpose: "test" });
    const image = await nova().images.waitFor(id, "ACTIVE", { interval: 100 });
    expect(image).toMatchObject({ snapshot: true, server: { id: s.id }, metadata: { purpose: "test" } });
    expect((await nova().images.listSnapshots()).map((i) => i.id)).toContain(id);
    expect(await image.setMetadata({ stage: "gold" })).toMatchObject({ purpose: "test", stage: "gold" });
    await image.deleteMetadata("stage");
    expect(await image.getMetadata()).not.toHaveProperty("stage");
    await expect(nova().images.setMetadata(UBUNTU, { mine: "no" })).rejects.toMatchObject({ status: 403 });
    await nova().servers.create({ name: uniqueName("clone"), image: id, flavor: "general1-1" }).then((c) => c.delete());
    await image.delete();
    await s.delete();
  });

  it("rescue returns a password; unrescue, resetState and changePassword work on the server", async () => {
    const s = await nova().servers.create({ name: uniqueName("rescue"), image: UBUNTU, flavor: "general1-1" });
    await s.waitFor("ACTIVE", { interval: 100 });
    const { adminPass } = await s.rescue();
    expect(adminPass).toEqual(expect.any(String));
    // Nova shows RESCUE while still rescuing (task_state "rescuing"): wait for the task to end too.
    await waitUntil(() => s.reload(), (x) => `${x.status}/${x.taskState ?? "-"}`, "RESCUE/-", { interval: 100, attempts: 100 });
    await s.unrescue();
    await s.waitFor("ACTIVE", { interval: 100 });
    await s.changePassword("n3w-r00t-pass");
    await s.resetState("ERROR");
    expect((await s.reload()).status).toBe("ERROR");
    await s.resetState("ACTIVE");
    expect((await s.reload()).status).toBe("ACTIVE");
    await s.delete();
  });

  it("changePassword shows PASSWORD until Nova is done (a reboot meanwhile is 409); waitFor(ACTIVE) waits for it", async () => {
    const s = await nova().servers.create({ name: uniqueName("passwd"), image: UBUNTU, flavor: "general1-1" });
    await s.waitFor("ACTIVE", { interval: 100 });
    await s.changePassword("n3w-r00t-pass");
    expect((await s.reload()).status).toBe("PASSWORD");
    await expect(s.reboot()).rejects.toMatchObject({ status: 409 });
    await s.waitFor("ACTIVE", { interval: 100 });
    await s.reboot();
    await s.delete();
  });

  it("stop → SHUTOFF, start → ACTIVE, and the console output", async () => {
    const s = await nova().servers.create({ name: uniqueName("power"), image: UBUNTU, flavor: "general1-1" });
    await s.waitFor("ACTIVE", { interval: 100 });
    await s.stop();
    expect((await s.waitFor("SHUTOFF", { interval: 100 })).status).toBe("SHUTOFF");
    await s.start();
    expect((await s.waitFor("ACTIVE", { interval: 100 })).status).toBe("ACTIVE");
    expect(await s.consoleOutput(10)).toContain("login:");
    await s.delete();
  });

  it("limits report the quotas and what is in use", async () => {
    const limits = await nova().limits.get();
    expect(limits.absolute.maxTotalInstances).toBe(100);
    expect(limits.rate.find((r) => r.uri === "/servers" && r.verb === "POST")).toMatchObject({ value: 1000, unit: "DAY" });
  });
});
