import { InvalidResponse, ValidationError } from "@rax/core";
import { describe, expect, it } from "vitest";
import { Backup, BackupFailed, Flavor, NoSuchBackup, NoSuchDatastore, NoSuchFlavor, NoSuchInstance, NoUniqueMatch } from "../src/index";
import { FLAVORS, flavorHref, notFoundBody, serve, wireBackup, wireInstance } from "./fixture";

describe("flavors", () => {
  it("list, get (a 404 → NoSuchFlavor) and find by name or RAM", async () => {
    const { cdb } = await serve(
      { method: "GET", path: "/flavors", status: 200, body: FLAVORS },
      { method: "GET", path: "/flavors/3", status: 200, body: { flavor: FLAVORS.flavors[2] } },
      { method: "GET", path: "/flavors/99", status: 404, body: notFoundBody("Resource 99 cannot be found.") },
      { method: "GET", path: "/flavors", status: 200, body: FLAVORS },
      { method: "GET", path: "/flavors", status: 200, body: FLAVORS },
      { method: "GET", path: "/flavors", status: 200, body: FLAVORS },
      { method: "GET", path: "/flavors", status: 200, body: { flavors: [...FLAVORS.flavors, { id: 9, name: "dup", ram: 512 }] } },
      { method: "GET", path: "/flavors", status: 200, body: { flavors: [{ id: null, str_id: "custom", name: "custom.small", ram: 512, links: [] }] } },
    );
    const all = await cdb.flavors.list().toArray();
    expect(all[0]).toBeInstanceOf(Flavor);
    expect(all.map((f) => [f.id, f.name, f.ram])).toEqual([["1", "512MB Instance", 512], ["2", "1GB Instance", 1024], ["3", "2GB Instance", 2048], ["4", "4GB Instance", 4096]]);
    expect(all[0]!.href).toBe(flavorHref(1));
    expect((await cdb.flavors.get(3)).name).toBe("2GB Instance");
    await expect(cdb.flavors.get("99")).rejects.toBeInstanceOf(NoSuchFlavor);
    expect((await cdb.flavors.find({ ram: 4096 })).id).toBe("4");
    expect((await cdb.flavors.find({ name: "1GB Instance" })).id).toBe("2");
    await expect(cdb.flavors.find({ ram: 3 })).rejects.toBeInstanceOf(NoSuchFlavor);
    await expect(cdb.flavors.find({ ram: 512 })).rejects.toBeInstanceOf(NoUniqueMatch);
    await expect(cdb.flavors.find({ ram: 512, name: "x" } as never)).rejects.toBeInstanceOf(ValidationError);
    // Trove lists a Nova flavor with a string id as `id: null` + `str_id`.
    expect((await cdb.flavors.list().toArray()).map((f) => [f.id, f.name])).toEqual([["custom", "custom.small"]]);
  });
});

