// "Listing Messages in a Queue": echo (your own messages too), include_claimed, marker, limit.
// The listing walks every page itself; `limit` bounds the total.
import { randomUUID } from "node:crypto";
import { Queues } from "@rax/queues";
import { exampleName } from "../lib/names";
import { type ExampleTarget, isMain, runStandalone } from "../lib/target";

export async function main(target: ExampleTarget): Promise<{ ownWithoutEcho: number; ownWithEcho: number; othersSee: number; limited: number; claimedHidden: number; withClaimed: number }> {
  const pq = target.ctx.client(Queues, { region: target.region });
  const other = target.ctx.client(Queues, { region: target.region, clientId: randomUUID() });
  const queue = await pq.queues.create(exampleName("msgs"));
  for (let i = 0; i < 3; i++) await queue.postMessages(Array.from({ length: 10 }, (_, n) => ({ body: { n: i * 10 + n }, ttl: 300 })));

  // pyrax: msgs = pq.list_messages(queue)   → echo=False: not the messages this client posted
  const ownWithoutEcho = (await pq.messages.list(queue).toArray()).length;
  // pyrax: msgs = queue.list(echo=True)
  const ownWithEcho = (await queue.list({ echo: true }).toArray()).length;
  const othersSee = (await other.messages.list(queue.name).toArray()).length;
  // pyrax: queue.list(echo=True, limit=5)
  const limited = (await queue.list({ echo: true, limit: 5 }).toArray()).length;

  await other.claims.claim(queue.name, { ttl: 60, grace: 60, count: 20 });
  const claimedHidden = (await queue.list({ echo: true }).toArray()).length;
  // pyrax: queue.list(echo=True, include_claimed=True)
  const withClaimed = (await queue.list({ echo: true, includeClaimed: true }).toArray()).length;
  console.log({ ownWithoutEcho, ownWithEcho, othersSee, limited, claimedHidden, withClaimed });
  await queue.delete();
  return { ownWithoutEcho, ownWithEcho, othersSee, limited, claimedHidden, withClaimed };
}

if (isMain(import.meta.url)) await runStandalone(main);
