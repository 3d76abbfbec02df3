import { defineConfig, type Options } from "tsup";

// One build recipe for every package, so the ESM/CJS/d.ts outputs and the
// exports maps they back cannot drift apart between packages.
export function packageConfig(overrides: Partial<Options> = {}) {
  return defineConfig({
    entry: ["src/index.ts"],
    format: ["esm", "cjs"],
    dts: true,
    sourcemap: true,
    clean: true,
    target: "node20",
    splitting: false,
    treeshake: true,
    // Built classes keep their source names (`ObjectStore.name`, stack traces, `inspect`, the
    // class shown by printed clients), where esbuild would otherwise emit `_ObjectStore` for a
    // class it has to rename. Costs ~3% of a bundled handler (measured in @rax/core's changeset).
    keepNames: true,
    ...overrides,
  });
}
