import { defineConfig, type Options } from "tsup";

// One build recipe for every package, so the ESM/CJS/d.ts outputs and the
// exports maps they back cannot drift apart between packages.
export function packageConfig(overrides: Partial<Options> = {}) {
  return defineConfig({
    // Every top-level module is its own entry (with code splitting, shared code goes to chunks)
    // rather than one dist/index.js: `"sideEffects": false` only lets a user's bundler drop whole
    // files, so in a single file every dependency imported anywhere in the package (yaml and ini
    // for clouds.yaml / credential files in @rax/identity) was kept in a handler that never reads
    // one. The exports map still names only dist/index.*; the d.ts stays one file.
    entry: ["src/*.ts", "!src/*.d.ts"],
    dts: { entry: "src/index.ts" },
    splitting: true,
    format: ["esm", "cjs"],
    sourcemap: true,
    clean: true,
    target: "node20",
    treeshake: true,
    // Built classes keep their source names (`ObjectStore.name`, stack traces, `inspect`, the
    // class shown by printed clients), where esbuild would otherwise emit `_ObjectStore` for a
    // class it has to rename. Costs ~3% of a bundled handler (measured in @rax/core's changeset).
    keepNames: true,
    ...overrides,
  });
}
