import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { DEFAULT_USER, type RunningEmulator, startEmulator } from "@rax/emulator";
import { Context } from "@rax/identity";
import { ObjectStore } from "@rax/object-store";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

// Issue #17 against the emulator's Keystone v3: a clouds.yaml the openstack CLI would accept, and an
// openrc's OS_* variables, are all a user needs. (The emulator has no application credentials yet:
// those are tested against a local fake in packages/identity and against real Keystone.)

let emu: RunningEmulator;
let dir: string;
beforeAll(async () => {
  emu = await startEmulator();
  dir = mkdtempSync(join(tmpdir(), "rax-emu-clouds-"));
});
afterAll(async () => {
  await emu?.stop();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

async function storesAnObject(ctx: Context, region: string): Promise<void> {
  const os = ctx.client(ObjectStore, { region });
  await os.createContainer("clouds-yaml");
  await os.storeObject("clouds-yaml", "hi.txt", "hi");
  expect((await os.fetchObject("clouds-yaml", "hi.txt")).toString()).toBe("hi");
  await os.deleteContainer("clouds-yaml", { deleteObjects: true });
}

describe("OpenStack configuration against the emulator's Keystone v3", () => {
  it("clouds.yaml + secure.yaml selected by OS_CLOUD", async () => {
    const region = emu.regions[0] as string;
    const clouds = join(dir, "clouds.yaml");
    const secure = join(dir, "secure.yaml");
    writeFileSync(
      clouds,
      `clouds:\n  emu:\n    auth:\n      auth_url: ${emu.keystoneUrl}\n      username: ${DEFAULT_USER.username}\n      project_id: "${DEFAULT_USER.tenantId}"\n      user_domain_id: default\n    region_name: ${region}\n    identity_api_version: 3\n`,
      { mode: 0o600 },
    );
    writeFileSync(secure, `clouds:\n  emu:\n    auth:\n      password: ${DEFAULT_USER.password}\n`, { mode: 0o600 });
    const ctx = await Context.fromEnvironment({ env: { OS_CLOUD: "emu", OS_CLIENT_CONFIG_FILE: clouds, OS_CLIENT_SECURE_FILE: secure }, configFile: false });
    try {
      expect(ctx.authenticated).toBe(true);
      expect(ctx.tenantId).toBe(DEFAULT_USER.tenantId);
      await storesAnObject(ctx, region);
    } finally {
      await ctx.close();
    }
  });

  it("an openrc's OS_* variables", async () => {
    const region = emu.regions[0] as string;
    const env = {
      OS_AUTH_URL: emu.keystoneUrl,
      OS_USERNAME: DEFAULT_USER.username,
      OS_PASSWORD: DEFAULT_USER.password,
      OS_PROJECT_ID: DEFAULT_USER.tenantId,
      OS_USER_DOMAIN_ID: "default",
      OS_REGION_NAME: region,
      OS_IDENTITY_API_VERSION: "3",
    };
    const ctx = await Context.fromEnvironment({ env, configFile: false });
    try {
      expect(ctx.authenticated).toBe(true);
      await storesAnObject(ctx, region);
    } finally {
      await ctx.close();
    }
  });
});
