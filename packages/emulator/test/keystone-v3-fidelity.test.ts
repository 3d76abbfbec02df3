import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startEmulator, type RunningEmulator } from "../src/index";
import { ADMIN_AND_DEMO } from "./contract-users";

// Each expectation below is what real Keystone 22 (Debian 12, scripts/openstack) answers; the
// emulator answered otherwise before (tests/integration/DIFFERENCES.md, "Keystone").
let emu: RunningEmulator;
beforeAll(async () => {
  emu = await startEmulator({ users: ADMIN_AND_DEMO });
});
afterAll(() => emu.stop());

const json = { "content-type": "application/json" };
const passwordIdentity = (name = "demo", password = "secret") => ({
  methods: ["password"],
  password: { user: { name, domain: { id: "default" }, password } },
});

async function post(auth: unknown) {
  const res = await fetch(`${emu.keystoneUrl}/auth/tokens`, { method: "POST", headers: json, body: JSON.stringify(auth) });
  return { status: res.status, subject: res.headers.get("x-subject-token"), body: (await res.json()) as any };
}

async function login(name = "demo") {
  const r = await post({ auth: { identity: passwordIdentity(name) } });
  expect(r.status).toBe(201);
  return { id: r.subject!, token: r.body.token };
}

const reauth = (id: string, extra: Record<string, unknown> = {}) => post({ auth: { identity: { methods: ["token"], token: { id } }, ...extra } });

