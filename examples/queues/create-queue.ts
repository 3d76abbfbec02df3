// "Creating a Queue": names are unique; creating one that exists raises DuplicateQueue.
// queue_exists(name) answers true or false.
import { DuplicateQueue, Queues } from "@rax/queues";
import { exampleName } from "../lib/names";
import { type ExampleTarget, isMain, runStandalone } from "../lib/target";

export async function main(target: ExampleTarget): Promise<{ exists: boolean; duplicate: boolean; afterDelete: boolean }> {
  const pq = target.ctx.client(Queues, { region: target.region });
  const name = exampleName("queue");
  // pyrax: queue = pq.create("my_unique_queue")
  const queue = await pq.queues.create(name);
  // pyrax: exists = pq.queue_exists("name_to_check")
  const exists = await pq.queues.exists(name);
  let duplicate = false;
  try {
    await pq.queues.create(name);
  } catch (e) {
    duplicate = e instanceof DuplicateQueue;
  }
  console.log(`created ${queue.name}; exists: ${exists}; second create → DuplicateQueue: ${duplicate}`);
  await queue.delete();
  return { exists, duplicate, afterDelete: await pq.queues.exists(name) };
}

if (isMain(import.meta.url)) await runStandalone(main);
