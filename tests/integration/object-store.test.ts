import { afterAll, beforeAll, describe } from "vitest";
import { objectStoreScenarios } from "../scenarios/object-store";
import { type OpenStackTarget, startOpenStackTarget } from "./openstack-target";

let target: OpenStackTarget;
beforeAll(async () => {
  target = await startOpenStackTarget();
});
afterAll(async () => {
  await target?.close();
});

describe("object store scenarios against real Swift (Keystone v3)", () => {
  objectStoreScenarios(() => target);
});
