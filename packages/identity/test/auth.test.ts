import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { inspect } from "node:util";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { NotAuthenticated, NotFound, ServiceClient, Unauthorized } from "@rax/core";
import {
  AuthenticationFailed,
  KeystoneIdentity,
  RackspaceIdentity,
  TokenOnlySession,
  createContext,
} from "../src/index";
import { describeAuthAttempt } from "../src/auth-attempt";
import { type FakeIdentity, startFakeIdentity } from "./fake-identity";

let fake: FakeIdentity;
const closers: (() => Promise<void>)[] = [];
beforeAll(async () => {
  fake = await startFakeIdentity();
});
afterAll(async () => {
  await fake.close();
});
afterEach(async () => {
  fake.requests.length = 0;
  for (const c of closers.splice(0)) await c();
});

function rax(extra: ConstructorParameters<typeof RackspaceIdentity>[0] = {}) {
  const id = new RackspaceIdentity({ authEndpoint: fake.v2, username: "demo", ...extra });
  closers.push(() => id.close());
  return id;
}

class Probe extends ServiceClient {
  static override readonly serviceType = "compute";
  static override readonly serviceName = "cloudServersOpenStack";
  get(path: string, signal?: AbortSignal) {
    return this.requestJson<{ ok: boolean; path: string }>({ method: "GET", path, ...(signal ? { signal } : {}) });
  }
}

