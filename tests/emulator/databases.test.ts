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