describe("backups", () => {
  it("create sends instance, name and description, insists on 202 and returns the service's backup with its id", async () => {
    const { cdb, seen } = await serve(
      { method: "POST", path: "/backups", status: 202, body: { backup: wireBackup() } },
      { method: "POST", path: "/backups", status: 202, body: { backup: wireBackup({ id: "bk-2", parent_id: "bk-1" }) } },
      { method: "POST", path: "/backups", status: 202, body: { backup: wireBackup({ id: "bk-3", parent_id: "bk-2" }) } },
      { method: "POST", path: "/backups", status: 200, body: { backup: wireBackup() } },
    );
    const b = await cdb.backups.create({ id: "inst-1" }, { name: "snapshot", description: "My Backup" });
    expect(seen[0]!.body).toEqual({ backup: { instance: "inst-1", name: "snapshot", description: "My Backup" } });
    expect(b).toBeInstanceOf(Backup);
    expect(b).toMatchObject({ id: "bk-1", name: "snapshot", description: "My Backup", instanceId: "inst-1", status: "NEW", datastore: { type: "mysql", version: "5.6" } });
    const inc = await cdb.backups.create("inst-1", { name: "inc", parent: b });
    expect(seen[1]!.body.backup.parent_id).toBe("bk-1");
    expect(inc.parentId).toBe("bk-1");
    // Trove 18 refuses a boolean here: its schema says integer.
    expect((await cdb.backups.create("inst-1", { name: "latest", incremental: true })).parentId).toBe("bk-2");
    expect(seen[2]!.body.backup).toEqual({ instance: "inst-1", name: "latest", incremental: 1 });
    await expect(cdb.backups.create("inst-1", { name: "x" })).rejects.toBeInstanceOf(InvalidResponse);
  });

  it("create refuses a name over 64 characters, or none, before any request", async () => {
    const { cdb, seen } = await serve();
    await expect(cdb.backups.create("i", { name: "n".repeat(65) })).rejects.toMatchObject({ field: "backup.name" });
    await expect(cdb.backups.create("i", {} as never)).rejects.toMatchObject({ field: "backup.name" });
    expect(seen).toHaveLength(0);
  });

  it("list: all (GET /backups) or one instance's (GET /instances/{id}/backups); get/delete map 404 to NoSuchBackup", async () => {
    const { cdb, seen } = await serve(
      { method: "GET", path: "/backups", status: 200, body: { backups: [wireBackup(), wireBackup({ id: "bk-2", instance_id: "other" })] } },
      { method: "GET", path: "/instances/inst-1/backups", status: 200, body: { backups: [wireBackup()] } },
      { method: "GET", path: "/instances/nope/backups", status: 404, body: notFoundBody("Resource nope cannot be found.") },
      { method: "GET", path: "/backups/bk-9", status: 404, body: notFoundBody("Resource bk-9 cannot be found.") },
      { method: "DELETE", path: "/backups/bk-1", status: 202 },
      { method: "DELETE", path: "/backups/bk-9", status: 404, body: notFoundBody("Resource bk-9 cannot be found.") },
    );
    expect((await cdb.listBackups().toArray()).map((b) => b.id)).toEqual(["bk-1", "bk-2"]);
    expect((await cdb.listBackups("inst-1").toArray()).map((b) => b.id)).toEqual(["bk-1"]);
    await expect(cdb.backups.list({ instance: "nope" }).toArray()).rejects.toBeInstanceOf(NoSuchInstance);
    await expect(cdb.backups.get("bk-9")).rejects.toBeInstanceOf(NoSuchBackup);
    await cdb.deleteBackup({ id: "bk-1" });
    await expect(cdb.backups.delete("bk-9")).rejects.toBeInstanceOf(NoSuchBackup);
    expect(seen.map((s) => s.method)).toEqual(["GET", "GET", "GET", "GET", "DELETE", "DELETE"]);
  });

  it("waitFor: NEW → BUILDING → COMPLETED; FAILED rejects with BackupFailed", async () => {
    const { cdb } = await serve(
      { method: "GET", path: "/backups/bk-1", status: 200, body: { backup: wireBackup({ status: "BUILDING" }) } },
      { method: "GET", path: "/backups/bk-1", status: 200, body: { backup: wireBackup({ status: "COMPLETED", size: 0.14 }) } },
      { method: "GET", path: "/backups/bk-2", status: 200, body: { backup: wireBackup({ id: "bk-2", status: "FAILED" }) } },
    );
    const done = await cdb.backups.waitFor("bk-1", undefined, { interval: 1 });
    expect(done).toMatchObject({ status: "COMPLETED", size: 0.14 });
    await expect(cdb.backups.waitFor("bk-2", "COMPLETED", { interval: 1 })).rejects.toBeInstanceOf(BackupFailed);
  });

  it("backup.waitFor refreshes the backup object itself", async () => {
    const { cdb } = await serve(
      { method: "GET", path: "/backups/bk-1", status: 200, body: { backup: wireBackup({ status: "NEW" }) } },
      { method: "GET", path: "/backups/bk-1", status: 200, body: { backup: wireBackup({ status: "BUILDING" }) } },
      { method: "GET", path: "/backups/bk-1", status: 200, body: { backup: wireBackup({ status: "COMPLETED", size: 0.14 }) } },
    );
    const backup = await cdb.backups.get("bk-1");
    expect(await backup.waitFor("COMPLETED", { interval: 1 })).toBe(backup);
    expect(backup).toMatchObject({ status: "COMPLETED", size: 0.14 });
  });

  it("waitFor(\"DELETED\") rejects with BackupFailed on DELETE_FAILED and backup.waitFor leaves the backup at it", async () => {
    const { cdb } = await serve(
      { method: "GET", path: "/backups/bk-1", status: 200, body: { backup: wireBackup({ status: "DELETE_FAILED" }) } },
    );
    const backup = new Backup(cdb.backups, { id: "bk-1", name: "snapshot", description: "", status: "COMPLETED", raw: {} });
    const e = await backup.waitFor("DELETED", { interval: 1 }).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(BackupFailed);
    expect((e as BackupFailed).message).toContain("bk-1 went to DELETE_FAILED while waiting for DELETED");
    expect(backup.status).toBe("DELETE_FAILED");
  });

  it("restore (pyrax restore_backup(backup, name, flavor, volume)) creates an instance with restorePoint", async () => {
    const { cdb, seen } = await serve(
      { method: "GET", path: "/flavors", status: 200, body: FLAVORS },
      { method: "POST", path: "/instances", status: 200, body: { instance: wireInstance({ id: "inst-2", name: "json_restore", status: "BUILD" }) } },
    );
    const inst = await cdb.restoreBackup({ id: "bk-1" }, { name: "json_restore", flavor: "1GB Instance", volume: 2 });
    expect(seen[1]!.body).toEqual({ instance: { name: "json_restore", flavorRef: flavorHref(2), volume: { size: 2 }, restorePoint: { backupRef: "bk-1" } } });
    expect(inst).toMatchObject({ id: "inst-2", status: "BUILD" });
  });

  it("restore from a backup that is not there → NoSuchBackup (Trove 18: 404 \"Resource <id> cannot be found.\")", async () => {
    const { cdb } = await serve(
      { method: "GET", path: "/flavors", status: 200, body: FLAVORS },
      { method: "POST", path: "/instances", status: 404, body: notFoundBody("Resource bk-gone cannot be found.") },
    );
    const e = await cdb.restoreBackup("bk-gone", { name: "r", flavor: 1, volume: 1 }).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(NoSuchBackup);
    expect(e).toMatchObject({ status: 404, message: expect.stringContaining("bk-gone") });
  });

  it("the Instance's createBackup / listBackups go to its own backups", async () => {
    const { cdb, seen } = await serve(
      { method: "GET", path: "/instances/inst-1", status: 200, body: { instance: wireInstance() } },
      { method: "POST", path: "/backups", status: 202, body: { backup: wireBackup() } },
      { method: "GET", path: "/instances/inst-1/backups", status: 200, body: { backups: [wireBackup()] } },
    );
    const inst = await cdb.instances.get("inst-1");
    await inst.createBackup({ name: "snapshot" });
    expect(seen[1]!.body.backup.instance).toBe("inst-1");
    expect((await inst.listBackups().toArray()).map((b) => b.id)).toEqual(["bk-1"]);
  });
});