describe("Rackspace identity", () => {
  it("sends the RAX-KSKEY:apiKeyCredentials body and reads token, tenant, expiry and user", async () => {
    const id = rax({ apiKey: fake.opts.apiKey });
    await id.authenticate();
    const [post] = fake.tokenPosts();
    expect(post?.path).toBe("/v2.0/tokens");
    expect(post?.body).toEqual({ auth: { "RAX-KSKEY:apiKeyCredentials": { username: "demo", apiKey: fake.opts.apiKey } } });
    expect(post?.headers["content-type"]).toMatch(/application\/json/);
    expect(post?.headers["x-auth-token"]).toBeUndefined();
    expect(id.authenticated).toBe(true);
    expect(id.token).toMatch(/^v2-token-/);
    expect(id.tenantId).toBe("123456");
    expect(id.expires?.getTime()).toBeGreaterThan(Date.now());
    expect(id.user?.defaultRegion).toBe("ORD");
    expect(id.regions.sort()).toEqual(["DFW", "IAD", "ORD"]);
  });

  it("sends a passwordCredentials body with the real username (not pyrax's tenant-name swap)", async () => {
    const id = rax({ password: fake.opts.password, tenantId: "123456" });
    await id.authenticate();
    expect(fake.tokenPosts()[0]?.body).toEqual({
      auth: { passwordCredentials: { username: "demo", password: fake.opts.password }, tenantId: "123456" },
    });
  });

  it("turns a 401 from /tokens into AuthenticationFailed (an Unauthorized)", async () => {
    const id = rax({ apiKey: "wrong-key-value" });
    const err = await id.authenticate().catch((e: unknown) => e);
    expect(err).toBeInstanceOf(AuthenticationFailed);
    expect(err).toBeInstanceOf(Unauthorized);
    expect((err as AuthenticationFailed).status).toBe(401);
    expect(String((err as Error).message)).not.toContain("wrong-key-value");
    expect(id.authenticated).toBe(false);
  });

  it("authenticates lazily on the first getToken()", async () => {
    const id = rax({ apiKey: fake.opts.apiKey });
    expect(fake.tokenPosts()).toHaveLength(0);
    const t = await id.getToken();
    expect(t).toBe(id.token);
    expect(await id.getToken()).toBe(t);
    expect(fake.tokenPosts()).toHaveLength(1);
  });

  it("N concurrent re-authentications for the same stale token make exactly one POST", async () => {
    const slow = await startFakeIdentity({ tokenDelayMs: 50 });
    try {
      const id = new RackspaceIdentity({ authEndpoint: slow.v2, username: "demo", apiKey: slow.opts.apiKey });
      closers.push(() => id.close());
      const stale = await id.getToken();
      slow.requests.length = 0;
      const tokens = await Promise.all(Array.from({ length: 20 }, () => id.reauthenticate(stale)));
      expect(slow.tokenPosts()).toHaveLength(1);
      expect(new Set(tokens).size).toBe(1);
      expect(tokens[0]).not.toBe(stale);
      // A late caller holding the old token gets the new one without another POST.
      expect(await id.reauthenticate(stale)).toBe(tokens[0]);
      expect(slow.tokenPosts()).toHaveLength(1);
    } finally {
      await slow.close();
    }
  });

  it("concurrent 401s on service calls share one re-authentication, then each replays once", async () => {
    const id = rax({ apiKey: fake.opts.apiKey, region: "DFW" });
    const client = new Probe(id);
    await id.getToken();
    fake.valid.delete(id.token as string); // the server forgets the token
    fake.requests.length = 0;
    const results = await Promise.all(Array.from({ length: 8 }, (_, i) => client.get(`/servers/${i}`)));
    expect(results.every((r) => r.ok)).toBe(true);
    expect(fake.tokenPosts()).toHaveLength(1);
    expect(fake.requests.filter((r) => r.path.startsWith("/compute/DFW/"))).toHaveLength(16);
  });

  it("refreshes the token ahead of its expiry", async () => {
    const short = await startFakeIdentity({ lifetimeMs: 30_000 });
    try {
      let now = Date.now();
      const id = new RackspaceIdentity({ authEndpoint: short.v2, username: "demo", apiKey: short.opts.apiKey, now: () => now });
      closers.push(() => id.close());
      const first = await id.getToken();
      expect(await id.getToken()).toBe(first);
      expect(short.tokenPosts()).toHaveLength(1);
      now += 20_000; // 10 s left: inside the refresh window (half of a 30 s token)
      const second = await id.getToken();
      expect(second).not.toBe(first);
      expect(short.tokenPosts()).toHaveLength(2);
    } finally {
      await short.close();
    }
  });

  it("service calls send the held token (currentToken) and still refresh ahead of expiry", async () => {
    const short = await startFakeIdentity({ lifetimeMs: 30_000 });
    try {
      let now = Date.now();
      const id = new RackspaceIdentity({ authEndpoint: short.v2, username: "demo", apiKey: short.opts.apiKey, region: "DFW", now: () => now });
      closers.push(() => id.close());
      const client = new Probe(id);
      expect(id.currentToken()).toBeUndefined(); // nothing held yet: the first call authenticates
      expect((await client.get("/servers/a")).ok).toBe(true);
      const first = id.token as string;
      expect(id.currentToken()).toBe(first);
      expect((await client.get("/servers/b")).ok).toBe(true);
      now += 20_000; // inside the refresh window: the held token is not offered, getToken refreshes
      expect(id.currentToken()).toBeUndefined();
      expect((await client.get("/servers/c")).ok).toBe(true);
      expect(short.tokenPosts()).toHaveLength(2);
      const sent = short.requests.filter((r) => r.path.startsWith("/compute/DFW/")).map((r) => r.headers["x-auth-token"]);
      expect(sent).toEqual([first, first, id.token]);
      expect(id.token).not.toBe(first);
      // A wrapper with its own getToken decides for itself.
      const wrapper = Object.create(id, { getToken: { value: async () => "wrapped" } }) as RackspaceIdentity;
      expect(wrapper.currentToken()).toBeUndefined();
    } finally {
      await short.close();
    }
  });

  it("authWithToken sends the token body with the tenant, and cannot re-authenticate", async () => {
    const donor = rax({ apiKey: fake.opts.apiKey });
    const token = await donor.getToken();
    fake.requests.length = 0;
    const id = new RackspaceIdentity({ authEndpoint: fake.v2 });
    closers.push(() => id.close());
    await id.authWithToken(token, { tenantName: "123456" });
    expect(fake.tokenPosts()[0]?.body).toEqual({ auth: { token: { id: token }, tenantName: "123456" } });
    expect(id.authenticated).toBe(true);
    expect(id.hasCredentials).toBe(false);
    const err = await id.reauthenticate(token).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(TokenOnlySession);
    expect(err).toBeInstanceOf(Unauthorized);
    expect(fake.tokenPosts()).toHaveLength(1);
  });

  it("a token-only session whose token expires surfaces the service's Unauthorized", async () => {
    const donor = rax({ apiKey: fake.opts.apiKey });
    const token = await donor.getToken();
    const ctx = createContext({ identityType: "rackspace", authEndpoint: fake.v2, region: "ORD", configFile: false, env: {} });
    closers.push(() => ctx.close());
    await ctx.authWithToken(token, { tenantId: "123456" });
    const client = ctx.client(Probe);
    expect((await client.get("/servers")).ok).toBe(true);
    fake.valid.delete(token);
    fake.requests.length = 0;
    const err = await client.get("/servers").catch((e: unknown) => e);
    expect(err).toBeInstanceOf(Unauthorized);
    expect(fake.tokenPosts()).toHaveLength(0);
  });

  it("authenticate() without credentials throws NotAuthenticated and sends nothing", async () => {
    const id = new RackspaceIdentity({ authEndpoint: fake.v2, username: "demo" });
    closers.push(() => id.close());
    await expect(id.authenticate()).rejects.toBeInstanceOf(NotAuthenticated);
    expect(fake.requests).toHaveLength(0);
  });
});

