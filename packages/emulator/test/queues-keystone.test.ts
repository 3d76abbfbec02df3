import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type RunningEmulator, startEmulator } from "../src/index";
import { ADMIN_AND_DEMO, v3Login } from "./contract-users";

// Zaqar v2 over Keystone v3 with the two users the held-out contracts use (admin in project admin,
// demo in project demo): the catalog's messaging entry, projects kept apart, one queue store per project.
let emu: RunningEmulator;
beforeAll(async () => {
  emu = await startEmulator({ users: ADMIN_AND_DEMO });
});
afterAll(() => emu.stop());

interface Who {
  token: string;
  zaqar: string;
  project: string;
}

async function login(name: string): Promise<Who> {
  const l = await v3Login(emu.keystoneUrl, name);
  expect(l.catalog.find((s) => s.type === "messaging")!.name).toBe("zaqar");
  return { token: l.token, zaqar: l.publicUrl("messaging"), project: l.project };
}

const CID = "6b1b2b0e-2f1c-4a7d-9c55-0d7a3c1e4f10";
const call = (who: Who, method: string, path: string, body?: unknown) =>
  fetch(`${who.zaqar.replace(/\/$/, "")}/v2${path}`, { method, headers: { "x-auth-token": who.token, "client-id": CID, "content-type": "application/json" }, ...(body === undefined ? {} : { body: JSON.stringify(body) }) });

describe("Zaqar v2 over Keystone v3", () => {
  it("both users find messaging (zaqar) at a bare root; each project sees only its own queues and messages", async () => {
    const admin = await login("admin");
    const demo = await login("demo");
    expect(new URL(demo.zaqar).pathname).toBe("/");
    expect((await call(demo, "PUT", "/queues/shared-name")).status).toBe(201);
    expect((await call(admin, "PUT", "/queues/shared-name")).status).toBe(201);
    await call(demo, "POST", "/queues/shared-name/messages", { messages: [{ ttl: 60, body: "for demo" }] });
    const adminList = (await (await call(admin, "GET", "/queues/shared-name/messages?echo=true")).json()) as { messages: unknown[] };
    expect(adminList.messages).toEqual([]);
    const demoList = (await (await call(demo, "GET", "/queues/shared-name/messages?echo=true")).json()) as { messages: Array<{ body: unknown }> };
    expect(demoList.messages.map((m) => m.body)).toEqual(["for demo"]);
    const missing = (await (await call(admin, "GET", "/queues/shared-name/claims/00000000-0000-0000-0000-000000000000")).json()) as { description: string };
    expect(missing.description).toBe(`Claim 00000000-0000-0000-0000-000000000000 does not exist in queue shared-name for project ${admin.project}`);
  });
});
