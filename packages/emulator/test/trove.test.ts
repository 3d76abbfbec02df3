import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { troveState } from "../src/databases/model";
import { type Session, session } from "./helpers";

// Cloud Databases / Trove v1.0 as the emulator serves it, over plain HTTP (no SDK). Codes, fault
// wrappers and messages are those real Trove 18 (fake mode, 127.0.0.1:8779) answered to the same requests.
let s: Session;
let base: string;

beforeAll(async () => {
  s = await session();
  base = s.catalog.find((c) => c.type === "rax:database")!.endpoints.find((e) => e.region === "DFW")!.publicURL!;
});
afterAll(async () => {
  await s?.emu.stop();
});

const t = (method: string, path: string, body?: unknown) =>
  fetch(`${base}${path}`, { method, headers: { "x-auth-token": s.token, "content-type": "application/json", accept: "application/json" }, ...(body === undefined ? {} : { body: JSON.stringify(body) }) });
const json = async (res: Response) => (await res.json()) as Record<string, any>;
const settle = () => s.emu.state.clock.advance(10_000);
async function instance(extra: Record<string, unknown> = {}): Promise<Record<string, any>> {
  const res = await t("POST", "/instances", { instance: { name: "i", flavorRef: "1", volume: { size: 2 }, ...extra } });
  expect(res.status).toBe(200);
  return (await json(res)).instance;
}

