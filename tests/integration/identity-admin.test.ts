// The identity admin calls pyrax has, against real Keystone v3 (unit tests cover the v2.0 paths).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Context, UserNotFound } from "@rax/identity";
import { readOpenStackEnv } from "./openstack-target";

const env = readOpenStackEnv();
const suffix = Date.now().toString(36);
let admin: Context;
let demo: Context;

const contextFor = (who: "admin" | "demo") => {
  const u = env.users[who];
  return new Context({
    identityType: "keystone",
    authEndpoint: env.authUrl,
    username: u.username,
    password: u.password,
    tenantName: u.projectName,
    userDomain: u.domain,
    projectDomain: u.domain,
    configFile: false,
    env: {},
  });
};

beforeAll(async () => {
  admin = await contextFor("admin").authenticate();
  demo = await contextFor("demo").authenticate();
});
afterAll(async () => {
  await admin?.close();
  await demo?.close();
});

const names = (rows: Record<string, unknown>[]) => rows.map((r) => r.name);

describe("identity admin calls against real Keystone v3", () => {
  it("lists the caller's projects, the users and the roles", async () => {
    expect(names(await admin.identity.listTenants())).toContain("admin");
    expect(names(await admin.identity.listUsers())).toEqual(expect.arrayContaining(["admin", "demo"]));
    expect(names(await admin.identity.listRoles())).toEqual(expect.arrayContaining(["admin", "member"]));
  });

  it("finds a user by name and by id, and reports a missing one as UserNotFound", async () => {
    const byName = await admin.identity.getUser({ name: "demo" });
    expect(byName.id).toBe(env.users.demo.userId);
    expect((await admin.identity.getUser({ id: env.users.demo.userId })).name).toBe("demo");
    await expect(admin.identity.getUser({ name: `nobody-${suffix}` })).rejects.toBeInstanceOf(UserNotFound);
  });

  it("creates, updates, grants a role to, and deletes a user", async () => {
    const created = await admin.identity.createUser({ name: `rax-it-${suffix}`, password: `pw-${suffix}`, email: `it-${suffix}@example.com` });
    const userId = created.id as string;
    expect(created.name).toBe(`rax-it-${suffix}`);
    expect(JSON.stringify(created)).not.toContain(`pw-${suffix}`);
    try {
      const updated = await admin.identity.updateUser(userId, { email: `changed-${suffix}@example.com` });
      expect(updated.email).toBe(`changed-${suffix}@example.com`);
      // Keystone v3 ignores `?email=` and lists every user: the answer must still be this one (it was `admin`).
      expect((await admin.identity.getUser({ email: `changed-${suffix}@example.com` })).id).toBe(userId);
      await expect(admin.identity.getUser({ email: `nobody-${suffix}@example.com` })).rejects.toBeInstanceOf(UserNotFound);
      const member = (await admin.identity.listRoles()).find((r) => r.name === "member")!;
      const project = env.users.demo.projectId;
      await admin.identity.addRoleToUser(member.id as string, userId, { tenantId: project });
      expect(names(await admin.identity.listRolesForUser(userId, { tenantId: project }))).toContain("member");
      await admin.identity.deleteRoleFromUser(member.id as string, userId, { tenantId: project });
      expect(names(await admin.identity.listRolesForUser(userId, { tenantId: project }))).not.toContain("member");
      // the records themselves, as pyrax passes objects
      await admin.identity.addRoleToUser(member, created, { tenantId: { id: project } });
      expect(names(await admin.identity.listRolesForUser(created, { tenantId: project }))).toContain("member");
    } finally {
      await admin.identity.deleteUser(userId);
    }
    await expect(admin.identity.getUser({ id: userId })).rejects.toMatchObject({ status: 404 });
  });

  it("creates, renames and deletes a project", async () => {
    const t = await admin.identity.createTenant({ name: `rax-it-${suffix}`, description: "integration" });
    try {
      const renamed = await admin.identity.updateTenant(t.id as string, { name: `rax-it2-${suffix}` });
      expect(renamed.name).toBe(`rax-it2-${suffix}`);
    } finally {
      await admin.identity.deleteTenant(t.id as string);
    }
  });

  it("validates, checks and revokes another user's token", async () => {
    const token = demo.token!;
    const details = await admin.identity.validateToken(token);
    expect(JSON.stringify(details)).toContain("demo");
    expect(await admin.identity.checkToken(token)).toBe(true);
    await admin.identity.revokeToken(token);
    expect(await admin.identity.checkToken(token)).toBe(false);
  });
});
