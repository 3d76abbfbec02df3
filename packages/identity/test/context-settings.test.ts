import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { ServiceClient, Transport, ValidationError } from "@rax/core";
import { type Context, KeystoneIdentity, RackspaceIdentity, createContext } from "../src/index";
import { type FakeIdentity, startFakeIdentity } from "./fake-identity";

// Settings changed in code reach the context that exists (issue #9): pyrax's set_setting and
// set_http_debug work on a live context, and getSetting answers what the context really uses.
// Regions follow the documented order in ctx.client() as in ctx.getEndpoint().

let fake: FakeIdentity;
let other: FakeIdentity;
const open: Context[] = [];
beforeAll(async () => {
  fake = await startFakeIdentity({ defaultRegion: "DFW" });
  other = await startFakeIdentity({ defaultRegion: "DFW" });
});
afterAll(async () => {
  await fake.close();
  await other.close();
});
afterEach(async () => {
  fake.requests.length = 0;
  other.requests.length = 0;
  for (const c of open.splice(0)) await c.close();
});

function context(extra: Parameters<typeof createContext>[0] = {}): Context {
  const ctx = createContext({
    identityType: "rackspace",
    authEndpoint: fake.v2,
    username: "demo",
    password: fake.opts.password,
    configFile: false,
    env: {},
    ...extra,
  });
  open.push(ctx);
  return ctx;
}

class Queues extends ServiceClient {
  static override readonly serviceType = "rax:queues";
  static override readonly serviceName = "cloudQueues";
}
class Compute extends ServiceClient {
  static override readonly serviceType = "compute";
  static override readonly serviceName = "cloudServersOpenStack";
}
class Probe extends ServiceClient {
  static override readonly serviceType = "compute";
  get(path: string) {
    return this.json<{ ok: boolean }>({ method: "GET", path });
  }
}

describe("regions: explicit → setting → account default → the only region → error", () => {
  it("a client without a region reaches a service offered only outside the account's default region", async () => {
    const ctx = context();
    await ctx.authenticate();
    expect(ctx.defaultRegion).toBe("DFW");
    // queues is only in IAD; the account default is DFW
    expect(ctx.getEndpoint("queues")).toBe(`${fake.url}/queues/IAD/v1/123456`);
    expect(ctx.client(Queues).endpoint).toBe(ctx.getEndpoint("queues"));
    // where the service has the default region, the default wins in both paths
    expect(ctx.client(Compute).endpoint).toBe(`${fake.url}/compute/DFW/v1/123456`);
    expect(ctx.getEndpoint("compute")).toBe(ctx.client(Compute).endpoint);
  });

  it("a client built before authentication resolves the same way once authenticated", async () => {
    const ctx = context();
    const q = ctx.client(Queues);
    await ctx.authenticate();
    expect(q.endpoint).toBe(`${fake.url}/queues/IAD/v1/123456`);
  });

  it("the region setting is a requirement in both paths; an explicit region beats it", async () => {
    const ctx = context({ region: "ORD" });
    await ctx.authenticate();
    expect(() => ctx.getEndpoint("queues")).toThrow(/no endpoint in region "ORD"/);
    expect(() => ctx.client(Queues).endpoint).toThrow(/no endpoint in region "ORD"/);
    expect(ctx.client(Queues, { region: "IAD" }).endpoint).toBe(`${fake.url}/queues/IAD/v1/123456`);
  });

  it("setSetting('region') reaches the context's next clients and endpoints", async () => {
    const ctx = context();
    await ctx.authenticate();
    ctx.setSetting("region", "ORD");
    expect(ctx.getSetting("region")).toBe("ORD");
    expect(ctx.client(Compute).endpoint).toBe(`${fake.url}/compute/ORD/v1/123456`);
    expect(ctx.getEndpoint("compute")).toBe(`${fake.url}/compute/ORD/v1/123456`);
  });
});