describe("Trove in the emulator", () => {
  it("is in the catalog as rax:database / cloudDatabases at /v1.0/<tenant>, and needs a token", async () => {
    expect(base).toMatch(/\/v1\.0\/[^/]+$/);
    expect((await fetch(`${base}/instances`)).status).toBe(401);
  });

  it("lists flavors with self/bookmark links; a missing one is itemNotFound 'Resource x cannot be found.'", async () => {
    const body = await json(await t("GET", "/flavors"));
    expect(body.flavors[0]).toMatchObject({ id: 1, name: "512MB Instance", ram: 512, str_id: "1", links: [{ rel: "self", href: `${base}/flavors/1` }, { rel: "bookmark" }] });
    const missing = await t("GET", "/flavors/999");
    expect(missing.status).toBe(404);
    expect(await missing.json()).toEqual({ itemNotFound: { code: 404, message: "Resource 999 cannot be found." } });
  });

  it("creates an instance (200, BUILD) that goes ACTIVE on the clock; flavorRef may be an id or a URL", async () => {
    const i = await instance({ flavorRef: `${base}/flavors/2`, databases: [{ name: "db1" }], users: [{ name: "u1", password: "pw1", databases: [{ name: "db1" }] }] });
    expect(i).toMatchObject({ status: "BUILD", flavor: { id: "2" }, volume: { size: 2 }, datastore: { type: "mysql", version: "5.6" } });
    settle();
    const got = (await json(await t("GET", `/instances/${i.id}`))).instance;
    expect(got.status).toBe("ACTIVE");
    expect(await json(await t("GET", `/instances/${i.id}/databases`))).toEqual({ databases: [{ name: "db1" }] });
    expect(await json(await t("GET", `/instances/${i.id}/users`))).toEqual({ users: [{ name: "u1", host: "%", databases: [{ name: "db1" }] }] });
  });

  it("refuses bad creates as Trove does", async () => {
    const cases: Array<[unknown, number, Record<string, unknown>]> = [
      [{ name: "x", flavorRef: "1" }, 400, { badRequest: { code: 400, message: "Volume size was not specified." } }],
      [{ name: "x", flavorRef: "999", volume: { size: 2 } }, 400, { badRequest: { code: 400, message: "Resource 999 cannot be found." } }],
      [{ name: "x", flavorRef: "1", volume: { size: 200 } }, 413, { overLimit: { code: 413, message: "Volume 'size' cannot exceed maximum of 50 GB, 200 cannot be accepted." } }],
      [{ name: "x", flavorRef: "1", volume: { size: 1 }, users: [{ name: "nopw" }] }, 400, { badRequest: { code: 400, message: "Validation error: users[0] 'password' is a required property" } }],
    ];
    for (const [instanceBody, status, body] of cases) {
      const res = await t("POST", "/instances", { instance: instanceBody });
      expect(res.status).toBe(status);
      expect(await res.json()).toEqual(body);
    }
  });

  it("pages instances, databases and users with Trove's links (marker = last id / name / name@host)", async () => {
    const i = await instance();
    settle();
    await t("POST", `/instances/${i.id}/databases`, { databases: [{ name: "aa" }, { name: "bb" }, { name: "cc" }] });
    const p1 = await json(await t("GET", `/instances/${i.id}/databases?limit=2`));
    expect(p1.databases).toEqual([{ name: "aa" }, { name: "bb" }]);
    expect(p1.links[0]).toMatchObject({ rel: "next" });
    expect(new URL(p1.links[0].href).searchParams.get("marker")).toBe("bb");
    expect(await json(await t("GET", `/instances/${i.id}/databases?limit=2&marker=bb`))).toEqual({ databases: [{ name: "cc" }] });
    await t("POST", `/instances/${i.id}/users`, { users: [{ name: "a", password: "p" }, { name: "b", password: "p", host: "10.0.0.1" }] });
    const u1 = await json(await t("GET", `/instances/${i.id}/users?limit=1`));
    // Real Trove 18 quotes the marker once more than the URL needs (`marker=a%2540%2525`) and unquotes it on the way in.
    expect(new URL(u1.links[0].href).searchParams.get("marker")).toBe("a%40%25");
    expect((await json(await t("GET", `/instances/${i.id}/users?limit=1&marker=${encodeURIComponent("a%40%25")}`))).users).toEqual([{ name: "b", host: "10.0.0.1", databases: [] }]);
    expect((await json(await t("GET", `/instances/${i.id}/users?limit=1&marker=${encodeURIComponent("a@%")}`))).users).toEqual([{ name: "b", host: "10.0.0.1", databases: [] }]);
    const all = await json(await t("GET", "/instances?limit=1"));
    expect(all.instances).toHaveLength(1);
    expect(all.links[0].rel).toBe("next");
  });

  it("databases and users: Trove's errors for duplicates, bad names, reserved names, missing ones; no GET for one database", async () => {
    const i = await instance();
    settle();
    const expectError = async (res: Promise<Response>, status: number, message: string) => {
      const r = await res;
      expect(r.status).toBe(status);
      expect(Object.values(await json(r))[0]).toMatchObject({ code: status, message });
    };
    await t("POST", `/instances/${i.id}/databases`, { databases: [{ name: "db2" }] });
    await expectError(t("POST", `/instances/${i.id}/databases`, { databases: [{ name: "db2" }] }), 400, 'A database with the name "db2" already exists.');
    await expectError(t("POST", `/instances/${i.id}/databases`, { databases: [{ name: "bad name!" }] }), 400, "'bad name!' is not a valid schema name.");
    await expectError(t("POST", `/instances/${i.id}/databases`, { databases: [{ name: "a" }] }), 400, "'a' is not a valid schema name.");
    await expectError(t("POST", `/instances/${i.id}/databases`, { databases: [{ name: "mysql" }] }), 400, "Database name \"mysql\" is on the reserved list: ['mysql', 'information_schema', 'performance_schema', 'sys'].");
    await expectError(t("POST", `/instances/${i.id}/databases`, { databases: [{ name: "cs1", character_set: "latin1", collate: "utf8_bin" }] }), 400, "utf8_bin not a valid collation for charset latin1.");
    await expectError(t("DELETE", `/instances/${i.id}/databases/nodb`), 404, "Database nodb cannot be found on the instance.");
    await expectError(t("GET", `/instances/${i.id}/databases/db2`), 501, "The server has either erred or is incapable of performing the requested operation.");
    await t("POST", `/instances/${i.id}/users`, { users: [{ name: "ux", password: "p" }] });
    await expectError(t("POST", `/instances/${i.id}/users`, { users: [{ name: "ux", password: "p" }] }), 400, 'A user with the name "ux" already exists.');
    await expectError(t("POST", `/instances/${i.id}/users`, { users: [{ name: "bad;name", password: "p" }] }), 400, "User create error: 'bad;name' is not a valid user name.");
    await expectError(t("POST", `/instances/${i.id}/users`, { users: [{ name: "root", password: "p" }] }), 400, "User create error: User name \"root\" is on the reserved list: ['os_admin', 'root'].");
    await expectError(t("POST", `/instances/${i.id}/users`, { users: [{ name: "a23456789012345678", password: "p" }] }), 400, "User create error: User name 'a23456789012345678' is too long. Max length = 16.");
    await expectError(t("GET", `/instances/${i.id}/users/nobody`), 404, "User nobody@% cannot be found on the instance.");
    await expectError(t("PUT", `/instances/${i.id}/users/ux`, { user: {} }), 400, "Validation error: user {} does not have enough properties");
  });

  it("users by name@host; access grant / list / revoke; rename keeps grants; password change", async () => {
    const i = await instance({ databases: [{ name: "d1" }, { name: "d2" }] });
    settle();
    await t("POST", `/instances/${i.id}/users`, { users: [{ name: "harpo", password: "pw", host: "10.0.0.1", databases: [{ name: "d1" }] }] });
    expect((await t("GET", `/instances/${i.id}/users/harpo`)).status).toBe(404);
    expect((await json(await t("GET", `/instances/${i.id}/users/harpo@10.0.0.1`))).user).toEqual({ name: "harpo", host: "10.0.0.1", databases: [{ name: "d1" }] });
    expect((await t("PUT", `/instances/${i.id}/users/harpo@10.0.0.1/databases`, { databases: [{ name: "d2" }] })).status).toBe(202);
    expect(await json(await t("GET", `/instances/${i.id}/users/harpo@10.0.0.1/databases`))).toEqual({ databases: [{ name: "d1" }, { name: "d2" }] });
    expect((await t("DELETE", `/instances/${i.id}/users/harpo@10.0.0.1/databases/d1`)).status).toBe(202);
    expect((await t("DELETE", `/instances/${i.id}/users/harpo@10.0.0.1/databases/d1`)).status).toBe(404);
    expect((await t("PUT", `/instances/${i.id}/users/harpo@10.0.0.1`, { user: { name: "chico", host: "%" } })).status).toBe(202);
    expect((await json(await t("GET", `/instances/${i.id}/users/chico`))).user.databases).toEqual([{ name: "d2" }]);
    expect((await t("PUT", `/instances/${i.id}/users`, { users: [{ name: "chico", password: "p2" }] })).status).toBe(202);
    expect((await t("DELETE", `/instances/${i.id}/users/chico`)).status).toBe(202);
  });

  it("root: rootEnabled false → POST → a password, rootEnabled true", async () => {
    const i = await instance();
    settle();
    expect(await json(await t("GET", `/instances/${i.id}/root`))).toEqual({ rootEnabled: false });
    const res = await t("POST", `/instances/${i.id}/root`);
    expect(res.status).toBe(200);
    const body = await json(res);
    expect(body.user).toMatchObject({ name: "root", password: expect.any(String) });
    expect(await json(await t("GET", `/instances/${i.id}/root`))).toEqual({ rootEnabled: true });
  });

  it("actions: restart → REBOOT; resize volume bigger only (400 first, whatever the status); busy → 422", async () => {
    const i = await instance();
    const busy = await t("POST", `/instances/${i.id}/action`, { restart: {} });
    expect(busy.status).toBe(422);
    expect(await busy.json()).toEqual({ unprocessableEntity: { code: 422, message: `Instance ${i.id} is not currently available for an action to be performed (instance status was BUILD).` } });
    const smaller = await t("POST", `/instances/${i.id}/action`, { resize: { volume: { size: 1 } } });
    expect(smaller.status).toBe(400);
    expect(await smaller.json()).toEqual({ badRequest: { code: 400, message: "The new volume 'size' must be larger than the current volume size of '2'." } });
    settle();
    expect((await t("POST", `/instances/${i.id}/action`, { restart: {} })).status).toBe(202);
    expect((await json(await t("GET", `/instances/${i.id}`))).instance.status).toBe("REBOOT");
    settle();
    expect((await t("POST", `/instances/${i.id}/action`, { resize: { volume: { size: 5 } } })).status).toBe(202);
    expect((await json(await t("GET", `/instances/${i.id}`))).instance.status).toBe("RESIZE");
    settle();
    expect((await json(await t("GET", `/instances/${i.id}`))).instance).toMatchObject({ status: "ACTIVE", volume: { size: 5 } });
    expect((await t("POST", `/instances/${i.id}/action`, { resize: { flavorRef: "3" } })).status).toBe(202);
    settle();
    expect((await json(await t("GET", `/instances/${i.id}`))).instance.flavor.id).toBe("3");
  });

  it("backups: 202 NEW → BUILDING → COMPLETED on the clock; listed all / per instance; restore brings databases and users back; delete → 404", async () => {
    troveState(s.emu.state).timings.backup = 1000;
    const i = await instance({ databases: [{ name: "keep" }], users: [{ name: "kept", password: "pw", databases: [{ name: "keep" }] }] });
    const early = await t("POST", "/backups", { backup: { instance: i.id, name: "bk" } });
    expect(early.status).toBe(422);
    settle();
    const res = await t("POST", "/backups", { backup: { instance: i.id, name: "bk", description: "My Backup" } });
    expect(res.status).toBe(202);
    const b = (await json(res)).backup;
    expect(b).toMatchObject({ name: "bk", description: "My Backup", instance_id: i.id, status: "NEW", size: null, parent_id: null, locationRef: null });
    s.emu.state.clock.advance(600);
    expect((await json(await t("GET", `/backups/${b.id}`))).backup.status).toBe("BUILDING");
    s.emu.state.clock.advance(600);
    expect((await json(await t("GET", `/backups/${b.id}`))).backup).toMatchObject({ status: "COMPLETED", size: expect.any(Number) });
    expect((await json(await t("GET", "/backups"))).backups.map((x: { id: string }) => x.id)).toContain(b.id);
    expect((await json(await t("GET", `/instances/${i.id}/backups`))).backups.map((x: { id: string }) => x.id)).toEqual([b.id]);
    expect((await t("POST", "/backups", { backup: { instance: "00000000-0000-4000-8000-000000000000", name: "x" } })).status).toBe(404);
    // incremental: an integer (Trove 18's schema), on top of the instance's latest completed backup
    const asBool = await t("POST", "/backups", { backup: { instance: i.id, name: "inc", incremental: true } });
    expect(asBool.status).toBe(400);
    expect(await asBool.json()).toEqual({ badRequest: { code: 400, message: "Validation error: backup['incremental'] True is not of type 'integer'" } });
    settle();
    const inc = (await json(await t("POST", "/backups", { backup: { instance: i.id, name: "inc", incremental: 1 } }))).backup;
    expect(inc.parent_id).toBe(b.id);
    settle();
    expect((await t("DELETE", `/backups/${inc.id}`)).status).toBe(202);
    const restored = await instance({ restorePoint: { backupRef: b.id } });
    settle();
    expect(await json(await t("GET", `/instances/${restored.id}/databases`))).toEqual({ databases: [{ name: "keep" }] });
    expect((await json(await t("GET", `/instances/${restored.id}/users/kept`))).user.databases).toEqual([{ name: "keep" }]);
    expect((await t("DELETE", `/backups/${b.id}`)).status).toBe(202);
    const gone = await t("GET", `/backups/${b.id}`);
    expect(gone.status).toBe(404);
    expect(await gone.json()).toEqual({ itemNotFound: { code: 404, message: `Resource ${b.id} cannot be found.` } });
  });

  it("delete: 202, SHUTDOWN, then 404", async () => {
    const i = await instance();
    settle();
    expect((await t("DELETE", `/instances/${i.id}`)).status).toBe(202);
    expect((await json(await t("GET", `/instances/${i.id}`))).instance.status).toBe("SHUTDOWN");
    settle();
    expect((await t("GET", `/instances/${i.id}`)).status).toBe(404);
  });
});

