// "Get a CloudDatabaseDatabase or CloudDatabaseUser Object": by name, from the instance.
import { NoSuchDatabase } from "@rax/databases";
import { type ExampleTarget, isMain, runStandalone } from "../lib/target";
import { exampleInstance, removeInstance } from "./instance";

export async function main(target: ExampleTarget): Promise<{ db: string; user: { name: string; host: string; databases: string[] }; missing: boolean }> {
  const inst = await exampleInstance(target);
  await inst.createDatabase("db_name");
  await inst.createUser({ name: "groucho", password: "top secret", databases: ["db_name"], host: "%" });
  // pyrax: db = inst.get_database("db_name"); user = inst.get_user("groucho")
  const db = await inst.getDatabase("db_name");
  const user = await inst.getUser("groucho");
  console.log("DB:", db);
  console.log("User:", user);
  const missing = await inst.getDatabase("no_such_db").then(
    () => false,
    (e: unknown) => e instanceof NoSuchDatabase,
  );
  await removeInstance(inst);
  return { db: db.name, user: { name: user.name, host: user.host, databases: user.databases }, missing };
}

if (isMain(import.meta.url)) await runStandalone(main);
