import { type TransportOptions } from "@rax/core";
import { startEmulator, type RunningEmulator } from "@rax/emulator";
import { Context } from "@rax/identity";
import { ObjectStore } from "@rax/object-store";
import { type FaultProxy, startFaultProxy } from "./fault-proxy";
import { SECRETS, addSecretSource, debugLines } from "./leak-scan";

export const USERNAME = "reliability-user";
export const TENANT = "778899";

/** Fast retries: the policy is under test, not the wall clock. */
export const FAST_RETRY = { baseDelayMs: 5, maxDelayMs: 40 } as const;

export interface World {
  emu: RunningEmulator;
  proxy: FaultProxy;
  ctx: Context;
  store: ObjectStore;
  /** Token requests (POST …/tokens) that reached the proxy. */
  tokenPosts(): number;
  /** A fresh Context + ObjectStore through the proxy (own transport, own token). */
  newClient(o?: { transportOptions?: TransportOptions }): { ctx: Context; store: ObjectStore };
  close(): Promise<void>;
}

/**
 * The emulator behind a fault proxy, and a debug-logging Context whose catalog points through
 * the proxy. The user's API key and password are the suite's SECRETS; every token the emulator
 * issues is added to the leak scan.
 */
export async function startWorld(o: { transportOptions?: TransportOptions } = {}): Promise<World> {
  const emu = await startEmulator({
    // One origin for every service, so the proxy in front (which rewrites one origin) sees all traffic.
    layout: "paths",
    users: [{ username: USERNAME, apiKey: SECRETS.apiKey, password: SECRETS.password, tenantId: TENANT }],
  });
  addSecretSource(() => emu.state.tokens.list().map((t) => t.id));
  const proxy = await startFaultProxy({ upstream: emu.url });
  const contexts: Context[] = [];
  const newClient = (c: { transportOptions?: TransportOptions } = {}) => {
    const ctx = new Context({
      identityType: "rackspace",
      username: USERNAME,
      apiKey: SECRETS.apiKey,
      authEndpoint: `${proxy.url}/identity/v2.0`,
      configFile: false,
      env: {},
      debug: true,
      logger: debugLines,
      region: "DFW",
      transportOptions: { retry: { ...FAST_RETRY }, ...(c.transportOptions ?? o.transportOptions) },
    });
    contexts.push(ctx);
    return { ctx, store: ctx.client(ObjectStore) };
  };
  const { ctx, store } = newClient();
  return {
    emu,
    proxy,
    ctx,
    store,
    newClient,
    tokenPosts: () => proxy.count({ method: "POST", path: /\/tokens$/ }),
    close: async () => {
      for (const c of contexts) await c.close().catch(() => undefined);
      await proxy.close();
      await emu.stop();
    },
  };
}