describe("Trove datastores in the emulator", () => {
  it("lists MySQL with its versions; get by name or id; versions; unknown → Trove's 404 / 400; create refuses them the same way", async () => {
    const list = await json(await t("GET", "/datastores"));
    const mysql = list.datastores[0];
    expect(mysql).toMatchObject({ name: "mysql", default_version: mysql.versions[0].id });
    expect(mysql.versions.map((v: { name: string }) => v.name)).toEqual(["5.6", "5.7"]);
    expect((await json(await t("GET", "/datastores/mysql"))).datastore.id).toBe(mysql.id);
    expect((await json(await t("GET", `/datastores/${mysql.id}/versions`))).versions).toHaveLength(2);
    // A member sees no packaging (active, packages, image, image_tags): real Trove 18 shows that to admins only.
    expect(Object.keys((await json(await t("GET", "/datastores/mysql/versions/5.7"))).version).sort()).toEqual(["datastore", "id", "links", "name", "version"]);
    expect((await json(await t("GET", "/datastores/mysql/versions/5.7"))).version).toMatchObject({ name: "5.7", version: "5.7", datastore: mysql.id });
    const nope = await t("GET", "/datastores/nope");
    expect(nope.status).toBe(404);
    expect(await nope.json()).toEqual({ itemNotFound: { code: 404, message: "Datastore 'nope' cannot be found." } });
    const badVersion = await t("GET", "/datastores/mysql/versions/9.9");
    expect(badVersion.status).toBe(400);
    expect(await badVersion.json()).toEqual({ badRequest: { code: 400, message: "Datastore version '9.9' cannot be found." } });
    expect((await t("POST", "/instances", { instance: { name: "x", flavorRef: "1", volume: { size: 1 }, datastore: { type: "nope", version: "1" } } })).status).toBe(404);
    expect((await t("POST", "/instances", { instance: { name: "x", flavorRef: "1", volume: { size: 1 }, datastore: { type: "mysql", version: "9.9" } } })).status).toBe(400);
    const made = await t("POST", "/instances", { instance: { name: "x", flavorRef: "1", volume: { size: 1 }, datastore: { type: "mysql", version: "5.7" } } });
    expect((await json(made)).instance.datastore).toEqual({ type: "mysql", version: "5.7", version_number: "5.7" });
  });
});

