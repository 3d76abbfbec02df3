import { BlockStorage } from "@rax/block-storage";
import { Compute } from "@rax/compute";
import { NoEndpointForService } from "@rax/core";
import { afterAll, describe } from "vitest";
import { blockStorageScenarios } from "../scenarios/block-storage";
import { type OpenStackTarget, startOpenStackTarget } from "./openstack-target";

// Runs when the real-server tier is up and its catalog offers Cinder (volumev3 / block-storage /
// volume); otherwise the suite is skipped and says why. Attach/detach run only when Nova is there too.
const target = await startOpenStackTarget().catch((e: unknown) => e as Error);
const skipReason = target instanceof Error ? `no OpenStack target (${target.message})` : missing(target, "block-storage (Cinder)", "cinder", () => target.ctx.client(BlockStorage, { region: target.region }).endpoint);
const noNova = target instanceof Error ? "no target" : missing(target, "compute", "nova", () => target.ctx.client(Compute, { region: target.region }).endpoint);

function missing(t: OpenStackTarget, what: string, part: string, endpoint: () => string): string | undefined {
  try {
    void endpoint();
    return undefined;
  } catch (e) {
    if (e instanceof NoEndpointForService) return `the catalog has no ${what} endpoint in ${t.region} (start it: bash scripts/openstack/start.sh ${part})`;
    throw e;
  }
}

afterAll(async () => {
  if (!(target instanceof Error)) await target.close();
});

describe.skipIf(skipReason !== undefined)(`block storage scenarios against real Cinder (Keystone v3)${skipReason ? ` — skipped: ${skipReason}` : ""}`, () => {
  blockStorageScenarios(() => target as OpenStackTarget, {
    interval: 500,
    attach: noNova === undefined,
    ...(process.env.RAX_TEST_NETWORK ? { networks: [process.env.RAX_TEST_NETWORK] } : {}),
  });
});
