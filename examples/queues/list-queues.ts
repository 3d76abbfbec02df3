// "Listing queues": every queue in the region (the listing pages itself).
import { Queues } from "@rax/queues";
import { exampleName } from "../lib/names";
import { type ExampleTarget, isMain, runStandalone } from "../lib/target";

export async function main(target: ExampleTarget): Promise<{ listed: number; mine: boolean }> {
  const pq = target.ctx.client(Queues, { region: target.region });
  const made = await Promise.all([1, 2, 3].map((n) => pq.queues.create(exampleName(`list${n}`))));
  // pyrax: qs = pyrax.queues.list()
  const names: string[] = [];
  for await (const q of pq.queues.list()) names.push(q.name);
  console.log(names.join("\n"));
  for (const q of made) await q.delete();
  return { listed: names.length, mine: made.every((q) => names.includes(q.name)) };
}

if (isMain(import.meta.url)) await runStandalone(main);
