// What a user's ESM bundle of @rax/core does at its first request: undici is CommonJS, and
// esbuild's ESM output cannot require() Node built-ins without a `require` shim (the banner).
import { build } from "esbuild";
import { execFile } from "node:child_process";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { engineFromSource } from "./engine-source";
import { startServer, type TestServer } from "./helpers";

const run = promisify(execFile);
const coreSrc = fileURLToPath(new URL("../src/index.ts", import.meta.url));
const BANNER = 'import { createRequire } from "node:module"; const require = createRequire(import.meta.url);';

let server: TestServer;
let dir: string;
beforeAll(async () => {
  server = await startServer((_req, res) => res.end('{"ok":true}'));
  dir = await mkdtemp(join(tmpdir(), "rax-esm-bundle-"));
});
afterAll(async () => {
  await server.close();
  await rm(dir, { recursive: true, force: true });
});

async function bundleAndRun(name: string, banner?: string): Promise<{ code: number; out: string }> {
  const entry = join(dir, `${name}-entry.mjs`);
  const outfile = join(dir, `${name}.mjs`);
  await writeFile(
    entry,
    `import { Transport, isRaxError } from ${JSON.stringify(coreSrc)};
     const t = new Transport({ retry: { maxAttempts: 1 } });
     try {
       const res = await t.request({ method: "GET", url: ${JSON.stringify(`${server.url}/x`)} });
       console.log(JSON.stringify({ ok: await res.json() }));
     } catch (e) {
       console.log(JSON.stringify({ name: e.name, rax: isRaxError(e), message: e.message }));
     }
     await t.close();`,
  );
  await build({
    plugins: [engineFromSource()],
    entryPoints: [entry],
    outfile,
    bundle: true,
    format: "esm",
    platform: "node",
    logLevel: "silent",
    ...(banner ? { banner: { js: banner } } : {}),
  });
  try {
    const { stdout } = await run(process.execPath, [outfile]);
    return { code: 0, out: stdout.trim() };
  } catch (e) {
    const err = e as { code: number; stdout: string; stderr: string };
    return { code: err.code, out: `${err.stdout}${err.stderr}` };
  }
}

describe("ESM bundles", () => {
  it("without a require shim, the first request fails with TransportLoadError saying how to fix it", async () => {
    const { code, out } = await bundleAndRun("plain");
    expect(code).toBe(0);
    const result = JSON.parse(out) as { name: string; rax: boolean; message: string };
    expect(result.name).toBe("TransportLoadError");
    expect(result.rax).toBe(true);
    expect(result.message).toContain("Dynamic require of");
    expect(result.message).toContain("createRequire(import.meta.url)");
    expect(server.requests).toHaveLength(0);
  }, 30_000);

  it("with the createRequire banner, the bundle makes its request", async () => {
    const { code, out } = await bundleAndRun("banner", BANNER);
    expect(code).toBe(0);
    expect(JSON.parse(out)).toEqual({ ok: { ok: true } });
  }, 30_000);
});
