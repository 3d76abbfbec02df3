import { defineConfig, type Options } from "tsup";
import { bareChunkImports } from "./packages/core/build/bare-chunk-imports";
import { builtOnCore, zodMiniOptions } from "./packages/core/build/zod-mini-from-core";

// One build recipe for every package, so the ESM/CJS/d.ts outputs and the
// exports maps they back cannot drift apart between packages.
export function packageConfig(overrides: Partial<Options> = {}) {
  return defineConfig({
    // Every top-level module is its own entry (with code splitting, shared code goes to chunks)
    // rather than one dist/index.js: `"sideEffects": false` only lets a user's bundler drop whole
    // files, so in a single file every dependency imported anywhere in the package (yaml and ini
    // for clouds.yaml / credential files in @rax/identity) was kept in a handler that never reads
    // one. The exports map still names only dist/index.*; the d.ts stays one file.
    // This default now serves core and the umbrella: the service packages build from src/index.ts
    // alone and identity from a chosen few entries (their tsup.config.ts say why: Node's ESM loader
    // pays per file, and their bundles did not grow without the boundaries).
    entry: ["src/*.ts", "!src/*.d.ts"],
    dts: { entry: "src/index.ts" },
    splitting: true,
    format: ["esm", "cjs"],
    sourcemap: true,
    clean: true,
    target: "node20",
    treeshake: true,
    // No esbuild `keepNames`: it wraps every function and class in `__name(…)` calls, which a user's
    // bundler must treat as side effects, so it kept every function of each module a handler loads
    // (+10.3 KB minified, +3.8 KB gzip in the one-object handler). Names are kept another way:
    // tests/packaging/export-names checks that every export of each built package (ESM and CJS) is
    // named as exported and that the build renamed no class; a class that refers to itself, which
    // esbuild emits as `var X = class _X`, declares `static get name() { return "X"; }`.
    ...overrides,
    // One zod in a program: a package built on core imports core's (packages/core/build/zod-mini-from-core.ts).
    ...(builtOnCore() ? zodMiniOptions(overrides) : {}),
    // Last, so it records the code the other steps leave (see packages/core/build/bare-chunk-imports.ts):
    // code splitting's bare chunk imports made a user's esbuild warn once per line.
    plugins: [...(overrides.plugins ?? []), bareChunkImports()],
  });
}

