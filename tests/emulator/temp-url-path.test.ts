import { createHmac } from "node:crypto";
import { DEFAULT_USER, type RunningEmulator, startEmulator } from "@rax/emulator";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

// Independent of the SDK: sign a temp URL by hand the way python-swiftclient's generate_temp_url
// does (HMAC over the path from its "/v1/" segment on) and check the emulator accepts it. The
// emulator serves Swift under /object-store/<REGION>, a prefix a real Swift proxy would never see.
describe("emulator temp URLs are signed over the Swift path (/v1/<account>/<container>/<object>)", () => {
  let emu: RunningEmulator;
  let storage: string;
  let token: string;

  beforeAll(async () => {
    emu = await startEmulator();
    const res = await fetch(`${emu.authUrl}/tokens`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ auth: { "RAX-KSKEY:apiKeyCredentials": { username: DEFAULT_USER.username, apiKey: DEFAULT_USER.apiKey } } }),
    });
    const body = (await res.json()) as {
      access: { token: { id: string }; serviceCatalog: { type: string; endpoints: { region: string; publicURL: string }[] }[] };
    };
    token = body.access.token.id;
    storage = body.access.serviceCatalog.find((s) => s.type === "object-store")!.endpoints[0]!.publicURL;
    const auth = { "x-auth-token": token };
    expect((await fetch(storage, { method: "POST", headers: { ...auth, "x-account-meta-temp-url-key": "k" } })).status).toBe(204);
    expect((await fetch(`${storage}/c`, { method: "PUT", headers: auth })).status).toBe(201);
    expect((await fetch(`${storage}/c/o.txt`, { method: "PUT", headers: auth, body: "hi" })).status).toBe(201);
  });
  afterAll(async () => {
    await emu?.stop();
  });

  it("accepts a signature over the path from /v1/ on, and refuses one for another object", async () => {
    const expires = Math.floor(Date.now() / 1000) + 60;
    const full = `${new URL(storage).pathname}/c/o.txt`;
    const path = full.slice(full.indexOf("/v1/"));
    const other = createHmac("sha1", "k").update(`GET\n${expires}\n${path.replace("o.txt", "x.txt")}`).digest("hex");
    expect((await fetch(`${storage}/c/o.txt?temp_url_sig=${other}&temp_url_expires=${expires}`)).status).toBe(401);
    const sig = createHmac("sha1", "k").update(`GET\n${expires}\n${path}`).digest("hex");
    const res = await fetch(`${storage}/c/o.txt?temp_url_sig=${sig}&temp_url_expires=${expires}`);
    expect(res.status).toBe(200);
    expect(await res.text()).toBe("hi");
  });
});
