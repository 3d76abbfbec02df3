// "Posting a Message to a Queue": any JSON value as the body, a TTL of 60–1209600 s; by queue
// name or through the Queue object. A TTL out of range is refused before any request.
import { Queues } from "@rax/queues";
import { exampleName } from "../lib/names";
import { type ExampleTarget, isMain, runStandalone } from "../lib/target";

export async function main(target: ExampleTarget): Promise<{ posted: number; total: number; refused: string }> {
  const pq = target.ctx.client(Queues, { region: target.region });
  const queue = await pq.queues.create(exampleName("post"));
  // pyrax: msg = pq.post_message(queue, body, ttl)
  const msg = await pq.messages.post(queue, { event: "BackupStarted", server: "web1" }, 300);
  // pyrax: msg = queue.post_message(body, ttl)
  await queue.postMessage("plain text works too", 3600);
  // Up to 10 in one request:
  await queue.postMessages([
    { body: [1, 2, 3], ttl: 60 },
    { body: { nested: { ok: true } }, ttl: 1_209_600 },
  ]);
  let refused = "";
  await queue.postMessage("too short", 30).catch((e: { field: string }) => (refused = e.field));
  const { total } = await queue.stats();
  console.log(`posted ${msg.id}; the queue holds ${total}`);
  await queue.delete();
  return { posted: 4, total, refused };
}

if (isMain(import.meta.url)) await runStandalone(main);
