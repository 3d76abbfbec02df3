import { BlockStorage } from "@rax/block-storage";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
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

// Keystone v3's catalog lists Cinder v3 (`volumev3`): the same scenarios over v3's names, 202s and links.
describe("block storage scenarios against @rax/emulator over Keystone v3 (Cinder v3)", () => {
  let v3: EmulatorTarget;
  beforeAll(async () => {
    v3 = await startEmulatorTarget({ identity: "keystone" });
  });
  afterAll(async () => {
    await v3?.close();
  });
  it("picks the v3 endpoint from the catalog", () => {
    expect(v3.ctx.client(BlockStorage, { region: v3.region }).endpoint).toMatch(/\/v3\/[^/]+$/);
  });
  blockStorageScenarios(() => v3, { interval: 100 });
});
