// "Releasing a Claim": give the messages back at once instead of waiting out the claim's TTL.
import { randomUUID } from "node:crypto";
import { Queues } from "@rax/queues";
import { exampleName } from "../lib/names";
import { type ExampleTarget, isMain, runStandalone } from "../lib/target";

export async function main(target: ExampleTarget): Promise<{ claimedByOther: boolean; afterRelease: number }> {
  const pq = target.ctx.client(Queues, { region: target.region });
  const other = target.ctx.client(Queues, { region: target.region, clientId: randomUUID() });
  const queue = await pq.queues.create(exampleName("release"));
  await queue.postMessages([1, 2].map((n) => ({ body: n, ttl: 600 })));
  const claim = (await queue.claimMessages({ ttl: 600, grace: 60 }))!;
  const claimedByOther = (await other.claims.claim(queue.name, { ttl: 60, grace: 60 })) !== undefined;
  // pyrax: pq.release_claim(queue, claim)   or   queue.release_claim(claim)
  await pq.claims.release(queue, claim);
  const again = await other.claims.claim(queue.name, { ttl: 60, grace: 60 });
  console.log(`after release another worker claimed ${again?.messages.length ?? 0}`);
  await queue.delete();
  return { claimedByOther, afterRelease: again?.messages.length ?? 0 };
}

if (isMain(import.meta.url)) await runStandalone(main);
