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
  it("answers 204 with a token and the user's default-region Cloud Files URL, which the token opens", async () => {
    for (const [path, key] of [["/auth/v1.0", "secret"], ["/v1.0", "demo-api-key"]] as const) {
      const res = await v1(path, "demo", key);
      expect(res.status).toBe(204);
      const token = res.headers.get("x-auth-token")!;
      expect(res.headers.get("x-storage-token")).toBe(token);
      const storage = res.headers.get("x-storage-url")!;
      expect(storage).toBe(`${emu.endpoint("object-store", "DFW")}/v1/MossoCloudFS_${emu.users[0]!.tenantId}`);
      expect(res.headers.get("x-server-management-url")).toBe(`${emu.endpoint("compute", "DFW")}/v2/${emu.users[0]!.tenantId}`);
      expect((await fetch(storage, { method: "HEAD", headers: { "x-auth-token": token } })).status).toBe(204);
    }
  });

  it("takes tempauth's project:user form; refuses a wrong key, another project or no headers with 401", async () => {
    expect((await v1("/auth/v1.0", "demo:demo", "secret")).status).toBe(204);
    expect((await v1("/auth/v1.0", "other:demo", "secret")).status).toBe(401);
    expect((await v1("/auth/v1.0", "demo", "wrong")).status).toBe(401);
    expect((await fetch(`${emu.url}/auth/v1.0`)).status).toBe(401);
  });
});
