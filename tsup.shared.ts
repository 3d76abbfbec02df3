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
    ...overrides,
  });
}
