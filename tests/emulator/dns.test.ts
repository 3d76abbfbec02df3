import { afterAll, beforeAll, describe } from "vitest";
import { dnsScenarios } from "../scenarios/dns";
import { type EmulatorTarget, startEmulatorTarget } from "./emulator-target";

let target: EmulatorTarget;
beforeAll(async () => {
  target = await startEmulatorTarget();
});
afterAll(async () => {
  await target?.close();
});

describe("DNS scenarios against @rax/emulator (Cloud DNS v1.0)", () => {
  dnsScenarios(() => target, { jobDelay: 50 });
});
