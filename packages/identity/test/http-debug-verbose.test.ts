import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ServiceClient } from "@rax/core";
import { type Context, createContext } from "../src/index";
import { type FakeIdentity, startFakeIdentity } from "./fake-identity";

// pyrax's http_debug printed requests and responses: setHttpDebug("verbose"), the setting value
// "verbose" and CLOUD_DEBUG=verbose reach the context's transport as core's verbose level.

let fake: FakeIdentity;
beforeAll(async () => {
  fake = await startFakeIdentity({ defaultRegion: "DFW" });
});
afterAll(async () => {
  await fake.close();
});

class Probe extends ServiceClient {
  static override readonly serviceType = "compute";
  get(path: string) {
    return this.request({ method: "GET", path });
  }
}

function context(lines: string[], extra: Parameters<typeof createContext>[0] = {}): Context {
  return createContext({
    identityType: "rackspace",
    authEndpoint: fake.v2,
    username: "demo",
    password: fake.opts.password,
    apiKey: fake.opts.apiKey,
    configFile: false,
    env: {},
    logger: (l: string) => lines.push(l),
    ...extra,
  });
}

function secretsIn(all: string, ctx: Context): string[] {
  return [fake.opts.password, fake.opts.apiKey, ctx.token as string].filter((s) => all.includes(s));
}

describe("verbose HTTP debug from identity", () => {
  it('setHttpDebug("verbose") logs the auth exchange and later calls with headers and bodies, no secret', async () => {
    const lines: string[] = [];
    const ctx = context(lines, { debug: false });
    ctx.setHttpDebug("verbose");
    expect(ctx.getSetting("debug")).toBe("verbose");
    await ctx.authenticate();
    await (await ctx.client(Probe, { region: "DFW" }).get("/a")).dump();
    const all = lines.join("\n");
    expect(all).toMatch(/rax: > POST .*\/tokens \(attempt 1\)/);
    expect(all).toMatch(/rax: < body of POST .*\/tokens: \{"access"/);
    expect(all).toContain("rax: > x-auth-token: [REDACTED]");
    expect(secretsIn(all, ctx)).toEqual([]);
    await ctx.close();

    // Back to one line per request.
    const ctx2 = context(lines, { debug: false });
    ctx2.setHttpDebug(true);
    lines.length = 0;
    await ctx2.authenticate();
    expect(lines).toHaveLength(1);
    await ctx2.close();
  });

  it("CLOUD_DEBUG=verbose and the setting value \"verbose\" turn it on too", async () => {
    const lines: string[] = [];
    const fromEnv = createContext({ identityType: "rackspace", authEndpoint: fake.v2, username: "demo", apiKey: fake.opts.apiKey, configFile: false, env: { CLOUD_DEBUG: "verbose" }, logger: (l: string) => lines.push(l) });
    expect(fromEnv.getSetting("debug")).toBe("verbose");
    await fromEnv.authenticate();
    expect(lines.some((l) => l.startsWith("rax: < HTTP 200"))).toBe(true);
    expect(secretsIn(lines.join("\n"), fromEnv)).toEqual([]);
    await fromEnv.close();

    lines.length = 0;
    const set = context(lines, { debug: false });
    set.setSetting("http_debug", "Verbose");
    await set.authenticate();
    expect(lines.some((l) => l.startsWith("rax: > content-type: application/json"))).toBe(true);
    await set.close();
  });

  it('createContext({ debug: "verbose" }) is the same level; any other string is refused by name', async () => {
    const lines: string[] = [];
    const ctx = context(lines, { debug: "verbose" });
    expect(ctx.getSetting("debug")).toBe("verbose");
    await ctx.authenticate();
    expect(lines.some((l) => l.startsWith("rax: < HTTP 200"))).toBe(true);
    expect(secretsIn(lines.join("\n"), ctx)).toEqual([]);
    await ctx.close();
    const err = (() => {
      try {
        context([], { debug: "loud" as never });
      } catch (e) {
        return e as { name: string; field: string; message: string };
      }
    })();
    expect([err?.name, err?.field, err?.message]).toEqual(["ValidationError", "debug", 'debug: must be true, false or "verbose"']);
  });
});
