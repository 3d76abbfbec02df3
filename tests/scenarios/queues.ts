import { randomUUID } from "node:crypto";
import { ValidationError } from "@rax/core";
import { type Claim, ClaimExpired, DuplicateQueue, MessageClaimed, NoSuchClaim, QueueClientIDNotDefined, Queues } from "@rax/queues";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Target, uniqueName } from "./target";

/**
 * Cloud Queues / Zaqar behaviour users rely on — the seed's "Queues" — run against the emulator
 * (tests/emulator, v1 and v2) and real Zaqar v2 (tests/integration): the same assertions. A producer
 * and a consumer are two clients with their own Client-IDs, as two processes would be.
 */
export function queuesScenarios(getTarget: () => Target): void {
  let producer: Queues;
  let consumer: Queues;
  const made: string[] = [];

  async function queue(label: string): Promise<string> {
    const name = uniqueName(label).slice(0, 64);
    await producer.queues.create(name);
    made.push(name);
    return name;
  }

  beforeAll(() => {
    const t = getTarget();
    producer = t.ctx.client(Queues, { region: t.region, clientId: randomUUID() });
    consumer = t.ctx.client(Queues, { region: t.region, clientId: randomUUID() });
  });

  afterAll(async () => {
    for (const name of made) await producer.queues.delete(name).catch(() => undefined);
  });

  describe("queues", () => {
    it("create → exists and listed; creating it again is DuplicateQueue; delete → gone", async () => {
      const name = await queue("q");
      expect(await producer.queues.exists(name)).toBe(true);
      expect((await producer.queues.get(name)).name).toBe(name);
      await expect(producer.queues.create(name)).rejects.toBeInstanceOf(DuplicateQueue);
      const names: string[] = [];
      for await (const q of producer.queues.list({ pageSize: 2 })) names.push(q.name);
      expect(names).toContain(name);
      expect(names).toEqual([...names].sort());
      await producer.queues.delete(name);
      expect(await producer.queues.exists(name)).toBe(false);
      expect(await producer.queues.exists(`${name}-never`)).toBe(false);
    });

    it("metadata merges by default and is replaced with clear", async () => {
      const name = await queue("meta");
      await producer.queues.setMetadata(name, { colour: "blue", size: 1 });
      await producer.queues.setMetadata(name, { size: 2, shape: "round" });
      expect(await producer.queues.getMetadata(name)).toMatchObject({ colour: "blue", size: 2, shape: "round" });
      await producer.queues.setMetadata(name, { only: true }, { clear: true });
      const after = await producer.queues.getMetadata(name);
      expect(after).toMatchObject({ only: true });
      expect(after).not.toHaveProperty("colour");
      expect(after).not.toHaveProperty("size");
    });

    it("bad names and limits fail before any request", async () => {
      await expect(producer.queues.create("no.dots.here")).rejects.toMatchObject({ field: "name" });
      await expect(producer.queues.create("x".repeat(65))).rejects.toBeInstanceOf(ValidationError);
      await expect(producer.messages.post("q", 1, 59)).rejects.toMatchObject({ field: "messages.0.ttl" });
      await expect(producer.claims.claim("q", { ttl: 60, grace: 60, count: 21 })).rejects.toMatchObject({ field: "claim.count" });
    });
  });

  describe("messages", () => {
    it("post one and many; a client sees its own only with echo; another client sees them; stats count them", async () => {
      const name = await queue("msg");
      const one = await producer.messages.post(name, { event: "BackupStarted" }, 300);
      const many = await producer.messages.postMany(name, [
        { body: [1, 2, 3], ttl: 120 },
        { body: "plain text", ttl: 60 },
      ]);
      expect(many.map((m) => m.body)).toEqual([[1, 2, 3], "plain text"]);
      expect((await producer.messages.list(name).toArray()).map((m) => m.id)).toEqual([]);
      const echoed = await producer.messages.list(name, { echo: true }).toArray();
      expect(echoed.map((m) => m.id)).toEqual([one.id, ...many.map((m) => m.id)]);
      expect(echoed[0]).toMatchObject({ body: { event: "BackupStarted" }, ttl: 300 });
      expect((await consumer.messages.list(name).toArray()).map((m) => m.body)).toEqual([{ event: "BackupStarted" }, [1, 2, 3], "plain text"]);
      expect(await producer.queues.stats(name)).toMatchObject({ claimed: 0, free: 3, total: 3 });
    });

    it("lists past one page (25 messages, 10 a page) and stops at a limit", async () => {
      const name = await queue("page");
      for (let batch = 0; batch < 3; batch++) {
        const size = batch < 2 ? 10 : 5;
        await producer.messages.postMany(name, Array.from({ length: size }, (_, i) => ({ body: { n: batch * 10 + i }, ttl: 300 })));
      }
      const all = await consumer.messages.list(name, { pageSize: 10 }).toArray();
      expect(all.map((m) => (m.body as { n: number }).n)).toEqual(Array.from({ length: 25 }, (_, i) => i));
      expect(await consumer.messages.list(name, { limit: 12, pageSize: 10 }).toArray()).toHaveLength(12);
    });

    it("get one and by ids; delete one and by ids", async () => {
      const name = await queue("ids");
      const posted = await producer.messages.postMany(name, [1, 2, 3, 4].map((n) => ({ body: n, ttl: 300 })));
      const ids = posted.map((m) => m.id);
      expect((await producer.messages.get(name, ids[1]!)).body).toBe(2);
      expect((await producer.messages.getByIds(name, [ids[0]!, ids[2]!])).map((m) => m.body).sort()).toEqual([1, 3]);
      await producer.messages.delete(name, ids[0]!);
      await producer.messages.deleteByIds(name, [ids[1]!, ids[2]!]);
      expect((await producer.messages.list(name, { echo: true }).toArray()).map((m) => m.id)).toEqual([ids[3]]);
      expect(await producer.messages.getByIds(name, [ids[0]!])).toEqual([]);
    });
  });

  describe("claims (producer / consumer)", () => {
    it("a worker claims, processes and deletes; the claim hides its messages; renew, refresh, release", async () => {
      const name = await queue("work");
      await producer.messages.postMany(name, [1, 2, 3, 4, 5, 6].map((n) => ({ body: { task: n }, ttl: 600 })));
      const claim = (await consumer.claims.claim(name, { ttl: 120, grace: 60, count: 4 })) as Claim;
      expect(claim.id).toEqual(expect.any(String));
      expect(claim.messages.map((m) => (m.body as { task: number }).task)).toEqual([1, 2, 3, 4]);
      expect(claim.messages.every((m) => m.claimId === claim.id)).toBe(true);
      expect(await producer.queues.stats(name)).toMatchObject({ claimed: 4, free: 2, total: 6 });
      // Unclaimed only, unless asked.
      expect((await consumer.messages.list(name).toArray()).map((m) => (m.body as { task: number }).task)).toEqual([5, 6]);
      expect(await consumer.messages.list(name, { includeClaimed: true }).toArray()).toHaveLength(6);

      // Deleting a claimed message needs its claim: the Message objects carry it.
      await expect(producer.messages.delete(name, claim.messages[0]!.id)).rejects.toBeInstanceOf(MessageClaimed);
      await claim.messages[0]!.delete();
      await claim.messages[1]!.delete();

      await consumer.claims.update(name, claim, { ttl: 300, grace: 120 });
      await claim.reload();
      expect(claim.ttl).toBe(300);
      expect(claim.messages.map((m) => (m.body as { task: number }).task)).toEqual([3, 4]);

      // A second worker gets only what is still free.
      const second = (await producer.claims.claim(name, { ttl: 60, grace: 60 })) as Claim;
      expect(second.messages.map((m) => (m.body as { task: number }).task)).toEqual([5, 6]);
      expect(await producer.claims.claim(name, { ttl: 60, grace: 60 })).toBeUndefined();

      await claim.release();
      await expect(consumer.claims.get(name, claim.id)).rejects.toBeInstanceOf(NoSuchClaim);
      const again = (await consumer.claims.claim(name, { ttl: 60, grace: 60, count: 10 })) as Claim;
      expect(again.messages.map((m) => (m.body as { task: number }).task)).toEqual([3, 4]);
      await second.release();
      await again.release();
      expect(await producer.queues.stats(name)).toMatchObject({ claimed: 0, free: 4, total: 4 });
    });

    it("renewing with only grace keeps the claim's TTL; with only ttl keeps the Claim's grace", async () => {
      // Zaqar fills in what a renewal leaves out (v1: 400 without ttl; v2: ttl 300, grace 60), so rax
      // sends both: a grace-only renewal of a 600 s claim must not shorten it to 300 s.
      const name = await queue("renew");
      await producer.messages.post(name, { task: 1 }, 3600);
      const claim = (await consumer.claims.claim(name, { ttl: 600, grace: 60 })) as Claim;
      await consumer.claims.update(name, claim.id, { grace: 120 });
      expect((await consumer.claims.get(name, claim.id)).ttl).toBe(600);
      await claim.update({ grace: 90 });
      expect((await consumer.claims.get(name, claim.id)).ttl).toBe(600);
      await claim.update({ ttl: 900 });
      expect(claim.grace).toBe(90);
      expect((await consumer.claims.get(name, claim.id)).ttl).toBe(900);
      await claim.release();
    });

    it("a worker whose claim was released cannot delete its messages (ClaimExpired, nothing deleted); another claim cannot either (MessageClaimed)", async () => {
      const name = await queue("stale");
      await producer.messages.postMany(name, [1, 2].map((n) => ({ body: { task: n }, ttl: 600 })));
      const mine = (await consumer.claims.claim(name, { ttl: 60, grace: 60, count: 1 })) as Claim;
      const theirs = (await producer.claims.claim(name, { ttl: 60, grace: 60, count: 1 })) as Claim;
      await expect(consumer.messages.delete(name, theirs.messages[0]!.id, { claimId: mine.id })).rejects.toBeInstanceOf(MessageClaimed);
      await mine.release();
      const err = await mine.messages[0]!.delete().catch((e: unknown) => e);
      expect(err).toBeInstanceOf(ClaimExpired);
      expect(err).toMatchObject({ id: mine.messages[0]!.id, claimId: mine.id });
      // Not deleted: it is free again for the next worker.
      const next = (await producer.claims.claim(name, { ttl: 60, grace: 60 })) as Claim;
      expect(next.messages.map((m) => (m.body as { task: number }).task)).toEqual([1]);
      await next.release();
      await theirs.release();
    });

    it("nothing to claim on an empty queue is undefined, not an error", async () => {
      const name = await queue("empty");
      expect(await consumer.claims.claim(name, { ttl: 60, grace: 60 })).toBeUndefined();
    });

    it("a client without a Client-ID cannot touch messages", async () => {
      const t = getTarget();
      const none = t.ctx.client(Queues, { region: t.region, clientId: null });
      await expect(none.messages.list("anything").toArray()).rejects.toBeInstanceOf(QueueClientIDNotDefined);
    });
  });
}
