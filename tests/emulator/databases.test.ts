import { afterAll, beforeAll, describe } from "vitest";
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
