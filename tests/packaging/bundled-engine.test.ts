// Which HTTP engine a user gets from the built @rax/core (its package.json `#http-engine` import):
// a bundle made with esbuild's default settings gets node:http and carries none of undici's code;
// Node running the dist unbundled gets undici; the rax-undici / rax-node-http conditions choose.
// Each run performs a real PUT against a loopback server. Runs after `turbo run build` (pnpm test).
import { execFile } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { build, type BuildOptions } from "esbuild";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const root = fileURLToPath(new URL("../..", import.meta.url));
const dist = join(root, "packages", "core", "dist");
const built = existsSync(join(dist, "node-http-engine.js")) && existsSync(join(dist, "undici-engine.cjs"));
const run = promisify(execFile);
const work = mkdtempSync(join(tmpdir(), "rax-bundled-engine-"));
const BODY = Buffer.alloc(300_000, "rax");

// The handler: one PUT through core's transport, then what it sent with and what the server got.
const handler = (core: string) => `
import { Transport } from ${JSON.stringify(core)};
const t = new Transport({ retry: { maxAttempts: 1 } });
const res = await t.request({ method: "PUT", url: process.env.PUT_URL, body: Buffer.alloc(300000, "rax"), headers: { "content-type": "application/octet-stream" } });
console.log(JSON.stringify({ status: res.status, server: await res.json(), http: t.toJSON().http }));
await t.close();
`;
// CJS output of top-level await is refused by esbuild: the same handler inside an async function.
const cjsHandler = (core: string) => handler(core).replace(/^import (.*);$/m, "import $1;\n(async () => {") + "})();\n";

let server: Server;
let url: string;
beforeAll(async () => {
  server = createServer((req, res) => {
    const hash = createHash("md5");
    let bytes = 0;
    req.on("data", (c: Buffer) => {
      hash.update(c);
      bytes += c.length;
    });
    req.on("end", () => {
      const got = { method: req.method, bytes, md5: hash.digest("hex") };
      res.writeHead(201, { "content-type": "application/json" });
      res.end(JSON.stringify(got));
    });
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/c/o`;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise((r) => server.close(r));
  rmSync(work, { recursive: true, force: true });
});

async function outcome(file: string, nodeArgs: string[] = []) {
  const { stdout } = await run(process.execPath, [...nodeArgs, file], { timeout: 60_000, env: { ...process.env, PUT_URL: url } });
  return JSON.parse(stdout.trim().split("\n").pop() as string) as { status: number; server: { method: string; bytes: number; md5: string }; http: string };
}

function expectPut(r: Awaited<ReturnType<typeof outcome>>, engine: string) {
  expect(r.status).toBe(201);
  expect(r.server).toEqual({ method: "PUT", bytes: BODY.length, md5: createHash("md5").update(BODY).digest("hex") });
  expect(r.http).toBe(engine);
}

async function bundle(name: string, format: "cjs" | "esm", extra: BuildOptions = {}) {
  const entry = join(work, `${name}-entry.mjs`);
  writeFileSync(entry, format === "esm" ? handler("@rax/core") : cjsHandler("@rax/core"));
  const outfile = join(work, `${name}.${format === "esm" ? "mjs" : "cjs"}`);
  const result = await build({
    entryPoints: [entry],
    // @rax/core through the workspace's links, as a user's node_modules would give it.
    nodePaths: [join(root, "packages", "sdk", "node_modules")],
    bundle: true,
    platform: "node",
    minify: true,
    ...(format === "esm" ? { format } : {}),
    outfile,
    metafile: true,
    logLevel: "silent",
    ...extra,
  });
  return { outfile, code: readFileSync(outfile, "utf8"), inputs: Object.keys(result.metafile.inputs) };
}

describe.skipIf(!built)("the HTTP engine of the built @rax/core", () => {
  it.each([
    ["CJS", "cjs" as const],
    ["ESM", "esm" as const],
  ])("esbuild's default settings (%s output) bundle the node:http engine and no undici code; the bundle PUTs", async (name, format) => {
    const b = await bundle(`default-${name}`, format);
    expect(b.inputs.filter((f) => /node-http-engine/.test(f))).toHaveLength(1);
    expect(b.inputs.filter((f) => /undici/.test(f))).toEqual([]);
    // No llhttp wasm (base64 of "\0asm"), nothing from undici's sources.
    expect(b.code).not.toMatch(/AGFzbQ/);
    expect(b.code).not.toMatch(/undici/i);
    expect(b.code).not.toMatch(/llhttp/i);
    expectPut(await outcome(b.outfile), "node:http");
  });

  it("a CommonJS handler (require(\"@rax/core\"), core's CJS build) bundled with esbuild's defaults gets node:http too, and PUTs", async () => {
    const entry = join(work, "require-entry.cjs");
    writeFileSync(entry, cjsHandler("@rax/core").replace(/^import \{ Transport \} from (.*);$/m, "const { Transport } = require($1);"));
    const outfile = join(work, "require.cjs");
    const result = await build({ entryPoints: [entry], nodePaths: [join(root, "packages", "sdk", "node_modules")], bundle: true, platform: "node", minify: true, outfile, metafile: true, logLevel: "silent" });
    const inputs = Object.keys(result.metafile.inputs);
    expect(inputs.some((f) => /dist\/index\.cjs$/.test(f))).toBe(true);
    expect(inputs.filter((f) => /undici/.test(f))).toEqual([]);
    expect(readFileSync(outfile, "utf8")).not.toMatch(/undici|AGFzbQ/i);
    expectPut(await outcome(outfile), "node:http");
  });

  it("a bundler told other conditions (esbuild `conditions: [\"rax-undici\"]`) bundles undici instead", async () => {
    const b = await bundle("undici-cjs", "cjs", { conditions: ["rax-undici"] });
    expect(b.inputs.some((f) => /undici-agent-/.test(f))).toBe(true);
    expect(b.inputs.some((f) => /node-http-engine/.test(f))).toBe(false);
    expectPut(await outcome(b.outfile), "undici");
  });

  it.each([
    ["index.js", "mjs"],
    ["index.cjs", "cjs"],
  ])("the same handler unbundled on Node (dist/%s) sends with undici, or node:http with --conditions=rax-node-http", async (entry, ext) => {
    const file = join(work, `unbundled-${entry}.${ext}`);
    const core = join(dist, entry);
    writeFileSync(file, ext === "mjs" ? handler(core) : cjsHandler(core).replace(/^import \{ Transport \} from (.*);$/m, "const { Transport } = require($1);"));
    expectPut(await outcome(file), "undici");
    expectPut(await outcome(file, ["--conditions=rax-node-http"]), "node:http");
  });

  it("Node loads the CJS engine from the CJS build (one copy of core, no ESM twin)", async () => {
    const script = `const { Transport } = require(${JSON.stringify(join(dist, "index.cjs"))});
      (async () => {
        const t = new Transport({ retry: { maxAttempts: 1 } });
        const res = await t.request({ method: "PUT", url: process.env.PUT_URL, body: "x" });
        await res.text();
        await t.close();
        console.log(JSON.stringify(Object.keys(require.cache).filter((f) => /engine|undici/.test(f)).map((f) => f.split("/").pop())));
      })();`;
    const { stdout } = await run(process.execPath, ["-e", script], { timeout: 60_000, env: { ...process.env, PUT_URL: url } });
    const loaded = JSON.parse(stdout.trim()) as string[];
    expect(loaded).toContain("undici-engine.cjs");
    expect(loaded.filter((f) => f.endsWith(".js"))).toEqual([]);
  });
});
