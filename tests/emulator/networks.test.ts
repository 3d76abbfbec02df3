import { Networks, PUBLIC_NET_ID, SERVICE_NET_ID } from "@rax/networks";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { networkScenarios, neutronScenarios } from "../scenarios/networks";
import type { Target } from "../scenarios/target";
import { type EmulatorTarget, startEmulatorTarget } from "./emulator-target";

let target: EmulatorTarget;
beforeAll(async () => {
  target = await startEmulatorTarget();
});
afterAll(async () => {
  await target?.close();
});

const neutron = (t: Target) => t.ctx.client(Networks, { region: t.region });
const osNetworksV2 = (t: Target) => new Networks(t.ctx.identity, { region: t.region, backend: "os-networksv2" });

describe("network scenarios against @rax/emulator — Neutron (the catalog offers `network`)", () => {
  networkScenarios(() => target, { client: neutron, servers: true, interval: 100 });
  neutronScenarios(() => target, { client: neutron });
});

describe("network scenarios against @rax/emulator — os-networksv2 (pyrax's path)", () => {
  networkScenarios(() => target, { client: osNetworksV2, servers: true, interval: 100 });
});

describe("Rackspace's default networks", () => {
  it("both backends list the public and private pseudo networks with their fixed ids", async () => {
    for (const cnw of [neutron(target), osNetworksV2(target)]) {
      const rows = (await cnw.networks.list().toArray()).map((n) => [n.id, n.label]);
      expect(rows).toEqual(expect.arrayContaining([
        [PUBLIC_NET_ID, "public"],
        [SERVICE_NET_ID, "private"],
      ]));
    }
    expect(neutron(target).backend).toBe("neutron");
  });
});
