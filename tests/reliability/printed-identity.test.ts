import { inspect } from "node:util";
import { startEmulator, type RunningEmulator } from "@rax/emulator";
import * as identityModule from "@rax/identity";
import {
  Config,
  Context,
  KeystoneIdentity,
  RackspaceIdentity,
  ServiceCatalog,
  createContext,
} from "@rax/identity";
import { ObjectStore, connect } from "@rax/sdk";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SECRETS, addSecret, findLeaks, rejectionOf } from "./harness/leak-scan";

// Whatever a user prints — console.log / util.inspect / JSON.stringify / structuredClone of a
// context, an identity, a session, the umbrella object, a client or an error and its cause chain —
// never shows the API key, the password or a token (issue #9, "Secrets in printed objects").

const USER = "printed-user";
let emu: RunningEmulator;

beforeAll(async () => {
  emu = await startEmulator({
    users: [{ username: USER, apiKey: SECRETS.apiKey, password: SECRETS.password, tenantId: "445566" }],
  });
});
afterAll(async () => {
  await emu?.stop();
});

/** Every way a user might print `value`, each labelled for the failure message. */
function printings(label: string, value: unknown): { where: string; text: string }[] {
  const out: { where: string; text: string }[] = [];
  const add = (how: string, f: () => unknown) => {
    try {
      out.push({ where: `${label} ${how}`, text: String(f()) });
    } catch (e) {
      // A print that throws leaks nothing by itself, but its message might.
      out.push({ where: `${label} ${how} (threw)`, text: `${(e as Error)?.message}` });
    }
  };
  add("inspect", () => inspect(value));
  add("inspect deep", () => inspect(value, { depth: Infinity, showHidden: true, getters: true }));
  // What the object really holds, not what its custom inspect form chooses to show.
  add("inspect raw", () => inspect(value, { depth: Infinity, showHidden: true, customInspect: false }));
  add("JSON.stringify", () => JSON.stringify(value));
  add("String", () => String(value));
  add("structuredClone", () => inspect(structuredClone(value), { depth: Infinity, showHidden: true }));
  if (value instanceof Error) {
    let e: unknown = value;
    for (let i = 0; e && i < 10; i++, e = (e as Error).cause) {
      add(`cause[${i}] message`, () => (e as Error).message);
      add(`cause[${i}] stack`, () => (e as Error).stack);
      add(`cause[${i}] body`, () => JSON.stringify((e as { body?: unknown }).body));
    }
  }
  return out;
}

function expectNoSecrets(label: string, value: unknown): void {
  expect(findLeaks(printings(label, value))).toEqual([]);
}

const rackspace = () =>
  ({ identityType: "rackspace", authEndpoint: emu.authUrl, username: USER, apiKey: SECRETS.apiKey, configFile: false, env: {} }) as const;
const keystone = () =>
  ({ identityType: "keystone", authEndpoint: emu.keystoneUrl, username: USER, password: SECRETS.password, tenantName: "445566", configFile: false, env: {} }) as const;

