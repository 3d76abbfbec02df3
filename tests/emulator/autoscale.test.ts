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
  autoScaleScenarios(() => target, { interval: 100, advanceClock: (ms) => target.emulator.state.clock.advance(ms) });
});

// Keystone v3's catalog lists Auto Scale too: the same scenarios signed in with a password.
describe("auto scale scenarios against @rax/emulator over Keystone v3", () => {
  let v3: EmulatorTarget;
  beforeAll(async () => {
    v3 = await startEmulatorTarget({ identity: "keystone" });
  });
  afterAll(async () => {
    await v3?.close();
  });
  autoScaleScenarios(() => v3, { interval: 100 });
});