describe("Keystone v3 as real Keystone answers", () => {
  it("password auth without a scope gives a token scoped to the user's default project, at <url>/v3", async () => {
    expect(emu.keystoneUrl).toBe(`${emu.url}/v3`);
    const { token } = await login();
    expect(token.project).toEqual({ id: expect.any(String), name: "demo", domain: { id: "default", name: "Default" } });
    expect(token.user.domain).toEqual({ id: "default", name: "Default" });
    expect(token.roles.map((r: any) => r.name).sort()).toEqual(["member", "reader"]);
    expect(token.catalog.length).toBeGreaterThan(0);
    // Fernet tokens hold whole seconds.
    expect(token.expires_at).toMatch(/T\d\d:\d\d:\d\d\.000000Z$/);
  });

  it("the catalog lists the identity service itself, on the public, internal and admin interfaces", async () => {
    const { token } = await login();
    const identity = token.catalog.find((s: any) => s.type === "identity");
    expect(identity).toBeDefined();
    expect(identity.name).toBe("keystone");
    const first = identity.endpoints.filter((e: any) => e.region_id === emu.regions[0]);
    expect(first.map((e: any) => e.interface).sort()).toEqual(["admin", "internal", "public"]);
    for (const e of first) expect(e.url).toBe(emu.keystoneUrl);
  });

  it("a token re-auth keeps the method chain and the audit chain, and never outlives the original", async () => {
    const first = await login();
    const second = await reauth(first.id);
    expect(second.status).toBe(201);
    expect(second.body.token.methods).toEqual(["token", "password"]);
    expect(second.body.token.audit_ids).toHaveLength(2);
    expect(second.body.token.audit_ids[1]).toBe(first.token.audit_ids[0]);
    expect(second.body.token.audit_ids[0]).not.toBe(first.token.audit_ids[0]);
    expect(second.body.token.expires_at).toBe(first.token.expires_at);
    expect(second.body.token.project.name).toBe("demo");
    // A third link still points at the chain's first token.
    const third = await reauth(second.subject!);
    expect(third.body.token.methods).toEqual(["token", "password"]);
    expect(third.body.token.audit_ids[1]).toBe(first.token.audit_ids[0]);
    // Validation shows the same chains.
    const shown = await fetch(`${emu.keystoneUrl}/auth/tokens`, { headers: { "x-auth-token": first.id, "x-subject-token": second.subject! } });
    expect(((await shown.json()) as any).token.audit_ids).toEqual(second.body.token.audit_ids);
  });

  it("password and token together: one user, methods token then password", async () => {
    const { id } = await login();
    const both = await post({ auth: { identity: { ...passwordIdentity(), methods: ["password", "token"], token: { id } } } });
    expect(both.status).toBe(201);
    expect(both.body.token.methods).toEqual(["token", "password"]);
    const mixed = await post({ auth: { identity: { ...passwordIdentity("admin"), methods: ["password", "token"], token: { id } } } });
    expect(mixed.status).toBe(401);
  });

  it("re-auth with a revoked, expired or unknown token is 404, as Keystone words it", async () => {
    const revoked = await login();
    const del = await fetch(`${emu.keystoneUrl}/auth/tokens`, { method: "DELETE", headers: { "x-auth-token": revoked.id, "x-subject-token": revoked.id } });
    expect(del.status).toBe(204);
    const again = await reauth(revoked.id);
    expect(again.status).toBe(404);
    expect(again.body.error).toEqual({ code: 404, message: "Failed to validate token", title: "Not Found" });

    const expired = await login();
    emu.state.tokens.expire(expired.id);
    expect((await reauth(expired.id)).status).toBe(404);

    const unknown = await reauth("garbage");
    expect(unknown.status).toBe(404);
    expect(unknown.body.error.message).toBe("Could not recognize Fernet token");
    expect((await post({ auth: { identity: { methods: ["token"], token: {} } } })).status).toBe(400);
  });

  it("validating without X-Subject-Token is 403; a revoked subject 404", async () => {
    const caller = await login();
    const res = await fetch(`${emu.keystoneUrl}/auth/tokens`, { headers: { "x-auth-token": caller.id } });
    expect(res.status).toBe(403);
    expect(((await res.json()) as any).error.message).toBe("You are not authorized to perform the requested action: identity:validate_token.");
    const subject = await login();
    await fetch(`${emu.keystoneUrl}/auth/tokens`, { method: "DELETE", headers: { "x-auth-token": caller.id, "x-subject-token": subject.id } });
    const gone = await fetch(`${emu.keystoneUrl}/auth/tokens`, { headers: { "x-auth-token": caller.id, "x-subject-token": subject.id } });
    expect(gone.status).toBe(404);
    expect(((await gone.json()) as any).error.message).toBe("Failed to validate token");
    expect((await fetch(`${emu.keystoneUrl}/auth/tokens`, { method: "DELETE", headers: { "x-auth-token": caller.id, "x-subject-token": subject.id } })).status).toBe(404);
  });

  it("malformed bodies: 400 for no auth and for a method named without its payload, 401 for no methods", async () => {
    const empty = await post({});
    expect(empty.status).toBe(400);
    expect(empty.body.error.message).toMatch(/^Expecting to find auth in request body\. The server could not comply/);
    expect((await post({ auth: { identity: { methods: [] } } })).status).toBe(401);
    const totp = await post({ auth: { identity: { methods: ["totp"] } } });
    expect(totp.status).toBe(400);
    expect(totp.body.error.message).toMatch(/^Expecting to find totp in identity\./);
    const noDomain = await post({ auth: { identity: { methods: ["password"], password: { user: { name: "demo", password: "secret" } } } } });
    expect(noDomain.status).toBe(400);
  });

  it("an unscoped token: no catalog, /v3/auth/catalog 403, re-auth without a scope lands in the default project", async () => {
    const un = await post({ auth: { identity: passwordIdentity(), scope: "unscoped" } });
    expect(un.status).toBe(201);
    expect(un.body.token.project).toBeUndefined();
    expect(un.body.token.catalog).toBeUndefined();
    const catalog = await fetch(`${emu.keystoneUrl}/auth/catalog`, { headers: { "x-auth-token": un.subject! } });
    expect(catalog.status).toBe(403);
    const rescoped = await reauth(un.subject!);
    expect(rescoped.status).toBe(201);
    expect(rescoped.body.token.project.name).toBe("demo");
    expect(rescoped.body.token.methods).toEqual(["token", "password"]);
  });

  it("a user reads their own record and projects (default_project_id), /v3/auth/domains; others' are 403 unless admin", async () => {
    const demo = await login("demo");
    const admin = await login("admin");
    const self = await fetch(`${emu.keystoneUrl}/users/${demo.token.user.id}`, { headers: { "x-auth-token": demo.id } });
    expect(self.status).toBe(200);
    const user = ((await self.json()) as any).user;
    expect(user).toMatchObject({ id: demo.token.user.id, name: "demo", domain_id: "default", default_project_id: demo.token.project.id, enabled: true });
    const projects = await fetch(`${emu.keystoneUrl}/users/${demo.token.user.id}/projects`, { headers: { "x-auth-token": demo.id } });
    expect(((await projects.json()) as any).projects.map((p: any) => p.name)).toEqual(["demo"]);
    const other = await fetch(`${emu.keystoneUrl}/users/${admin.token.user.id}`, { headers: { "x-auth-token": demo.id } });
    expect(other.status).toBe(403);
    expect((await fetch(`${emu.keystoneUrl}/users/${demo.token.user.id}`, { headers: { "x-auth-token": admin.id } })).status).toBe(200);
    const domains = await fetch(`${emu.keystoneUrl}/auth/domains`, { headers: { "x-auth-token": demo.id } });
    expect(domains.status).toBe(200);
    expect(((await domains.json()) as any).domains).toEqual([]);
    expect(admin.token.roles.map((r: any) => r.name).sort()).toEqual(["admin", "member", "reader"]);
  });
});

