import { execFile } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { build, type Plugin } from "esbuild";
import { startEmulator, DEFAULT_USER, type RunningEmulator } from "@rax/emulator";
import { Context } from "@rax/identity";
import { ObjectStore } from "@rax/object-store";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";

// The recipe as a user ships it: handler.ts bundled by esbuild with its defaults (CommonJS for
// node), configured only by environment variables, each cold start a fresh `node` process, warm
// invocations the same process. The emulator's request log says who asked identity for a token.

const here = fileURLToPath(new URL(".", import.meta.url));
const repo = resolve(here, "../..");
const run = promisify(execFile);
const CONTAINER = "serverless-recipe";
const REGION = "ORD";

/** @rax/* from the sources (no build needed); everything else as esbuild finds it. */
const raxSources: Plugin = {
  name: "rax-sources",
  setup(b) {
    b.onResolve({ filter: /^@rax\/[a-z-]+$/ }, (a) => ({ path: join(repo, "packages", a.path.slice("@rax/".length), "src", "index.ts") }));
  },
};

let emu: RunningEmulator;
let work: string;
let bundle: string;
let runner: string;

beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), "rax-serverless-"));
  bundle = join(work, "handler.cjs");
  await build({ entryPoints: [join(here, "handler.ts")], bundle: true, platform: "node", outfile: bundle, plugins: [raxSources], logLevel: "silent" });
  // What a function runtime does: load the bundle once, call the exported handler per event.
  runner = join(work, "runtime.cjs");
  writeFileSync(
    runner,
    `const { handler } = require(process.argv[2]);
(async () => {
  const out = [];
  for (const event of JSON.parse(process.argv[3])) out.push(await handler(event));
  process.stdout.write(JSON.stringify(out));
})().catch((e) => { console.error(e); process.exit(1); });
`,
  );
  emu = await startEmulator();
  const ctx = new Context({
    identityType: "rackspace", authEndpoint: emu.authUrl, username: DEFAULT_USER.username, apiKey: DEFAULT_USER.apiKey, configFile: false, env: {},
  });
  await ctx.client(ObjectStore, { region: REGION }).createContainer(CONTAINER);
  await ctx.close();
}, 60_000);

afterAll(async () => {
  await emu?.stop();
  rmSync(work, { recursive: true, force: true });
});

beforeEach(() => emu.clearRequests());

/** The function's environment: credentials the way a platform injects them, a token dir in "tmp". */
function functionEnv(tokenDir: string): NodeJS.ProcessEnv {
  return {
    PATH: process.env.PATH,
    CLOUD_ID_TYPE: "keystone",
    CLOUD_AUTH_ENDPOINT: emu.keystoneUrl,
    CLOUD_USERNAME: DEFAULT_USER.username,
    CLOUD_PASSWORD: DEFAULT_USER.password,
    CLOUD_TENANT_ID: DEFAULT_USER.tenantId,
    CLOUD_REGION: REGION,
    RAX_CONTAINER: CONTAINER,
    RAX_TOKEN_STORE: tokenDir,
  };
}

/** One instance of the function: a fresh process running `events` one after another. */
async function instance(tokenDir: string, events: { name: string; body: string }[]): Promise<{ name: string; etag: string }[]> {
  const { stdout } = await run(process.execPath, [runner, bundle, JSON.stringify(events)], { env: functionEnv(tokenDir), timeout: 30_000 });
  return JSON.parse(stdout) as { name: string; etag: string }[];
}

const log = () => emu.requests.map((r) => `${r.method} ${r.service} ${r.status}`);
const md5 = "5eb63bbbe01eeed093cb22bb8f5acdc3"; // of "hello world"

describe("serverless recipe (bundled handler, against @rax/emulator)", () => {
  it("cold start: exactly one authentication, then the PUT", async () => {
    const dir = join(work, "tmp-cold");
    expect(await instance(dir, [{ name: "a.txt", body: "hello world" }])).toEqual([{ container: CONTAINER, name: "a.txt", etag: md5 }]);
    expect(log()).toEqual(["POST identity 201", "PUT object-store 201"]);
  });

  it("warm invocation: the second call in the same process asks identity nothing", async () => {
    const dir = join(work, "tmp-warm");
    const out = await instance(dir, [
      { name: "w1.txt", body: "hello world" },
      { name: "w2.txt", body: "hello world" },
    ]);
    expect(out.map((o) => o.name)).toEqual(["w1.txt", "w2.txt"]);
    expect(log()).toEqual(["POST identity 201", "PUT object-store 201", "PUT object-store 201"]);
  });

  it("cold start with a stored token: no authentication at all", async () => {
    const dir = join(work, "tmp-stored");
    await instance(dir, [{ name: "first.txt", body: "hello world" }]);
    emu.clearRequests();
    await instance(dir, [{ name: "second.txt", body: "hello world" }]);
    expect(log()).toEqual(["PUT object-store 201"]);
    // The token file: one, readable by this user only.
    const files = readdirSync(dir);
    expect(files).toHaveLength(1);
    expect(statSync(join(dir, files[0]!)).mode & 0o777).toBe(0o600);
  });

  it("a stored token the server revoked: one fresh authentication, and the store is updated", async () => {
    const dir = join(work, "tmp-revoked");
    await instance(dir, [{ name: "r1.txt", body: "hello world" }]);
    const file = join(dir, readdirSync(dir)[0]!);
    const before = JSON.parse(readFileSync(file, "utf8")).token as string;
    emu.state.tokens.revoke("all");
    emu.clearRequests();
    await instance(dir, [{ name: "r2.txt", body: "hello world" }]);
    expect(log()).toEqual(["PUT object-store 401", "POST identity 201", "PUT object-store 201"]);
    expect(JSON.parse(readFileSync(file, "utf8")).token).not.toBe(before);
  });

  it("the bundle carries no credential: they come from the environment", () => {
    const code = readFileSync(bundle, "utf8");
    expect(code).not.toContain(DEFAULT_USER.password);
    expect(code).not.toContain(DEFAULT_USER.apiKey);
  });
});
