import { inspect } from "node:util";
import { ValidationError, redact } from "@rax/core";
import {
  AlreadyExists,
  Databases,
  type Flavor,
  type Instance,
  InstanceFailed,
  InvalidVolumeResize,
  NoSuchBackup,
  NoSuchDatabase,
  NoSuchDatabaseUser,
  NoSuchDatastore,
  NoSuchFlavor,
  NoSuchInstance,
} from "@rax/databases";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Target, uniqueName } from "./target";

export interface DatabasesScenarioOptions {
  /** ms between reloads while waiting. */
  interval?: number;
  /** A resize really changes the flavor / volume (Trove's fake mode times out and reverts: false there). */
  resizeApplies?: boolean;
  /** A restored instance holds the backup's databases and users (Trove's fake guest starts empty: false there). */
  restoreKeepsData?: boolean;
  /** A user's host can be changed (Trove 18's fake guest fails with a 500: false there). */
  hostChange?: boolean;
  /** The datastore to create with, as the cloud names it. */
  datastore?: { type: string; version: string };
}

/**
 * Cloud Databases / Trove behaviour users rely on — the seed's "Cloud Databases" — run against the
 * emulator (tests/emulator) and real Trove in fake mode (tests/integration): the same assertions.
 * One instance carries most of the scenarios (an instance takes seconds to build on either).
 */
