// "List Backups": all of them, or one instance's.
import { Databases } from "@rax/databases";
import { type ExampleTarget, isMain, runStandalone } from "../lib/target";
import { exampleInstance, removeInstance } from "./instance";

export async function main(target: ExampleTarget): Promise<{ all: number; mine: number; viaInstance: number }> {
  const cdb = target.ctx.client(Databases, { region: target.region });
  const inst = await exampleInstance(target);
  const b = await (await inst.createBackup({ name: "listed" })).waitFor("COMPLETED", { interval: 200 });
  // pyrax: cdb.list_backups(); cdb.list_backups(instance); instance.list_backups()
  const all = await cdb.backups.list().toArray();
  const mine = await cdb.backups.list({ instance: inst }).toArray();
  const viaInstance = await inst.listBackups().toArray();
  console.log("All backups:", all);
  await b.delete();
  await removeInstance(await inst.waitFor("ACTIVE", { interval: 200 }));
  return { all: all.filter((x) => x.id === b.id).length, mine: mine.length, viaInstance: viaInstance.length };
}

if (isMain(import.meta.url)) await runStandalone(main);
