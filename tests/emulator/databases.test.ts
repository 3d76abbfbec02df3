import { Databases, InstanceFailed } from "@rax/databases";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { troveState } from "../../packages/emulator/src/databases/model";
import { databasesScenarios } from "../scenarios/databases";
import { type EmulatorTarget, startEmulatorTarget } from "./emulator-target";

let target: EmulatorTarget;
beforeAll(async () => {
  target = await startEmulatorTarget();
});
afterAll(async () => {
  await target?.close();
});

describe("databases scenarios against @rax/emulator", () => {
  databasesScenarios(() => target, { interval: 100, resizeApplies: true, restoreKeepsData: true, hostChange: true, datastore: { type: "mysql", version: "5.6" } });
});

// Keystone v3 over the same emulator: the catalog's rax:database endpoint, found the same way.
describe("databases scenarios against @rax/emulator over Keystone v3", () => {
  let v3: EmulatorTarget;
  beforeAll(async () => {
    v3 = await startEmulatorTarget({ identity: "keystone" });
  });
  afterAll(async () => {
    await v3?.close();
  });
  databasesScenarios(() => v3, { interval: 100, resizeApplies: true, restoreKeepsData: true, hostChange: true });
});

// Emulator only: a build the test makes fail, as a real cloud's can.
describe("an instance that goes to ERROR", () => {
  it("waitFor(ACTIVE) rejects with InstanceFailed carrying the service's fault", async () => {
    const cdb = target.ctx.client(Databases, { region: target.region });
    troveState(target.emulator.state).buildFailure = "No valid host was found.";
    try {
      const inst = await cdb.instances.create({ name: "doomed", flavor: 1, volume: 1 });
      const e = await inst.waitFor("ACTIVE", { interval: 100 }).catch((x: unknown) => x);
      expect(e).toBeInstanceOf(InstanceFailed);
      expect((e as InstanceFailed).message).toContain("No valid host was found.");
      expect((e as InstanceFailed).resource).toMatchObject({ id: inst.id, status: "ERROR", fault: "No valid host was found." });
      await inst.delete();
    } finally {
      troveState(target.emulator.state).buildFailure = undefined;
    }
  });
});

// Emulator only: resizes that end without applying, as every resize does on Trove's fake mode and a real one
// does when the volume or flavor change times out (RESIZE, then ACTIVE with the old size).
describe("a resize that reverts", () => {
  it("waitFor(ACTIVE) after resizeVolume/resize rejects with InstanceFailed instead of resolving with the old size", async () => {
    const cdb = target.ctx.client(Databases, { region: target.region });
    const inst = await (await cdb.instances.create({ name: "reverts", flavor: 1, volume: 2 })).waitFor("ACTIVE", { interval: 100 });
    troveState(target.emulator.state).resizeReverts = true;
    try {
      await inst.resizeVolume(5);
      const e = await inst.waitFor("ACTIVE", { interval: 100 }).catch((x: unknown) => x);
      expect(e).toBeInstanceOf(InstanceFailed);
      expect((e as Error).message).toContain("the volume resize to 5 GB did not apply (the volume is 2 GB)");
      expect(inst).toMatchObject({ status: "ACTIVE", volume: { size: 2 } });
      // By id the object cannot remember the size: the option says it.
      await cdb.instances.resizeVolume(inst.id, 6);
      await expect(cdb.instances.waitFor(inst.id, "ACTIVE", { interval: 100, volumeSize: 6 })).rejects.toThrow(/volume resize to 6 GB did not apply/);
      await inst.resize("2GB Instance");
      await expect(inst.waitFor("ACTIVE", { interval: 100 })).rejects.toThrow(/resize to flavor 3 did not apply \(the flavor is 1\)/);
    } finally {
      troveState(target.emulator.state).resizeReverts = false;
    }
    // Applied this time: the wait resolves with the new size, and only then.
    await inst.resizeVolume(7);
    expect((await inst.waitFor("ACTIVE", { interval: 100 })).volume?.size).toBe(7);
    await expect(cdb.instances.waitFor(inst.id, "ACTIVE", { volumeSize: 2.5 })).rejects.toMatchObject({ field: "volumeSize" });
    await inst.delete();
  });
});
