import { afterAll, beforeAll, describe } from "vitest";
import { identityScenarios } from "../scenarios/identity";
import { type OpenStackTarget, startOpenStackTarget } from "./openstack-target";

let target: OpenStackTarget;
beforeAll(async () => {
  target = await startOpenStackTarget();
});
afterAll(async () => {
  await target?.close();
});

describe("identity scenarios against real Keystone v3", () => {
  identityScenarios(() => target);
});
