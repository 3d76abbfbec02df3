import type { Plugin } from "esbuild";
import { packageConfig } from "../../tsup.shared";

// The sources import "./config-parsers" (yaml, ini, zod/mini and the identity schemas, loaded on
// first use); the dist imports `#lazy` instead (package.json "imports"): Node gets
// config-parsers.{js,cjs}, which load them on first use, and a bundler (condition `module`) gets
// config-parsers-bundled.js, which imports them.
// Both are entries of their own (src/*.ts), so nothing of either is copied into a chunk.
function lazyImport(): Plugin {
  return {
    name: "lazy-import",
    setup(build) {
      build.onResolve({ filter: /^\.\/config-parsers$/ }, (args) => (args.kind === "entry-point" ? undefined : { path: "#lazy", external: true }));
    },
  };
}

export default packageConfig({
  esbuildPlugins: [lazyImport()],
  // config-parsers.ts's createRequire(import.meta.url): the CJS build has no import.meta, and its
  // own path will do (createRequire takes a path or a URL).
  esbuildOptions(options, { format }) {
    if (format === "cjs") options.define = { ...options.define, "import.meta.url": "__filename" };
  },
});
