import { NoEndpointForService } from "@rax/core";
import { Networks } from "@rax/networks";
import { afterAll, describe, expect, it } from "vitest";
import { networkScenarios, neutronScenarios } from "../scenarios/networks";
import type { Target } from "../scenarios/target";
import { type OpenStackTarget, startOpenStackTarget } from "./openstack-target";

// Runs when the real-server tier is up and its catalog offers Neutron (type `network`, started by
// scripts/openstack); otherwise the suite is skipped and says why.
const target = await startOpenStackTarget().catch((e: unknown) => e as Error);
const skipReason = target instanceof Error ? `no OpenStack target (${target.message})` : missing(target, "network", "neutron");
// With Nova in the catalog too, a server is booted on a fresh network (Nova binds a Neutron port).
const servers = !(target instanceof Error) && missing(target, "compute", "nova") === undefined;

function missing(t: OpenStackTarget, type: string, part: string): string | undefined {
  try {
    t.ctx.identity.endpoint({ type, region: t.region });
    return undefined;
  } catch (e) {
    if (e instanceof NoEndpointForService) return `the catalog has no ${type} endpoint in ${t.region} (start it: bash scripts/openstack/start.sh ${part})`;
    throw e;
  }
}

afterAll(async () => {
  if (!(target instanceof Error)) await target.close();
});

const client = (t: Target) => t.ctx.client(Networks, { region: t.region });

describe.skipIf(skipReason !== undefined)(`network scenarios against real Neutron (Keystone v3)${skipReason ? ` — skipped: ${skipReason}` : ""}`, () => {
  networkScenarios(() => target as OpenStackTarget, { client, servers, interval: 500 });
  neutronScenarios(() => target as OpenStackTarget, { client });

  it("a client from a context not yet authenticated works as its first call (the catalog comes with the token)", async () => {
    const t = target as OpenStackTarget;
    const fresh = t.newContext("password");
    try {
      const cnw = fresh.client(Networks, { region: t.region });
      await expect(cnw.networks.find(`rax-it-nobody-${Date.now()}`)).rejects.toMatchObject({ name: "NoSuchNetwork" });
      expect(cnw.backend).toBe("neutron");
    } finally {
      await fresh.close();
    }
  });

  it("a CIDR typed with host bits: the network reports the range Neutron keeps, on create as on get", async () => {
    const cnw = client(target as OpenStackTarget);
    const net = await cnw.networks.create({ label: `rax-it-hostbits-${Date.now()}`, cidr: "192.168.211.7/24" });
    try {
      expect(net.cidr).toBe("192.168.211.0/24");
      expect((await cnw.networks.get(net.id)).cidr).toBe("192.168.211.0/24");
    } finally {
      await cnw.networks.delete(net);
    }
  });
});
