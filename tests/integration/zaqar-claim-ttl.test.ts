import { Queues } from "@rax/queues";
import { afterAll, describe, expect, it } from "vitest";
import { type EmulatorTarget, startEmulatorTarget } from "../emulator/emulator-target";
import type { OpenStackTarget } from "./openstack-target";
import { startZaqarTarget } from "./zaqar-target";

// Zaqar 15's GET of a claim reports the seconds it has left, not the TTL it was given; the emulator's
// Zaqar v2 must say the same (a grace-only renewal sends what GET says, so the two must agree).
const zaqar = await startZaqarTarget();
const emulator: EmulatorTarget = await startEmulatorTarget({ identity: "keystone" });

afterAll(async () => {
  await zaqar.close();
  await emulator.close();
});

async function ttlLeft(t: OpenStackTarget | EmulatorTarget, pass: () => Promise<void>): Promise<{ made: number; later: number }> {
  // The emulator's catalog lists Rackspace's v1 first: ask for its Zaqar (`messaging`) by endpoint.
  const endpoint = t.name === "emulator" ? t.ctx.getEndpoint("messaging", { region: t.region }) : undefined;
  const pq = t.ctx.client(Queues, { region: t.region, clientId: "3381af92-2b9e-11e3-b191-71861300734c", ...(endpoint ? { endpoint } : {}) });
  expect(pq.apiVersion).toBe(2);
  const q = await pq.queues.create(`ttl-${Date.now().toString(36)}-${process.pid}`);
  try {
    await q.postMessage({ n: 1 }, 600);
    const claim = (await q.claimMessages({ ttl: 300, grace: 60 }))!;
    await pass();
    return { made: claim.ttl, later: (await pq.claims.get(q, claim.id)).ttl };
  } finally {
    await q.delete();
  }
}

describe.skipIf(zaqar.skipReason !== undefined)(`a claim's ttl on GET, real Zaqar${zaqar.skipReason ? ` — skipped: ${zaqar.skipReason}` : ""}`, () => {
  it("is the seconds left", async () => {
    const { made, later } = await ttlLeft(zaqar.target!, () => new Promise((r) => setTimeout(r, 2000)));
    expect(made).toBe(300);
    expect(later).toBeLessThan(300);
  });
});

describe("a claim's ttl on GET, the emulator's Zaqar v2", () => {
  it("is the seconds left, rounded", async () => {
    const { made, later } = await ttlLeft(emulator, async () => emulator.emulator.state.clock.advance(6_000));
    expect(made).toBe(300);
    expect(later).toBe(294);
  });
});
