import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { emulatorTarget } from "../lib/target";
import * as createBackup from "./create-backup";
import * as createDatabase from "./create-database";
import * as createInstance from "./create-instance";
import * as createUser from "./create-user";
import * as databaseUserObjects from "./database-user-objects";
import * as deleteBackup from "./delete-backup";
import * as getDatabaseUser from "./get-database-user";
import * as listBackups from "./list-backups";
import * as listDatabasesUsers from "./list-databases-users";
import * as listFlavors from "./list-flavors";
import * as listInstances from "./list-instances";
import * as resizeInstance from "./resize-instance";
import * as resizeVolume from "./resize-volume";
import * as restoreBackup from "./restore-backup";

// Every "Cloud Databases" example, run against one emulator, checked for what it promises.
describe("databases examples (against @rax/emulator)", () => {
  let target: Awaited<ReturnType<typeof emulatorTarget>>;
  beforeAll(async () => {
    vi.spyOn(console, "log").mockImplementation(() => undefined);
    target = await emulatorTarget();
  });
  afterAll(async () => {
    await target?.stop();
    vi.restoreAllMocks();
  });

  it("list-instances starts out empty", async () => {
    expect(await listInstances.main(target)).toEqual({ firstPage: [], all: [] });
  });
  it("list-flavors shows the RAM of each flavor and finds 4 GB by RAM", async () => {
    const r = await listFlavors.main(target);
    expect(r.flavors.slice(0, 4)).toEqual([["1", "512MB Instance", 512], ["2", "1GB Instance", 1024], ["3", "2GB Instance", 2048], ["4", "4GB Instance", 4096]]);
    expect(r.byRam).toBe("4GB Instance");
  });
  it("create-instance: BUILD → ACTIVE with a hostname and its database; volume 0 refused before sending", async () => {
    expect(await createInstance.main(target)).toEqual({ status: "BUILD", active: "ACTIVE", volume: 2, hostname: true, databases: ["sales"], refused: "instance.volume" });
  });
  it("resize-instance by name, RAM and id", async () => {
    expect(await resizeInstance.main(target)).toEqual({ flavors: ["3", "2", "3"] });
  });
  it("resize-volume grows 2 → 8 GB and refuses 4", async () => {
    expect(await resizeVolume.main(target)).toEqual({ before: 2, after: 8, refused: true });
  });
  it("create-database with pyrax's defaults and with a character set", async () => {
    expect(await createDatabase.main(target)).toEqual({ names: ["db_name", "other_db"], characterSet: "utf8", collate: "utf8_general_ci", listed: ["db_name", "other_db"] });
  });
  it("create-user with host and databases; no password is refused; the password is never printed", async () => {
    expect(await createUser.main(target)).toEqual({ user: { name: "groucho", host: "%", databases: ["db_name"] }, passwordShown: false, refused: "user.password" });
  });
  it("list-databases-users", async () => {
    expect(await listDatabasesUsers.main(target)).toEqual({ dbs: ["db_name"], users: ["groucho@%"] });
  });
  it("get-database-user by name; a missing database is NoSuchDatabase", async () => {
    expect(await getDatabaseUser.main(target)).toEqual({ db: "db_name", user: { name: "groucho", host: "%", databases: ["db_name"] }, missing: true });
  });
  it("create-backup from the client and from the instance, NEW → COMPLETED", async () => {
    expect(await createBackup.main(target)).toEqual({ first: "NEW", status: "COMPLETED", second: "COMPLETED", description: "My Backup" });
  });
  it("list-backups: all, one instance's, and the instance's own", async () => {
    expect(await listBackups.main(target)).toEqual({ all: 1, mine: 1, viaInstance: 1 });
  });
  it("delete-backup by id and by object", async () => {
    expect(await deleteBackup.main(target)).toEqual({ gone: [true, true] });
  });
  it("restore-backup brings the databases and users back", async () => {
    expect(await restoreBackup.main(target)).toEqual({ status: "ACTIVE", databases: ["orders"], users: ["groucho"] });
  });
  it("database-user-objects: access changes, then delete() on each", async () => {
    expect(await databaseUserObjects.main(target)).toEqual({ before: ["keep", "scratch"], after: ["keep"], usersAfter: [], access: ["keep"] });
  });
});
