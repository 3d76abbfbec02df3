import { NoEndpointForService } from "@rax/core";
import type { Context } from "@rax/identity";
import { Images } from "@rax/images";
import { afterAll, describe } from "vitest";
import { imageScenarios } from "../scenarios/images";
import { type OpenStackTarget, startOpenStackTarget } from "./openstack-target";

// Runs when the real-server tier is up and its catalog offers Glance (type `image`, started by
// scripts/openstack); otherwise the suite is skipped and says why. Stock Glance's tasks API is open
// to project members by the stack's policy (scripts/openstack/parts/glance.sh), as Rackspace's is;
// Rackspace's import from / export to Cloud Files is not in stock Glance, so that flow runs against
// the emulator only (tests/emulator/images.test.ts). The member side of a share signs in as alt_demo.
const target = await startOpenStackTarget().catch((e: unknown) => e as Error);
const skipReason = target instanceof Error ? `no OpenStack target (${target.message})` : missingGlance(target);

function missingGlance(t: OpenStackTarget): string | undefined {
  try {
    t.ctx.identity.endpoint({ type: "image", region: t.region });
    return undefined;
  } catch (e) {
    if (e instanceof NoEndpointForService) return `the catalog has no image endpoint in ${t.region} (start Glance: bash scripts/openstack/start.sh glance)`;
    throw e;
  }
}

/** The alt_demo user's context: the project an image is shared with, answering the share itself. */
function memberContext(t: OpenStackTarget): Context {
  const u = t.env.users.alt_demo;
  return t.newContext("password", { username: u.username, password: u.password, tenantName: u.projectName });
}
const member = target instanceof Error ? undefined : memberContext(target);

afterAll(async () => {
  await member?.close();
  if (!(target instanceof Error)) await target.close();
});

describe.skipIf(skipReason !== undefined)(`image scenarios against real Glance (Keystone v3)${skipReason ? ` — skipped: ${skipReason}` : ""}`, () => {
  const t = target as OpenStackTarget;
  imageScenarios(() => t, {
    memberProject: t.env?.users.alt_demo.projectId ?? "",
    memberImages: () => member!.client(Images, { region: t.region }),
    glanceTasks: true,
  });
});