describe("printed objects hide secrets", () => {
  it("the scan finds a secret in a plain object (so a clean scan means something)", () => {
    expect(findLeaks(printings("probe", { apiKey: SECRETS.apiKey })).length).toBeGreaterThan(0);
    expect(findLeaks(printings("probe", new Error("x", { cause: new Error(SECRETS.password) }))).length).toBeGreaterThan(0);
  });

  it("a Context before and after authentication (Rackspace API key)", async () => {
    const ctx = createContext(rackspace());
    expectNoSecrets("unauthenticated ctx", ctx);
    await ctx.authenticate();
    addSecret(ctx.token);
    expectNoSecrets("ctx", ctx);
    expectNoSecrets("ctx.identity", ctx.identity);
    expectNoSecrets("ctx.session", ctx.session);
    expectNoSecrets("ctx.config", ctx.config);
    expectNoSecrets("ctx.identity.admin", ctx.identity.admin);
    expectNoSecrets("ctx.serviceCatalog", ctx.serviceCatalog);
    await ctx.close();
  });

  it("shows what is useful: user, region, auth endpoint, authenticated", async () => {
    const ctx = createContext({ ...rackspace(), region: "ORD" });
    await ctx.authenticate();
    for (const shown of [inspect(ctx), JSON.stringify(ctx), inspect(ctx.identity), JSON.stringify(ctx.identity)]) {
      expect(shown).toContain(USER);
      expect(shown).toContain("ORD");
      expect(shown).toContain(emu.authUrl.replace(/\/+$/, ""));
      expect(shown).toMatch(/authenticated["']?:\s?true/);
    }
    await ctx.close();
  });

  it("Keystone v3 (password) and Keystone v2.0 identities", async () => {
    const v3 = createContext(keystone());
    await v3.authenticate();
    addSecret(v3.token);
    expectNoSecrets("keystone v3 ctx", v3);
    expectNoSecrets("KeystoneIdentity v3", v3.identity);
    expect(v3.identity).toBeInstanceOf(KeystoneIdentity);
    await v3.close();

    const v2 = new KeystoneIdentity({ authEndpoint: emu.authUrl, authVersion: "2.0", username: USER, password: SECRETS.password });
    expectNoSecrets("KeystoneIdentity v2 before auth", v2);
    await v2.authenticate();
    addSecret(v2.token);
    expectNoSecrets("KeystoneIdentity v2", v2);
    expect(v2.authResponse).toBeDefined();
    await v2.close();
  });

  it("a bare RackspaceIdentity and a token-only session", async () => {
    const id = new RackspaceIdentity({ authEndpoint: emu.authUrl, username: USER, password: SECRETS.password });
    expectNoSecrets("RackspaceIdentity before auth", id);
    await id.authenticate();
    const token = id.token as string;
    addSecret(token);
    expectNoSecrets("RackspaceIdentity", id);

    const tokenOnly = new RackspaceIdentity({ authEndpoint: emu.authUrl });
    await tokenOnly.authWithToken(token, { tenantId: "445566" });
    expectNoSecrets("token-only identity", tokenOnly);
    await id.close();
    await tokenOnly.close();
  });

  it("a service client, and the umbrella's Rax object and its shortcut views", async () => {
    const rax = await connect(rackspace());
    addSecret(rax.token);
    expectNoSecrets("rax", rax);
    expectNoSecrets("rax.ORD", rax.ORD);
    expectNoSecrets("rax.object_store", rax.object_store);
    expectNoSecrets("client", rax.client(ObjectStore, { region: "ORD" }));
    await rax.close();
  });

  it("a Config that read CLOUD_API_KEY / CLOUD_PASSWORD from its environment", () => {
    const config = new Config({ configFile: false, env: { CLOUD_API_KEY: SECRETS.apiKey, CLOUD_PASSWORD: SECRETS.password, CLOUD_REGION: "IAD" } });
    expectNoSecrets("config", config);
    const ctx = new Context({ identityType: "rackspace", config, env: { CLOUD_USERNAME: USER, CLOUD_API_KEY: SECRETS.apiKey } });
    expectNoSecrets("ctx from env", ctx);
  });

  it("errors and their cause chains: rejected credentials echoed by the server, token-only re-auth, no endpoint", async () => {
    const bad = createContext({ ...rackspace(), apiKey: `${SECRETS.apiKey}-wrong` });
    addSecret(`${SECRETS.apiKey}-wrong`);
    expectNoSecrets("AuthenticationFailed", await rejectionOf(bad.authenticate()));

    const ctx = createContext(rackspace());
    await ctx.authenticate();
    addSecret(ctx.token);
    expectNoSecrets("NoEndpointForService", await rejectionOf(() => ctx.getEndpoint("object_store", { region: "MARS" })));

    const only = new RackspaceIdentity({ authEndpoint: emu.authUrl });
    await only.authWithToken(ctx.token as string, { tenantId: "445566" });
    addSecret(only.token);
    expectNoSecrets("TokenOnlySession", await rejectionOf(only.reauthenticate(only.token as string)));
    await ctx.close();
    await only.close();
  });

  it("token stores (issue #16) and the sessions that use them", async () => {
    const { MemoryTokenStore, FileTokenStore } = identityModule;
    const { mkdtempSync, rmSync } = await import("node:fs");
    const dir = mkdtempSync(`${(await import("node:os")).tmpdir()}/rax-printed-`);
    for (const store of [new MemoryTokenStore(), new FileTokenStore({ dir })]) {
      const ctx = createContext({ ...rackspace(), tokenStore: store });
      await ctx.authenticate();
      addSecret(ctx.token);
      expectNoSecrets(store.constructor.name, store);
      expectNoSecrets(`ctx with ${store.constructor.name}`, ctx);
      await ctx.close();
    }
    rmSync(dir, { recursive: true, force: true });
  });

  it("a ServiceCatalog carries no token", () => {
    expectNoSecrets("catalog", ServiceCatalog.fromV2([]));
  });

  it("every class @rax/identity exports is covered above (errors by the cause-chain test)", () => {
    // A new public class must be added to this walk: it is where secrets would hide next.
    const covered = new Set(["Context", "BaseIdentity", "RackspaceIdentity", "KeystoneIdentity", "Config", "ServiceCatalog", "MemoryTokenStore", "FileTokenStore"]);
    const classes = Object.entries(identityModule).filter(([, v]) => typeof v === "function" && /^class\b/.test(Function.prototype.toString.call(v)));
    expect(classes.length).toBeGreaterThan(5);
    const uncovered = classes.filter(([name, C]) => !covered.has(name) && !((C as { prototype: unknown }).prototype instanceof Error)).map(([n]) => n);
    expect(uncovered).toEqual([]);
  });
});
