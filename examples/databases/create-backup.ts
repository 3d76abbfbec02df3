// "Backups" / "Create a Backup": from the client or the instance, with an optional description;
// wait for COMPLETED (pyrax's utils.wait_for_build(backup)).
import { Databases } from "@rax/databases";
import { type ExampleTarget, isMain, runStandalone } from "../lib/target";
import { exampleInstance, removeInstance } from "./instance";

export async function main(target: ExampleTarget): Promise<{ first: string; status: string; second: string; description: string }> {
  const cdb = target.ctx.client(Databases, { region: target.region });
  let inst = await exampleInstance(target);
  // pyrax: backup = cdb.create_backup(instance, "nightly", description="My Backup")
  const backup = await cdb.backups.create(inst, { name: "nightly", description: "My Backup" });
  const first = backup.status;
  const done = await backup.waitFor("COMPLETED", { interval: 200 });
  console.log("Backup:", done);
  // One backup at a time: the instance is ACTIVE again once the first is done.
  inst = await inst.waitFor("ACTIVE", { interval: 200 });
  // pyrax: backup = instance.create_backup("weekly")
  const second = await (await inst.createBackup({ name: "weekly" })).waitFor("COMPLETED", { interval: 200 });
  await done.delete();
  await second.delete();
  await removeInstance(await inst.waitFor("ACTIVE", { interval: 200 }));
  return { first, status: done.status, second: second.status, description: done.description };
}

if (isMain(import.meta.url)) await runStandalone(main);
