import { inspect } from "node:util";
import { ValidationError, redact } from "@rax/core";
import { describe, expect, it } from "vitest";
import { AlreadyExists, Database, NoSuchDatabase, NoSuchDatabaseUser, NoSuchInstance, User } from "../src/index";
import { badRequestBody, notFoundBody, serve, wireInstance } from "./fixture";

describe("databases (schemas) on an instance", () => {
  it("create sends pyrax's utf8 / utf8_general_ci defaults, insists on 202 and returns a Database", async () => {
    const { cdb, seen } = await serve(
      { method: "POST", path: "/instances/i/databases", status: 202 },
      { method: "POST", path: "/instances/i/databases", status: 202 },
    );
    const db = await cdb.databases.create("i", "db_name");
    expect(seen[0]!.body).toEqual({ databases: [{ name: "db_name", character_set: "utf8", collate: "utf8_general_ci" }] });
    expect(db).toBeInstanceOf(Database);
    expect(db).toMatchObject({ instanceId: "i", name: "db_name", characterSet: "utf8", collate: "utf8_general_ci" });
    await cdb.databases.create({ id: "i" }, "latin", { characterSet: "latin1", collate: "latin1_swedish_ci" });
    expect(seen[1]!.body.databases[0]).toEqual({ name: "latin", character_set: "latin1", collate: "latin1_swedish_ci" });
  });

  it.each([["bad name!"], ["a"], ["x".repeat(65)], ["information_schema"], [""]])("create refuses the name %j before any request", async (name) => {
    const { cdb, seen } = await serve();
    await expect(cdb.databases.create("i", name)).rejects.toMatchObject({ field: "name" });
    expect(seen).toHaveLength(0);
  });

  it("a name that exists → AlreadyExists (Trove's 400); an instance that does not → NoSuchInstance", async () => {
    const { cdb } = await serve(
      { method: "POST", path: "/instances/i/databases", status: 400, body: badRequestBody('A database with the name "db2" already exists.') },
      { method: "POST", path: "/instances/nope/databases", status: 404, body: notFoundBody("Resource nope cannot be found.") },
    );
    await expect(cdb.databases.create("i", "db2")).rejects.toBeInstanceOf(AlreadyExists);
    await expect(cdb.databases.create("nope", "db2")).rejects.toBeInstanceOf(NoSuchInstance);
  });

  it("list pages by name (marker = the last name); get searches the listing; a missing one → NoSuchDatabase", async () => {
    const { cdb, seen } = await serve(
      { method: "GET", path: "/instances/i/databases", status: 200, body: { databases: [{ name: "a1" }, { name: "b1" }], links: [{ rel: "next", href: "x" }] } },
      { method: "GET", path: "/instances/i/databases", status: 200, body: { databases: [{ name: "c1" }] } },
      { method: "GET", path: "/instances/i/databases", status: 200, body: { databases: [{ name: "a1" }, { name: "c1" }] } },
      { method: "GET", path: "/instances/i/databases", status: 200, body: { databases: [{ name: "a1" }] } },
    );
    const names: string[] = [];
    for await (const d of cdb.databases.list("i", { pageSize: 2 })) names.push(d.name);
    expect(names).toEqual(["a1", "b1", "c1"]);
    expect(seen[1]!.query.get("marker")).toBe("b1");
    expect((await cdb.databases.get("i", "c1")).name).toBe("c1");
    const miss = await cdb.databases.get("i", "zz").catch((x: unknown) => x);
    expect(miss).toBeInstanceOf(NoSuchDatabase);
    expect((miss as Error).message).toMatch(/^No database named "zz" on instance i in rax:database( \(\w+\))?$/);
  });

  it("Database.delete() (its one verb) deletes it from its instance; a missing database → NoSuchDatabase", async () => {
    const { cdb, seen } = await serve(
      { method: "GET", path: "/instances/i/databases", status: 200, body: { databases: [{ name: "db_name" }] } },
      { method: "DELETE", path: "/instances/i/databases/db_name", status: 202 },
      { method: "DELETE", path: "/instances/i/databases/gone", status: 404, body: notFoundBody("Database gone cannot be found on the instance.") },
    );
    const [db] = await cdb.databases.list("i").toArray();
    await db!.delete();
    expect(seen[1]!.method).toBe("DELETE");
    await expect(cdb.databases.delete("i", "gone")).rejects.toBeInstanceOf(NoSuchDatabase);
  });
});

