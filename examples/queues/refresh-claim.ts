// "Refreshing a Claim": a Claim object is a snapshot; reload() refreshes every attribute.
import { Queues } from "@rax/queues";
import { exampleName } from "../lib/names";
import { type ExampleTarget, isMain, runStandalone } from "../lib/target";

export async function main(target: ExampleTarget): Promise<{ snapshot: number; reloaded: number }> {
  const pq = target.ctx.client(Queues, { region: target.region });
  const queue = await pq.queues.create(exampleName("refresh"));
  await queue.postMessages([1, 2, 3].map((n) => ({ body: n, ttl: 600 })));
  const claim = (await queue.claimMessages({ ttl: 300, grace: 60 }))!;
  await claim.messages[0]!.delete(); // done with one of them
  const snapshot = claim.messages.length;
  // pyrax: claim.reload()
  await claim.reload();
  console.log(`snapshot held ${snapshot} messages; reloaded: ${claim.messages.length}, age ${claim.age}s`);
  await queue.delete();
  return { snapshot, reloaded: claim.messages.length };
}

if (isMain(import.meta.url)) await runStandalone(main);
