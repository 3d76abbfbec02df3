// "List Databases or Users in an Instance".
import { type ExampleTarget, isMain, runStandalone } from "../lib/target";
import { exampleInstance, removeInstance } from "./instance";

export async function main(target: ExampleTarget): Promise<{ dbs: string[]; users: string[] }> {
  const inst = await exampleInstance(target);
  const db = await inst.createDatabase("db_name");
  await inst.createUser({ name: "groucho", password: "top secret", databases: [db], host: "%" });
  // pyrax: dbs = inst.list_databases(); users = inst.list_users()
  const dbs = await inst.listDatabases().toArray();
  const users = await inst.listUsers().toArray();
  console.log("DBs:", dbs);
  console.log("Users:", users);
  await removeInstance(inst);
  return { dbs: dbs.map((d) => d.name), users: users.map((u) => `${u.name}@${u.host}`) };
}

if (isMain(import.meta.url)) await runStandalone(main);
