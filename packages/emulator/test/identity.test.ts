import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startEmulator, type RunningEmulator } from "../src/index";

let emu: RunningEmulator;
beforeAll(async () => {
  emu = await startEmulator({ users: [{ username: "demo", apiKey: "demo-api-key", password: "demo-password", tenantId: "123456" }, { username: "other", password: "pw2", tenantId: "777" }] });
});
afterAll(() => emu.stop());

function postJson(url: string, body: unknown) {
  return fetch(url, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });
}

async function v2(auth: unknown) {
  return postJson(`${emu.authUrl}/tokens`, { auth });
}

describe("Rackspace v2.0 auth", () => {
  it("authenticates with an API key and returns token, user and a 13-service catalog in 6 regions", async () => {
    const res = await v2({ "RAX-KSKEY:apiKeyCredentials": { username: "demo", apiKey: "demo-api-key" } });
    expect(res.status).toBe(200);
    expect(res.headers.get("x-openstack-request-id")).toBeTruthy();
    const { access } = (await res.json()) as any;
    expect(access.token.id).toMatch(/^[0-9a-f]{32}$/);
    expect(Date.parse(access.token.expires)).toBeGreaterThan(Date.now());
    expect(access.token.tenant).toEqual({ id: "123456", name: "123456" });
    expect(access.token["RAX-AUTH:authenticatedBy"]).toEqual(["APIKEY"]);
    expect(access.user["RAX-AUTH:defaultRegion"]).toBe("DFW");
    expect(access.user.roles.find((r: any) => r.name === "object-store:default").tenantId).toBe("MossoCloudFS_123456");
    const types = access.serviceCatalog.map((s: any) => `${s.type}=${s.name}`).sort();
    expect(types).toEqual(
      [
        "compute=cloudServersOpenStack",
        "object-store=cloudFiles",
        "rax:object-cdn=cloudFilesCDN",
        "rax:cdn=rackCDN",
        "rax:dns=cloudDNS",
        "rax:load-balancer=cloudLoadBalancers",
        "rax:autoscale=autoscale",
        "rax:monitor=cloudMonitoring",
        "rax:queues=cloudQueues",
        "image=cloudImages",
        "network=cloudNetworks",
        "volume=cloudBlockStorage",
        "rax:database=cloudDatabases",
      ].sort(),
    );
    const files = access.serviceCatalog.find((s: any) => s.type === "object-store");
    expect(files.endpoints.map((e: any) => e.region)).toEqual(["DFW", "ORD", "IAD", "LON", "SYD", "HKG"]);
    const ord = files.endpoints.find((e: any) => e.region === "ORD");
    expect(ord.publicURL).toBe(`${emu.endpoint("object-store", "ORD")}/v1/MossoCloudFS_123456`);
    expect(ord.internalURL).toBe(`${emu.endpoint("object-store", "ORD", "internal")}/v1/MossoCloudFS_123456`);
    expect(new URL(ord.internalURL).host).not.toBe(new URL(ord.publicURL).host);
    const dns = access.serviceCatalog.find((s: any) => s.type === "rax:dns");
    expect(dns.endpoints).toHaveLength(1);
    expect(dns.endpoints[0].region).toBeUndefined();
    const compute = access.serviceCatalog.find((s: any) => s.type === "compute").endpoints[0];
    expect(compute.publicURL).toBe(`${emu.endpoint("compute", "DFW")}/v2/123456`);
  });

  it("the internal (ServiceNet) URL reaches the same emulator", async () => {
    const { access } = (await (await v2({ passwordCredentials: { username: "demo", password: "demo-password" } })).json()) as any;
    const files = access.serviceCatalog.find((s: any) => s.type === "object-store").endpoints[0];
    const head = await fetch(files.internalURL, { method: "HEAD", headers: { "x-auth-token": access.token.id } });
    expect(head.status).toBe(204);
  });

  it("authenticates with a password and reports PASSWORD", async () => {
    const res = await v2({ passwordCredentials: { username: "demo", password: "demo-password" } });
    expect(res.status).toBe(200);
    expect(((await res.json()) as any).access.token["RAX-AUTH:authenticatedBy"]).toEqual(["PASSWORD"]);
  });

  it("authenticates with a token plus tenant, including the MossoCloudFS tenant pyrax uses", async () => {
    const first = ((await (await v2({ "RAX-KSKEY:apiKeyCredentials": { username: "demo", apiKey: "demo-api-key" } })).json()) as any).access.token.id;
    for (const tenantId of ["123456", "MossoCloudFS_123456"]) {
      const res = await v2({ token: { id: first }, tenantId });
      expect(res.status).toBe(200);
      const body = (await res.json()) as any;
      expect(body.access.token.id).not.toBe(first);
      expect(body.access.token.tenant.id).toBe("123456");
    }
    expect((await v2({ token: { id: first }, tenantId: "999" })).status).toBe(401);
    expect((await v2({ token: { id: first }, tenantId: "123456", tenantName: "123456" })).status).toBe(400);
    expect((await v2({ token: { id: "not-a-token" }, tenantId: "123456" })).status).toBe(401);
  });

  it("rejects bad credentials with Rackspace's 401 body and never echoes the secret", async () => {
    for (const auth of [
      { "RAX-KSKEY:apiKeyCredentials": { username: "demo", apiKey: "wrong-key" } },
      { "RAX-KSKEY:apiKeyCredentials": { username: "nobody", apiKey: "demo-api-key" } },
      { passwordCredentials: { username: "demo", password: "wrong-password" } },
    ]) {
      const res = await v2(auth);
      expect(res.status).toBe(401);
      const text = await res.text();
      const body = JSON.parse(text);
      expect(body.unauthorized.code).toBe(401);
      expect(typeof body.unauthorized.message).toBe("string");
      expect(text).not.toContain("wrong-");
    }
  });

  it("answers malformed bodies with 400 badRequest", async () => {
    const res = await fetch(`${emu.authUrl}/tokens`, { method: "POST", headers: { "content-type": "application/json" }, body: "{nope" });
    expect(res.status).toBe(400);
    expect(((await res.json()) as any).badRequest.code).toBe(400);
    expect((await v2({ somethingElse: {} })).status).toBe(400);
  });

  it("validates (GET) and revokes (DELETE) tokens by id", async () => {
    const a = ((await (await v2({ passwordCredentials: { username: "demo", password: "demo-password" } })).json()) as any).access.token.id;
    const b = ((await (await v2({ passwordCredentials: { username: "demo", password: "demo-password" } })).json()) as any).access.token.id;
    const ok = await fetch(`${emu.authUrl}/tokens/${b}`, { headers: { "x-auth-token": a } });
    expect(ok.status).toBe(200);
    expect(((await ok.json()) as any).access.token.id).toBe(b);
    expect((await fetch(`${emu.authUrl}/tokens/${b}`, { headers: { "x-auth-token": "bogus" } })).status).toBe(401);
    expect((await fetch(`${emu.authUrl}/tokens/${b}`, { method: "DELETE", headers: { "x-auth-token": a } })).status).toBe(204);
    expect((await fetch(`${emu.authUrl}/tokens/${b}`, { headers: { "x-auth-token": a } })).status).toBe(404);
    // the request log masks token ids in paths
    expect(emu.requests.some((r) => r.path.includes(b))).toBe(false);
  });
});

