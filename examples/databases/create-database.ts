// "Create a Database": on the instance object, or on the client with the instance; utf8 /
// utf8_general_ci unless told otherwise.
import { Databases } from "@rax/databases";
import { type ExampleTarget, isMain, runStandalone } from "../lib/target";
import { exampleInstance, removeInstance } from "./instance";

export async function main(target: ExampleTarget): Promise<{ names: string[]; characterSet?: string; collate?: string; listed: string[] }> {
  const cdb = target.ctx.client(Databases, { region: target.region });
  const inst = await exampleInstance(target);
  // pyrax: db = inst.create_database("db_name")
  const db = await inst.createDatabase("db_name");
  console.log("DB:", db);
  // pyrax: db = cdb.create_database(inst, "other_db", character_set="latin1", collate="latin1_swedish_ci")
  const other = await cdb.databases.create(inst, "other_db", { characterSet: "latin1", collate: "latin1_swedish_ci" });
  console.log("DB:", other);
  const listed = (await inst.listDatabases().toArray()).map((d) => d.name);
  await removeInstance(inst);
  return { names: [db.name, other.name], characterSet: db.characterSet, collate: db.collate, listed };
}

if (isMain(import.meta.url)) await runStandalone(main);
