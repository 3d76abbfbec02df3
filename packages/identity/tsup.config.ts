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
  // Not a file per src module (Node's ESM loader pays ~0.7 ms per file: `import("@rax/identity")`
  // loaded 28): the entries are what package.json names (index, `#lazy`'s two files) and the
  // modules a bundler needs as file boundaries. config-file-parsers-bundled, schema-loaders-bundled,
  // context and keystone-identity: without them a one-object handler's bundle carried yaml and ini
  // (+150 KB). context-schemas and rackspace-identity: without them the code is the same, but its
  // order left the umbrella handler's gzip 10-30 bytes larger. Checked with bench "bundle" (every
  // row the same or smaller); the ESM import now loads 7 files of this package.
  entry: [
    "src/index.ts",
    "src/config-parsers.ts",
    "src/config-parsers-bundled.ts",
    "src/config-file-parsers-bundled.ts",
    "src/schema-loaders-bundled.ts",
    "src/context.ts",
    "src/keystone-identity.ts",
    "src/context-schemas.ts",
    "src/rackspace-identity.ts",
  ],
  esbuildPlugins: [lazyImport()],
  // config-parsers.ts's createRequire(import.meta.url): the CJS build has no import.meta, and its
  // own path will do (createRequire takes a path or a URL).
  esbuildOptions(options, { format }) {
    if (format === "cjs") options.define = { ...options.define, "import.meta.url": "__filename" };
  },
});