describe("datastores", () => {
  it("list, get by name, versions; an unknown datastore or version → NoSuchDatastore (Trove: 404, and 400 for a version)", async () => {
    const version = { id: "v-57", name: "5.7", version: "5.7", active: true, datastore: "ds-1" };
    const ds = { id: "ds-1", name: "mysql", default_version: "v-57", versions: [version] };
    const { cdb, seen } = await serve(
      { method: "GET", path: "/datastores", status: 200, body: { datastores: [ds] } },
      { method: "GET", path: "/datastores/mysql", status: 200, body: { datastore: ds } },
      { method: "GET", path: "/datastores/mysql/versions", status: 200, body: { versions: [version] } },
      { method: "GET", path: "/datastores/mysql/versions/5.7", status: 200, body: { version } },
      { method: "GET", path: "/datastores/nope", status: 404, body: notFoundBody("Datastore 'nope' cannot be found.") },
      { method: "GET", path: "/datastores/mysql/versions/9.9", status: 400, body: { badRequest: { code: 400, message: "Datastore version '9.9' cannot be found." } } },
      { method: "POST", path: "/instances", status: 404, body: notFoundBody("Datastore 'nope' cannot be found.") },
      { method: "POST", path: "/instances", status: 400, body: { badRequest: { code: 400, message: "Datastore version '9.9' cannot be found." } } },
    );
    expect((await cdb.datastores.list().toArray()).map((d) => [d.name, d.defaultVersion, d.versions.map((v) => v.name)])).toEqual([["mysql", "v-57", ["5.7"]]]);
    expect((await cdb.getDatastore("mysql")).id).toBe("ds-1");
    expect((await cdb.listDatastoreVersions("mysql")).map((v) => v.name)).toEqual(["5.7"]);
    expect(await cdb.datastores.getVersion("mysql", "5.7")).toMatchObject({ id: "v-57", name: "5.7", active: true });
    await expect(cdb.datastores.get("nope")).rejects.toBeInstanceOf(NoSuchDatastore);
    await expect(cdb.datastores.getVersion("mysql", "9.9")).rejects.toBeInstanceOf(NoSuchDatastore);
    await expect(cdb.instances.create({ name: "x", flavor: { id: 1 }, datastore: { type: "nope", version: "1" } })).rejects.toMatchObject({ id: "nope" });
    await expect(cdb.instances.create({ name: "x", flavor: { id: 1 }, datastore: { type: "mysql", version: "9.9" } })).rejects.toBeInstanceOf(NoSuchDatastore);
    expect(seen).toHaveLength(8);
  });
});
