import { Compute } from "@rax/compute";
import { NoEndpointForService, waitUntil } from "@rax/core";
import { NetworkInUse, Networks } from "@rax/networks";
import { afterAll, describe } from "vitest";
import { computeScenarios } from "../scenarios/compute";
import { uniqueName } from "../scenarios/target";
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

// Real Nova boots a server that names no network only when the project sees exactly one (else 409
// "Multiple possible networks found"), and other suites make networks of their own in the same project:
// the scenarios boot on a network made for this run (or RAX_TEST_NETWORK=<uuid>).
const own =
  skipReason === undefined && !process.env.RAX_TEST_NETWORK
    ? await (target as OpenStackTarget).ctx.client(Networks, { region: (target as OpenStackTarget).region }).networks.create({ label: uniqueName("compute"), cidr: "192.168.203.0/24" })
    : undefined;

afterAll(async () => {
  if (target instanceof Error) return;
  // The scenarios' servers were deleted just before: their ports keep the network in use for a moment.
  if (own) await waitUntil(() => own.delete().then(() => true, (e: unknown) => (e instanceof NetworkInUse ? false : Promise.reject(e))), (done) => done, true, { interval: 1000, attempts: 120 });
  await target.close();
});

describe.skipIf(skipReason !== undefined)(`compute scenarios against real Nova (Keystone v3)${skipReason ? ` — skipped: ${skipReason}` : ""}`, () => {
  computeScenarios(() => target as OpenStackTarget, {
    interval: 500,
    networks: [process.env.RAX_TEST_NETWORK ?? own?.id ?? ""],
  });
});
