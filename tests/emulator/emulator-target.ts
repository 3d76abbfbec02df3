import { type RunningEmulator, DEFAULT_USER, startEmulator } from "@rax/emulator";
import { Context, type ContextOptions } from "@rax/identity";
import { ObjectStore } from "@rax/object-store";
import type { Target } from "../scenarios/target";

export interface EmulatorTarget extends Target {
  emulator: RunningEmulator;
  close(): Promise<void>;
}

/** The emulator with its default account, signed in with the API key (as the quickstart does). */
export async function startEmulatorTarget(): Promise<EmulatorTarget> {
  const emulator = await startEmulator();
  const newContext = (credential: "password" | "apiKey", overrides: Partial<ContextOptions> = {}) =>
    new Context({
      identityType: "rackspace",
      authEndpoint: emulator.authUrl,
      username: DEFAULT_USER.username,
      ...(credential === "apiKey" ? { apiKey: DEFAULT_USER.apiKey } : { password: DEFAULT_USER.password }),
      // Keep this machine's ~/.rax.cfg and CLOUD_* variables out of the test.
      configFile: false,
      env: {},
      ...overrides,
    });
  const ctx = newContext("apiKey");
  await ctx.authenticate();
  const region = ctx.defaultRegion!;
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
    supports: { cdn: true, apiKeyAuth: true },
    close: async () => {
      await ctx.close();
      await emulator.stop();
    },
  };
}
