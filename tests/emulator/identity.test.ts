import { afterAll, beforeAll, describe } from "vitest";
import { identityScenarios } from "../scenarios/identity";
import { type EmulatorTarget, startEmulatorTarget } from "./emulator-target";

let target: EmulatorTarget;
beforeAll(async () => {
  target = await startEmulatorTarget();
});
afterAll(async () => {
  await target?.close();
});

describe("identity scenarios against @rax/emulator", () => {
  identityScenarios(() => target);
});
