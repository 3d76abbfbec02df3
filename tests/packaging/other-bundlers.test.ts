// webpack 5 and rollup (+ @rollup/plugin-node-resolve and -commonjs) bundling the one-object
// handler (bench/handlers/rax-object-store.mjs) from the built packages, with default settings for
// Node: @rax/core's `#http-engine` import gives them the node:http engine (condition `module`) and
// no undici; a `rax-undici` condition gives undici; @rax/identity's `#config-parsers` gives them the
// file that imports yaml and ini. Each bundle then stores an object against a loopback server.
// Optional: neither bundler is a dependency of the repo. Install them anywhere and point
// RAX_BUNDLERS_DIR at that folder:
//   npm i --prefix /tmp/bundlers --ignore-scripts webpack@5 rollup@4 @rollup/plugin-node-resolve @rollup/plugin-commonjs
//   RAX_BUNDLERS_DIR=/tmp/bundlers npx vitest run tests/packaging/other-bundlers.test.ts
import { execFile } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const root = fileURLToPath(new URL("../..", import.meta.url));
const run = promisify(execFile);
const links = join(root, "examples", "node_modules");
const built = ["core", "identity", "object-store"].every((p) => existsSync(join(root, "packages", p, "dist", "index.js")));

/** The bundler packages, from RAX_BUNDLERS_DIR or the repo; the reason when missing. */
function locate(names: string[]): { require: NodeRequire; missing?: string } {
  const dir = process.env.RAX_BUNDLERS_DIR ?? root;
  const req = createRequire(join(dir, "package.json"));
  const missing = names.filter((n) => {
    try {
      req.resolve(n);
      return false;
    } catch {
      return true;
    }
  });
  return { require: req, ...(missing.length ? { missing: `${missing.join(", ")} not installed in ${dir} (set RAX_BUNDLERS_DIR; see this file's header)` } : {}) };
}

const webpackAt = locate(["webpack"]);
const rollupAt = locate(["rollup", "@rollup/plugin-node-resolve", "@rollup/plugin-commonjs"]);

