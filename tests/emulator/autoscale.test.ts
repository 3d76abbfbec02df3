import { afterAll, beforeAll, describe } from "vitest";
import { autoScaleScenarios } from "../scenarios/autoscale";
import { type EmulatorTarget, startEmulatorTarget } from "./emulator-target";

let target: EmulatorTarget;
beforeAll(async () => {
  target = await startEmulatorTarget();
});
afterAll(async () => {
  await target?.close();
});

describe("auto scale scenarios against @rax/emulator", () => {
  autoScaleScenarios(() => target, { interval: 100 });
});
