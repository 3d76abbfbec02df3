import { NoEndpointForService } from "@rax/core";
import { afterAll, describe } from "vitest";
import { imageScenarios } from "../scenarios/images";
import { type OpenStackTarget, startOpenStackTarget } from "./openstack-target";

// Runs when the real-server tier is up and its catalog offers Glance (type `image`, started by
// scripts/openstack); otherwise the suite is skipped and says why. Rackspace's import/export
// tasks are not in stock Glance, so they run against the emulator only (tests/emulator/images.test.ts).
const target = await startOpenStackTarget().catch((e: unknown) => e as Error);
const skipReason = target instanceof Error ? `no OpenStack target (${target.message})` : missingGlance(target);

function missingGlance(t: OpenStackTarget): string | undefined {
  try {
    t.ctx.identity.endpoint({ type: "image", region: t.region });
    return undefined;
  } catch (e) {
    if (e instanceof NoEndpointForService) return `the catalog has no image endpoint in ${t.region} (start Glance: bash scripts/openstack/start.sh glance)`;
    throw e;
  }
}

afterAll(async () => {
  if (!(target instanceof Error)) await target.close();
});

describe.skipIf(skipReason !== undefined)(`image scenarios against real Glance (Keystone v3)${skipReason ? ` — skipped: ${skipReason}` : ""}`, () => {
  imageScenarios(() => target as OpenStackTarget, { memberProject: (target as OpenStackTarget).env?.users.alt_demo.projectId ?? "" });
});
