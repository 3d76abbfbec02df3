import { NoEndpointForService } from "@rax/core";
import { Databases } from "@rax/databases";
import { Context } from "@rax/identity";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import * as createBackup from "../../examples/databases/create-backup";
import * as createInstance from "../../examples/databases/create-instance";
import * as createUser from "../../examples/databases/create-user";
import * as databaseUserObjects from "../../examples/databases/database-user-objects";
import * as getDatabaseUser from "../../examples/databases/get-database-user";
import * as listFlavors from "../../examples/databases/list-flavors";
import type { ExampleTarget } from "../../examples/lib/target";
import { type OpenStackTarget, startOpenStackTarget } from "./openstack-target";

// The Cloud Databases examples that fake-mode Trove can carry out, run against it as admin (see
// databases.test.ts): resizes never complete there and a restore comes back empty, so resize-* and
// restore-backup run against the emulator only (examples/databases/examples.test.ts).
const os = await startOpenStackTarget().catch((e: unknown) => e as Error);
let target: ExampleTarget | undefined;
let skipReason: string | undefined;
if (os instanceof Error) skipReason = `no OpenStack target (${os.message})`;
else {
  const u = os.env.users.admin;
  const ctx = new Context({ identityType: "keystone", authEndpoint: os.env.authUrl, username: u.username, password: u.password, tenantName: u.projectName, userDomain: u.domain, projectDomain: u.domain, configFile: false, env: {} });
  await ctx.authenticate();
  try {
    void ctx.client(Databases, { region: os.region }).endpoint;
    target = { ctx, region: os.region, kind: "cloud", stop: () => ctx.close() };
  } catch (e) {
    if (!(e instanceof NoEndpointForService)) throw e;
    skipReason = `the catalog has no database (Trove) endpoint in ${os.region} (start it: bash scripts/openstack/start.sh trove)`;
    await ctx.close();
  }
}

describe.skipIf(skipReason !== undefined)(`databases examples against real Trove in fake mode${skipReason ? ` — skipped: ${skipReason}` : ""}`, () => {
  beforeAll(() => {
    vi.spyOn(console, "log").mockImplementation(() => undefined);
  });
  afterAll(async () => {
    vi.restoreAllMocks();
    await target?.stop();
    if (!(os instanceof Error)) await os.close();
  });

  it("list-flavors finds the 4 GB flavor by its RAM", async () => {
    const r = await listFlavors.main(target!);
    expect(r.flavors.length).toBeGreaterThan(0);
    expect(typeof r.byRam).toBe("string");
  });
  it("create-instance: BUILD → ACTIVE with its database; volume 0 refused before sending", async () => {
    expect(await createInstance.main(target!)).toMatchObject({ status: "BUILD", active: "ACTIVE", volume: 2, databases: ["sales"], refused: "instance.volume" });
  }, 180_000);
  it("create-user: no password refused; the password never printed", async () => {
    expect(await createUser.main(target!)).toEqual({ user: { name: "groucho", host: "%", databases: ["db_name"] }, passwordShown: false, refused: "user.password" });
  }, 180_000);
  it("get-database-user by name; a missing database is NoSuchDatabase", async () => {
    expect(await getDatabaseUser.main(target!)).toEqual({ db: "db_name", user: { name: "groucho", host: "%", databases: ["db_name"] }, missing: true });
  }, 180_000);
  it("create-backup from the client and from the instance, to COMPLETED", async () => {
    expect(await createBackup.main(target!)).toEqual({ first: "NEW", status: "COMPLETED", second: "COMPLETED", description: "My Backup" });
  }, 300_000);
  it("database-user-objects: access changes, then delete() on each", async () => {
    expect(await databaseUserObjects.main(target!)).toEqual({ before: ["keep", "scratch"], after: ["keep"], usersAfter: [], access: ["keep"] });
  }, 180_000);
});