describe("Trove's guest is there only when the instance is ACTIVE", () => {
  it("databases, users and root answer 422 'Instance x is not ready.' while it builds (not while it backs up, as real Trove 18); a running backup cannot be deleted", async () => {
    const i = await instance();
    for (const [method, path, body] of [
      ["GET", `/instances/${i.id}/databases`],
      ["POST", `/instances/${i.id}/databases`, { databases: [{ name: "db1" }] }],
      ["GET", `/instances/${i.id}/users`],
      ["GET", `/instances/${i.id}/root`],
      ["POST", `/instances/${i.id}/root`],
    ] as Array<[string, string, unknown?]>) {
      const res = await t(method, path, body);
      expect(res.status).toBe(422);
      expect(await res.json()).toEqual({ unprocessableEntity: { code: 422, message: `Instance ${i.id} is not ready.` } });
    }
    settle();
    const b = (await json(await t("POST", "/backups", { backup: { instance: i.id, name: "running" } }))).backup;
    expect((await json(await t("GET", `/instances/${i.id}`))).instance.status).toBe("BACKUP");
    expect((await t("POST", `/instances/${i.id}/databases`, { databases: [{ name: "during" }] })).status).toBe(202);
    expect((await t("GET", `/instances/${i.id}/users`)).status).toBe(200);
    const del = await t("DELETE", `/backups/${b.id}`);
    expect(del.status).toBe(422);
    expect(await del.json()).toEqual({ unprocessableEntity: { code: 422, message: `Backup ${b.id} cannot be deleted because it is running.` } });
    settle();
    expect((await t("GET", `/instances/${i.id}/users`)).status).toBe(200);
    expect((await t("DELETE", `/backups/${b.id}`)).status).toBe(202);
  });
});