const handlerEsm = readFileSync(join(root, "bench", "handlers", "rax-object-store.mjs"), "utf8");
const handlerCjs = handlerEsm
  .replace(/^import \{ (\w+) \} from ("[^"]+");$/gm, "const { $1 } = require($2);")
  .replace(/^export async function handler\(/m, "exports.handler = async function handler(")
  .replace("if (process.env.BENCH_RUN) handler()", "if (process.env.BENCH_RUN) exports.handler()");

const work = mkdtempSync(join(tmpdir(), "rax-other-bundlers-"));
let server: { state: { url: string; onRequest: ((req: { method?: string; url?: string }) => void) | null }; close: () => Promise<void> };
const seen: string[] = [];
beforeAll(async () => {
  // The cold-start row's loopback Keystone + Swift (a token whose catalog points back at it; PUT → 201).
  const { startServer } = (await import(pathToFileURL(join(root, "bench", "cases", "cold-start.mjs")).href)) as { startServer: () => Promise<typeof server> };
  server = await startServer();
  server.state.onRequest = (req) => seen.push(`${req.method} ${req.url}`);
});
afterAll(async () => {
  await server?.close();
  rmSync(work, { recursive: true, force: true });
});

/** Runs a bundled handler: it authenticates and stores bench/hello.txt. */
async function stores(file: string) {
  seen.length = 0;
  await run(process.execPath, [file], { cwd: work, timeout: 60_000, env: { ...process.env, BENCH_URL: server.state.url, BENCH_RUN: "1" } });
  expect(seen).toEqual(["POST /v3/auth/tokens", "PUT /v1/AUTH_p1/bench/hello.txt"]);
}

interface Bundled {
  main: string;
  modules: string[];
  code: string;
  /** Warnings about rax's own files (zod's, for one, are zod's). */
  raxWarnings: string[];
}

const rax = (file: string | undefined) => !!file && /[/\\]packages[/\\]/.test(file);

// The little of each bundler's API used here (neither is a dependency, so no types are installed).
interface WebpackStatsJson {
  errors?: { message: string }[];
  warnings?: { message: string; moduleName?: string }[];
  modules?: { name?: string; modules?: { name?: string }[] }[];
  assets?: { name: string }[];
}
type Webpack = (config: object, done: (err: Error | null, stats?: { toJson(o: object): WebpackStatsJson }) => void) => void;
interface RollupWarning {
  code?: string;
  message: string;
  id?: string;
  ids?: string[];
  loc?: { file?: string };
}
interface RollupChunk {
  type: "chunk" | "asset";
  modules: Record<string, unknown>;
  code: string;
}
type Rollup = (o: object) => Promise<{ write(o: object): Promise<{ output: RollupChunk[] }> }>;

async function webpack(name: string, source: string, conditionNames?: string[]): Promise<Bundled> {
  const entry = join(work, `${name}.${source === handlerEsm ? "mjs" : "cjs"}`);
  writeFileSync(entry, source);
  const wp = webpackAt.require("webpack") as Webpack;
  const out = join(work, `webpack-${name}`);
  const stats = await new Promise<{ toJson(o: object): WebpackStatsJson }>((resolve, reject) =>
    wp({ mode: "production", target: "node", entry, resolve: { modules: ["node_modules", links], ...(conditionNames ? { conditionNames } : {}) }, output: { path: out, filename: "main.js" } }, (err, s) => (err || !s ? reject(err) : resolve(s))),
  );
  const j = stats.toJson({ all: false, warnings: true, errors: true, modules: true, nestedModules: true, assets: true });
  expect(j.errors ?? []).toEqual([]);
  const modules = (j.modules ?? []).flatMap((m) => [m.name ?? "", ...(m.modules ?? []).map((n) => n.name ?? "")]);
  const code = (j.assets ?? []).map((a) => readFileSync(join(out, a.name), "utf8")).join("\n");
  return { main: join(out, "main.js"), modules, code, raxWarnings: (j.warnings ?? []).filter((w) => rax(w.moduleName)).map((w) => w.message) };
}

async function rollup(name: string, source: string, exportConditions?: string[]): Promise<Bundled> {
  const esm = source === handlerEsm;
  const entry = join(work, `${name}.${esm ? "mjs" : "cjs"}`);
  writeFileSync(entry, source);
  const { rollup: bundle } = rollupAt.require("rollup") as { rollup: Rollup };
  const { nodeResolve } = rollupAt.require("@rollup/plugin-node-resolve") as { nodeResolve: (o?: object) => object };
  const commonjs = rollupAt.require("@rollup/plugin-commonjs") as (o?: object) => object;
  const warnings: string[] = [];
  const b = await bundle({
    input: entry,
    plugins: [nodeResolve({ modulePaths: [links], ...(exportConditions ? { exportConditions } : {}) }), commonjs()],
    onwarn: (w: RollupWarning) => {
      if (rax(w.id) || rax(w.loc?.file) || (w.ids ?? []).some(rax)) warnings.push(`${w.code}: ${w.message}`);
    },
  });
  const ext = esm ? "mjs" : "cjs";
  const { output } = await b.write({ dir: join(work, `rollup-${name}`), format: esm ? "es" : "cjs", entryFileNames: `[name].${ext}`, chunkFileNames: `[name]-[hash].${ext}` });
  const chunks = output.filter((c) => c.type === "chunk");
  return { main: join(work, `rollup-${name}`, `${name}.${ext}`), modules: chunks.flatMap((c) => Object.keys(c.modules)), code: chunks.map((c) => c.code).join("\n"), raxWarnings: warnings };
}

function expectNodeHttp(b: Bundled) {
  expect(b.modules.filter((m) => /node-http-engine\.c?js/.test(m)).length).toBeGreaterThan(0);
  expect(b.modules.filter((m) => /undici/.test(m))).toEqual([]);
  // No llhttp wasm (base64 of "\0asm").
  expect(b.code).not.toMatch(/AGFzbQ/);
  expect(b.raxWarnings).toEqual([]);
}

const SLOW = 240_000;

describe.skipIf(!built || !!webpackAt.missing)(`webpack 5 (target node, mode production)${webpackAt.missing ? `: skipped, ${webpackAt.missing}` : ""}`, () => {
  it("an ESM handler gets the node:http engine, no undici, no warning, and stores an object", async () => {
    const b = await webpack("esm", handlerEsm);
    expectNodeHttp(b);
    await stores(b.main);
  }, SLOW);

  it("a CommonJS handler (all of each package's CJS build) too", async () => {
    const b = await webpack("cjs", handlerCjs);
    expectNodeHttp(b);
    await stores(b.main);
  }, SLOW);

  it('resolve.conditionNames: ["rax-undici", "..."] bundles undici instead, and stores an object', async () => {
    const b = await webpack("undici", handlerEsm, ["rax-undici", "..."]);
    expect(b.modules.filter((m) => /undici-engine\.js/.test(m)).length).toBeGreaterThan(0);
    expect(b.modules.filter((m) => /node-http-engine/.test(m))).toEqual([]);
    await stores(b.main);
  }, SLOW);
});

describe.skipIf(!built || !!rollupAt.missing)(`rollup + node-resolve + commonjs (defaults)${rollupAt.missing ? `: skipped, ${rollupAt.missing}` : ""}`, () => {
  it("an ESM handler (output es) gets the node:http engine, no undici, no warning about rax, and stores an object", async () => {
    const b = await rollup("esm", handlerEsm);
    expectNodeHttp(b);
    await stores(b.main);
  }, SLOW);

  it("a CommonJS handler (output cjs) too", async () => {
    const b = await rollup("cjs", handlerCjs);
    expectNodeHttp(b);
    await stores(b.main);
  }, SLOW);

  it('nodeResolve({ exportConditions: ["rax-undici"] }) bundles undici instead, and stores an object', async () => {
    const b = await rollup("undici", handlerEsm, ["rax-undici"]);
    expect(b.modules.filter((m) => /undici-engine\.js/.test(m)).length).toBeGreaterThan(0);
    expect(b.modules.filter((m) => /node-http-engine/.test(m))).toEqual([]);
    await stores(b.main);
  }, SLOW);
});