describe("getSetting answers what the context uses", () => {
  it("options given to createContext are reported", () => {
    const ctx = context({ region: "SYD", verifySsl: false, useServicenet: true, userAgent: "App/1" });
    expect(ctx.getSetting("region")).toBe("SYD");
    expect(ctx.getSetting("verify_ssl")).toBe(false);
    expect(ctx.getSetting("verifySsl")).toBe(false);
    expect(ctx.getSetting("use_servicenet")).toBe(true);
    expect(ctx.getSetting("custom_user_agent")).toBe("App/1");
    expect(ctx.getSetting("identity_type")).toBe("rackspace");
    expect(ctx.getSetting("auth_endpoint")).toBe(fake.v2);
  });

  it("settings changed in code win over the options the context was created with", () => {
    const ctx = context({ region: "SYD" });
    ctx.setSetting("region", "HKG");
    expect(ctx.getSetting("region")).toBe("HKG");
    expect(ctx.identity.region).toBe("HKG");
  });
});

describe("setSetting reaches a live context", () => {
  it("identity_type + auth_endpoint: the next request authenticates with the new identity, keeping the credentials", async () => {
    const ctx = context();
    await ctx.authenticate();
    expect(fake.tokenPosts().map((r) => r.path)).toEqual(["/v2.0/tokens"]);
    ctx.setSetting("identity_type", "keystone");
    ctx.setSetting("auth_endpoint", fake.v3);
    ctx.setSetting("tenant_name", "demo");
    expect(ctx.getSetting("identity_type")).toBe("keystone");
    expect(ctx.identityType).toBe("keystone");
    expect(ctx.identity).toBeInstanceOf(KeystoneIdentity);
    expect(ctx.authenticated).toBe(false);
    const res = await ctx.client(Probe, { region: "RegionOne" }).get("/ping");
    expect(res.ok).toBe(true);
    expect(fake.tokenPosts().map((r) => r.path)).toEqual(["/v2.0/tokens", "/v3/auth/tokens"]);
    expect(fake.tokenPosts()[1]?.body).toMatchObject({
      auth: { identity: { methods: ["password"], password: { user: { name: "demo", password: fake.opts.password } } } },
    });
  });

  it("identity_type with a credential file: the new identity reads the file's section for its type", async () => {
    const { mkdtempSync, writeFileSync, rmSync } = await import("node:fs");
    const { join } = await import("node:path");
    const { tmpdir } = await import("node:os");
    const dir = mkdtempSync(join(tmpdir(), "rax-creds-"));
    try {
      const file = join(dir, "creds");
      writeFileSync(file, `[rackspace_cloud]\nusername = rackspace-user\napi_key = ${fake.opts.apiKey}\n\n[keystone]\nusername = demo\npassword = ${fake.opts.password}\n`, { mode: 0o600 });
      const ctx = createContext({ identityType: "rackspace", authEndpoint: fake.v2, credentialFile: file, configFile: false, env: {} });
      open.push(ctx);
      expect(ctx.username).toBe("rackspace-user");
      ctx.setSetting("identity_type", "keystone");
      ctx.setSetting("auth_endpoint", fake.v3);
      ctx.setSetting("tenant_name", "demo");
      await ctx.authenticate();
      expect(fake.tokenPosts()[0]?.body).toMatchObject({ auth: { identity: { password: { user: { name: "demo", password: fake.opts.password } } } } });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("credentials given in code after creation carry over to the new identity", async () => {
    const ctx = context({ username: undefined, password: undefined });
    ctx.setCredentials({ username: "demo", password: fake.opts.password });
    ctx.setSetting("auth_endpoint", other.v2);
    await ctx.authenticate();
    expect(other.tokenPosts()[0]?.body).toMatchObject({ auth: { passwordCredentials: { username: "demo", password: fake.opts.password } } });
  });

  it("auth_endpoint alone: the next authentication goes to the new endpoint", async () => {
    const ctx = context();
    await ctx.authenticate();
    ctx.setSetting("auth_endpoint", other.v2);
    expect(ctx.getSetting("authEndpoint")).toBe(other.v2);
    expect(ctx.authenticated).toBe(false);
    await ctx.authenticate();
    expect(other.tokenPosts()).toHaveLength(1);
    expect(ctx.getEndpoint("compute")).toContain(other.url);
  });

  it("an identity_type that is not one is refused before anything changes", () => {
    const ctx = context();
    expect(() => ctx.setSetting("identity_type", "kerberos")).toThrow(ValidationError);
    expect(ctx.getSetting("identity_type")).toBe("rackspace");
    expect(ctx.identity).toBeInstanceOf(RackspaceIdentity);
    expect(() => ctx.setSetting("auth_endpoint", "ftp://x")).toThrow(expect.objectContaining({ field: "auth_endpoint" }));
  });

  it("debug (pyrax set_http_debug) turns the redacted HTTP log on and off, keeping the token", async () => {
    const lines: string[] = [];
    const ctx = context({ debug: false, logger: (l) => lines.push(l) });
    const probe = ctx.client(Probe, { region: "DFW" });
    await probe.get("/a");
    expect(lines).toEqual([]);
    expect(ctx.getSetting("debug")).toBe(false);

    ctx.setHttpDebug(true);
    expect(ctx.getSetting("debug")).toBe(true);
    await probe.get("/b");
    expect(lines.some((l) => l.includes("/b"))).toBe(true);
    expect(lines.join("\n")).not.toContain(ctx.token as string);

    ctx.setSetting("debug", false);
    const before = lines.length;
    await probe.get("/c");
    expect(lines.length).toBe(before);
    expect(fake.tokenPosts()).toHaveLength(1);
  });

  it("verify_ssl and custom_user_agent apply to the context's requests from now on", async () => {
    const ctx = context();
    const probe = ctx.client(Probe, { region: "DFW" });
    await probe.get("/a");
    ctx.setSetting("custom_user_agent", "Porter/2.0");
    expect(ctx.getSetting("customUserAgent")).toBe("Porter/2.0");
    await probe.get("/ua");
    const ua = fake.requests.find((r) => r.path === "/compute/DFW/v1/123456/ua")?.headers["user-agent"];
    expect(ua).toMatch(/^Porter\/2\.0 /);
    ctx.setSetting("verify_ssl", false);
    expect(ctx.getSetting("verify_ssl")).toBe(false);
    expect(fake.tokenPosts()).toHaveLength(1);
  });

  it("transport settings on a context that sends through a caller's transport are refused, saying why", async () => {
    const transport = new Transport();
    const ctx = context({ transport });
    expect(() => ctx.setSetting("debug", true)).toThrow(expect.objectContaining({ field: "debug" }));
    expect(() => ctx.setHttpDebug(true)).toThrow(/transport/);
    expect(ctx.getSetting("debug")).toBe(false);
    await transport.close();
  });

  it("setEnvironment applies the new environment's transport settings (user agent)", async () => {
    const { mkdtempSync, writeFileSync, rmSync } = await import("node:fs");
    const { join } = await import("node:path");
    const { tmpdir } = await import("node:os");
    const dir = mkdtempSync(join(tmpdir(), "rax-env-"));
    try {
      const cfg = join(dir, "rax.cfg");
      writeFileSync(cfg, `[plain]\nidentity_type = rackspace\n\n[branded]\nidentity_type = rackspace\ncustom_user_agent = Branded/1.0\n`);
      const ctx = createContext({ authEndpoint: fake.v2, configFile: cfg, env: {} });
      open.push(ctx);
      ctx.setEnvironment("branded");
      ctx.setCredentials({ username: "demo", password: fake.opts.password });
      await ctx.client(Probe, { region: "DFW" }).get("/env-ua");
      const ua = fake.requests.find((r) => r.path.endsWith("/env-ua"))?.headers["user-agent"];
      expect(ua).toMatch(/^Branded\/1\.0 /);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("settings rax does not know pass through (another package's settings)", () => {
    const ctx = context();
    ctx.setSetting("queues_client_id", "abc");
    expect(ctx.getSetting("queues_client_id")).toBe("abc");
  });
});