describe("Keystone identity", () => {
  function ks(extra: ConstructorParameters<typeof KeystoneIdentity>[0] = {}) {
    const id = new KeystoneIdentity({ authEndpoint: fake.v3, username: "demo", password: fake.opts.password, ...extra });
    closers.push(() => id.close());
    return id;
  }

  it("v3: password + project by name, token from X-Subject-Token, catalog by interface", async () => {
    const id = ks({ tenantName: "demo" });
    expect(id.version).toBe("3");
    await id.authenticate();
    const [post] = fake.tokenPosts();
    expect(post?.path).toBe("/v3/auth/tokens");
    expect(post?.body).toEqual({
      auth: {
        identity: {
          methods: ["password"],
          password: { user: { name: "demo", domain: { name: "Default" }, password: fake.opts.password } },
        },
        scope: { project: { name: "demo", domain: { name: "Default" } } },
      },
    });
    expect(id.token).toMatch(/^v3-token-/);
    expect(id.tenantId).toBe("p-demo");
    expect(id.expires?.getTime()).toBeGreaterThan(Date.now());
    expect(id.endpoint({ type: "compute" })).toBe(`${fake.url}/compute/RegionOne/public`);
    expect(id.endpoint({ type: "nova", internal: true })).toBe(`${fake.url}/compute/RegionOne/internal`);
    expect(id.endpoint({ type: "swift", region: "regiontwo" })).toBe(`${fake.url}/files/RegionTwo/public`);
  });

  it("v3: project by id, user domain by id", async () => {
    const id = ks({ tenantId: "p-42", userDomainId: "default" });
    await id.authenticate();
    expect(fake.tokenPosts()[0]?.body).toMatchObject({
      auth: {
        identity: { password: { user: { name: "demo", domain: { id: "default" } } } },
        scope: { project: { id: "p-42" } },
      },
    });
    expect(id.tenantId).toBe("p-42");
  });

  it("v3: token method scoped to a project", async () => {
    const donor = ks({ tenantName: "demo" });
    const token = await donor.getToken();
    fake.requests.length = 0;
    const id = new KeystoneIdentity({ authEndpoint: `${fake.url}/v3/` });
    closers.push(() => id.close());
    await id.authWithToken(token, { tenantId: "p-7" });
    expect(fake.tokenPosts()[0]?.body).toEqual({
      auth: { identity: { methods: ["token"], token: { id: token } }, scope: { project: { id: "p-7" } } },
    });
    expect(id.token).toBe(token);
  });

  it("v2.0: passwordCredentials + tenantId against …/v2.0/tokens", async () => {
    const id = new KeystoneIdentity({ authEndpoint: fake.v2, username: "demo", password: fake.opts.password, tenantId: "123456" });
    closers.push(() => id.close());
    expect(id.version).toBe("2.0");
    await id.authenticate();
    expect(fake.tokenPosts()[0]?.body).toEqual({
      auth: { passwordCredentials: { username: "demo", password: fake.opts.password }, tenantId: "123456" },
    });
  });

  it("an unversioned endpoint gets /v3 appended", () => {
    const id = new KeystoneIdentity({ authEndpoint: `${fake.url}/` });
    closers.push(() => id.close());
    expect(id.tokensUrl()).toBe(`${fake.url}/v3/auth/tokens`);
  });

  it("v3 401 → AuthenticationFailed", async () => {
    const id = ks({ password: "nope-nope" });
    await expect(id.authenticate()).rejects.toBeInstanceOf(AuthenticationFailed);
  });
});