describe("Keystone's root and request ids", () => {
  it("GET / is 300 with Location …/v3/ and the v3 entry first, as keystoneauth's discovery reads it", async () => {
    const res = await fetch(`${emu.url}/`);
    expect(res.status).toBe(300);
    expect(res.headers.get("location")).toBe(`${emu.url}/v3/`);
    const v3 = ((await res.json()) as any).versions.values[0];
    expect(v3).toEqual({
      id: "v3.14",
      status: "stable",
      updated: "2020-04-07T00:00:00Z",
      links: [{ rel: "self", href: `${emu.url}/v3/` }],
      "media-types": [{ base: "application/json", type: "application/vnd.openstack.identity-v3+json" }],
    });
  });

  it("identity answers carry x-openstack-request-id req-<uuid> (no Swift x-trans-id)", async () => {
    const res = await fetch(`${emu.keystoneUrl}/auth/tokens`, { method: "POST", headers: json, body: JSON.stringify({ auth: { identity: passwordIdentity() } }) });
    expect(res.headers.get("x-openstack-request-id")).toMatch(/^req-[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
    expect(res.headers.get("x-trans-id")).toBeNull();
  });
});

describe("Keystone v3 application credentials, system and domain scope", () => {
  async function createCredential(owner: { id: string; token: any }, body: Record<string, unknown>) {
    const res = await fetch(`${emu.keystoneUrl}/users/${owner.token.user.id}/application_credentials`, {
      method: "POST",
      headers: { ...json, "x-auth-token": owner.id },
      body: JSON.stringify({ application_credential: body }),
    });
    return { status: res.status, body: (await res.json()) as any };
  }

  it("a user creates one (secret shown once), authenticates with it by id or name, and deleting it revokes its tokens", async () => {
    const demo = await login("demo");
    const made = await createCredential(demo, { name: "ci" });
    expect(made.status).toBe(201);
    const ac = made.body.application_credential;
    expect(ac).toMatchObject({ name: "ci", user_id: demo.token.user.id, project_id: demo.token.project.id, unrestricted: null, system: null });
    expect(typeof ac.secret).toBe("string");
    expect((await createCredential(demo, { name: "ci" })).status).toBe(409);

    const byId = await post({ auth: { identity: { methods: ["application_credential"], application_credential: { id: ac.id, secret: ac.secret } } } });
    expect(byId.status).toBe(201);
    expect(byId.body.token.methods).toEqual(["application_credential"]);
    expect(byId.body.token.project.id).toBe(demo.token.project.id);
    expect(byId.body.token.application_credential).toEqual({ id: ac.id, name: "ci", restricted: true });
    const byName = await post({
      auth: { identity: { methods: ["application_credential"], application_credential: { name: "ci", secret: ac.secret, user: { name: "demo", domain: { id: "default" } } } } },
    });
    expect(byName.status).toBe(201);
    expect((await post({ auth: { identity: { methods: ["application_credential"], application_credential: { id: ac.id, secret: "nope" } } } })).status).toBe(401);
    const scoped = await post({
      auth: { identity: { methods: ["application_credential"], application_credential: { id: ac.id, secret: ac.secret } }, scope: { project: { id: ac.project_id } } },
    });
    expect(scoped.status).toBe(401);
    expect(scoped.body.error.message).toMatch(/cannot request a scope/);

    // Restricted: its tokens make neither tokens nor credentials.
    expect((await reauth(byId.subject!)).status).toBe(403);
    expect((await createCredential({ id: byId.subject!, token: demo.token }, { name: "more" })).status).toBe(403);

    const listed = await fetch(`${emu.keystoneUrl}/users/${demo.token.user.id}/application_credentials`, { headers: { "x-auth-token": demo.id } });
    const rows = ((await listed.json()) as any).application_credentials;
    expect(rows.map((r: any) => r.name)).toEqual(["ci"]);
    expect(rows[0].secret).toBeUndefined();
    const del = await fetch(`${emu.keystoneUrl}/users/${demo.token.user.id}/application_credentials/${ac.id}`, { method: "DELETE", headers: { "x-auth-token": demo.id } });
    expect(del.status).toBe(204);
    const after = await post({ auth: { identity: { methods: ["application_credential"], application_credential: { id: ac.id, secret: ac.secret } } } });
    expect(after.status).toBe(404);
    expect(after.body.error.message).toBe(`Could not find Application Credential: ${ac.id}.`);
    const validated = await fetch(`${emu.keystoneUrl}/auth/tokens`, { headers: { "x-auth-token": demo.id, "x-subject-token": byId.subject! } });
    expect(validated.status).toBe(404);
  });

  it("another user's credentials are not theirs to manage", async () => {
    const demo = await login("demo");
    const admin = await login("admin");
    const res = await fetch(`${emu.keystoneUrl}/users/${admin.token.user.id}/application_credentials`, {
      method: "POST",
      headers: { ...json, "x-auth-token": demo.id },
      body: JSON.stringify({ application_credential: { name: "theirs" } }),
    });
    expect(res.status).toBe(403);
  });

  it("system scope for the bootstrap-style admin (roles admin, member, reader), 401 for others; domain scope 401 without a domain role", async () => {
    const system = await post({ auth: { identity: passwordIdentity("admin"), scope: { system: { all: true } } } });
    expect(system.status).toBe(201);
    expect(system.body.token.system).toEqual({ all: true });
    expect(system.body.token.project).toBeUndefined();
    expect(system.body.token.roles.map((r: any) => r.name).sort()).toEqual(["admin", "member", "reader"]);
    expect(system.body.token.catalog.length).toBeGreaterThan(0);
    expect((await post({ auth: { identity: passwordIdentity("demo"), scope: { system: { all: true } } } })).status).toBe(401);
    expect((await post({ auth: { identity: passwordIdentity("admin"), scope: { domain: { id: "default" } } } })).status).toBe(401);
  });

  it("a user with a domain role gets a domain-scoped token", async () => {
    const other = await startEmulator({ users: [{ username: "dom", password: "pw", project: "p", roles: ["member"], domainRoles: ["admin"] }] });
    try {
      const res = await fetch(`${other.keystoneUrl}/auth/tokens`, {
        method: "POST",
        headers: json,
        body: JSON.stringify({
          auth: { identity: { methods: ["password"], password: { user: { name: "dom", domain: { id: "default" }, password: "pw" } } }, scope: { domain: { id: "default" } } },
        }),
      });
      expect(res.status).toBe(201);
      const token = ((await res.json()) as any).token;
      expect(token.domain).toEqual({ id: "default", name: "Default" });
      expect(token.project).toBeUndefined();
      expect(token.roles.map((r: any) => r.name).sort()).toEqual(["admin", "member", "reader"]);
    } finally {
      await other.stop();
    }
  });
});

describe("Keystone v3 admin reads (users, projects, roles)", () => {
  const get = async (token: string, path: string) => {
    const res = await fetch(`${emu.keystoneUrl}${path}`, { headers: { "x-auth-token": token } });
    return { status: res.status, body: (await res.json()) as any };
  };

  it("an admin token lists and filters users, projects and roles; links.self echoes the query", async () => {
    const admin = await login("admin");
    const users = await get(admin.id, "/users?name=demo");
    expect(users.status).toBe(200);
    expect(users.body.users.map((u: any) => u.name)).toEqual(["demo"]);
    expect(users.body.users[0]).toMatchObject({ domain_id: "default", enabled: true, password_expires_at: null });
    expect(users.body.links.self).toBe(`${emu.keystoneUrl}/users?name=demo`);
    const projects = await get(admin.id, "/projects");
    expect(projects.body.projects.map((p: any) => p.name).sort()).toEqual(["admin", "demo"]);
    const demoProject = projects.body.projects.find((p: any) => p.name === "demo");
    const roles = await get(admin.id, "/roles?name=member");
    expect(roles.body.roles.map((r: any) => r.name)).toEqual(["member"]);
    expect((await get(admin.id, `/roles/${roles.body.roles[0].id}`)).status).toBe(200);
    const demoUser = users.body.users[0];
    // Grants only: demo was given member; reader is implied, not granted.
    const grants = await get(admin.id, `/projects/${demoProject.id}/users/${demoUser.id}/roles`);
    expect(grants.body.roles.map((r: any) => r.name)).toEqual(["member"]);
    expect((await get(admin.id, "/projects/nope")).body.error.message).toBe("Could not find project: nope.");
    expect((await get(admin.id, "/users/nope")).status).toBe(404);
  });

  it("a member's token is refused (403 naming the rule), but reads its own project", async () => {
    const demo = await login("demo");
    const users = await get(demo.id, "/users");
    expect(users.status).toBe(403);
    expect(users.body.error.message).toBe("You are not authorized to perform the requested action: identity:list_users.");
    expect((await get(demo.id, "/projects")).status).toBe(403);
    expect((await get(demo.id, "/roles")).status).toBe(403);
    expect((await get(demo.id, `/projects/${demo.token.project.id}`)).body.project.name).toBe("demo");
    expect((await get(demo.id, "/projects/nope")).status).toBe(403);
  });
});
