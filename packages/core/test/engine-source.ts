import type { Plugin } from "esbuild";
import { fileURLToPath } from "node:url";

/**
 * For tests that bundle core's sources with esbuild: `#http-engine` (core's package.json subpath
 * import, which points into dist/) resolved to an engine's source instead. esbuild's defaults
 * would pick the node:http engine (condition `module`); these tests are about undici's.
 */
export function engineFromSource(engine: "undici-engine" | "node-http-engine" = "undici-engine"): Plugin {
  const path = fileURLToPath(new URL(`../src/${engine}.ts`, import.meta.url));
  return {
    name: "engine-from-source",
    setup(build) {
      build.onResolve({ filter: /^#http-engine$/ }, () => ({ path }));
    },
  };
}
