import { NoEndpointForService } from "@rax/core";
import { CloudDNS } from "@rax/dns";
import { afterAll, describe } from "vitest";
import { dnsScenarios } from "../scenarios/dns";
import { type OpenStackTarget, startOpenStackTarget } from "./openstack-target";

// The Designate half of @rax/dns against real Designate (catalog type `dns`, 127.0.0.1:9001).
// Skipped, saying why, when the real-server tier is down or its catalog has no DNS service.
const target = await startOpenStackTarget().catch((e: unknown) => e as Error);
const skipReason = target instanceof Error ? `no OpenStack target (${target.message})` : missing(target);

function missing(t: OpenStackTarget): string | undefined {
  try {
    void t.ctx.client(CloudDNS).endpoint;
    return undefined;
  } catch (e) {
    if (e instanceof NoEndpointForService) return "the catalog has no dns (Designate) endpoint (start it: bash scripts/openstack/start.sh designate)";
    throw e;
  }
}

afterAll(async () => {
  if (!(target instanceof Error)) await target.close();
});

describe.skipIf(skipReason !== undefined)(`DNS scenarios against real Designate (Keystone v3)${skipReason ? ` — skipped: ${skipReason}` : ""}`, () => {
  // The client's own Designate defaults (60 s per call), as a user gets them.
  dnsScenarios(() => target as OpenStackTarget, { jobDelay: 250 });
});
