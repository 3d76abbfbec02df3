import { Queues } from "@rax/queues";
import { afterAll, describe, expect, it } from "vitest";
import { queuesScenarios } from "../scenarios/queues";
import type { OpenStackTarget } from "./openstack-target";
import { startZaqarTarget } from "./zaqar-target";

// Runs when the real-server tier is up and its catalog offers Zaqar (`messaging`); otherwise the
// suite is skipped and says why.
const zaqar = await startZaqarTarget();
const target = zaqar.target;
const skipReason = zaqar.skipReason;

afterAll(() => zaqar.close());

describe.skipIf(skipReason !== undefined)(`queues scenarios against real Zaqar v2 (Keystone v3)${skipReason ? ` — skipped: ${skipReason}` : ""}`, () => {
  it("finds Zaqar through the catalog's messaging entry and speaks v2", () => {
    const pq = (target as OpenStackTarget).ctx.client(Queues, { region: (target as OpenStackTarget).region });
    expect(pq.apiVersion).toBe(2);
    expect(pq.queuesRoot).toBe("v2/queues");
  });
  it("claim.reload() shows what Zaqar reports: ttl, age and messages, and no grace (Zaqar's GET has none)", async () => {
    const t = target as OpenStackTarget;
    const pq = t.ctx.client(Queues, { region: t.region, clientId: "3381af92-2b9e-11e3-b191-71861300734c" });
    const q = await pq.queues.create(`reload-${Date.now().toString(36)}-${process.pid}`);
    try {
      await q.postMessages([1, 2].map((n) => ({ body: n, ttl: 600 })));
      const claim = (await q.claimMessages({ ttl: 300, grace: 90 }))!;
      expect(claim.grace).toBe(90);
      await pq.claims.update(q, claim.id, { ttl: 600, grace: 200 });
      await claim.messages[0]!.delete();
      await claim.reload();
      expect(claim.ttl).toBeGreaterThan(300);
      expect(claim.ttl).toBeLessThanOrEqual(600);
      expect(claim.messages).toHaveLength(1);
      expect(claim.grace).toBeUndefined();
    } finally {
      await q.delete();
    }
  });
  it("a grace-only renewal of a 60 s claim a moment old succeeds (Zaqar's GET says under 60 s left; it refuses a PATCH ttl under 60)", async () => {
    const t = target as OpenStackTarget;
    const pq = t.ctx.client(Queues, { region: t.region, clientId: "3381af92-2b9e-11e3-b191-71861300734c" });
    const q = await pq.queues.create(`grace-${Date.now().toString(36)}-${process.pid}`);
    try {
      await q.postMessage({ n: 1 }, 600);
      const claim = (await q.claimMessages({ ttl: 60, grace: 60 }))!;
      await new Promise((r) => setTimeout(r, 1500));
      expect((await pq.claims.get(q, claim.id)).ttl).toBeLessThan(60);
      await claim.update({ grace: 120 });
      expect((await pq.claims.get(q, claim.id)).ttl).toBeGreaterThanOrEqual(59);
    } finally {
      await q.delete();
    }
  });
  queuesScenarios(() => target as OpenStackTarget);
});
