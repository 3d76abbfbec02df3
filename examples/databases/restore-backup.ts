// "Restoring From a Backup": a new instance from a backup, with its databases and users.
import { Databases } from "@rax/databases";
import { exampleName } from "../lib/names";
import { type ExampleTarget, isMain, runStandalone } from "../lib/target";
import { exampleInstance, removeInstance } from "./instance";

export async function main(target: ExampleTarget): Promise<{ status: string; databases: string[]; users: string[] }> {
  const cdb = target.ctx.client(Databases, { region: target.region });
  const inst = await exampleInstance(target);
  await inst.createDatabase("orders");
  await inst.createUser({ name: "groucho", password: "top secret", databases: ["orders"] });
  const backup = await (await inst.createBackup({ name: "before-upgrade" })).waitFor("COMPLETED", { interval: 200 });
  // pyrax: cdb.restore_backup(backup, name, flavor, volume)
  const restored = await (await cdb.instances.restore(backup, { name: exampleName("restored"), flavor: 1, volume: 2 })).waitFor("ACTIVE", { interval: 200 });
  console.log("Restored:", restored);
  const databases = (await restored.listDatabases().toArray()).map((d) => d.name);
  const users = (await restored.listUsers().toArray()).map((u) => u.name);
  const status = restored.status; // removeInstance's wait marks the object DELETED
  await backup.delete();
  await removeInstance(restored);
  await removeInstance(await inst.waitFor("ACTIVE", { interval: 200 }));
  return { status, databases, users };
}

if (isMain(import.meta.url)) await runStandalone(main);
