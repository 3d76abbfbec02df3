import { inspect } from "node:util";
import { NoEndpointForService, StaticSession, ValidationError } from "@rax/core";
import { describe, expect, it } from "vitest";
import { Databases, PyraxDatabases } from "../src/index";
import { FLAVORS, serve, wireBackup, wireInstance } from "./fixture";

const TOKEN = "client-test-token-0123456789";

describe("Databases endpoint choice", () => {
  it("prefers Rackspace's rax:database, falls back to OpenStack's database, and says so when neither is there", () => {
    const both = new StaticSession({ token: TOKEN, endpoints: { "rax:database": "http://127.0.0.1:1/v1.0/123/", database: "http://127.0.0.1:2/v1.0/123" } });
    const cdb = new Databases(both);
    expect(cdb.endpoint).toBe("http://127.0.0.1:1/v1.0/123");
    expect(new Databases(new StaticSession({ token: TOKEN, endpoints: { database: "http://127.0.0.1:2/v1.0/9" } })).endpoint).toBe("http://127.0.0.1:2/v1.0/9");
    expect(() => new Databases(new StaticSession({ token: TOKEN, endpoints: { compute: "http://127.0.0.1:2/v2/1" } })).endpoint).toThrow(NoEndpointForService);
    for (const shown of [inspect(cdb, { depth: 5 }), JSON.stringify(cdb)]) {
      expect(shown).toContain("/v1.0/123");
      expect(shown).not.toContain(TOKEN);
    }
  });

  it("the namespaces are made once, on first use", () => {
    const cdb = new Databases(new StaticSession({ token: TOKEN, endpoint: "http://127.0.0.1:1/v1.0/1" }));
    expect(cdb.instances).toBe(cdb.instances);
    expect(cdb.instances.users).toBe(cdb.users);
  });
});

describe("PyraxDatabases: pyrax's flat names over the namespaces", () => {
  it("list, listFlavors, create, createDatabase, createUser, listDatabases, listUsers, enableRootUser, rootUserStatus", async () => {
    const { cdb, seen } = await serve(
      { method: "GET", path: "/instances", status: 200, body: { instances: [] } },
      { method: "GET", path: "/flavors", status: 200, body: FLAVORS },
      { method: "GET", path: "/flavors", status: 200, body: FLAVORS },
      { method: "POST", path: "/instances", status: 200, body: { instance: wireInstance({ status: "BUILD" }) } },
      { method: "POST", path: "/instances/inst-1/databases", status: 202 },
      { method: "POST", path: "/instances/inst-1/users", status: 202 },
      { method: "GET", path: "/instances/inst-1/databases", status: 200, body: { databases: [{ name: "db_name" }] } },
      { method: "GET", path: "/instances/inst-1/users", status: 200, body: { users: [{ name: "groucho", host: "%", databases: [{ name: "db_name" }] }] } },
      { method: "POST", path: "/instances/inst-1/root", status: 200, body: { user: { name: "root", password: "r00t-9d2a" } } },
      { method: "GET", path: "/instances/inst-1/root", status: 200, body: { rootEnabled: true } },
    );
    expect((await cdb.list()).items).toEqual([]);
    expect((await cdb.listFlavors().toArray()).map((f) => f.ram)).toEqual([512, 1024, 2048, 4096]);
    const inst = await cdb.create({ name: "first_instance", flavor: 1, volume: 2 });
    const db = await cdb.createDatabase(inst, "db_name");
    await cdb.createUser(inst, { name: "groucho", password: "top secret", databases: [db], host: "%" });
    expect((await cdb.listDatabases(inst).toArray()).map((d) => d.name)).toEqual(["db_name"]);
    expect((await cdb.listUsers(inst).toArray()).map((u) => u.name)).toEqual(["groucho"]);
    expect((await cdb.enableRootUser(inst)).name).toBe("root");
    expect(await cdb.rootUserStatus(inst)).toBe(true);
    expect(seen).toHaveLength(10);
  });
  it("the seed's positional forms: create(name, { flavor, volume }), createBackup(inst, name, description), inst.createBackup(name, description), restoreBackup(backup, name, flavor, volume), createUser(inst, name, password, dbs, host)", async () => {
    const { cdb, seen } = await serve(
      { method: "GET", path: "/flavors", status: 200, body: FLAVORS },
      { method: "POST", path: "/instances", status: 200, body: { instance: wireInstance({ status: "BUILD" }) } },
      { method: "POST", path: "/backups", status: 202, body: { backup: wireBackup({ status: "NEW" }) } },
      { method: "POST", path: "/backups", status: 202, body: { backup: wireBackup({ status: "NEW" }) } },
      { method: "GET", path: "/flavors", status: 200, body: FLAVORS },
      { method: "POST", path: "/instances", status: 200, body: { instance: wireInstance({ status: "BUILD" }) } },
      { method: "POST", path: "/instances/inst-1/users", status: 202 },
    );
    // pyrax: cdb.create("first_instance", flavor=1, volume=2)
    const inst = await cdb.create("first_instance", { flavor: 1, volume: 2 });
    // pyrax: cdb.create_backup(instance, name[, description]); instance.create_backup(name[, description])
    await cdb.createBackup(inst, "nightly", "My Backup");
    const b = await inst.createBackup("weekly", "Sunday");
    // pyrax: cdb.restore_backup(backup, name, flavor, volume)
    await cdb.restoreBackup(b, "restored", 1, 2);
    // pyrax: cdb.create_user(instance, name, password, database_names, host)
    await cdb.createUser(inst, "harpo", "s3cret-pw", ["sales"], "%");
    expect(seen[1]!.body).toMatchObject({ instance: { name: "first_instance", volume: { size: 2 } } });
    expect(seen[2]!.body).toEqual({ backup: { instance: "inst-1", name: "nightly", description: "My Backup" } });
    expect(seen[3]!.body).toEqual({ backup: { instance: "inst-1", name: "weekly", description: "Sunday" } });
    expect(seen[5]!.body).toMatchObject({ instance: { name: "restored", volume: { size: 2 }, restorePoint: { backupRef: b.id } } });
    expect(seen[6]!.body).toEqual({ users: [{ name: "harpo", password: "s3cret-pw", databases: [{ name: "sales" }], host: "%" }] });
    // Call options in the description's slot would be dropped while the backup is still made.
    const refused = cdb.createBackup(inst, "hourly", { signal: AbortSignal.abort() } as never);
    await expect(refused).rejects.toBeInstanceOf(ValidationError);
    await expect(refused).rejects.toMatchObject({ field: "description" });
    expect(seen).toHaveLength(7);
  });
});

