import { createRequire } from "node:module";
import { describe, expect, it, vi } from "vitest";

// A script's `import { createContext } from "@rax/identity"` loaded all of zod/mini (~90 files,
// ~100 ms CPU) for schemas it may never build. Here zod/mini cannot be imported at all: importing
// identity, making a context and a client and setting credentials must not need it. Input that is
// not plainly valid still gets zod's words (Node's own require loads core's zod for it, out of vitest's reach).
vi.mock("zod/mini", () => {
  throw new Error("zod/mini was imported");
});

const zodInRequireCache = () => Object.keys(createRequire(import.meta.url).cache).filter((f) => /[/\\]zod[/\\]/.test(f));

describe("what a script pays at import", () => {
  it("imports @rax/identity, makes a context and a client, sets credentials, without loading zod", async () => {
    const { createContext, MemoryTokenStore } = await import("../src/index");
    const { ServiceClient } = await import("@rax/core");
    class Files extends ServiceClient {
      static serviceType = "object-store";
    }
    const ctx = createContext({
      identityType: "keystone",
      authEndpoint: "http://127.0.0.1:1/v3",
      username: "demo",
      password: "secret",
      tenantName: "demo",
      region: "RegionOne",
      verifySsl: true,
      refreshAheadMs: 0,
      tokenStore: new MemoryTokenStore(),
      configFile: false,
      env: {},
    });
    ctx.setCredentials({ username: "demo", password: "other" });
    ctx.setCredentials("demo", "third");
    expect(() => ctx.client(Files, { region: "RegionOne", internal: false, endpoint: "http://127.0.0.1:1/v1/AUTH_p" })).not.toThrow();
    expect(zodInRequireCache()).toEqual([]);
  });

  it("still refuses bad input with zod's message, loading zod only then", async () => {
    const { createContext } = await import("../src/index");
    const { ValidationError } = await import("@rax/core");
    const make = () => createContext({ identityType: "keystone", authEndpoint: "http://127.0.0.1:1/v3", refreshAheadMs: 1.5, configFile: false, env: {} });
    expect(make).toThrow(ValidationError);
    expect(make).toThrow(expect.objectContaining({ field: "refreshAheadMs", message: expect.stringContaining("expected int, received number") }));
    // zod comes through core's one tree-shaken copy (@rax/core/zod-mini), not zod's whole package.
    const loaded = Object.keys(createRequire(import.meta.url).cache);
    expect(loaded.filter((f) => /[/\\]core[/\\]dist[/\\]zod-mini\.cjs$/.test(f))).toHaveLength(1);
    expect(zodInRequireCache()).toEqual([]);
  });
});
