// "Claiming Messages in a Queue": the producer/consumer workflow with two clients. A producer
// posts jobs; two workers claim (ttl, grace, count) and delete each message once processed, so no
// job is done twice. Nothing left to claim → undefined (pyrax's None), not an error.
import { randomUUID } from "node:crypto";
import { Queues } from "@rax/queues";
import { exampleName } from "../lib/names";
import { type ExampleTarget, isMain, runStandalone } from "../lib/target";

export async function main(target: ExampleTarget): Promise<{ processed: number[]; byWorker: Record<string, number>; nothingLeft: boolean; remaining: number }> {
  // Two processes in real life: each client has its own Client-ID.
  const producer = target.ctx.client(Queues, { region: target.region, clientId: randomUUID() });
  const worker = (id: string) => ({ id, pq: target.ctx.client(Queues, { region: target.region, clientId: randomUUID() }) });
  const workers = [worker("a"), worker("b")];

  const queue = await producer.queues.create(exampleName("jobs"));
  await queue.postMessages(Array.from({ length: 7 }, (_, n) => ({ body: { job: n + 1 }, ttl: 600 })));

  const processed: number[] = [];
  const byWorker: Record<string, number> = { a: 0, b: 0 };
  let nothingLeft = false;
  for (let round = 0; !nothingLeft; round++) {
    const w = workers[round % 2]!;
    // pyrax: queue_claim = pq.claim_messages(queue, ttl, grace, count)
    const claim = await w.pq.claims.claim(queue.name, { ttl: 300, grace: 60, count: 3 });
    if (!claim) {
      nothingLeft = true;
      break;
    }
    for (const msg of claim.messages) {
      processed.push((msg.body as { job: number }).job);
      byWorker[w.id]! += 1;
      await msg.delete(); // with the claim id, so only the claimant can delete it
    }
  }
  const { total } = await producer.queues.stats(queue);
  console.log(`processed ${processed.join(", ")}; worker a ${byWorker.a}, worker b ${byWorker.b}`);
  await queue.delete();
  return { processed, byWorker, nothingLeft, remaining: total };
}

if (isMain(import.meta.url)) await runStandalone(main);
