import { afterAll, beforeAll, describe, expect, it, onTestFinished } from "vitest";
import { ServiceClient } from "@rax/core";
import { type Context, createContext } from "../src/index";
import { type FakeIdentity, startFakeIdentity } from "./fake-identity";

// pyrax's `pyrax.cloud_blockstorage.http_log_debug = True`: one client of a context logs, its
// siblings on the same context (same transport) do not; the client's setting wins over the context's.

let fake: FakeIdentity;
beforeAll(async () => {
  fake = await startFakeIdentity({ defaultRegion: "DFW" });
});
afterAll(async () => {
  await fake.close();
});

class Nova extends ServiceClient {
  static override readonly serviceType = "compute";
  async get(path: string) {
    await (await this.send({ method: "GET", path })).text();
  }
}
/**
 * An authenticated context whose debug is off, logging into `lines`, and two sibling clients of it
 * (the same service in two regions: one transport). Closed when the test ends.
 */
async function setup() {
  const lines: string[] = [];
  const ctx = createContext({
    identityType: "rackspace",
    authEndpoint: fake.v2,
    username: "demo",
    apiKey: fake.opts.apiKey,
    configFile: false,
    env: {},
    debug: false,
    logger: (l: string) => lines.push(l),
  });
  onTestFinished(() => ctx.close());
  await ctx.authenticate();
  return { lines, ctx, volumes: ctx.client(Nova, { region: "DFW" }), servers: ctx.client(Nova, { region: "ORD" }) };
}

function secretsIn(lines: string[], ctx: Context): string[] {
  const all = lines.join("\n");
  return [fake.opts.password, fake.opts.apiKey, ctx.token as string].filter((s) => all.includes(s));
}

describe("a client's own httpLogDebug on a context", () => {
  it("logs that client only, into the context's logger, while the context logs nothing", async () => {
    const { lines, ctx, volumes, servers } = await setup();
    volumes.httpLogDebug = true;
    // The cached client is the one that was switched on.
    expect(ctx.client(Nova, { region: "DFW" }).httpLogDebug).toBe(true);
    await volumes.get("/volumes");
    await servers.get("/servers");
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^rax: GET http:\/\/127\.0\.0\.1:\d+\/compute\/DFW\/v1\/[^/]+\/volumes -> 200 /);
    expect(secretsIn(lines, ctx)).toEqual([]);
  });

  it('"verbose" on one client shows its headers and bodies, with no token, password or API key', async () => {
    const { lines, ctx, volumes, servers } = await setup();
    volumes.setHttpDebug("verbose");
    await volumes.get("/volumes");
    await servers.get("/servers");
    expect(lines).toContainEqual(expect.stringMatching(/^rax: > GET .*\/volumes \(attempt 1\)$/));
    expect(lines).toContain("rax: > x-auth-token: [REDACTED]");
    expect(lines).toContain("rax: < HTTP 200");
    expect(lines.some((l) => l.includes("/servers"))).toBe(false);
    expect(secretsIn(lines, ctx)).toEqual([]);
  });

  it("false silences that client while the context logs, and outlives setHttpDebug's new transport", async () => {
    const { lines, ctx, volumes, servers } = await setup();
    volumes.httpLogDebug = false;
    // The context turns logging on after the client was set: a new transport, same clients.
    ctx.setHttpDebug(true);
    await volumes.get("/volumes");
    await servers.get("/servers");
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/\/servers -> 200 /);
    // Back to following the context.
    volumes.httpLogDebug = undefined;
    await volumes.get("/volumes");
    expect(lines).toHaveLength(2);
    expect(lines[1]).toMatch(/\/volumes -> 200 /);
  });
});
