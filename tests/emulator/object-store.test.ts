import { afterAll, beforeAll, describe } from "vitest";
import { objectStoreScenarios } from "../scenarios/object-store";
import { type EmulatorTarget, startEmulatorTarget } from "./emulator-target";

let target: EmulatorTarget;
beforeAll(async () => {
  target = await startEmulatorTarget();
});
afterAll(async () => {
  await target?.close();
});

describe("object store scenarios against @rax/emulator", () => {
  objectStoreScenarios(() => target);
});
