import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ValidationError } from "@rax/core";
import { Context, KeychainError, createContext } from "../src/index";
import { type FakeIdentity, startFakeIdentity } from "./fake-identity";

let fake: FakeIdentity;
let home: string;
beforeAll(async () => {
  fake = await startFakeIdentity();
  home = mkdtempSync(join(tmpdir(), "rax-home-"));
});
afterAll(async () => {
  await fake.close();
  rmSync(home, { recursive: true, force: true });
});

function fieldOf(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (e) {
    if (e instanceof ValidationError) return e.field;
    throw e;
  }
  return undefined;
}


/** A Rackspace context whose redacted debug lines land in `lines`. */
function debugRackspace(lines: string[]) {
  return createContext({
    identityType: "rackspace",
    authEndpoint: fake.v2,
    username: "demo",
    apiKey: fake.opts.apiKey,
    debug: true,
    logger: (l: string) => lines.push(l),
    configFile: false,
    env: { HOME: home },
  });
}
describe("bad input → ValidationError naming the field, with zero requests", () => {
  it("rejects bad options before any request", async () => {
    const base = { identityType: "rackspace" as const, authEndpoint: fake.v2, configFile: false as const, env: { HOME: home } };
    fake.requests.length = 0;
    expect(fieldOf(() => createContext({ ...base, username: "" }))).toBe("username");
    expect(fieldOf(() => createContext({ ...base, apiKey: 42 as unknown as string }))).toBe("apiKey");
    expect(fieldOf(() => createContext({ ...base, authEndpoint: "ftp://x" }))).toBe("authEndpoint");
    expect(fieldOf(() => createContext({ ...base, authVersion: "4" as "3" }))).toBe("authVersion");
    expect(fieldOf(() => createContext({ ...base, verifySsl: "no" as unknown as boolean }))).toBe("verifySsl");
    const ctx = createContext({ ...base, username: "demo", apiKey: fake.opts.apiKey });
    expect(fieldOf(() => ctx.setCredentials("demo", ""))).toBe("secret");
    expect(fieldOf(() => ctx.getEndpoint(""))).toBe("type");
    await expect(ctx.authWithToken("  ")).rejects.toBeInstanceOf(ValidationError);
    await expect(ctx.authWithToken("tok-abc", { tenantId: "1", tenantName: "x" })).rejects.toMatchObject({ field: "tenantName" });
    expect(fieldOf(() => ctx.client(class {} as never, { region: 5 as unknown as string }))).toBe("region");
    expect(fake.requests).toHaveLength(0);
    await ctx.close();
  });
});

describe("secrets stay out of debug output and errors", () => {
  it("debug lines carry no password, API key or token", async () => {
    const lines: string[] = [];
    const ctx = debugRackspace(lines);
    await ctx.authenticate();
    const token = ctx.token as string;
    // A password-auth context and a failed one, through the same sink.
    const pw = createContext({
      identityType: "keystone",
      authEndpoint: fake.v3,
      username: "demo",
      password: fake.opts.password,
      tenantName: "demo",
      debug: true,
      logger: (l: string) => lines.push(l),
      configFile: false,
      env: { HOME: home },
    });
    await pw.authenticate();
    const bad = createContext({
      identityType: "rackspace",
      authEndpoint: fake.v2,
      username: "demo",
      apiKey: "bad-api-key-zzz",
      debug: true,
      logger: (l: string) => lines.push(l),
      configFile: false,
      env: { HOME: home },
    });
    const err = (await bad.authenticate().catch((e: unknown) => e)) as Error;
    const all = lines.join("\n") + "\n" + err.message + "\n" + JSON.stringify(err);
    expect(lines.length).toBeGreaterThan(0);
    expect(all).toContain("/tokens");
    for (const secret of [fake.opts.apiKey, fake.opts.password, token, pw.token as string, "bad-api-key-zzz"]) {
      expect(all).not.toContain(secret);
    }
    await Promise.all([ctx.close(), pw.close(), bad.close()]);
  });

  it("a token given to an admin call (v2.0 puts it in the URL) is in no debug line or error", async () => {
    const lines: string[] = [];
    const ctx = debugRackspace(lines);
    // Someone else's token, never seen by this process: the fake answers 404 for it.
    const foreign = "h8-foreign-token-5b0c7e";
    const errors: unknown[] = [];
    for (const call of [
      () => ctx.identity.admin.validateToken(foreign),
      () => ctx.identity.admin.getTokenEndpoints(foreign),
      () => ctx.identity.admin.revokeToken(foreign),
    ]) {
      errors.push(await call().catch((e: unknown) => e));
    }
    expect(errors.every((e) => e instanceof Error)).toBe(true);
    const all = [...lines, ...errors.map((e) => `${(e as Error).message}\n${(e as Error).stack}\n${JSON.stringify(e)}`)].join("\n");
    expect(all).toContain("/v2.0/tokens/");
    expect(all).not.toContain(foreign);
    await ctx.close();
  });
});

