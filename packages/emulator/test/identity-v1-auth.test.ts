import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type RunningEmulator, startEmulator } from "../src/index";

// python-swiftclient's default auth is v1.0 (`swift -A <url>/auth/v1.0 -U user -K key`); found missing
// by running the swift CLI against the emulator (scripts/emulator-peer-clients.sh). Over plain HTTP here.
let emu: RunningEmulator;
beforeAll(async () => {
  emu = await startEmulator({ regions: ["ORD", "DFW"], users: [{ username: "demo", password: "secret", apiKey: "demo-api-key", project: "demo", defaultRegion: "DFW" }] });
});
afterAll(() => emu.stop());

const v1 = (path: string, user: string, key: string) => fetch(`${emu.url}${path}`, { headers: { "x-auth-user": user, "x-auth-key": key } });

describe("v1.0 auth (X-Auth-User / X-Auth-Key)", () => {
  it("answers with a token and the user's default-region Cloud Files URL, which the token opens", async () => {
    // tempauth's path answers 200 as Swift 2.30's tempauth does; Rackspace's /v1.0 answered 204.
    for (const [path, key, status] of [["/auth/v1.0", "secret", 200], ["/v1.0", "demo-api-key", 204]] as const) {
      const res = await v1(path, "demo", key);
      expect(res.status).toBe(status);
      const token = res.headers.get("x-auth-token")!;
      expect(res.headers.get("x-storage-token")).toBe(token);
      const storage = res.headers.get("x-storage-url")!;
      expect(storage).toBe(`${emu.endpoint("object-store", "DFW")}/v1/MossoCloudFS_${emu.users[0]!.tenantId}`);
      expect(res.headers.get("x-server-management-url")).toBe(`${emu.endpoint("compute", "DFW")}/v2/${emu.users[0]!.tenantId}`);
      expect((await fetch(storage, { method: "HEAD", headers: { "x-auth-token": token } })).status).toBe(204);
    }
  });

  it("takes tempauth's project:user form; refuses a wrong key, another project or no headers with 401", async () => {
    expect((await v1("/auth/v1.0", "demo:demo", "secret")).status).toBe(200);
    expect((await v1("/auth/v1.0", "other:demo", "secret")).status).toBe(401);
    const wrong = await v1("/auth/v1.0", "demo", "wrong");
    expect([wrong.status, wrong.headers.get("www-authenticate")]).toEqual([401, 'Swift realm="unknown"']);
    expect((await fetch(`${emu.url}/auth/v1.0`)).status).toBe(401);
  });
});