describe("Keystone v3 auth", () => {
  const url = () => `${emu.keystoneUrl}/auth/tokens`;

  it("password auth by user name + domain, project scope by name + domain → 201 + X-Subject-Token", async () => {
    const res = await postJson(url(), {
      auth: {
        identity: { methods: ["password"], password: { user: { name: "demo", domain: { id: "default" }, password: "demo-password" } } },
        scope: { project: { name: "123456", domain: { id: "default" } } },
      },
    });
    expect(res.status).toBe(201);
    const subject = res.headers.get("x-subject-token");
    expect(subject).toMatch(/^[0-9a-f]{32}$/);
    const { token } = (await res.json()) as any;
    expect(token.methods).toEqual(["password"]);
    expect(Date.parse(token.expires_at)).toBeGreaterThan(Date.now());
    expect(token.project.id).toBe("123456");
    expect(token.user.name).toBe("demo");
    expect(token.roles.length).toBeGreaterThan(0);
    const swift = token.catalog.find((s: any) => s.type === "object-store");
    const lon = swift.endpoints.filter((e: any) => e.region_id === "LON");
    expect(lon.map((e: any) => e.interface).sort()).toEqual(["internal", "public"]);
    expect(lon.find((e: any) => e.interface === "public").url).toBe(`${emu.endpoint("object-store", "LON")}/v1/MossoCloudFS_123456`);
    for (const e of swift.endpoints) expect(e.id).toBeTruthy();
    // global services are listed in every region under v3
    const dns = token.catalog.find((s: any) => s.type === "rax:dns");
    expect(new Set(dns.endpoints.map((e: any) => e.region))).toEqual(new Set(emu.regions));

    const head = await fetch(`${emu.endpoint("object-store", "LON")}/v1/MossoCloudFS_123456`, { method: "HEAD", headers: { "x-auth-token": subject! } });
    expect(head.status).toBe(204);
  });

  it("password auth by user id with project scope by id; ?nocatalog omits the catalog", async () => {
    const user = emu.users.find((u) => u.username === "other")!;
    const res = await postJson(`${url()}?nocatalog`, {
      auth: { identity: { methods: ["password"], password: { user: { id: user.userId, password: "pw2" } } }, scope: { project: { id: "777" } } },
    });
    expect(res.status).toBe(201);
    const { token } = (await res.json()) as any;
    expect(token.project.id).toBe("777");
    expect(token.catalog).toBeUndefined();
  });

  it("token method issues a new token that does not outlive the original", async () => {
    const first = await postJson(url(), {
      auth: { identity: { methods: ["password"], password: { user: { name: "demo", domain: { name: "Default" }, password: "demo-password" } } } },
    });
    const firstToken = first.headers.get("x-subject-token")!;
    const firstBody = (await first.json()) as any;
    const second = await postJson(url(), { auth: { identity: { methods: ["token"], token: { id: firstToken } }, scope: { project: { id: "123456" } } } });
    expect(second.status).toBe(201);
    expect(second.headers.get("x-subject-token")).not.toBe(firstToken);
    expect(((await second.json()) as any).token.expires_at).toBe(firstBody.token.expires_at);
  });

  it("bad password, wrong project, missing domain → Keystone error bodies", async () => {
    const bad = await postJson(url(), {
      auth: { identity: { methods: ["password"], password: { user: { name: "demo", domain: { id: "default" }, password: "nope" } } } },
    });
    expect(bad.status).toBe(401);
    expect(await bad.json()).toEqual({ error: { code: 401, message: expect.any(String), title: "Unauthorized" } });
    const wrongProject = await postJson(url(), {
      auth: {
        identity: { methods: ["password"], password: { user: { name: "demo", domain: { id: "default" }, password: "demo-password" } } },
        scope: { project: { id: "777" } },
      },
    });
    expect(wrongProject.status).toBe(401);
    const noDomain = await postJson(url(), { auth: { identity: { methods: ["password"], password: { user: { name: "demo", password: "demo-password" } } } } });
    expect(noDomain.status).toBe(400);
  });

  it("validates with X-Subject-Token (GET/HEAD) and revokes with DELETE", async () => {
    const res = await postJson(url(), {
      auth: { identity: { methods: ["password"], password: { user: { name: "demo", domain: { id: "default" }, password: "demo-password" } } } },
    });
    const t = res.headers.get("x-subject-token")!;
    const get = await fetch(url(), { headers: { "x-auth-token": t, "x-subject-token": t } });
    expect(get.status).toBe(200);
    expect(get.headers.get("x-subject-token")).toBe(t);
    expect((await fetch(url(), { method: "HEAD", headers: { "x-auth-token": t, "x-subject-token": t } })).status).toBe(200);
    const other = (await postJson(url(), {
      auth: { identity: { methods: ["password"], password: { user: { name: "demo", domain: { id: "default" }, password: "demo-password" } } } },
    })).headers.get("x-subject-token")!;
    expect((await fetch(url(), { method: "DELETE", headers: { "x-auth-token": other, "x-subject-token": t } })).status).toBe(204);
    expect((await fetch(url(), { headers: { "x-auth-token": other, "x-subject-token": t } })).status).toBe(404);
  });
});

