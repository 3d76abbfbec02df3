// "Deleting a Backup": by id from the client, or the backup object's own delete().
import { Databases, NoSuchBackup } from "@rax/databases";
import { type ExampleTarget, isMain, runStandalone } from "../lib/target";
import { exampleInstance, removeInstance } from "./instance";

export async function main(target: ExampleTarget): Promise<{ gone: boolean[] }> {
  const cdb = target.ctx.client(Databases, { region: target.region });
  let inst = await exampleInstance(target);
  const one = await (await inst.createBackup({ name: "one" })).waitFor("COMPLETED", { interval: 200 });
  inst = await inst.waitFor("ACTIVE", { interval: 200 });
  const two = await (await inst.createBackup({ name: "two" })).waitFor("COMPLETED", { interval: 200 });
  // pyrax: cdb.delete_backup(backup)
  await cdb.backups.delete(one.id);
  // pyrax: backup.delete()
  await two.delete();
  const gone = await Promise.all([one, two].map((b) => cdb.backups.get(b.id).then(() => false, (e: unknown) => e instanceof NoSuchBackup)));
  console.log("deleted:", gone);
  await removeInstance(await inst.waitFor("ACTIVE", { interval: 200 }));
  return { gone };
}

if (isMain(import.meta.url)) await runStandalone(main);
