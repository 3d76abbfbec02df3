import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { computeState } from "../src/compute/model";
import { type RunningEmulator, startEmulator } from "../src/index";
import { ADMIN_AND_DEMO, v3Login } from "./contract-users";

// Nova over Keystone v3 with the two users the held-out contracts use: projects keep servers apart,
// keypairs belong to users, and admin-only actions are admin-only.
let emu: RunningEmulator;
beforeAll(async () => {
  emu = await startEmulator({ users: ADMIN_AND_DEMO });
  computeState(emu.state).timings.build = 0;
});
afterAll(() => emu.stop());

async function login(name: string): Promise<{ token: string; nova: string }> {
  const l = await v3Login(emu.keystoneUrl, name);
  return { token: l.token, nova: l.publicUrl("compute") };
}

const call = (who: { token: string; nova: string }, method: string, path: string, body?: unknown) =>
  fetch(`${who.nova}${path}`, { method, headers: { "x-auth-token": who.token, "content-type": "application/json" }, ...(body === undefined ? {} : { body: JSON.stringify(body) }) });

describe("compute over Keystone v3", () => {
  it("each project sees only its servers; each user only their keypairs", async () => {
    const admin = await login("admin");
    const demo = await login("demo");
    const made = await call(demo, "POST", "/servers", { server: { name: "demo-web", imageRef: "5cc098a5-7286-4b96-b3a2-49f4c4f82537", flavorRef: "2" } });
    expect(made.status).toBe(202);
    const { server } = (await made.json()) as { server: { id: string } };
    expect(((await (await call(demo, "GET", "/servers")).json()) as { servers: Array<{ id: string }> }).servers.map((s) => s.id)).toEqual([server.id]);
    expect(((await (await call(admin, "GET", "/servers")).json()) as { servers: unknown[] }).servers).toEqual([]);
    expect((await call(admin, "GET", `/servers/${server.id}`)).status).toBe(404);

    expect((await call(demo, "POST", "/os-keypairs", { keypair: { name: "k" } })).status).toBe(200);
    expect(((await (await call(admin, "GET", "/os-keypairs")).json()) as { keypairs: unknown[] }).keypairs).toEqual([]);
    expect((await call(admin, "POST", "/os-keypairs", { keypair: { name: "k" } })).status).toBe(200);
  });

  it("os-resetState is admin-only (403 for a member, 202 for admin)", async () => {
    const admin = await login("admin");
    const demo = await login("demo");
    const own = async (who: typeof admin) => ((await (await call(who, "POST", "/servers", { server: { name: "s", imageRef: "5cc098a5-7286-4b96-b3a2-49f4c4f82537", flavorRef: "2" } })).json()) as { server: { id: string } }).server.id;
    const demoServer = await own(demo);
    const denied = await call(demo, "POST", `/servers/${demoServer}/action`, { "os-resetState": { state: "error" } });
    expect(denied.status).toBe(403);
    expect(((await denied.json()) as { forbidden: { message: string } }).forbidden.message).toContain("os-admin-actions:reset_state");
    const adminServer = await own(admin);
    expect((await call(admin, "POST", `/servers/${adminServer}/action`, { "os-resetState": { state: "error" } })).status).toBe(202);
    expect(((await (await call(admin, "GET", `/servers/${adminServer}`)).json()) as { server: { status: string } }).server.status).toBe("ERROR");
  });
});
