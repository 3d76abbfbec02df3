import { chmodSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { inspect } from "node:util";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { startEmulator, type RunningEmulator } from "@rax/emulator";
import { ServiceClient, redact, ValidationError } from "@rax/core";
import {
  Context,
  FileTokenStore,
  KeystoneIdentity,
  MemoryTokenStore,
  RackspaceIdentity,
  type StoredToken,
  type TokenStore,
} from "../src/index";

let emu: RunningEmulator;
let dir: string;
const warnings: Error[] = [];
const onWarning = (w: Error) => warnings.push(w);

beforeAll(async () => {
  emu = await startEmulator();
  process.on("warning", onWarning);
});
afterAll(async () => {
  process.off("warning", onWarning);
  await emu.stop();
});
beforeEach(() => {
  emu.faults.clear();
  emu.clearRequests();
  warnings.length = 0;
  dir = mkdtempSync(join(tmpdir(), "rax-token-store-"));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const tokenPosts = () => emu.requests.filter((r) => r.method === "POST" && r.path.endsWith("/tokens")).length;
const storeWarnings = () => warnings.filter((w) => (w as { code?: string }).code === "RAX_TOKEN_STORE");
/** process.emitWarning is delivered on the next tick. */
const tick = () => new Promise((r) => setImmediate(r));

function rackspace(store: TokenStore | undefined, o: { apiKey?: string; now?: () => number } = {}) {
  return new RackspaceIdentity({
    authEndpoint: emu.authUrl,
    username: "demo",
    apiKey: o.apiKey ?? "demo-api-key",
    ...(store ? { tokenStore: store } : {}),
    ...(o.now ? { now: o.now } : {}),
  });
}

/** One authenticated Swift call through a service client built on `id`. */
class Files extends ServiceClient {
  static readonly serviceType = "object-store";
  static readonly serviceName = "cloudFiles";
}
async function headAccount(id: RackspaceIdentity | KeystoneIdentity): Promise<number> {
  const files = new Files(id, { region: "ORD" });
  const res = await files.send({ method: "HEAD", path: "" });
  return res.status;
}

/** The only entry of a store, with its key. */
async function onlyEntry(store: MemoryTokenStore, id: RackspaceIdentity | KeystoneIdentity): Promise<StoredToken> {
  expect(store.size).toBe(1);
  return (await store.get(id.tokenStoreKey as string)) as StoredToken;
}

describe("reuse", () => {
  it("a second session with the same credentials and store makes no token request", async () => {
    const store = new MemoryTokenStore();
    const first = rackspace(store);
    expect(await headAccount(first)).toBe(204);
    expect(tokenPosts()).toBe(1);

    const second = rackspace(store);
    expect(await headAccount(second)).toBe(204);
    expect(tokenPosts()).toBe(1);
    expect(second.token).toBe(first.token);
    expect(second.tenantId).toBe(first.tenantId);
    expect(second.regions).toEqual(first.regions);
    expect(second.user?.defaultRegion).toBe(first.user?.defaultRegion);
  });

  it("without a store every session authenticates (the test above fails without the feature)", async () => {
    await headAccount(rackspace(undefined));
    await headAccount(rackspace(undefined));
    expect(tokenPosts()).toBe(2);
  });

  it("authenticate() takes a valid stored token instead of asking identity", async () => {
    const store = new MemoryTokenStore();
    await rackspace(store).authenticate();
    const second = rackspace(store);
    await second.authenticate();
    expect(second.authenticated).toBe(true);
    expect(tokenPosts()).toBe(1);
  });

  it("a different secret is a different key: the token of the old key is not used", async () => {
    const store = new MemoryTokenStore();
    const a = rackspace(store);
    await a.authenticate();
    const wrong = rackspace(store, { apiKey: "not-the-key" });
    expect(wrong.tokenStoreKey).not.toBe(a.tokenStoreKey);
    await expect(wrong.authenticate()).rejects.toMatchObject({ status: 401 });
    expect(tokenPosts()).toBe(2);
  });

  it("the key carries no user name, API key or password", () => {
    const id = new KeystoneIdentity({ authEndpoint: emu.keystoneUrl, username: "demo-user-name", password: "hunter2-password", tenantName: "demo-project" });
    const key = id.tokenStoreKey as string;
    expect(key).toMatch(/^rax-token-v1-[0-9a-f]{64}$/);
    for (const s of ["demo-user-name", "hunter2-password", "demo-project", "hunter2"]) expect(key).not.toContain(s);
  });

  it("another project, domain or endpoint is another key", () => {
    const base = { authEndpoint: emu.keystoneUrl, username: "demo", password: "pw-secret" };
    const keys = new Set([
      new KeystoneIdentity({ ...base, tenantName: "a" }).tokenStoreKey,
      new KeystoneIdentity({ ...base, tenantName: "b" }).tokenStoreKey,
      new KeystoneIdentity({ ...base, tenantName: "a", projectDomain: "other" }).tokenStoreKey,
      new KeystoneIdentity({ ...base, tenantName: "a", userDomain: "other" }).tokenStoreKey,
      new KeystoneIdentity({ ...base, domainName: "a" }).tokenStoreKey,
      new KeystoneIdentity({ ...base, tenantName: "a", authEndpoint: `${emu.url}/v2.0` }).tokenStoreKey,
      new RackspaceIdentity({ ...base, tenantName: "a", authEndpoint: `${emu.url}/v2.0` }).tokenStoreKey,
    ]);
    expect(keys.size).toBe(7);
  });

  it("a session without credentials (token only) has no key and never reads the store", async () => {
    const reads: string[] = [];
    const store: TokenStore = { get: (k) => void reads.push(k), set: () => undefined, delete: () => undefined };
    const id = new RackspaceIdentity({ authEndpoint: emu.authUrl, tokenStore: store });
    expect(id.tokenStoreKey).toBeUndefined();
    expect(reads).toEqual([]);
  });

  it("works with Keystone v3 (catalog and project from the store)", async () => {
    const store = new MemoryTokenStore();
    const opts = { authEndpoint: emu.keystoneUrl, username: "demo", password: "demo-password", tenantId: "123456", tokenStore: store };
    const a = new KeystoneIdentity(opts);
    await a.authenticate();
    const b = new KeystoneIdentity(opts);
    await b.getToken();
    expect(b.endpoint({ type: "object-store", region: "ORD" })).toBe(a.endpoint({ type: "object-store", region: "ORD" }));
    expect(tokenPosts()).toBe(1);
  });
});

describe("concurrent first calls", () => {
  it("share one store read (stored token) or one authentication and one write (empty store)", async () => {
    const counts = { get: 0, set: 0 };
    const inner = new MemoryTokenStore();
    const counting: TokenStore = {
      get: async (k) => (counts.get++, inner.get(k)),
      set: async (k, v) => (counts.set++, inner.set(k, v)),
      delete: (k) => inner.delete(k),
    };
    const cold = rackspace(counting);
    expect(await Promise.all([1, 2, 3, 4, 5].map(() => headAccount(cold)))).toEqual([204, 204, 204, 204, 204]);
    expect({ ...counts, posts: tokenPosts() }).toEqual({ get: 1, set: 1, posts: 1 });

    const warm = rackspace(counting);
    await Promise.all([1, 2, 3, 4, 5].map(() => headAccount(warm)));
    expect({ ...counts, posts: tokenPosts() }).toEqual({ get: 2, set: 1, posts: 1 });
  });
});

describe("expiry", () => {
  it("a stored token is used until the margin before its expiry, then replaced", async () => {
    const store = new MemoryTokenStore();
    let now = Date.now();
    const first = rackspace(store, { now: () => now });
    await first.authenticate();
    const stored = await onlyEntry(store, first);
    const expires = Date.parse(stored.expires as string);

    now = expires - 120_000; // two minutes left; the default margin is one minute
    const second = rackspace(store, { now: () => now });
    expect(await second.getToken()).toBe(first.token);
    expect(tokenPosts()).toBe(1);

    now = expires - 30_000; // inside the margin: a new token, and the store has it
    const third = rackspace(store, { now: () => now });
    const fresh = await third.getToken();
    expect(tokenPosts()).toBe(2);
    expect(fresh).not.toBe(first.token);
    expect((await onlyEntry(store, third)).token).toBe(fresh);
  });

  it("the margin is configurable (refreshAheadMs)", async () => {
    const store = new MemoryTokenStore();
    let now = Date.now();
    await rackspace(store, { now: () => now }).authenticate();
    const key = rackspace(undefined).tokenStoreKey as string;
    const expires = Date.parse((await store.get(key))?.expires as string);
    now = expires - 120_000;
    const wide = new RackspaceIdentity({
      authEndpoint: emu.authUrl, username: "demo", apiKey: "demo-api-key", tokenStore: store, now: () => now, refreshAheadMs: 300_000,
    });
    await wide.getToken();
    expect(tokenPosts()).toBe(2);
  });

  it("an expired stored token is not sent", async () => {
    const store = new MemoryTokenStore();
    await rackspace(store).authenticate();
    const key = rackspace(undefined).tokenStoreKey as string;
    const entry = (await store.get(key)) as StoredToken;
    store.set(key, { ...entry, expires: new Date(Date.now() - 1000).toISOString() });
    emu.clearRequests();
    expect(await headAccount(rackspace(store))).toBe(204);
    expect(emu.requests.map((r) => `${r.method} ${r.service} ${r.status}`)).toEqual(["POST identity 200", "HEAD object-store 204"]);
  });
});

describe("a 401 with a stored token", () => {
  it("falls back to exactly one fresh authentication and updates the store", async () => {
    const store = new MemoryTokenStore();
    const first = rackspace(store);
    await first.authenticate();
    const old = first.token;
    emu.state.tokens.revoke("all");
    emu.clearRequests();

    const second = rackspace(store);
    expect(await headAccount(second)).toBe(204);
    expect(emu.requests.map((r) => `${r.method} ${r.service} ${r.status}`)).toEqual([
      "HEAD object-store 401",
      "POST identity 200",
      "HEAD object-store 204",
    ]);
    expect(second.token).not.toBe(old);
    expect((await onlyEntry(store, second)).token).toBe(second.token);
  });

  it("when the fresh authentication fails, the stored token is deleted and the error is the auth error", async () => {
    const store = new MemoryTokenStore();
    const good = rackspace(store);
    await good.authenticate();
    emu.state.tokens.revoke("all");
    // Same key (same credentials), but identity now refuses them.
    emu.faults.inject({ match: { method: "POST", service: "identity" }, status: 401, times: 1 });
    await expect(headAccount(rackspace(store))).rejects.toMatchObject({ status: 401 });
    expect(store.size).toBe(0);
  });
});

describe("stores that fail are warnings, never failures", () => {
  it("a store whose get throws: warning, fresh authentication, call succeeds", async () => {
    const store: TokenStore = {
      get: () => Promise.reject(new Error("kv unreachable")),
      set: () => undefined,
      delete: () => undefined,
    };
    expect(await headAccount(rackspace(store))).toBe(204);
    await tick();
    expect(tokenPosts()).toBe(1);
    expect(storeWarnings().map((w) => w.message)).toEqual([expect.stringContaining("kv unreachable")]);
  });

  it("a store whose set throws: warning, the call succeeds", async () => {
    const store: TokenStore = { get: () => undefined, set: () => { throw new Error("read-only"); }, delete: () => undefined };
    expect(await headAccount(rackspace(store))).toBe(204);
    await tick();
    expect(storeWarnings().map((w) => w.message)).toEqual([expect.stringContaining("read-only")]);
  });

  it("a store returning something that is not a token record: warning without its contents", async () => {
    const store: TokenStore = {
      get: () => ({ version: 1, token: 42, catalog: "secret-looking-thing" }) as unknown as StoredToken,
      set: () => undefined,
      delete: () => undefined,
    };
    expect(await headAccount(rackspace(store))).toBe(204);
    await tick();
    const w = storeWarnings();
    expect(w).toHaveLength(1);
    expect(w[0]!.message).not.toContain("secret-looking-thing");
    expect(tokenPosts()).toBe(1);
  });
});

describe("FileTokenStore", () => {
  it("reuses a token across sessions through a file of mode 0600 in a 0700 directory", async () => {
    const files = join(dir, "tokens");
    const a = rackspace(new FileTokenStore({ dir: files }));
    await headAccount(a);
    const b = rackspace(new FileTokenStore({ dir: files }));
    await headAccount(b);
    expect(tokenPosts()).toBe(1);
    const names = readdirSync(files);
    expect(names).toEqual([`${a.tokenStoreKey}.json`]); // no temp files left behind
    expect(statSync(join(files, names[0]!)).mode & 0o777).toBe(0o600);
    expect(statSync(files).mode & 0o777).toBe(0o700);
  });

  it("writes atomically: the file is replaced whole, and a stale temp file is ignored", async () => {
    const store = new FileTokenStore({ dir });
    const a = rackspace(store);
    await a.authenticate();
    const key = a.tokenStoreKey as string;
    writeFileSync(join(dir, `.${key}.999.abc.tmp`), "{half");
    await a.authenticate(); // again: a second token replaces the first
    const onDisk = JSON.parse(readFileSync(store.pathFor(key), "utf8")) as StoredToken;
    expect(onDisk.token).toBe(a.token);
  });

  it("an unparsable file is a warning that does not quote it; authentication goes on", async () => {
    const store = new FileTokenStore({ dir });
    const key = rackspace(undefined).tokenStoreKey as string;
    writeFileSync(store.pathFor(key), "tok-LEAKED-0123456789 not json", { mode: 0o600 });
    expect(await headAccount(rackspace(store))).toBe(204);
    await tick();
    const w = storeWarnings();
    expect(w).toHaveLength(1);
    expect(w[0]!.message).toContain("not valid JSON");
    expect(w[0]!.message).not.toContain("LEAKED");
    // and the store now holds a good token
    expect((await store.get(key))?.version).toBe(1);
  });

  it("a file others can read is refused (warning), not used", async () => {
    const store = new FileTokenStore({ dir });
    const a = rackspace(store);
    await a.authenticate();
    chmodSync(store.pathFor(a.tokenStoreKey as string), 0o644);
    await rackspace(store).authenticate();
    await tick();
    expect(tokenPosts()).toBe(2);
    expect(storeWarnings()[0]?.message).toMatch(/readable or writable by others/);
  });

  it("a symlink at the token's name is not followed", async () => {
    const store = new FileTokenStore({ dir });
    const a = rackspace(store);
    await a.authenticate();
    const key = a.tokenStoreKey as string;
    const real = join(dir, "elsewhere.json");
    writeFileSync(real, readFileSync(store.pathFor(key)), { mode: 0o600 });
    rmSync(store.pathFor(key));
    symlinkSync(real, store.pathFor(key));
    await expect(store.get(key)).rejects.toThrow(/symbolic link/);
  });

  it("a directory that cannot be created is a warning, and the call still succeeds", async () => {
    const blocker = join(dir, "file-not-dir");
    writeFileSync(blocker, "x");
    expect(await headAccount(rackspace(new FileTokenStore({ dir: join(blocker, "sub") })))).toBe(204);
    await tick();
    expect(storeWarnings().length).toBeGreaterThanOrEqual(1);
  });

  it("refuses keys that are not rax's (no path traversal)", () => {
    const store = new FileTokenStore({ dir });
    expect(() => store.pathFor("../../etc/passwd")).toThrow(ValidationError);
    expect(() => new FileTokenStore({ dir: "" })).toThrow(ValidationError);
  });
});

describe("secrets", () => {
  it("a token read from a store is registered as a secret at once", async () => {
    // A token this process has never seen: it only exists in the store.
    const token = `tok-stored-${Math.random().toString(36).slice(2)}-never-seen`;
    const store = new MemoryTokenStore();
    await rackspace(store).authenticate();
    const key = rackspace(undefined).tokenStoreKey as string;
    store.set(key, { ...((await store.get(key)) as StoredToken), token });
    const id = rackspace(store);
    expect(await id.getToken()).toBe(token);
    expect(redact(`header X-Auth-Token-ish ${token}`)).not.toContain(token);
  });

  it("stores, sessions and contexts print no token", async () => {
    const mem = new MemoryTokenStore();
    const file = new FileTokenStore({ dir });
    const ctx = new Context({
      identityType: "rackspace", authEndpoint: emu.authUrl, username: "demo", apiKey: "demo-api-key",
      configFile: false, env: {}, tokenStore: mem,
    });
    await ctx.authenticate();
    const id = rackspace(file);
    await id.authenticate();
    const token = ctx.token as string;
    for (const v of [mem, file, ctx, id, ctx.identity]) {
      expect(inspect(v, { depth: 8 })).not.toContain(token);
      expect(JSON.stringify(v)).not.toContain(token);
      expect(inspect(v, { depth: 8 })).not.toContain(id.token as string);
    }
    expect(inspect(mem)).toBe("MemoryTokenStore { tokens: 1 }");
  });
});

describe("Context", () => {
  const base = { identityType: "rackspace" as const, username: "demo", apiKey: "demo-api-key", configFile: false as const };

  it("tokenStore option: a second context reuses the first one's token", async () => {
    const store = new MemoryTokenStore();
    await new Context({ ...base, authEndpoint: emu.authUrl, env: {}, tokenStore: store }).authenticate();
    const again = await Context.fromEnvironment({ ...base, authEndpoint: emu.authUrl, env: {}, tokenStore: store });
    expect(again.authenticated).toBe(true);
    expect(tokenPosts()).toBe(1);
  });

  it("RAX_TOKEN_STORE=<dir> is a FileTokenStore there", async () => {
    const env = { RAX_TOKEN_STORE: join(dir, "from-env") };
    await Context.fromEnvironment({ ...base, authEndpoint: emu.authUrl, env });
    await Context.fromEnvironment({ ...base, authEndpoint: emu.authUrl, env });
    expect(tokenPosts()).toBe(1);
    expect(readdirSync(join(dir, "from-env"))).toHaveLength(1);
  });

  it("RAX_TOKEN_STORE=memory is one store for the process", async () => {
    const env = { RAX_TOKEN_STORE: "memory" };
    await Context.fromEnvironment({ ...base, authEndpoint: emu.authUrl, env });
    await Context.fromEnvironment({ ...base, authEndpoint: emu.authUrl, env });
    expect(tokenPosts()).toBe(1);
  });

  it("a tokenStore that is not one is a ValidationError naming it, before any request", () => {
    expect(() => new Context({ ...base, authEndpoint: emu.authUrl, env: {}, tokenStore: {} as TokenStore })).toThrow(
      expect.objectContaining({ field: "tokenStore" }),
    );
    expect(() => new Context({ ...base, authEndpoint: emu.authUrl, env: { RAX_TOKEN_STORE: "relative/dir" } })).toThrow(
      expect.objectContaining({ field: "RAX_TOKEN_STORE" }),
    );
    expect(emu.requests).toHaveLength(0);
  });
});
