import { afterAll, beforeAll, describe } from "vitest";
import { identityScenarios } from "../scenarios/identity";
import { type EmulatorTarget, startEmulatorTarget } from "./emulator-target";

let target: EmulatorTarget;
beforeAll(async () => {
  target = await startEmulatorTarget({ identity: "keystone" });
});
afterAll(async () => {
  await target?.close();
});

// The same scenarios tests/integration runs against real Keystone v3.
describe("identity scenarios against the emulator's Keystone v3", () => {
  identityScenarios(() => target);
});
