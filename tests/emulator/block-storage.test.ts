import { afterAll, beforeAll, describe } from "vitest";
import { blockStorageScenarios } from "../scenarios/block-storage";
import { type EmulatorTarget, startEmulatorTarget } from "./emulator-target";

let target: EmulatorTarget;
beforeAll(async () => {
  target = await startEmulatorTarget();
});
afterAll(async () => {
  await target?.close();
});

describe("block storage scenarios against @rax/emulator", () => {
  blockStorageScenarios(() => target, { interval: 100 });
});