describe("keychain", () => {
  it("without keytar installed: a clear error telling how to install it", async () => {
    const ctx = createContext({ identityType: "rackspace", authEndpoint: fake.v2, configFile: false, env: { HOME: home } });
    const err = (await ctx.keyringAuth("demo").catch((e: unknown) => e)) as Error;
    expect(err).toBeInstanceOf(KeychainError);
    expect(err.message).toContain("npm install keytar");
    // the other ways name the variables of both identity types (Keystone has no API key)
    expect(err.message).toContain("CLOUD_PASSWORD");
    await ctx.close();
  });

  it("reads service 'pyrax' for the keyring_username and authenticates", async () => {
    const asked: string[] = [];
    const keychain = {
      getPassword: async (service: string, account: string) => {
        asked.push(`${service}/${account}`);
        return account === "demo" ? fake.opts.apiKey : null;
      },
    };
    const ctx = await Context.fromEnvironment({
      env: { HOME: home, CLOUD_ID_TYPE: "rackspace", CLOUD_AUTH_ENDPOINT: fake.v2, CLOUD_KEYRING_USER: "demo" },
      keychain,
    });
    expect(asked).toEqual(["pyrax/demo"]);
    expect(ctx.authenticated).toBe(true);
    await expect(ctx.keyringAuth("nobody")).rejects.toThrow(/no secret in the keychain/);
    await ctx.close();
  });

  it("keyringAuth without any username names the field", async () => {
    const ctx = createContext({ identityType: "rackspace", authEndpoint: fake.v2, configFile: false, env: { HOME: home } });
    await expect(ctx.keyringAuth()).rejects.toMatchObject({ field: "username" });
    await ctx.close();
  });
});

describe("contexts", () => {
  it("many independent sessions at once; logout forgets everything", async () => {
    const mk = () =>
      createContext({ identityType: "rackspace", authEndpoint: fake.v2, username: "demo", apiKey: fake.opts.apiKey, configFile: false, env: { HOME: home } });
    const [a, b] = await Promise.all([mk().authenticate(), mk().authenticate()]);
    expect(a?.token).toBeDefined();
    expect(a?.token).not.toBe(b?.token);
    a?.logout();
    expect(a?.authenticated).toBe(false);
    expect(a?.identity.hasCredentials).toBe(false);
    expect(b?.authenticated).toBe(true);
    await Promise.all([a?.close(), b?.close()]);
  });

  it("fromEnvironment reads CLOUD_* and authenticates", async () => {
    const ctx = await Context.fromEnvironment({
      env: {
        HOME: home,
        CLOUD_ID_TYPE: "keystone",
        CLOUD_AUTH_ENDPOINT: fake.v3,
        CLOUD_USERNAME: "demo",
        CLOUD_PASSWORD: fake.opts.password,
        CLOUD_TENANT_NAME: "demo",
        CLOUD_REGION: "RegionOne",
      },
    });
    expect(ctx.authenticated).toBe(true);
    expect(ctx.identityType).toBe("keystone");
    expect(ctx.regions).toEqual(["RegionOne", "RegionTwo"]);
    expect(ctx.getEndpoint("object_store")).toBe(`${fake.url}/files/RegionOne/public`);
    await ctx.close();
  });
});
