import { NoEndpointForService } from "@rax/core";
import { Databases } from "@rax/databases";
import { Context } from "@rax/identity";
import { afterAll, describe, expect, it } from "vitest";
import { databasesScenarios } from "../scenarios/databases";
import { type OpenStackTarget, startOpenStackTarget } from "./openstack-target";

// Runs when the real-server tier is up and its catalog offers Trove (`database`); otherwise the suite
// is skipped and says why. As admin: Trove 18's fake nova reads `context.tenant`, which a plain
// member's context lacks, so a member's fake instance goes to ERROR (scripts/openstack/parts/trove.sh).
const target = await startOpenStackTarget().catch((e: unknown) => e as Error);
let admin: Context | undefined;
const skipReason = target instanceof Error ? `no OpenStack target (${target.message})` : await adminWithTrove(target);

async function adminWithTrove(t: OpenStackTarget): Promise<string | undefined> {
  const u = t.env.users.admin;
  admin = new Context({ identityType: "keystone", authEndpoint: t.env.authUrl, username: u.username, password: u.password, tenantName: u.projectName, userDomain: u.domain, projectDomain: u.domain, configFile: false, env: {} });
  await admin.authenticate();
  try {
    void admin.client(Databases, { region: t.region }).endpoint;
    return undefined;
  } catch (e) {
    if (e instanceof NoEndpointForService) return `the catalog has no database (Trove) endpoint in ${t.region} (start it: bash scripts/openstack/start.sh trove)`;
    throw e;
  }
}

afterAll(async () => {
  await admin?.close();
  if (!(target instanceof Error)) await target.close();
});

describe.skipIf(skipReason !== undefined)(`databases scenarios against real Trove in fake mode (Keystone v3, admin)${skipReason ? ` — skipped: ${skipReason}` : ""}`, () => {
  databasesScenarios(() => ({ ...(target as OpenStackTarget), ctx: admin! }), {
    interval: 1000,
    // Trove 18's fake mode: resizes time out and revert, a restore's fake guest starts empty, and a host change is a 500.
    resizeApplies: false,
    restoreKeepsData: false,
    hostChange: false,
    datastore: { type: "mysql", version: "5.7" },
  });
});

describe.skipIf(skipReason !== undefined)(`a user name with a period (real Trove)${skipReason ? ` — skipped: ${skipReason}` : ""}`, () => {
  // The pyrax docs warn that deleting "john.doe" deleted "john" (the name was cut at the period); rax must delete the one named.
  it('deleteUser("john.doe") deletes john.doe and leaves john', async () => {
    const t = target as OpenStackTarget;
    const cdb = admin!.client(Databases, { region: t.region });
    const inst = await cdb.instances.create({ name: `rax-dot-${Date.now().toString(36)}`, flavor: 512, volume: 1, users: [{ name: "john", password: "pw-john-123" }, { name: "john.doe", password: "pw-johndoe-1" }] });
    try {
      await inst.waitFor("ACTIVE", { interval: 1000 });
      expect((await inst.getUser("john.doe")).name).toBe("john.doe");
      await inst.deleteUser("john.doe");
      expect((await inst.listUsers().toArray()).map((u) => u.name)).toEqual(["john"]);
    } finally {
      await inst.delete();
    }
  });
});
