import { ClaimExpired, type Claim, Queues } from "@rax/queues";
import { afterAll, describe, expect, it } from "vitest";
import { type EmulatorTarget, startEmulatorTarget } from "../emulator/emulator-target";
import type { OpenStackTarget } from "./openstack-target";
import { startZaqarTarget } from "./zaqar-target";

// How long claimed messages live on Zaqar 15 with its Swift message store (storage/swift/claims.py):
// a claim rewrites each message (ttl = max(ttl, claim ttl + grace), age from 0), a renewal touches only
// the claim. The emulator's Zaqar v2 must say the same: the same assertions run on both.
const zaqar = await startZaqarTarget();
const emulator: EmulatorTarget = await startEmulatorTarget({ identity: "keystone" });

afterAll(async () => {
  await zaqar.close();
  await emulator.close();
});

type Side = { t: OpenStackTarget | EmulatorTarget; pass: (ms: number) => Promise<void> };

function client(t: OpenStackTarget | EmulatorTarget, clientId?: string): Queues {
  // The emulator's catalog lists Rackspace's v1 first: ask for its Zaqar (`messaging`) by endpoint.
  const endpoint = t.name === "emulator" ? t.ctx.getEndpoint("messaging", { region: t.region }) : undefined;
  return t.ctx.client(Queues, { region: t.region, ...(clientId ? { clientId } : {}), ...(endpoint ? { endpoint } : {}) });
}

function lifetimes(side: () => Side): void {
  it("a claim restarts its messages' age (after its answer) and shows ttl = max(ttl, claim ttl + grace); a renewal leaves them as they are", async () => {
    const { t, pass } = side();
    const pq = client(t);
    const q = await pq.queues.create(`life-${Date.now().toString(36)}-${process.pid}`);
    try {
      await q.postMessages([
        { body: "short", ttl: 60 },
        { body: "long", ttl: 900 },
      ]);
      await pass(2000);
      const before = await pq.messages.list(q, { echo: true }).toArray();
      expect(before.every((m) => m.age >= 1.5)).toBe(true);
      const claim = (await pq.claims.claim(q, { ttl: 300, grace: 90 })) as Claim;
      expect(claim.messages.map((m) => [m.body, m.ttl])).toEqual([
        ["short", 390],
        ["long", 900],
      ]);
      // The claim's answer shows the rows as listed for it (old ages); the messages were rewritten after.
      expect(claim.messages.every((m) => m.age >= 1.5)).toBe(true);
      expect((await pq.claims.get(q, claim.id)).messages.every((m) => m.age < 1.5)).toBe(true);
      await claim.update({ ttl: 400, grace: 200 });
      const after = await pq.claims.get(q, claim.id);
      expect(after.messages.map((m) => [m.body, m.ttl])).toEqual([
        ["short", 390],
        ["long", 900],
      ]);
      await claim.release();
    } finally {
      await q.delete();
    }
  });

  it("deleting with a released claim is ClaimExpired and deletes nothing", async () => {
    const { t } = side();
    const pq = client(t);
    const q = await pq.queues.create(`stale-${Date.now().toString(36)}-${process.pid}`);
    try {
      await q.postMessage({ n: 1 }, 600);
      const worker = client(t, crypto.randomUUID());
      const claim = (await worker.claims.claim(q, { ttl: 60, grace: 60 })) as Claim;
      await claim.release();
      await expect(claim.messages[0]!.delete()).rejects.toBeInstanceOf(ClaimExpired);
      expect((await pq.messages.list(q, { echo: true }).toArray()).map((m) => m.body)).toEqual([{ n: 1 }]);
    } finally {
      await q.delete();
    }
  });
}

describe.skipIf(zaqar.skipReason !== undefined)(`claimed messages' lifetime, real Zaqar${zaqar.skipReason ? ` — skipped: ${zaqar.skipReason}` : ""}`, () => {
  lifetimes(() => ({ t: zaqar.target!, pass: (ms) => new Promise((r) => setTimeout(r, ms)) }));
});

describe("claimed messages' lifetime, the emulator's Zaqar v2", () => {
  lifetimes(() => ({ t: emulator, pass: async (ms) => emulator.emulator.state.clock.advance(ms) }));
});
