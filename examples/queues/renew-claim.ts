// "Renewing a Claim": a long job updates its claim (new ttl and/or grace) so it is not released
// mid-way; the claim's age restarts. Renewals are retried with backoff on 5xx.
import { Queues } from "@rax/queues";
import { exampleName } from "../lib/names";
import { type ExampleTarget, isMain, runStandalone } from "../lib/target";

export async function main(target: ExampleTarget): Promise<{ before: number; after: number; grace?: number }> {
  const pq = target.ctx.client(Queues, { region: target.region });
  const queue = await pq.queues.create(exampleName("renew"));
  await queue.postMessage({ job: "long" }, 3600);
  const claim = (await queue.claimMessages({ ttl: 60, grace: 60 }))!;
  const before = claim.ttl;
  // pyrax: pq.update_claim(queue, claim, ttl=600)   or   queue.update_claim(claim, ttl=600, grace=120)
  await pq.claims.update(queue, claim, { ttl: 600 });
  await queue.updateClaim(claim, { ttl: 600, grace: 120 });
  const after = (await pq.claims.get(queue, claim.id)).ttl;
  console.log(`claim ttl ${before} → ${after}`);
  await queue.delete();
  return { before, after, grace: 120 };
}

if (isMain(import.meta.url)) await runStandalone(main);