describe("users on an instance", () => {
  it("create sends name, password, host and databases; the returned User never holds the password", async () => {
    const { cdb, seen } = await serve({ method: "POST", path: "/instances/i/users", status: 202 });
    const pw = "top-secret-9c1e";
    const user = await cdb.users.create("i", { name: "groucho", password: pw, databases: [{ name: "db_name" }], host: "%" });
    expect(seen[0]!.body).toEqual({ users: [{ name: "groucho", password: pw, host: "%", databases: [{ name: "db_name" }] }] });
    expect(user).toBeInstanceOf(User);
    expect(user).toMatchObject({ instanceId: "i", name: "groucho", host: "%", databases: ["db_name"] });
    expect(`${inspect(user)} ${JSON.stringify(user)} ${inspect(user.raw)}`).not.toContain(pw);
    expect(redact(`pw ${pw}`)).not.toContain(pw);
  });

  it.each([
    [{ name: "nopw" }, "user.password"],
    [{ name: "x", password: "" }, "user.password"],
    [{ name: "x", password: "it's" }, "user.password"],
    [{ name: "root", password: "p" }, "user.name"],
    [{ name: "x", password: "p", databases: ["bad name!"] }, "user.databases.0"],
  ])("create refuses %j before any request (%s)", async (input, field) => {
    const { cdb, seen } = await serve();
    const e = await cdb.users.create("i", input as never).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(ValidationError);
    expect((e as ValidationError).field).toBe(field);
    expect(seen).toHaveLength(0);
  });

  it("a user with a host other than % is addressed as name@host; a missing one → NoSuchDatabaseUser", async () => {
    const { cdb, seen } = await serve(
      { method: "GET", path: "/instances/i/users/harpo%4010.0.0.1", status: 200, body: { user: { name: "harpo", host: "10.0.0.1", databases: [{ name: "db2" }] } } },
      { method: "DELETE", path: "/instances/i/users/harpo%4010.0.0.1", status: 202 },
      { method: "GET", path: "/instances/i/users/nobody", status: 404, body: notFoundBody("User nobody@% cannot be found on the instance.") },
      { method: "GET", path: "/instances/nope/users/x", status: 404, body: notFoundBody("Resource nope cannot be found.") },
    );
    const harpo = await cdb.users.get("i", "harpo@10.0.0.1");
    expect(harpo).toMatchObject({ name: "harpo", host: "10.0.0.1", databases: ["db2"] });
    await harpo.delete();
    expect(seen[1]!.path).toBe("/instances/i/users/harpo%4010.0.0.1");
    await expect(cdb.users.get("i", "nobody")).rejects.toBeInstanceOf(NoSuchDatabaseUser);
    await expect(cdb.users.get("nope", { name: "x" })).rejects.toBeInstanceOf(NoSuchInstance);
  });

  it("list pages with Trove's name@host marker", async () => {
    const { cdb, seen } = await serve(
      { method: "GET", path: "/instances/i/users", status: 200, body: { users: [{ name: "a", host: "%", databases: [] }], links: [{ rel: "next", href: "x" }] } },
      { method: "GET", path: "/instances/i/users", status: 200, body: { users: [{ name: "b", host: "10.0.0.1", databases: [{ name: "d1" }] }] } },
    );
    const users = await cdb.users.list("i", { pageSize: 1 }).toArray();
    expect(users.map((u) => `${u.name}@${u.host}`)).toEqual(["a@%", "b@10.0.0.1"]);
    expect(seen[1]!.query.get("marker")).toBe("a@%");
  });

  it("update sends only what changes (nothing → ValidationError, pyrax's DBUpdateUnchanged); changePassword sends the password only", async () => {
    const { cdb, seen } = await serve(
      { method: "PUT", path: "/instances/i/users/groucho", status: 202 },
      { method: "PUT", path: "/instances/i/users/chico%4010.1.1.1", status: 202 },
      { method: "PUT", path: "/instances/i/users/nobody", status: 404, body: notFoundBody("User nobody@% cannot be found on the instance.") },
    );
    await cdb.users.changePassword("i", "groucho", "n3w-pass-4a7b");
    expect(seen[0]!.body).toEqual({ user: { password: "n3w-pass-4a7b" } });
    expect(redact("n3w-pass-4a7b")).not.toContain("n3w-pass-4a7b");
    await cdb.users.update("i", { name: "chico", host: "10.1.1.1" }, { name: "harpo", host: "%" });
    expect(seen[1]!.body).toEqual({ user: { name: "harpo", host: "%" } });
    await expect(cdb.users.update("i", "groucho", {})).rejects.toMatchObject({ field: "changes" });
    await expect(cdb.users.changePassword("i", "groucho", undefined as never)).rejects.toMatchObject({ field: "password" });
    await expect(cdb.users.update("i", "nobody", { password: "x" })).rejects.toBeInstanceOf(NoSuchDatabaseUser);
    expect(seen).toHaveLength(3);
  });

  it("user.update changes the object itself (read again under its new name) and returns it", async () => {
    const { cdb, seen } = await serve(
      { method: "GET", path: "/instances/i/users/chico%4010.1.1.1", status: 200, body: { user: { name: "chico", host: "10.1.1.1", databases: [] } } },
      { method: "PUT", path: "/instances/i/users/chico%4010.1.1.1", status: 202 },
      { method: "GET", path: "/instances/i/users/harpo", status: 200, body: { user: { name: "harpo", host: "%", databases: [{ name: "db1" }] } } },
    );
    const user = await cdb.users.get("i", { name: "chico", host: "10.1.1.1" });
    expect(await user.update({ name: "harpo", host: "%" })).toBe(user);
    expect(user).toMatchObject({ name: "harpo", host: "%" });
    expect(seen.map((r) => r.method)).toEqual(["GET", "PUT", "GET"]);
  });

  it("grant / list / revoke access: revoke sends one DELETE per database; a database not there → NoSuchDatabase", async () => {
    const { cdb, seen } = await serve(
      { method: "PUT", path: "/instances/i/users/groucho/databases", status: 202 },
      { method: "GET", path: "/instances/i/users/groucho/databases", status: 200, body: { databases: [{ name: "db1" }, { name: "db2" }] } },
      { method: "DELETE", path: "/instances/i/users/groucho/databases/db1", status: 202 },
      { method: "DELETE", path: "/instances/i/users/groucho/databases/db2", status: 202 },
      { method: "DELETE", path: "/instances/i/users/groucho/databases/nodb", status: 404, body: notFoundBody("Database nodb cannot be found on the instance.") },
    );
    await cdb.users.grantAccess("i", "groucho", ["db1", { name: "db2" }]);
    expect(seen[0]!.body).toEqual({ databases: [{ name: "db1" }, { name: "db2" }] });
    expect(await cdb.users.listAccess("i", "groucho")).toEqual(["db1", "db2"]);
    await cdb.users.revokeAccess("i", "groucho", ["db1", "db2"]);
    await expect(cdb.users.revokeAccess("i", "groucho", "nodb")).rejects.toBeInstanceOf(NoSuchDatabase);
    await expect(cdb.users.grantAccess("i", "groucho", [])).rejects.toMatchObject({ field: "databases" });
  });

  it("the Instance carries pyrax's user and database verbs", async () => {
    const { cdb, seen } = await serve(
      { method: "GET", path: "/instances/i", status: 200, body: { instance: wireInstance({ id: "i" }) } },
      { method: "POST", path: "/instances/i/databases", status: 202 },
      { method: "POST", path: "/instances/i/users", status: 202 },
      { method: "GET", path: "/instances/i/users/groucho", status: 200, body: { user: { name: "groucho", host: "%", databases: [{ name: "db_name" }] } } },
      { method: "GET", path: "/instances/i/databases", status: 200, body: { databases: [{ name: "db_name" }] } },
    );
    const inst = await cdb.instances.get("i");
    const db = await inst.createDatabase("db_name");
    await inst.createUser({ name: "groucho", password: "top secret", databases: [db], host: "%" });
    expect(seen[2]!.body.users[0].databases).toEqual([{ name: "db_name" }]);
    expect((await inst.getUser("groucho")).databases).toEqual(["db_name"]);
    expect((await inst.getDatabase("db_name")).name).toBe("db_name");
  });
});
