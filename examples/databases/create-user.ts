// "Create a User": a name, a password, the databases it may use and the host it may connect from.
// The password is never printed: not in the user object, not in logs or errors.
import { inspect } from "node:util";
import { ValidationError } from "@rax/core";
import { type ExampleTarget, isMain, runStandalone } from "../lib/target";
import { exampleInstance, removeInstance } from "./instance";

export async function main(target: ExampleTarget): Promise<{ user: { name: string; host: string; databases: string[] }; passwordShown: boolean; refused?: string }> {
  const inst = await exampleInstance(target);
  const db = await inst.createDatabase("db_name");
  // pyrax: user = inst.create_user(name="groucho", password="top secret", database_names=[db], host="%")
  const user = await inst.createUser({ name: "groucho", password: "top secret", databases: [db], host: "%" });
  console.log("User:", user);
  let refused: string | undefined;
  try {
    await inst.createUser({ name: "harpo" } as never);
  } catch (e) {
    if (!(e instanceof ValidationError)) throw e;
    refused = e.field;
  }
  const passwordShown = inspect(user).includes("top secret");
  await removeInstance(inst);
  return { user: { name: user.name, host: user.host, databases: user.databases }, passwordShown, ...(refused ? { refused } : {}) };
}

if (isMain(import.meta.url)) await runStandalone(main);