describe("token lifecycle hooks", () => {
  async function token() {
    const res = await v2({ "RAX-KSKEY:apiKeyCredentials": { username: "demo", apiKey: "demo-api-key" } });
    return ((await res.json()) as any).access.token.id as string;
  }
  const swift = () => `${emu.endpoint("object-store", "DFW")}/v1/MossoCloudFS_123456`;
  // Cloud Databases: a JSON service whose handlers check the token (401 with a JSON body).
  const compute = () => `${emu.endpoint("databases", "DFW")}/v1.0/123456/instances`;

  it("every service rejects missing, unknown, expired and revoked tokens with 401", async () => {
    const t = await token();
    expect((await fetch(swift(), { method: "HEAD", headers: { "x-auth-token": t } })).status).toBe(204);
    expect((await fetch(compute(), { headers: { "x-auth-token": t } })).status).toBe(200);
    expect((await fetch(swift(), { method: "HEAD" })).status).toBe(401);
    expect((await fetch(swift(), { method: "HEAD", headers: { "x-auth-token": "0".repeat(32) } })).status).toBe(401);

    emu.state.tokens.expire(t);
    expect((await fetch(swift(), { method: "HEAD", headers: { "x-auth-token": t } })).status).toBe(401);
    const unauthorized = await fetch(compute(), { headers: { "x-auth-token": t } });
    expect(unauthorized.status).toBe(401);
    expect(((await unauthorized.json()) as any).unauthorized.code).toBe(401);

    const t2 = await token();
    emu.state.tokens.revoke(t2);
    expect((await fetch(swift(), { method: "HEAD", headers: { "x-auth-token": t2 } })).status).toBe(401);
  });

  it("expire('all') and the lifetime setting drive expiry; the clock can be advanced", async () => {
    const a = await token();
    emu.state.tokens.expire("all");
    expect((await fetch(swift(), { method: "HEAD", headers: { "x-auth-token": a } })).status).toBe(401);

    emu.state.tokens.lifetimeSeconds = 60;
    try {
      const b = await token();
      expect((await fetch(swift(), { method: "HEAD", headers: { "x-auth-token": b } })).status).toBe(204);
      emu.state.clock.advance(61_000);
      expect((await fetch(swift(), { method: "HEAD", headers: { "x-auth-token": b } })).status).toBe(401);
    } finally {
      emu.state.tokens.lifetimeSeconds = 86_400;
      emu.state.clock.reset();
    }
  });

  it("a token cannot reach another tenant's account (403)", async () => {
    const res = await v2({ passwordCredentials: { username: "other", password: "pw2" } });
    const t = ((await res.json()) as any).access.token.id;
    expect((await fetch(swift(), { method: "HEAD", headers: { "x-auth-token": t } })).status).toBe(403);
  });
});
