// What a user's bundler and Node see of the built packages: runs after `turbo run build` (pnpm test).
import { execFile } from "node:child_process";
import { build } from "esbuild";
import { existsSync, readFileSync, readdirSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";

const root = fileURLToPath(new URL("../..", import.meta.url));
const run = promisify(execFile);
// Published packages only: a private one (test-support) has no build to check.
const packages = readdirSync(join(root, "packages")).filter((d) => existsSync(join(root, "packages", d, "package.json")) && !JSON.parse(readFileSync(join(root, "packages", d, "package.json"), "utf8")).private);
const built = packages.every((d) => existsSync(join(root, "packages", d, "dist", "index.js")));

describe.skipIf(!built)("built packages", () => {
  it.each(packages)("@rax/%s: esbuild's default settings pick the ESM build", async (dir) => {
    const result = await build({
      stdin: { contents: `export * from "@rax/${dir}";`, resolveDir: join(root, "packages", "sdk"), loader: "js" },
      bundle: true,
      write: false,
      metafile: true,
      platform: "node",
      logLevel: "silent",
      // Only the package under test is bundled; its dependencies have their own rows.
      external: ["undici", "zod", "ini", "msw", "msw/*", "picomatch", "keytar", ...packages.filter((d) => d !== dir).map((d) => `@rax/${d}`)],
    });
    const inputs = Object.keys(result.metafile.inputs).filter((p) => p.includes(`packages/${dir}/`) || p.includes(`@rax/${dir}/`));
    expect(inputs.length).toBeGreaterThan(0);
    for (const p of inputs) expect(p).toMatch(/dist\/[^/]+\.js$/);
  });

  it.each(packages)("@rax/%s: require() loads the CJS build and import() the ESM build with the same exports", async (dir) => {
    const req = createRequire(join(root, "packages", "sdk", "package.json"));
    const cjs = req(`@rax/${dir}`) as Record<string, unknown>;
    // In Node, not through vitest: vitest's workspace aliases would send the build's own imports of
    // @rax/* (and @rax/core/zod-mini) to the packages' sources.
    const script = `const m = await import(${JSON.stringify(pathToFileURL(join(root, "packages", dir, "dist", "index.js")).href)}); console.log(JSON.stringify(Object.keys(m)));`;
    const esm = JSON.parse((await run(process.execPath, ["--input-type=module", "-e", script], { timeout: 60_000 })).stdout) as string[];
    expect(esm.length).toBeGreaterThan(0);
    expect(Object.keys(cjs).sort()).toEqual(esm.filter((k) => k !== "default").sort());
  });

  it.each(packages)("@rax/%s: package.json promises what the build holds", (dir) => {
    const pkg = JSON.parse(readFileSync(join(root, "packages", dir, "package.json"), "utf8"));
    expect(pkg.sideEffects).toBe(false);
    expect(pkg.engines.node).toMatch(/^>=20\./);
    for (const target of [pkg.exports["."].import.default, pkg.exports["."].import.types, pkg.exports["."].require.default, pkg.exports["."].require.types]) {
      expect(existsSync(join(root, "packages", dir, target)), target).toBe(true);
    }
  });

  it("core's dist carries one llhttp wasm build, the plain one undici falls back to (the SIMD one is left out)", async () => {
    const { readFileSync, readdirSync } = await import("node:fs");
    const dist = join(root, "packages/core/dist");
    for (const ext of [".js", ".cjs"]) {
      const agent = readdirSync(dist).filter((f) => f.startsWith("undici-agent-") && f.endsWith(ext));
      expect(agent, ext).toHaveLength(1);
      const text = readFileSync(join(dist, agent[0] as string), "utf8");
      // A wasm module in base64 starts with "AGFzbQ" (\0asm).
      expect(text.match(/AGFzbQ/g)?.length, `${ext}: wasm builds in the agent chunk`).toBe(1);
      expect(text).toContain("SIMD build is not built into @rax/core");
    }
  });

  it("importing @rax/core loads neither HTTP engine (undici nor node:http) until the first request", async () => {
    // Both engines are dist files (undici-engine / node-http-engine, undici's own code in undici-agent-* /
    // undici-connect-* chunks), so ask the ESM graph: no file reachable from the entry by static imports
    // is (or imports) an engine, undici or node:https (node:http is loaded already, for STATUS_CODES), and the transport reaches its engine by
    // import("#http-engine") on the first request. (The CJS side is probed by import-probe.cjs: tests/packaging/import-cost.)
    const { readFileSync } = await import("node:fs");
    const dist = join(root, "packages/core/dist");
    const staticImports = (file: string) =>
      [...readFileSync(join(dist, file), "utf8").matchAll(/(?:^|[;\n}])\s*(?:import|export)\s*(?:[^'"()]*?\sfrom\s*)?["']([^"']+)["']/g)].map((m) => m[1] as string);
    const seen = new Set<string>();
    const walk = (file: string) => {
      if (seen.has(file)) return;
      seen.add(file);
      for (const spec of staticImports(file)) {
        if (spec.startsWith("./")) walk(spec.slice(2));
        else expect(spec, `${file} imports ${spec} at load`).not.toMatch(/undici|^#|^(node:)?https$/);
      }
    };
    walk("index.js");
    const reached = [...seen];
    expect(reached.length).toBeGreaterThan(1);
    expect(reached.filter((f) => /undici|engine\./.test(f) && f !== "http-engine.js"), "engine chunks loaded at import").toEqual([]);
    const lazy = reached.flatMap((f) => [...readFileSync(join(dist, f), "utf8").matchAll(/import\(\s*["'](#http-engine[^"']*)["']\s*\)/g)].map((m) => m[1]));
    expect(lazy, "the transport loads its engine by import() on the first request").toEqual(["#http-engine"]);
    // Neither engine is reached from the other's entry either: each pulls its own client only.
    const engineImports = (file: string) => {
      const out = new Set<string>();
      const go = (f: string) => {
        if (out.has(f)) return;
        out.add(f);
        for (const spec of staticImports(f)) if (spec.startsWith("./")) go(spec.slice(2));
        else out.add(spec);
      };
      go(file);
      return [...out];
    };
    expect(engineImports("node-http-engine.js").filter((f) => /undici/.test(f))).toEqual([]);
    expect(engineImports("undici-engine.js").filter((f) => /^(node:)?https?$/.test(f))).toEqual([]);
  });
});
