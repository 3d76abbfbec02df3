import { createHmac } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startEmulator, type RunningEmulator } from "../src/index";

async function v2Auth(emu: RunningEmulator) {
  const res = await fetch(`${emu.authUrl}/tokens`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ auth: { passwordCredentials: { username: "demo", password: "demo-password" } } }),
  });
  expect(res.status).toBe(200);
  return ((await res.json()) as any).access as { token: { id: string }; serviceCatalog: any[] };
}

const endpointOfType = (catalog: any[], type: string, region: string) =>
  catalog.find((s) => s.type === type).endpoints.find((e: any) => e.region === region);

describe("endpoints layout (default): each service endpoint at its own origin, with the real service's paths", () => {
  let emu: RunningEmulator;
  let access: Awaited<ReturnType<typeof v2Auth>>;
  beforeAll(async () => {
    emu = await startEmulator({ regions: ["DFW", "ORD"] });
    access = await v2Auth(emu);
  });
  afterAll(() => emu.stop());

  it("identity answers at the root of the emulator's URL (/v2.0, /v3), and under /identity as before", async () => {
    expect(emu.authUrl).toBe(`${emu.url}/v2.0`);
    expect(emu.keystoneUrl).toBe(`${emu.url}/v3`);
    expect((await fetch(`${emu.url}/v3`)).status).toBe(200);
    expect((await fetch(`${emu.url}/identity/v3`)).status).toBe(200);
    expect((await fetch(`${emu.url}/`)).status).toBe(300);
  });

  it("Swift is /v1/<account> at a port of its own per region, with /info at that port's root", async () => {
    const dfw = endpointOfType(access.serviceCatalog, "object-store", "DFW");
    const ord = endpointOfType(access.serviceCatalog, "object-store", "ORD");
    const url = new URL(dfw.publicURL);
    expect(url.pathname).toBe("/v1/MossoCloudFS_123456");
    expect(url.hostname).toBe("127.0.0.1");
    expect(new URL(ord.publicURL).port).not.toBe(url.port);
    expect(url.port).not.toBe(String(emu.port));
    const info = await fetch(`${url.origin}/info`);
    expect(info.status).toBe(200);
    expect(((await info.json()) as any).swift).toBeDefined();
    // Containers made in one region stay there.
    const auth = { "x-auth-token": access.token.id };
    expect((await fetch(`${dfw.publicURL}/only-dfw`, { method: "PUT", headers: auth })).status).toBe(201);
    expect((await fetch(`${dfw.publicURL}/only-dfw`, { method: "HEAD", headers: auth })).status).toBe(204);
    expect((await fetch(`${ord.publicURL}/only-dfw`, { method: "HEAD", headers: auth })).status).toBe(404);
    // The internal URL: the same endpoint under another host name.
    expect(new URL(dfw.internalURL).port).toBe(url.port);
    expect(new URL(dfw.internalURL).hostname).toBe("localhost");
  });

  it("a temp URL signed over the object URL's whole path (as python-swiftclient does) is accepted", async () => {
    const dfw = endpointOfType(access.serviceCatalog, "object-store", "DFW").publicURL as string;
    const auth = { "x-auth-token": access.token.id };
    expect((await fetch(dfw, { method: "POST", headers: { ...auth, "x-account-meta-temp-url-key": "k" } })).status).toBe(204);
    expect((await fetch(`${dfw}/tu`, { method: "PUT", headers: auth })).status).toBe(201);
    expect((await fetch(`${dfw}/tu/o.txt`, { method: "PUT", headers: auth, body: "hi" })).status).toBe(201);
    const expires = Math.floor(Date.now() / 1000) + 60;
    const path = new URL(`${dfw}/tu/o.txt`).pathname;
    const sig = createHmac("sha1", "k").update(`GET\n${expires}\n${path}`).digest("hex");
    const res = await fetch(`${dfw}/tu/o.txt?temp_url_sig=${sig}&temp_url_expires=${expires}`);
    expect(res.status).toBe(200);
    expect(await res.text()).toBe("hi");
  });

  it("the request log and faults name the service and region of the endpoint", async () => {
    const ord = endpointOfType(access.serviceCatalog, "object-store", "ORD").publicURL as string;
    const auth = { "x-auth-token": access.token.id };
    emu.faults.inject({ match: { service: "object-store", region: "ORD" }, status: 503 });
    const dfw = endpointOfType(access.serviceCatalog, "object-store", "DFW").publicURL as string;
    expect((await fetch(dfw, { method: "HEAD", headers: auth })).status).toBe(204);
    expect((await fetch(ord, { method: "HEAD", headers: auth })).status).toBe(503);
    const last = emu.requests.at(-1)!;
    expect(last).toMatchObject({ method: "HEAD", service: "object-store", region: "ORD", path: "/v1/MossoCloudFS_123456", status: 503, fault: true });
    // The old prefixed form of a path still matches a fault.
    emu.faults.inject({ match: { pathPrefix: "/object-store/DFW/v1/" }, status: 500 });
    expect((await fetch(dfw, { method: "HEAD", headers: auth })).status).toBe(500);
  });

  it("services without handlers check the token, then answer 501; URLs of no endpoint are 404", async () => {
    // Rackspace CDN (rax:cdn) is in the catalog but has no handler set.
    const cdn = access.serviceCatalog.find((s) => s.type === "rax:cdn").endpoints[0].publicURL as string;
    expect(new URL(cdn).pathname).toBe("/v1.0/123456");
    expect((await fetch(`${cdn}/services`)).status).toBe(401);
    expect((await fetch(`${cdn}/services`, { headers: { "x-auth-token": access.token.id } })).status).toBe(501);
    expect((await fetch(`${emu.url}/no-such-service/DFW/x`)).status).toBe(404);
  });

  it("the old /<service>/<REGION> prefixes on the emulator's own port still reach the same endpoint", async () => {
    const auth = { "x-auth-token": access.token.id };
    expect((await fetch(`${emu.url}/object-store/DFW/v1/MossoCloudFS_123456/only-dfw`, { method: "HEAD", headers: auth })).status).toBe(204);
    expect((await fetch(`${emu.url}/object-store/DFW/info`)).status).toBe(200);
  });

  it("emu.endpoint() and emu.endpoints() name every endpoint's base URL", () => {
    expect(emu.endpoint("object-store", "ORD")).toBe(new URL(endpointOfType(access.serviceCatalog, "object-store", "ORD").publicURL).origin);
    expect(emu.endpoint("rax:dns")).toBe(emu.endpoint("dns"));
    const listed = emu.endpoints().filter((e) => e.service.slug === "object-store");
    expect(listed.map((e) => `${e.region}/${e.interface}`).sort()).toEqual(["DFW/internal", "DFW/public", "ORD/internal", "ORD/public"]);
  });
});

