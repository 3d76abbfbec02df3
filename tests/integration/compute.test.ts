import { Compute } from "@rax/compute";
import { NoEndpointForService } from "@rax/core";
import { afterAll, describe } from "vitest";
import { computeScenarios } from "../scenarios/compute";
import { type OpenStackTarget, startOpenStackTarget } from "./openstack-target";

// Runs when the real-server tier is up and its catalog offers compute (Nova started by
// scripts/openstack); otherwise the suite is skipped and says why.
const target = await startOpenStackTarget().catch((e: unknown) => e as Error);
const skipReason = target instanceof Error ? `no OpenStack target (${target.message})` : offersCompute(target);

function offersCompute(t: OpenStackTarget): string | undefined {
  try {
    void t.ctx.client(Compute, { region: t.region }).endpoint;
    return undefined;
  } catch (e) {
    if (e instanceof NoEndpointForService) return `the catalog has no compute endpoint in ${t.region} (start Nova: bash scripts/openstack/start.sh nova)`;
    throw e;
  }
}

afterAll(async () => {
  if (!(target instanceof Error)) await target.close();
});

describe.skipIf(skipReason !== undefined)(`compute scenarios against real Nova (Keystone v3)${skipReason ? ` — skipped: ${skipReason}` : ""}`, () => {
  computeScenarios(() => target as OpenStackTarget, {
    interval: 500,
    // A cloud with several Neutron networks needs one named: RAX_TEST_NETWORK=<uuid>.
    ...(process.env.RAX_TEST_NETWORK ? { networks: [process.env.RAX_TEST_NETWORK] } : {}),
  });
});