// What a user sees when the identity service refuses: a typed error that says what was sent
// (user, domain, project) so it can be checked, and never the secret that was sent.
function track<T extends { close(): Promise<void> }>(id: T): T {
  closers.push(() => id.close());
  return id;
}

async function refusal(p: Promise<unknown>): Promise<AuthenticationFailed> {
  const e = await p.then(
    () => undefined,
    (err: unknown) => err,
  );
  expect(e).toBeInstanceOf(AuthenticationFailed);
  return e as AuthenticationFailed;
}

function printed(e: Error): string {
  return `${e.message}\n${String(e.stack)}\n${inspect(e, { depth: 8 })}\n${JSON.stringify(e)}`;
}

describe("a refused authentication names what was sent, never the secret", () => {
  it("Keystone v3 password: user and project with their domains", async () => {
    const pw = "Wr0ng-h8-pass";
    const id = track(new KeystoneIdentity({ authEndpoint: fake.v3, username: "demo", password: pw, tenantName: "nosuchproject", projectDomain: "Ops" }));
    const e = await refusal(id.authenticate());
    expect(e.message).toContain('sent: user "demo" in domain "Default", project "nosuchproject" in domain "Ops"');
    expect(printed(e)).not.toContain(pw);
  });

  it("Rackspace API key: user, the kind of secret and the tenant", async () => {
    const key = "h8-wrong-api-key";
    const id = track(new RackspaceIdentity({ authEndpoint: fake.v2, username: "someone", apiKey: key, tenantId: "999" }));
    const e = await refusal(id.authenticate());
    expect(e.message).toContain('sent: user "someone" with an API key, tenant id "999"');
    expect(printed(e)).not.toContain(key);
  });

  it("the description reads only names and ids from every body shape, never a secret", () => {
    const s = "S3CRET";
    expect(describeAuthAttempt({ auth: { passwordCredentials: { username: "u", password: s }, tenantName: "t" } })).toBe('user "u" with a password, tenant "t"');
    expect(describeAuthAttempt({ auth: { token: { id: s }, tenantId: "1" } })).toBe('a token, tenant id "1"');
    expect(
      describeAuthAttempt({
        auth: { identity: { methods: ["password"], password: { user: { id: "uid", password: s } } }, scope: { domain: { name: "D" } } },
      }),
    ).toBe('user id "uid", domain "D"');
    expect(
      describeAuthAttempt({
        auth: { identity: { methods: ["application_credential"], application_credential: { id: "ac", secret: s } } },
      }),
    ).toBe('application credential "ac"');
    expect(describeAuthAttempt({ auth: { identity: { methods: ["token"], token: { id: s } }, scope: { system: { all: true } } } })).toBe(
      "a token, system scope",
    );
  });
});

describe("Keystone v3 authWithToken with a token Keystone does not know", () => {
  it("is AuthenticationFailed (an Unauthorized) saying to get a new token, not a NotFound", async () => {
    const token = "gAAAAAh8-unknown-token";
    const id = track(new KeystoneIdentity({ authEndpoint: fake.v3 }));
    const e = await refusal(id.authWithToken(token, { tenantName: "demo" }));
    expect(e).toBeInstanceOf(Unauthorized);
    expect(e.message).toContain("Could not recognize Fernet token");
    expect(e.message).toContain("authWithToken");
    expect(printed(e)).not.toContain(token);
    expect(id.authenticated).toBe(false);
  });
});

describe("Rackspace identity pointed at a URL that is not a v2.0 identity service", () => {
  it("a 404 from the token path says to use the v2.0 URL, or identity_type keystone for a Keystone", async () => {
    // A server with no /tokens route (a typo'd or unversioned URL): everything is 404.
    const server = createServer((_req, res) => res.writeHead(404, { "content-type": "text/plain" }).end("Not Found"));
    await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
    closers.push(() => new Promise<void>((r) => server.close(() => r())));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const id = rax({ authEndpoint: url, apiKey: fake.opts.apiKey });
    const e = await id.authenticate().then(
      () => undefined,
      (err: unknown) => err as Error,
    );
    expect(e).toBeInstanceOf(NotFound);
    expect(e?.message).toContain(`No Rackspace identity token path at ${url}/tokens`);
    expect(e?.message).toContain("https://identity.api.rackspacecloud.com/v2.0/");
    expect(e?.message).toContain('identity_type "keystone"');
    expect(`${e?.message}${JSON.stringify(e)}`).not.toContain(fake.opts.apiKey);
  });
});
