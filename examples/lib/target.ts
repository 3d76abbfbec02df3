import { resolve } from "node:path";
import { fileURLToPath } from "node:url";
import type { RunningEmulator } from "@rax/emulator";
import { Context } from "@rax/identity";

/** Where an example runs: an authenticated context, the region to use, and how to clean up. */
export interface ExampleTarget {
  ctx: Context;
  region: string;
  /** Which cloud this is, for the printed output. */
  kind: "emulator" | "cloud";
  stop(): Promise<void>;
}

const CLOUD_VARS = ["RAX_AUTH_URL", "CLOUD_USERNAME", "CLOUD_API_KEY", "CLOUD_PASSWORD", "CLOUD_AUTH_ENDPOINT"];

/** True when the environment names a real cloud (RAX_AUTH_URL or CLOUD_* credentials). */
export function wantsRealCloud(env: NodeJS.ProcessEnv = process.env): boolean {
  return CLOUD_VARS.some((k) => (env[k] ?? "").trim() !== "");
}

/**
 * A real cloud when RAX_AUTH_URL / CLOUD_* are set (credentials the usual way: config file,
 * credential file, CLOUD_* variables, keychain), otherwise a fresh local emulator with its
 * default account — so every example runs with no account at all.
 */
export async function getTarget(): Promise<ExampleTarget> {
  if (wantsRealCloud()) {
    const authUrl = process.env.RAX_AUTH_URL?.trim();
    const ctx = await Context.fromEnvironment(authUrl ? { authEndpoint: authUrl } : {});
    if (!ctx.authenticated) await ctx.authenticate();
    const region = ctx.defaultRegion ?? ctx.regions[0];
    if (!region) throw new Error("the service catalog lists no region");
    return { ctx, region, kind: "cloud", stop: () => ctx.close() };
  }

  return emulatorTarget();
}

/** A fresh local emulator and a context signed in to its default account with the API key. */
export async function emulatorTarget(): Promise<ExampleTarget & { emulator: RunningEmulator }> {
  // Loaded only here: someone pointing the examples at a real cloud needs no emulator installed.
  const { startEmulator, DEFAULT_USER } = await import("@rax/emulator");
  const emulator = await startEmulator();
  // configFile/env pinned so a ~/.rax.cfg or CLOUD_* on this machine cannot redirect the demo.
  const ctx = new Context({
    identityType: "rackspace",
    authEndpoint: emulator.authUrl,
    username: DEFAULT_USER.username,
    apiKey: DEFAULT_USER.apiKey,
    configFile: false,
    env: {},
  });
  await ctx.authenticate();
  const region = ctx.defaultRegion ?? ctx.regions[0]!;
  return {
    ctx,
    region,
    kind: "emulator",
    emulator,
    stop: async () => {
      await ctx.close();
      await emulator.stop();
    },
  };
}

/** Run an example's `main` on its own: `tsx examples/object-store/<name>.ts`. */
export async function runStandalone(main: (target: ExampleTarget) => Promise<unknown>): Promise<void> {
  const target = await getTarget();
  try {
    await main(target);
  } finally {
    await target.stop();
  }
}

/** Whether `import.meta.url` is the script node was started with. */
export function isMain(importMetaUrl: string): boolean {
  const entry = process.argv[1];
  if (!entry) return false;
  const strip = (p: string) => p.replace(/\.[cm]?[jt]s$/, "");
  return strip(fileURLToPath(importMetaUrl)) === strip(resolve(entry));
}
