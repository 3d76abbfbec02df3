// Code splitting's bare chunk imports (`import "./chunk-X.js"`) in the built packages made a user's
// esbuild print "Ignoring this import because … was marked as having no side effects" once per
// line (23 for the one-object handler) whenever the packages are not under node_modules (a
// workspace, `npm link`). The build drops the ones that change nothing (packages/core/build/
// bare-chunk-imports.ts): this checks that rule on small made-up builds, then that bundling a
// handler from the built packages warns about nothing. The second part runs after `turbo run build`.
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";
import { afterAll, describe, expect, it } from "vitest";
import { dropBareImports, sideEffectFree } from "../../packages/core/build/bare-chunk-imports";

const root = fileURLToPath(new URL("../..", import.meta.url));
const work = mkdtempSync(join(tmpdir(), "rax-bare-imports-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** A made-up build: file name → code, under /dist. */
function dist(files: Record<string, string>): Map<string, string> {
  return new Map(Object.entries(files).map(([name, code]) => [`/dist/${name}`, code]));
}

/** What the step leaves of `entry`: its code with the droppable bare imports blanked. */
async function after(files: Map<string, string>, entry = "/dist/index.js"): Promise<string> {
  const bare = [...files.keys()].filter((f) => f !== entry);
  const pure = await sideEffectFree(files, bare);
  return dropBareImports(files, pure).get(entry) ?? files.get(entry)!;
}

describe("which bare chunk imports the build drops", () => {
  it("drops one of a chunk whose whole top level is declarations", async () => {
    const files = dist({
      "index.js": "import './chunk-A.js';\nexport const x = 1;\n",
      "chunk-A.js": "import { parse } from 'yaml';\nconst RE = /a+/;\nexport function f(s) { return parse(s) + RE.test(s); }\nexport class C { static errorName = 'C'; }\n",
    });
    expect(await after(files)).toBe("\nexport const x = 1;\n");
  });

  it("keeps one of a chunk that does something at load and is not loaded before", async () => {
    const files = dist({
      "index.js": "import './chunk-A.js';\nexport { b } from './chunk-B.js';\n",
      "chunk-A.js": "globalThis.loaded = true;\nexport const a = 1;\n",
      "chunk-B.js": "import { a } from './chunk-A.js';\nexport const b = a;\n",
    });
    // chunk-B loads chunk-A too, but only after the line that is first to load it.
    expect(await after(files)).toBe(files.get("/dist/index.js"));
  });

  it("drops one of such a chunk when an earlier import already loaded it (the line is a no-op)", async () => {
    const files = dist({
      "index.js": "export { b } from './chunk-B.js';\nimport './chunk-A.js';\n",
      "chunk-A.js": "globalThis.loaded = true;\nexport const a = 1;\n",
      "chunk-B.js": "import { a } from './chunk-A.js';\nexport const b = a;\n",
    });
    expect(await after(files)).toBe("export { b } from './chunk-B.js';\n\n");
  });

  it("keeps one of a chunk that imports a package for its side effects, or imports a chunk with side effects", async () => {
    const files = dist({
      "index.js": "import './chunk-A.js';\nimport './chunk-B.js';\nexport const x = 1;\n",
      "chunk-A.js": "import 'polyfill';\nexport const a = 1;\n",
      "chunk-B.js": "import { c } from './chunk-C.js';\nexport const b = () => c;\n",
      "chunk-C.js": "export const c = Math.random();\nconsole.log(c);\n",
    });
    expect(await after(files)).toBe(files.get("/dist/index.js"));
  });

  it("keeps one of a chunk whose top-level value esbuild cannot prove pure", async () => {
    const files = dist({
      "index.js": "import './chunk-A.js';\nexport const x = 1;\n",
      "chunk-A.js": "const NAMES = ['a', 'b'].join('|');\nexport const RE = new RegExp(NAMES);\n",
    });
    expect(await after(files)).toBe(files.get("/dist/index.js"));
  });

  it("reads the CJS build's form (`require('./chunk-X.cjs');`) and leaves bound requires alone", async () => {
    // The purity check reads esbuild's ESM output of the CJS build (recorded before tsup's rollup pass)…
    const esm = dist({ "chunk-A.cjs": "export function f() { return 1; }\n", "chunk-B.cjs": "export const b = 2;\n" });
    const pure = await sideEffectFree(esm, esm.keys());
    // …and the load order from the written CommonJS.
    const written = dist({
      "index.cjs": "'use strict';\n\nvar chunkB_cjs = require('./chunk-B.cjs');\nrequire('./chunk-A.cjs');\nrequire('./chunk-B.cjs');\n\nexports.b = chunkB_cjs.b;\n",
    });
    expect(dropBareImports(written, pure).get("/dist/index.cjs")).toBe("'use strict';\n\nvar chunkB_cjs = require('./chunk-B.cjs');\n\n\n\nexports.b = chunkB_cjs.b;\n");
  });
});

// The handler bench/cases/bundle.mjs measures, as a user writes it, in ESM and in CommonJS.
const handlerEsm = readFileSync(join(root, "bench", "handlers", "rax-object-store.mjs"), "utf8");
const handlerCjs = handlerEsm
  .replace(/^import \{ (\w+) \} from ("[^"]+");$/gm, "const { $1 } = require($2);")
  .replace(/^export async function handler\(/m, "exports.handler = async function handler(");
const built = ["core", "identity", "object-store"].every((p) => existsSync(join(root, "packages", p, "dist", "index.js")) && existsSync(join(root, "packages", p, "dist", "index.cjs")));

describe.skipIf(!built)("bundling the built packages", () => {
  it.each([
    ["an ESM handler, esbuild's defaults", "handler.mjs", {}],
    ["an ESM handler, --format=esm", "handler.mjs", { format: "esm" as const }],
    ["a CommonJS handler, esbuild's defaults", "handler.cjs", {}],
  ])("%s: no warning", async (_name, file, extra) => {
    const entry = join(work, file);
    writeFileSync(entry, file.endsWith(".cjs") ? handlerCjs : handlerEsm);
    const result = await build({
      entryPoints: [entry],
      // The workspace's links (packages/…, not node_modules/…, where esbuild would not show a package's warnings).
      nodePaths: [join(root, "examples", "node_modules")],
      bundle: true,
      platform: "node",
      minify: true,
      write: false,
      outdir: join(work, "out"),
      logLevel: "silent",
      ...extra,
    });
    expect(result.warnings.map((w) => `${w.text} (${w.location?.file})`)).toEqual([]);
  });

  it("no built file keeps a bare import of a chunk that is loaded anyway or has nothing to run", () => {
    // What is left after the step, per package: each is a chunk with work at load (none today).
    const left: string[] = [];
    for (const p of ["core", "identity", "object-store"]) {
      const d = join(root, "packages", p, "dist");
      for (const f of ["index.js", "index.cjs"]) {
        for (const line of readFileSync(join(d, f), "utf8").split("\n")) if (/^(?:import\s*['"]\.\/|require\(['"]\.\/)/.test(line)) left.push(`${p}/${f}: ${line}`);
      }
    }
    expect(left).toEqual([]);
  });
});
