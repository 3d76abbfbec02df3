import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startEmulator, type RunningEmulator } from "../src/index";
import { ADMIN_AND_DEMO, v3Login } from "./contract-users";

// The emulator's half of tests/integration/trove-parity.test.ts: what real Trove 18 (fake mode)
// answered to the same raw requests over Keystone v3, pinned here so `pnpm test` holds it without
// the real server. Users as the held-out contract gives them: admin (admin role, project admin) and
// demo (member of project demo).
let emulator: RunningEmulator;
const base: Record<"admin" | "demo", string> = { admin: "", demo: "" };
const token: Record<"admin" | "demo", string> = { admin: "", demo: "" };

async function login(who: "admin" | "demo") {
  const l = await v3Login(emulator.keystoneUrl, who);
  token[who] = l.token;
  base[who] = l.publicUrl("database");
}

beforeAll(async () => {
  emulator = await startEmulator({
    users: ADMIN_AND_DEMO,
  });
  await login("admin");
  await login("demo");
});
afterAll(async () => {
  await emulator?.stop();
});

const t = (who: "admin" | "demo", method: string, path: string, body?: unknown, raw?: string) =>
  fetch(`${base[who]}${path}`, { method, headers: { "x-auth-token": token[who], "content-type": "application/json", accept: "application/json" }, ...(raw !== undefined ? { body: raw } : body === undefined ? {} : { body: JSON.stringify(body) }) });
const json = async (res: Response) => (await res.json()) as Record<string, any>;
const settle = () => emulator.state.clock.advance(10_000);
async function instance(who: "admin" | "demo" = "admin"): Promise<Record<string, any>> {
  const res = await t(who, "POST", "/instances", { instance: { name: "c", flavorRef: "1", volume: { size: 2 }, datastore: { type: "mysql", version: "5.7" } } });
  expect(res.status).toBe(200);
  return (await json(res)).instance;
}

