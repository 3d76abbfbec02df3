// The built @rax/core transport against a loopback server: from the dist's ESM and CJS entries
// (undici's Agent and connector, built into the dist by packages/core/build/undici-prebuilt.ts), and
// from a user's esbuild bundle with default settings (CJS) and ESM output WITHOUT a createRequire
// banner (node:http: bundlers pick core's node-http-engine). Runs after `turbo run build` (pnpm test).
import { execFile } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { build } from "esbuild";
import { afterAll, describe, expect, it } from "vitest";

const root = fileURLToPath(new URL("../..", import.meta.url));
const dist = join(root, "packages", "core", "dist");
const script = join(root, "tests", "packaging", "core-transport.mjs");
const run = promisify(execFile);
const built = existsSync(join(dist, "index.js"));
const work = mkdtempSync(join(tmpdir(), "rax-core-transport-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));

async function outcome(args: string[], env: Record<string, string> = {}) {
  const { stdout } = await run(process.execPath, args, { timeout: 60_000, env: { ...process.env, ...env } });
  return JSON.parse(stdout.trim().split("\n").pop() as string) as Record<string, unknown>;
}

function expectWorking(r: Record<string, unknown>, engine: string) {
  expect(r.http).toBe(engine);
  expect(r.error).toBeUndefined();
  expect(r.head).toBe(200);
  expect(r.get).toMatchObject({ method: "GET", bytes: 0 });
  expect(r.post).toEqual({ method: "POST", bytes: 7, md5: "bb6cb5c68df4652941caf652a366f2d8", type: "application/json" });
  expect(r.put).toMatchObject({ method: "PUT", bytes: 1_048_576, md5: r.putExpectedMd5 });
  expect(r.connections).toBe(1);
  expect(r.slow).toBe("TimeoutError");
}

describe.skipIf(!built)("the built transport", () => {
  it("carries undici in its own files: no runtime import of the undici package, no require() of node built-ins", () => {
    const files = readdirSync(dist).filter((f) => /\.c?js$/.test(f));
    expect(files.some((f) => f.startsWith("undici-agent-"))).toBe(true);
    for (const f of files) {
      const code = readFileSync(join(dist, f), "utf8");
      expect(code, f).not.toMatch(/(?:require\(|from |import\()\s*["']undici/);
      if (f.startsWith("undici-") || f.startsWith("chunk-")) expect(code, f).not.toMatch(/\brequire\(["']node:/);
    }
  });

  it.each(["index.js", "index.cjs"])("dist/%s: HEAD, GET, JSON POST, a streamed PUT over one kept-alive connection; a headers deadline", async (entry) => {
    expectWorking(await outcome([script, join(dist, entry)]), "undici");
  });

  it.each([
    ["esbuild's defaults (CJS)", { format: undefined, ext: "cjs" }],
    ["ESM output without a createRequire banner", { format: "esm" as const, ext: "mjs" }],
  ])("a handler bundled with %s works", async (_name, o) => {
    const file = join(work, `handler.${o.ext}`);
    await build({
      stdin: { contents: `import * as core from "@rax/core"; import { run } from ${JSON.stringify(script)}; run(core).then((r) => console.log(JSON.stringify(r)));`, resolveDir: join(root, "packages", "sdk"), loader: "js" },
      bundle: true,
      platform: "node",
      minify: true,
      ...(o.format ? { format: o.format, mainFields: ["module", "main"] } : {}),
      outfile: file,
      logLevel: "silent",
    });
    // A bundler matches the `module` condition of core's `#http-engine`: Node's own client.
    expectWorking(await outcome([file], { RAX_CORE_TRANSPORT_BUNDLED: "1" }), "node:http");
  });
});
