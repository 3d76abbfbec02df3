import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startEmulator, type RunningEmulator } from "../src/index";

/** Keystone v3 behaviour matched against real Keystone (tests/integration/keystone-parity.test.ts). */
let emu: RunningEmulator;
beforeAll(async () => {
  emu = await startEmulator({ users: [{ username: "demo", password: "demo-password", tenantId: "123456" }] });
});
afterAll(() => emu.stop());

async function passwordAuth(password: string, scope: unknown = { project: { id: "123456" } }) {
  return fetch(`${emu.keystoneUrl}/auth/tokens`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({
      auth: { identity: { methods: ["password"], password: { user: { name: "demo", domain: { id: "default" }, password } } }, scope },
    }),
  });
}

async function token(scope?: unknown): Promise<string> {
  const res = await passwordAuth("demo-password", scope);
  expect(res.status).toBe(201);
  return res.headers.get("x-subject-token")!;
}

describe("Keystone v3 401s", () => {
  it("carry WWW-Authenticate naming the v3 endpoint", async () => {
    const res = await passwordAuth("wrong-password");
    expect(res.status).toBe(401);
    expect(res.headers.get("www-authenticate")).toBe(`Keystone uri="${emu.keystoneUrl}"`);
    expect(((await res.json()) as any).error).toEqual({ code: 401, message: "The request you have made requires authentication.", title: "Unauthorized" });
    const noToken = await fetch(`${emu.keystoneUrl}/auth/tokens`, { headers: { "x-subject-token": "whatever" } });
    expect(noToken.status).toBe(401);
    expect(noToken.headers.get("www-authenticate")).toBe(`Keystone uri="${emu.keystoneUrl}"`);
  });
});

describe("GET /v3/auth/catalog and /v3/auth/projects", () => {
  it("the catalog of the caller's token, with links", async () => {
    const res = await fetch(`${emu.keystoneUrl}/auth/catalog`, { headers: { "x-auth-token": await token() } });
    expect(res.status).toBe(200);
    const body = (await res.json()) as any;
    expect(body.links).toEqual({ self: `${emu.keystoneUrl}/auth/catalog` });
    const swift = body.catalog.find((s: any) => s.type === "object-store");
    expect(Object.keys(swift).sort()).toEqual(["endpoints", "id", "name", "type"]);
    const dfw = swift.endpoints.find((e: any) => e.region_id === "DFW" && e.interface === "public");
    expect(Object.keys(dfw).sort()).toEqual(["id", "interface", "region", "region_id", "url"]);
    expect(dfw.url).toBe(`${emu.endpoint("object-store", "DFW")}/v1/MossoCloudFS_123456`);
  });

  it("needs a valid token (401) and a project-scoped one (403)", async () => {
    const none = await fetch(`${emu.keystoneUrl}/auth/catalog`);
    expect(none.status).toBe(401);
    const unscoped = await fetch(`${emu.keystoneUrl}/auth/catalog`, { headers: { "x-auth-token": await token("unscoped") } });
    expect(unscoped.status).toBe(403);
    expect(((await unscoped.json()) as any).error.title).toBe("Forbidden");
  });

  it("lists the project the token may scope to", async () => {
    const res = await fetch(`${emu.keystoneUrl}/auth/projects`, { headers: { "x-auth-token": await token() } });
    expect(res.status).toBe(200);
    const body = (await res.json()) as any;
    expect(body.projects.map((p: any) => p.id)).toEqual(["123456"]);
    expect(body.projects[0]).toMatchObject({ name: "123456", enabled: true, is_domain: false });
    expect(body.links.self).toBe(`${emu.keystoneUrl}/auth/projects`);
    expect((await fetch(`${emu.keystoneUrl}/auth/projects`, { headers: { "x-auth-token": "bogus" } })).status).toBe(401);
  });
});
