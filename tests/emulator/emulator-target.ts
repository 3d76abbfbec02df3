import { type RunningEmulator, DEFAULT_USER, startEmulator } from "@rax/emulator";
import { Context, type ContextOptions } from "@rax/identity";
import { ObjectStore } from "@rax/object-store";
import type { Target } from "../scenarios/target";

export interface EmulatorTarget extends Target {
  emulator: RunningEmulator;
  close(): Promise<void>;
}

/**
 * The emulator with its default account: Rackspace identity signed in with the API key (as the
 * quickstart does), or `identity: "keystone"` for its Keystone v3 endpoint with the password (as
 * the integration tier talks to real Keystone).
 */
export async function startEmulatorTarget(o: { identity?: "rackspace" | "keystone" } = {}): Promise<EmulatorTarget> {
  const emulator = await startEmulator();
  const keystone = o.identity === "keystone";
  const newContext = (credential: "password" | "apiKey", overrides: Partial<ContextOptions> = {}) => {
    if (keystone && credential === "apiKey") throw new Error("Keystone has no API keys");
    return new Context({
      ...(keystone
        ? { identityType: "keystone", authEndpoint: emulator.keystoneUrl, tenantId: DEFAULT_USER.tenantId, userDomainId: "default" }
        : { identityType: "rackspace", authEndpoint: emulator.authUrl }),
      username: DEFAULT_USER.username,
      ...(credential === "apiKey" ? { apiKey: DEFAULT_USER.apiKey } : { password: DEFAULT_USER.password }),
      // Keep this machine's ~/.rax.cfg and CLOUD_* variables out of the test.
      configFile: false,
      env: {},
      ...overrides,
    });
  };
  const ctx = newContext(keystone ? "password" : "apiKey");
  await ctx.authenticate();
  // Keystone has no per-user default region (Rackspace sends RAX-AUTH:defaultRegion).
  const region = ctx.defaultRegion ?? emulator.regions[0]!;
  return {
    name: "emulator",
    emulator,
    ctx,
    region,
    regions: [...emulator.regions],
    objectStore: () => ctx.client(ObjectStore, { region }),
    revokeToken: async (token) => {
      if (!emulator.state.tokens.revoke(token)) throw new Error("the emulator never issued this token");
    },
    newContext,
    supports: { cdn: true, apiKeyAuth: !keystone },
    close: async () => {
      await ctx.close();
      await emulator.stop();
    },
  };
}