describe('layout: "paths" (one origin, /<service>/<REGION> prefixes, for a proxy that rewrites one origin)', () => {
  let emu: RunningEmulator;
  beforeAll(async () => {
    emu = await startEmulator({ layout: "paths", regions: ["DFW"] });
  });
  afterAll(() => emu.stop());

  it("advertises and serves every endpoint on the emulator's own port", async () => {
    const access = await v2Auth(emu);
    const dfw = endpointOfType(access.serviceCatalog, "object-store", "DFW").publicURL as string;
    expect(dfw).toBe(`${emu.url}/object-store/DFW/v1/MossoCloudFS_123456`);
    const auth = { "x-auth-token": access.token.id };
    expect((await fetch(`${dfw}/c`, { method: "PUT", headers: auth })).status).toBe(201);
    expect((await fetch(`${dfw}/c/o`, { method: "PUT", headers: auth, body: "x" })).status).toBe(201);
    expect(await (await fetch(`${dfw}/c/o`, { headers: auth })).text()).toBe("x");
    expect(emu.requests.at(-1)).toMatchObject({ service: "object-store", region: "DFW", path: "/v1/MossoCloudFS_123456/c/o" });
  });
});

describe("regions a service has no endpoint in", () => {
  it("leave that service out of both catalogs (Rackspace CDN outside DFW/LON), as Keystone lists only services with endpoints", async () => {
    const emu = await startEmulator({ regions: ["RegionOne"], users: [{ username: "demo", password: "demo-password", project: "demo" }] });
    try {
      const access = await v2Auth(emu);
      expect(access.serviceCatalog.map((s) => s.type)).not.toContain("rax:cdn");
      expect(access.serviceCatalog.every((s) => s.endpoints.length > 0)).toBe(true);
      const v3 = await fetch(`${emu.keystoneUrl}/auth/tokens`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ auth: { identity: { methods: ["password"], password: { user: { name: "demo", domain: { id: "default" }, password: "demo-password" } } } } }),
      });
      const catalog = ((await v3.json()) as any).token.catalog as any[];
      expect(catalog.map((s) => s.type)).not.toContain("rax:cdn");
      expect(catalog.every((s) => s.endpoints.length > 0)).toBe(true);
    } finally {
      await emu.stop();
    }
  });
});
