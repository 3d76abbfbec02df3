import { afterAll, beforeAll, describe } from "vitest";
import { folderUploadScenarios } from "../scenarios/folder-upload";
import { type OpenStackTarget, startOpenStackTarget } from "./openstack-target";

let target: OpenStackTarget;
beforeAll(async () => {
  target = await startOpenStackTarget();
});
afterAll(async () => {
  await target?.close();
});

describe("folder upload through extract-archive against real Swift (Keystone v3)", () => {
  folderUploadScenarios(() => target);
});