export function databasesScenarios(getTarget: () => Target, o: DatabasesScenarioOptions = {}): void {
  let cdb: Databases;
  let flavors: Flavor[];
  let inst: Instance;
  /** The second instance; its flavor resize starts early (fake-mode Trove takes ~2 min to give up on one). */
  let second: Instance;
  let bigger: Flavor;
  const instances: Instance[] = [];
  const backups: string[] = [];
  const interval = o.interval ?? 250;
  const wait = { interval, timeout: 300_000 };
  const short = () => uniqueName("x").replace(/^rax-scn-x-/, "").replace(/-/g, "_").slice(0, 12);

  beforeAll(async () => {
    const target = getTarget();
    cdb = target.ctx.client(Databases, { region: target.region });
    flavors = await cdb.flavors.list().toArray();
    inst = await cdb.instances.create({
      name: uniqueName("cdb"),
      flavor: flavors[0]!,
      volume: 2,
      databases: ["sales", { name: "hr", characterSet: "utf8", collate: "utf8_general_ci" }],
      users: [{ name: "groucho", password: "top-secret-1a", databases: ["sales"] }],
      ...(o.datastore ? { datastore: o.datastore } : {}),
    });
    instances.push(inst);
  }, 60_000);

  afterAll(async () => {
    for (const b of backups) await cdb.backups.delete(b).catch(() => undefined);
    for (const i of instances.reverse()) {
      await cdb.instances
        .waitFor(i, ["ACTIVE", "ERROR"], { interval, timeout: 300_000 })
        .then(() => i.delete())
        .then(() => cdb.instances.waitFor(i, "deleted", { interval, timeout: 120_000 }))
        .catch((e: unknown) => (e instanceof NoSuchInstance ? undefined : Promise.reject(e)));
    }
  }, 600_000);

  describe("flavors", () => {
    it("lists flavors with RAM; get by id and find by RAM or name return the same one; no match → NoSuchFlavor", async () => {
      const f = flavors[0]!;
      expect(f).toMatchObject({ id: expect.any(String), name: expect.any(String), ram: expect.any(Number) });
      expect((await cdb.flavors.get(f.id)).name).toBe(f.name);
      if (flavors.filter((x) => x.ram === f.ram).length === 1) expect((await cdb.flavors.find({ ram: f.ram })).id).toBe(f.id);
      expect((await cdb.flavors.find({ name: f.name })).id).toBe(f.id);
      await expect(cdb.flavors.get("987654")).rejects.toBeInstanceOf(NoSuchFlavor);
      await expect(cdb.flavors.find({ ram: 3 })).rejects.toBeInstanceOf(NoSuchFlavor);
    });
  });

  describe("datastores", () => {
    it("lists the datastores with their versions; get by name; an unknown one → NoSuchDatastore", async () => {
      const all = await cdb.datastores.list().toArray();
      expect(all.length).toBeGreaterThan(0);
      const ds = o.datastore ? all.find((d) => d.name === o.datastore!.type)! : all[0]!;
      expect(ds.versions.length).toBeGreaterThan(0);
      expect((await cdb.datastores.get(ds.name)).id).toBe(ds.id);
      const version = o.datastore?.version ?? ds.versions[0]!.name;
      expect((await cdb.datastores.getVersion(ds.name, version)).name).toBe(version);
      expect((await cdb.datastores.listVersions(ds.id)).map((v) => v.name)).toContain(version);
      await expect(cdb.datastores.get("no-such-datastore")).rejects.toBeInstanceOf(NoSuchDatastore);
      await expect(cdb.datastores.getVersion(ds.name, "0.0.0")).rejects.toBeInstanceOf(NoSuchDatastore);
    });
  });

  describe("instances", () => {
    it("create → BUILD → waitFor ACTIVE; get, find and list agree; made with its databases and users", async () => {
      expect(["BUILD", "ACTIVE"]).toContain(inst.status);
      expect(inst.volume?.size).toBe(2);
      const ready = await inst.waitFor("ACTIVE", wait);
      expect(ready).toMatchObject({ id: inst.id, status: "ACTIVE", flavorId: flavors[0]!.id });
      inst = ready;
      if (o.datastore) expect(ready.datastore).toMatchObject(o.datastore);
      expect((await cdb.instances.find(inst.name)).id).toBe(inst.id);
      expect((await cdb.instances.list().toArray()).map((i) => i.id)).toContain(inst.id);
      expect((await inst.listDatabases().toArray()).map((d) => d.name)).toEqual(expect.arrayContaining(["sales", "hr"]));
      const groucho = await inst.getUser("groucho");
      expect(groucho).toMatchObject({ name: "groucho", host: "%", databases: ["sales"] });
      await expect(cdb.instances.get("00000000-0000-4000-8000-000000000000")).rejects.toBeInstanceOf(NoSuchInstance);
    });

    it("lists page by page (limit + marker) without repeats", async () => {
      second = await cdb.instances.create({ name: uniqueName("cdb2"), flavor: flavors[0]!.id, volume: 1 });
      instances.push(second);
      const ids: string[] = [];
      for await (const i of cdb.instances.list({ pageSize: 1 })) ids.push(i.id);
      expect(ids).toEqual(expect.arrayContaining([inst.id, second.id]));
      expect(new Set(ids).size).toBe(ids.length);
      expect((await cdb.instances.list({ pageSize: 1 })).items).toHaveLength(1);
    });

    it("resize to a bigger flavor given by its RAM: accepted, status RESIZE (checked when it settles, under resize)", async () => {
      bigger = flavors.find((f) => f.ram > flavors[0]!.ram && flavors.filter((x) => x.ram === f.ram).length === 1)!;
      second = await second.waitFor("ACTIVE", wait);
      // The flavor it has: refused before any request with the Instance, by the service (400) with an id.
      await expect(second.resize(second.flavorId!)).rejects.toMatchObject({ field: "flavor" });
      await expect(cdb.instances.resize(second.id, second.flavorId!)).rejects.toMatchObject({ status: 400, message: expect.stringContaining("must be different") });
      await second.resize(bigger.ram);
      expect(["RESIZE", "ACTIVE"]).toContain((await second.reload()).status);
    });

    it("bad input fails before any request: volume 0, a user without a password, a refused database name", async () => {
      await expect(cdb.instances.create({ name: "x", volume: 0 })).rejects.toMatchObject({ field: "instance.volume" });
      await expect(cdb.instances.create({ name: "x", users: [{ name: "nopw" } as never] })).rejects.toMatchObject({ field: "instance.users.0.password" });
      await expect(cdb.databases.create(inst, "bad name!")).rejects.toBeInstanceOf(ValidationError);
      await expect(cdb.users.create(inst, { name: "nopw" } as never)).rejects.toMatchObject({ field: "user.password" });
    });

    it("resizeVolume to the same or a smaller size → InvalidVolumeResize (before any request with an Instance; from the service's 400 with an id)", async () => {
      await expect(inst.resizeVolume(2)).rejects.toBeInstanceOf(InvalidVolumeResize);
      await expect(inst.resizeVolume(1)).rejects.toMatchObject({ currentSize: 2, requestedSize: 1 });
      await expect(cdb.instances.resizeVolume(inst.id, 1)).rejects.toBeInstanceOf(InvalidVolumeResize);
    });
  });

  describe("databases", () => {
    it("create with character set / collation, list page by page, get, delete → NoSuchDatabase; a duplicate → AlreadyExists", async () => {
      const name = `db_${short()}`;
      const db = await inst.createDatabase(name, { characterSet: "utf8", collate: "utf8_general_ci" });
      expect(db).toMatchObject({ name, instanceId: inst.id, characterSet: "utf8", collate: "utf8_general_ci" });
      const names: string[] = [];
      for await (const d of cdb.databases.list(inst, { pageSize: 1 })) names.push(d.name);
      expect(names).toEqual(expect.arrayContaining(["sales", "hr", name]));
      expect(new Set(names).size).toBe(names.length);
      expect((await inst.getDatabase(name)).name).toBe(name);
      await expect(inst.createDatabase(name)).rejects.toBeInstanceOf(AlreadyExists);
      await (await inst.getDatabase(name)).delete();
      await expect(inst.getDatabase(name)).rejects.toBeInstanceOf(NoSuchDatabase);
      await expect(cdb.databases.delete(inst, name)).rejects.toBeInstanceOf(NoSuchDatabase);
    });
  });

  describe("users", () => {
    it("create with host and databases; get by name@host; list page by page; the password is never shown", async () => {
      const pw = `pw-${short()}`;
      const user = await inst.createUser({ name: "harpo", password: pw, host: "10.0.0.1", databases: ["hr"] });
      expect(user).toMatchObject({ name: "harpo", host: "10.0.0.1", databases: ["hr"] });
      expect(`${inspect(user)} ${JSON.stringify(user)}`).not.toContain(pw);
      expect(redact(`the password is ${pw}`)).not.toContain(pw);
      expect(await cdb.users.get(inst, "harpo@10.0.0.1")).toMatchObject({ name: "harpo", host: "10.0.0.1", databases: ["hr"] });
      await expect(inst.getUser("harpo")).rejects.toBeInstanceOf(NoSuchDatabaseUser);
      const all: string[] = [];
      for await (const u of cdb.users.list(inst, { pageSize: 1 })) all.push(`${u.name}@${u.host}`);
      expect(all).toEqual(expect.arrayContaining(["groucho@%", "harpo@10.0.0.1"]));
      expect(new Set(all).size).toBe(all.length);
      await expect(inst.createUser({ name: "harpo", password: pw, host: "10.0.0.1" })).rejects.toBeInstanceOf(AlreadyExists);
      await user.delete();
      await expect(cdb.users.get(inst, user)).rejects.toBeInstanceOf(NoSuchDatabaseUser);
    });

    it("grant, list and revoke access; change the password; rename; delete → NoSuchDatabaseUser", async () => {
      const name = `u${short()}`.slice(0, 12);
      const user = await inst.createUser({ name, password: "first-pass-1", databases: ["sales"] });
      await user.grantUserAccess(["hr"]);
      expect((await user.listUserAccess()).sort()).toEqual(["hr", "sales"]);
      await user.revokeUserAccess("sales");
      expect(await cdb.users.listAccess(inst, name)).toEqual(["hr"]);
      await expect(user.revokeUserAccess("sales")).rejects.toBeInstanceOf(NoSuchDatabase);
      await user.changePassword("second-pass-2");
      await expect(cdb.users.update(inst, name, {})).rejects.toBeInstanceOf(ValidationError);
      const renamed = await user.update({ name: `${name}r`, password: "third-pass-3" });
      expect(renamed).toMatchObject({ name: `${name}r`, host: "%" });
      await expect(cdb.users.get(inst, name)).rejects.toBeInstanceOf(NoSuchDatabaseUser);
      if (o.hostChange) {
        const moved = await renamed.update({ host: "10.9.9.9" });
        expect(moved).toMatchObject({ name: `${name}r`, host: "10.9.9.9", databases: ["hr"] });
        await moved.delete();
      } else {
        await renamed.delete();
      }
      await expect(cdb.users.delete(inst, `${name}r`)).rejects.toBeInstanceOf(NoSuchDatabaseUser);
    });
  });

  describe("root user", () => {
    it("is-enabled false → enable returns root and a password kept out of every printout → is-enabled true", async () => {
      expect(await inst.rootUserStatus()).toBe(false);
      const root = await inst.enableRootUser();
      expect(root.name).toBe("root");
      expect(root.password.length).toBeGreaterThan(0);
      expect(`${inspect(root)} ${JSON.stringify(root)}`).not.toContain(root.password);
      expect(redact(`root:${root.password}`)).not.toContain(root.password);
      expect(await cdb.instances.isRootEnabled(inst.id)).toBe(true);
    });
  });

  describe("restart", () => {
    it("restart → REBOOT → ACTIVE", async () => {
      await inst.restart();
      expect(["REBOOT", "ACTIVE"]).toContain((await inst.reload()).status);
      expect((await inst.waitFor("ACTIVE", wait)).status).toBe("ACTIVE");
    });
  });

  describe("backups and restore", () => {
    let restored: Instance | undefined;

    it("create with a description → NEW → waitFor COMPLETED; listed in all and per instance; get agrees", async () => {
      const b = await inst.createBackup({ name: uniqueName("bk"), description: "My Backup" });
      backups.push(b.id);
      expect(b).toMatchObject({ id: expect.any(String), description: "My Backup", instanceId: inst.id });
      expect(["NEW", "BUILDING", "COMPLETED"]).toContain(b.status);
      const done = await b.waitFor("COMPLETED", wait);
      expect(done.status).toBe("COMPLETED");
      expect((await cdb.backups.list().toArray()).map((x) => x.id)).toContain(b.id);
      expect((await inst.listBackups().toArray()).map((x) => x.id)).toContain(b.id);
      expect((await cdb.backups.get(b.id)).name).toBe(b.name);
      await expect(cdb.backups.get("00000000-0000-4000-8000-000000000000")).rejects.toBeInstanceOf(NoSuchBackup);
      // One backup at a time: the instance is ACTIVE again once the backup is done.
      await inst.waitFor("ACTIVE", wait);
      const inc = await inst.createBackup({ name: uniqueName("inc"), incremental: true });
      backups.unshift(inc.id);
      expect(inc.parentId).toBe(b.id);
      expect((await inc.waitFor("COMPLETED", wait)).parentId).toBe(b.id);
      await inc.delete();
      backups.shift();
      await inst.waitFor("ACTIVE", wait);

      restored = await cdb.instances.restore(b, { name: uniqueName("restored"), flavor: flavors[0]!, volume: 2 });
      instances.push(restored);
      expect(["BUILD", "ACTIVE"]).toContain(restored.status);
      restored = await restored.waitFor("ACTIVE", wait);
      if (o.restoreKeepsData) {
        expect((await restored.listDatabases().toArray()).map((d) => d.name)).toEqual(expect.arrayContaining(["sales", "hr"]));
        expect((await restored.getUser("groucho")).databases).toEqual(["sales"]);
      }
    });

    it("restore from a backup that is not there → NoSuchBackup naming it", async () => {
      const gone = "00000000-0000-4000-8000-000000000000";
      const e = await cdb.instances.restore(gone, { name: uniqueName("norestore"), flavor: flavors[0]!, volume: 1 }).catch((x: unknown) => x);
      expect(e).toBeInstanceOf(NoSuchBackup);
      expect((e as Error).message).toContain(gone);
    });

    it("delete a backup → NoSuchBackup afterwards", async () => {
      const b = await cdb.backups.get(backups[0]!);
      await b.delete();
      await expect(cdb.backups.get(b.id)).rejects.toBeInstanceOf(NoSuchBackup);
      backups.shift();
    });
  });

  describe("resize", () => {
    it("the volume (bigger): RESIZE, then ACTIVE with the new size; a resize that reverts rejects the wait instead of resolving with the old size", async () => {
      const asked = inst;
      await inst.resizeVolume(3);
      expect(["RESIZE", "ACTIVE"]).toContain((await cdb.instances.get(inst.id)).status);
      // Real Trove in fake mode accepts both resizes, shows RESIZE, then times out and goes back to ACTIVE
      // with the old volume and flavor: waiting for ACTIVE must not report that as done.
      if (o.resizeApplies) {
        inst = await inst.waitFor("ACTIVE", wait);
        second = await second.waitFor("ACTIVE", wait);
        expect(inst.volume?.size).toBe(3);
        expect(second.flavorId).toBe(bigger.id);
        await inst.resize(bigger.name);
        expect((await inst.waitFor("ACTIVE", wait)).flavorId).toBe(bigger.id);
      } else {
        const e = await inst.waitFor("ACTIVE", wait).catch((x: unknown) => x);
        expect(e).toBeInstanceOf(InstanceFailed);
        expect((e as Error).message).toMatch(/ACTIVE with a 3 GB volume: the volume resize to 3 GB did not apply \(the volume is 2 GB\)/);
        // The object was refreshed with what the service said last, and a later wait no longer expects the size.
        expect(asked).toMatchObject({ status: "ACTIVE", volume: { size: 2 } });
        expect((await inst.waitFor("ACTIVE", wait)).volume?.size).toBe(2);
        const f = await second.waitFor("ACTIVE", wait).catch((x: unknown) => x);
        expect(f).toBeInstanceOf(InstanceFailed);
        expect((f as Error).message).toContain(`the resize to flavor ${bigger.id} did not apply`);
      }
    }, 600_000);
  });
}