describe("Trove v1.0 contract (the emulator's half of the real-Trove parity test)", () => {
  it("is in Keystone v3's catalog as OpenStack's type \"database\" at /v1.0/<project>", () => {
    expect(base.admin).toMatch(/\/v1\.0\/[^/]+$/);
    expect(base.demo).not.toBe(base.admin);
  });

  it("a created instance carries Trove 18's fields; /instances/detail lists them, /instances the short rows", async () => {
    const made = await instance();
    expect(Object.keys(made).sort()).toEqual(expect.arrayContaining(["access", "created", "datastore", "encrypted_rpc_messaging", "flavor", "id", "links", "name", "operating_status", "region", "server_id", "service_status_updated", "status", "tenant_id", "updated", "volume", "volume_id"]));
    expect(made).toMatchObject({ status: "BUILD", server_id: null, volume_id: null, access: {}, encrypted_rpc_messaging: false, datastore: { type: "mysql", version: "5.7", version_number: "5.7" } });
    settle();
    const detail = await t("admin", "GET", "/instances/detail");
    expect(detail.status).toBe(200);
    const row = (await json(detail)).instances.find((i: { id: string }) => i.id === made.id);
    expect(row).toMatchObject({ status: "ACTIVE", server_id: expect.any(String), volume_id: expect.any(String), service_status_updated: expect.any(String) });
    const short = (await json(await t("admin", "GET", "/instances"))).instances.find((i: { id: string }) => i.id === made.id);
    expect(short).toMatchObject({ access: {}, operating_status: expect.any(String), tenant_id: expect.any(String), datastore: { type: "mysql", version: "5.7" } });
    expect(short).not.toHaveProperty("created");
    expect(short).not.toHaveProperty("server_id");
  });

  it("a 202 has an empty body labelled application/json, as real Trove's", async () => {
    const i = await instance();
    settle();
    const res = await t("admin", "POST", `/instances/${i.id}/databases`, { databases: [{ name: "books" }] });
    expect(res.status).toBe(202);
    expect(res.headers.get("content-type")).toMatch(/^application\/json/);
    expect(await res.text()).toBe("");
  });

  it("volume sizes are refused with jsonschema's words for each branch of Trove's oneOf", async () => {
    const bad = async (size: unknown) => json(await t("admin", "POST", "/instances", { instance: { name: "v", flavorRef: "1", volume: { size } } }));
    expect(await bad(0)).toEqual({ badRequest: { code: 400, message: "Validation error: instance['volume']['size'] 0 is not valid under any of the given schemas; 0 is less than the minimum of 1; 0 is not of type 'string'" } });
    expect(await bad("two")).toEqual({ badRequest: { code: 400, message: "Validation error: instance['volume']['size'] 'two' is not valid under any of the given schemas; 'two' is not of type 'integer'; 'two' does not match '^0*[1-9]+[0-9]*$'" } });
    const i = await instance();
    settle();
    const res = await t("admin", "POST", `/instances/${i.id}/action`, { resize: { volume: { size: "x" } } });
    expect(await json(res)).toEqual({ badRequest: { code: 400, message: "Validation error: resize['volume']['size'] 'x' is not valid under any of the given schemas; 'x' is not of type 'integer'; 'x' does not match '^0*[1-9]+[0-9]*$'" } });
  });

  it("a body that is not JSON gets webob's 400 body, not a Trove fault", async () => {
    const res = await t("admin", "POST", "/instances", undefined, "{not json");
    expect(res.status).toBe(400);
    expect(await res.json()).toEqual({ code: "400 Bad Request", message: "Malformed request body<br /><br />\n\n\n", title: "Bad Request" });
  });

  it("an action on a rebooting instance names the task (REBOOTING); a backup without an instance: 'instance is missing.'", async () => {
    const i = await instance();
    settle();
    expect((await t("admin", "POST", `/instances/${i.id}/action`, { restart: {} })).status).toBe(202);
    expect(await json(await t("admin", "POST", `/instances/${i.id}/action`, { restart: {} }))).toEqual({
      unprocessableEntity: { code: 422, message: `Instance ${i.id} is not currently available for an action to be performed (task status was REBOOTING).` },
    });
    expect(await json(await t("admin", "POST", "/backups", { backup: { name: "b" } }))).toEqual({ badRequest: { code: 400, message: "instance is missing." } });
  });

  it("a datastore version shows its packaging to admins only", async () => {
    const member = (await json(await t("demo", "GET", "/datastores/mysql/versions/5.7"))).version;
    const admin = (await json(await t("admin", "GET", "/datastores/mysql/versions/5.7"))).version;
    expect(Object.keys(member).sort()).toEqual(["datastore", "id", "links", "name", "version"]);
    expect(Object.keys(admin).sort()).toEqual(["active", "datastore", "id", "image", "image_tags", "links", "name", "packages", "version"]);
  });

  it("user paging: the next link quotes name@host twice, and following it gives the next user", async () => {
    const i = await instance();
    settle();
    await t("admin", "POST", `/instances/${i.id}/users`, { users: [{ name: "chico", password: "pw", host: "10.0.0.%" }, { name: "zeppo", password: "pw" }] });
    const first = await json(await t("admin", "GET", `/instances/${i.id}/users?limit=1`));
    expect(first.links[0].href).toContain("marker=chico%254010.0.0.%2525");
    const next = await fetch(first.links[0].href, { headers: { "x-auth-token": token.admin } });
    expect((await json(next)).users.map((u: { name: string }) => u.name)).toEqual(["zeppo"]);
  });

  it("demo cannot see admin's instance (404), and databases may be added while a backup runs", async () => {
    const i = await instance();
    settle();
    expect((await t("demo", "GET", `/instances/${i.id}`)).status).toBe(404);
    expect((await t("admin", "POST", "/backups", { backup: { name: "b", instance: i.id } })).status).toBe(202);
    expect((await json(await t("admin", "GET", `/instances/${i.id}`))).instance.status).toBe("BACKUP");
    expect((await t("admin", "POST", `/instances/${i.id}/databases`, { databases: [{ name: "during" }] })).status).toBe(202);
  });
});
