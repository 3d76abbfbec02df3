import { afterAll, beforeAll, describe } from "vitest";
import { folderUploadScenarios } from "../scenarios/folder-upload";
import { type EmulatorTarget, startEmulatorTarget } from "./emulator-target";

let target: EmulatorTarget;
beforeAll(async () => {
  target = await startEmulatorTarget();
});
afterAll(async () => {
  await target?.close();
});

describe("folder upload through extract-archive against @rax/emulator", () => {
  folderUploadScenarios(() => target);
});
