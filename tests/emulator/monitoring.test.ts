import { afterAll, beforeAll, describe } from "vitest";
import { monitoringScenarios } from "../scenarios/monitoring";
import { type EmulatorTarget, startEmulatorTarget } from "./emulator-target";

// No real Cloud Monitoring runs here (issue #14): the scenarios run against the emulator, whose
// clock stands in for the minutes a real account would need for checks to run.
let target: EmulatorTarget;
beforeAll(async () => {
  target = await startEmulatorTarget();
});
afterAll(async () => {
  await target?.close();
});

describe("monitoring scenarios against @rax/emulator", () => {
  monitoringScenarios(() => target, { advanceClock: (ms) => target.emulator.state.clock.advance(ms) });
});
