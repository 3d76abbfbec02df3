import { setupServer } from "msw/node";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createEmulator } from "../src/index";

// Users who prefer in-process interception mount the same handlers in their own msw server.
const emu = createEmulator({ url: "https://cloud.example.test", regions: ["ORD"] });
const server = setupServer(...emu.handlers);
beforeAll(() => server.listen({ onUnhandledRequest: "error" }));
afterAll(() => server.close());

describe("handlers mounted in msw setupServer", () => {
  it("authenticates and stores / reads an object", async () => {
    const auth = await fetch(`${emu.authUrl}/tokens`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ auth: { passwordCredentials: { username: "demo", password: "demo-password" } } }),
    });
    expect(auth.status).toBe(200);
    const { access } = (await auth.json()) as any;
    const files = access.serviceCatalog.find((s: any) => s.type === "object-store").endpoints[0];
    expect(files.region).toBe("ORD");
    expect(files.publicURL).toBe("https://object-store.ord.cloud.example.test/v1/MossoCloudFS_123456");
    const token = access.token.id;
    expect((await fetch(`${files.publicURL}/c`, { method: "PUT", headers: { "x-auth-token": token } })).status).toBe(201);
    const put = await fetch(`${files.publicURL}/c/o.txt`, { method: "PUT", headers: { "x-auth-token": token }, body: "in-process" });
    expect(put.status).toBe(201);
    expect(await (await fetch(`${files.publicURL}/c/o.txt`, { headers: { "x-auth-token": token } })).text()).toBe("in-process");
    // an underscored metadata name makes the emulator rebuild the request; the inline body must survive that
    const meta = await fetch(`${files.publicURL}/c/m.txt`, { method: "PUT", headers: { "x-auth-token": token, "X-Object-Meta-My_Key": "v" }, body: "kept" });
    expect(meta.status).toBe(201);
    const read = await fetch(`${files.publicURL}/c/m.txt`, { headers: { "x-auth-token": token } });
    expect(read.headers.get("x-object-meta-my-key")).toBe("v");
    expect(await read.text()).toBe("kept");
    emu.faults.inject({ match: { method: "GET" }, status: 503 });
    expect((await fetch(`${files.publicURL}/c/o.txt`, { headers: { "x-auth-token": token } })).status).toBe(503);
  });
});
