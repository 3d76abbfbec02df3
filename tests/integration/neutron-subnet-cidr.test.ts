import { NoEndpointForService } from "@rax/core";
import { Networks } from "@rax/networks";
import { afterAll, describe, expect, it } from "vitest";
import { type EmulatorTarget, startEmulatorTarget } from "../emulator/emulator-target";
import type { Target } from "../scenarios/target";
import { type OpenStackTarget, startOpenStackTarget } from "./openstack-target";

// A CIDR typed with host bits, as real Neutron 21 (Zed) answers it: the emulator's Neutron must do
// the same (10.0.0.5/24 → 10.0.0.0/24, its gateway and pool; an overlap named by the kept range;
// IPv6 as well). Run against both, the same assertions.
const real = await startOpenStackTarget().catch((e: unknown) => e as Error);
const skipReal = real instanceof Error ? `no OpenStack target (${real.message})` : missing(real);
const emulator: EmulatorTarget = await startEmulatorTarget();

function missing(t: OpenStackTarget): string | undefined {
  try {
    t.ctx.identity.endpoint({ type: "network", region: t.region });
    return undefined;
  } catch (e) {
    if (e instanceof NoEndpointForService) return `the catalog has no network endpoint (start it: bash scripts/openstack/start.sh neutron)`;
    throw e;
  }
}

afterAll(async () => {
  if (!(real instanceof Error)) await real.close();
  await emulator.close();
});

function cidrChecks(getTarget: () => Target): void {
  it("host bits are cleared; gateway and pool follow the kept range; an overlap is refused, named by it; IPv6 alike", async () => {
    const t = getTarget();
    const cnw = t.ctx.client(Networks, { region: t.region });
    const net = await cnw.networks.create({ label: `rax-it-cidr-${Date.now().toString(36)}`, cidr: "10.77.0.5/24" });
    try {
      const [v4] = await cnw.subnets.list({ network: net }).toArray();
      expect(v4).toMatchObject({ cidr: "10.77.0.0/24", gatewayIp: "10.77.0.1", allocationPools: [{ start: "10.77.0.2", end: "10.77.0.254" }] });
      const overlap = await cnw.subnets.create({ network: net, cidr: "10.77.0.77/25" }).catch((e: unknown) => e as Error);
      expect(overlap).toBeInstanceOf(Error);
      expect((overlap as Error).message).toContain("Requested subnet with cidr: 10.77.0.0/25");
      expect((overlap as Error).message).toContain("overlaps with another subnet");
      const v6 = await cnw.subnets.create({ network: net, cidr: "fd00:77::5/64" });
      expect(v6).toMatchObject({
        cidr: "fd00:77::/64",
        ipVersion: 6,
        gatewayIp: "fd00:77::",
        allocationPools: [{ start: "fd00:77::1", end: "fd00:77::ffff:ffff:ffff:ffff" }],
      });
    } finally {
      await cnw.networks.delete(net);
    }
  });
}

describe.skipIf(skipReal !== undefined)(`subnet CIDRs on real Neutron${skipReal ? ` — skipped: ${skipReal}` : ""}`, () => {
  cidrChecks(() => real as OpenStackTarget);
});

describe("subnet CIDRs on the emulator's Neutron", () => {
  cidrChecks(() => emulator);
});
