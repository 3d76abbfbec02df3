import { BlockStorage, VolumeFailed } from "@rax/block-storage";
import { Compute } from "@rax/compute";
import { NoEndpointForService } from "@rax/core";
import { Context } from "@rax/identity";
import { afterAll, describe, expect, it } from "vitest";
import { blockStorageScenarios } from "../scenarios/block-storage";
import { type OpenStackTarget, startOpenStackTarget } from "./openstack-target";

// Runs when the real-server tier is up and its catalog offers Cinder (volumev3 / block-storage /
// volume); otherwise the suite is skipped and says why. Attach/detach run only when Nova is there too.
const target = await startOpenStackTarget().catch((e: unknown) => e as Error);
const skipReason = target instanceof Error ? `no OpenStack target (${target.message})` : missing(target, "block-storage (Cinder)", "cinder", () => target.ctx.client(BlockStorage, { region: target.region }).endpoint);
const noNova = target instanceof Error ? "no target" : missing(target, "compute", "nova", () => target.ctx.client(Compute, { region: target.region }).endpoint);

function missing(t: OpenStackTarget, what: string, part: string, endpoint: () => string): string | undefined {
  try {
    void endpoint();
    return undefined;
  } catch (e) {
    if (e instanceof NoEndpointForService) return `the catalog has no ${what} endpoint in ${t.region} (start it: bash scripts/openstack/start.sh ${part})`;
    throw e;
  }
}

afterAll(async () => {
  if (!(target instanceof Error)) await target.close();
});

describe.skipIf(skipReason !== undefined)(`block storage scenarios against real Cinder (Keystone v3)${skipReason ? ` — skipped: ${skipReason}` : ""}`, () => {
  blockStorageScenarios(() => target as OpenStackTarget, {
    interval: 500,
    attach: noNova === undefined,
    ...(process.env.RAX_TEST_NETWORK ? { networks: [process.env.RAX_TEST_NETWORK] } : {}),
  });
});

describe.skipIf(skipReason !== undefined)(`VolumeFailed says why, from Cinder's user messages (real Cinder)${skipReason ? ` — skipped: ${skipReason}` : ""}`, () => {
  it("a volume whose type names a backend Cinder lacks: waitFor rejects with the scheduler's reason", async () => {
    const t = target as OpenStackTarget;
    const a = t.env.users.admin;
    // Volume types are an admin's to make; rax has no call for it, so the admin's client sends it.
    const admin = new Context({ identityType: "keystone", authEndpoint: t.env.authUrl, username: a.username, password: a.password, tenantName: a.projectName, userDomain: a.domain, projectDomain: a.domain, configFile: false, env: {} });
    const adminCbs = admin.client(BlockStorage, { region: t.region });
    const name = `rax-nowhere-${Date.now().toString(36)}`;
    const made = (await adminCbs.json({ method: "POST", path: "types", json: { volume_type: { name, extra_specs: { volume_backend_name: "nowhere" } } } })) as { volume_type: { id: string } };
    const cbs = t.ctx.client(BlockStorage, { region: t.region });
    const vol = await cbs.volumes.create({ size: 1, name, volumeType: name });
    try {
      const e = await vol.waitFor("available", { interval: 500 }).catch((x: unknown) => x);
      expect(e).toBeInstanceOf(VolumeFailed);
      expect((e as VolumeFailed).message).toBe(`Volume ${vol.id} went to error while waiting for available: schedule allocate volume:Could not find any available weighted backend.`);
      expect(vol.status).toBe("error");
    } finally {
      await cbs.volumes.delete(vol);
      await cbs.volumes.waitFor(vol.id, "deleted", { interval: 500 });
      await adminCbs.send({ method: "DELETE", path: `types/${made.volume_type.id}` }).then((r) => r.dump());
      await admin.close();
    }
  });
});
