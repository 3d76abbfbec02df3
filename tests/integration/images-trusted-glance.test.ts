import { StaticSession } from "@rax/core";
import type { Context } from "@rax/identity";
import { Images } from "@rax/images";
import { afterAll, describe } from "vitest";
import { imageScenarios } from "../scenarios/images";
import type { Target } from "../scenarios/target";

// The image scenarios against a bare real glance-api with no Keystone in front: its paste pipeline
// `versionnegotiation context rootapp` trusts X-Tenant-Id / X-Roles, which this client adds. Set
// RAX_GLANCE_URL (e.g. http://127.0.0.1:19292) to run it; a quick way to check the SDK and the
// emulator against real Glance where the full stack (Keystone + Glance) is not running.
const url = process.env.RAX_GLANCE_URL;

class TrustedImages extends Images {
  protected override extraHeaders(): Record<string, string> {
    return { "x-identity-status": "Confirmed", "x-tenant-id": "rax-scenario-project", "x-user-id": "rax-scenario-user", "x-roles": "member,reader" };
  }
}

// defaultRegion: the scenarios expect a lookup miss to name the region, as a catalog's entry does.
const session = url ? new StaticSession({ token: "unused-by-trusted-glance", endpoints: { image: url }, tenantId: "rax-scenario-project", defaultRegion: "RegionOne" }) : undefined;
afterAll(async () => {
  await session?.transport.close();
});

describe.skipIf(!url)(`image scenarios against real glance-api (trusted headers)${url ? "" : " — skipped: set RAX_GLANCE_URL"}`, () => {
  const target = { name: "openstack", region: "RegionOne", ctx: { client: () => new TrustedImages(session!) } as unknown as Context } as unknown as Target;
  imageScenarios(() => target, { memberProject: "rax-other-project" });
});
