// "Working with CloudDatabaseDatabase and CloudDatabaseUser Objects": read-only views whose one
// essential verb is delete() (users also change their password and access).
import { type ExampleTarget, isMain, runStandalone } from "../lib/target";
import { exampleInstance, removeInstance } from "./instance";

export async function main(target: ExampleTarget): Promise<{ before: string[]; after: string[]; usersAfter: string[]; access: string[] }> {
  const inst = await exampleInstance(target);
  const db = await inst.createDatabase("scratch");
  await inst.createDatabase("keep");
  const user = await inst.createUser({ name: "john", password: "s3cret", databases: [db] });
  await user.grantUserAccess(["keep"]);
  await user.revokeUserAccess(db);
  const access = await user.listUserAccess();
  const before = (await inst.listDatabases().toArray()).map((d) => d.name);
  // pyrax: db.delete(); user.delete()
  await db.delete();
  await user.delete();
  const after = (await inst.listDatabases().toArray()).map((d) => d.name);
  const usersAfter = (await inst.listUsers().toArray()).map((u) => u.name);
  console.log({ before, after, usersAfter });
  await removeInstance(inst);
  return { before, after, usersAfter, access };
}

if (isMain(import.meta.url)) await runStandalone(main);
