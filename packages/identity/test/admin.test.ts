import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ValidationError } from "@rax/core";
import { RackspaceIdentity, UserNotFound } from "../src/index";
import { type FakeIdentity, startFakeIdentity } from "./fake-identity";

let fake: FakeIdentity;
let id: RackspaceIdentity;
beforeAll(async () => {
  fake = await startFakeIdentity();
  id = new RackspaceIdentity({ authEndpoint: fake.v2, username: "demo", apiKey: fake.opts.apiKey });
});
afterAll(async () => {
  await id.close();
  await fake.close();
});

describe("identity admin calls (v2.0 paths)", () => {
  it("list tenants and users, with the token and project headers", async () => {
    expect(await id.listTenants()).toEqual([{ id: "123456", name: "123456", enabled: true }]);
    const users = await id.listUsers();
    expect(users.map((u) => u.username)).toContain("demo");
    const call = fake.requests.find((r) => r.path === "/v2.0/users");
    expect(call?.headers["x-auth-token"]).toBe(id.token);
    expect(call?.headers["x-auth-project-id"]).toBe("123456");
  });

  it("create, get, update and delete a user; passwords are stripped from reads", async () => {
    const created = await id.createUser({ name: "newbie", email: "n@example.com", password: "initial-pw-1" });
    const post = fake.requests.find((r) => r.method === "POST" && r.path === "/v2.0/users");
    expect(post?.body).toEqual({
      user: { username: "newbie", email: "n@example.com", enabled: true, "OS-KSADM:password": "initial-pw-1" },
    });
    const uid = created.id as string;
    expect(await id.getUser({ id: uid })).toMatchObject({ username: "newbie" });
    const updated = await id.updateUser(uid, { email: "m@example.com", defaultRegion: "DFW" });
    expect(updated).toMatchObject({ email: "m@example.com", "RAX-AUTH:defaultRegion": "DFW" });
    expect(fake.requests.at(-1)?.body).toEqual({ user: { id: uid, email: "m@example.com", "RAX-AUTH:defaultRegion": "DFW" } });
    await id.deleteUser(uid);
    await expect(id.deleteUser(uid)).rejects.toBeInstanceOf(UserNotFound);
    await expect(id.getUser({ id: uid })).rejects.toBeInstanceOf(UserNotFound);
  });

  it("roles: list, list for user, add and remove", async () => {
    expect(await id.listRoles()).toEqual([{ id: "3", name: "identity:user-admin" }]);
    expect(await id.listRolesForUser("u1")).toHaveLength(1);
    await id.addRoleToUser("7", "u1");
    expect(fake.requests.at(-1)).toMatchObject({ method: "PUT", path: "/v2.0/users/u1/roles/OS-KSADM/7" });
    await id.deleteRoleFromUser("7", "u1");
    expect(fake.requests.at(-1)).toMatchObject({ method: "DELETE", path: "/v2.0/users/u1/roles/OS-KSADM/7" });
  });

  it("getUser by email or name answers the user that has it, whatever rows the server lists", async () => {
    // Keystone v3 ignores `?email=` and lists every user (this fake ignores every filter): the first
    // row is not the answer.
    const a = await id.createUser({ name: "first-user", email: "first@example.com", password: "pw-first-1" });
    const b = await id.createUser({ name: "second-user", email: "Second@Example.com", password: "pw-second-1" });
    try {
      expect((await id.getUser({ email: "second@example.com" })).id).toBe(b.id);
      expect((await id.getUser({ name: "first-user" })).id).toBe(a.id);
      const byEmail = await id.getUser({ email: "nobody@example.com" }).catch((e: unknown) => e);
      expect(byEmail).toBeInstanceOf(UserNotFound);
      expect((byEmail as UserNotFound).status).toBe(404);
      // Which user was looked for; not "No such user (HTTP 404; GET <identity endpoint>/users)".
      expect((byEmail as Error).message).toBe('No user with email "nobody@example.com" in identity');
      const byName = await id.getUser({ name: "nobody" }).catch((e: unknown) => e);
      expect(byName).toBeInstanceOf(UserNotFound);
      expect((byName as Error).message).toBe('No user with name "nobody" in identity');
      expect((byName as Error).message).not.toContain(fake.v2);
    } finally {
      await id.deleteUser(a);
      await id.deleteUser(b);
    }
  });

  it("role, user and tenant arguments take the records the admin calls return, as pyrax takes objects", async () => {
    const [role] = await id.listRoles();
    await id.addRoleToUser(role!, { id: "u1" });
    expect(fake.requests.at(-1)).toMatchObject({ method: "PUT", path: `/v2.0/users/u1/roles/OS-KSADM/${role!.id}` });
    await id.deleteRoleFromUser(role!, "u1");
    expect(fake.requests.at(-1)).toMatchObject({ method: "DELETE", path: `/v2.0/users/u1/roles/OS-KSADM/${role!.id}` });
    expect(await id.listRolesForUser({ id: "u1" })).toHaveLength(1);
  });

  it("bad admin input → ValidationError naming the field, no request", async () => {
    const before0 = fake.requests.length;
    // pyrax's positional tenant would be ignored silently (the caller's project used instead)
    await expect(id.listRolesForUser("u1", "some-project" as never)).rejects.toMatchObject({ field: "options" });
    await expect(id.addRoleToUser("7", "u1", { tenant: "p" } as never)).rejects.toMatchObject({ field: "options.tenant" });
    await expect(id.addRoleToUser({ name: "admin" } as never, "u1")).rejects.toMatchObject({ field: "roleId" });
    await expect(id.deleteUser({ id: 42 } as never)).rejects.toMatchObject({ field: "userId" });
    expect(fake.requests.length).toBe(before0);
    const before = fake.requests.length;
    await expect(id.createUser({ name: "x", email: "not-an-email" })).rejects.toMatchObject({ field: "user.email" });
    await expect(id.deleteUser("")).rejects.toBeInstanceOf(ValidationError);
    await expect(id.addRoleToUser("7", " ")).rejects.toMatchObject({ field: "userId" });
    expect(fake.requests.length).toBe(before);
  });
});
