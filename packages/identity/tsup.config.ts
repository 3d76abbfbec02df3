import type { Plugin } from "esbuild";
import { packageConfig } from "../../tsup.shared";

// clouds-yaml.ts and ini-file.ts import "./config-parsers"; the dist imports `#config-parsers`
// instead (package.json "imports"): Node gets config-parsers.{js,cjs}, which load yaml and ini on
// first use, and a bundler (condition `module`) gets config-parsers-bundled.js, which imports them.
// Both are entries of their own (src/*.ts), so nothing of either is copied into a chunk.
function configParsersImport(): Plugin {
  return {
    name: "config-parsers-import",
    setup(build) {
      build.onResolve({ filter: /^\.\/config-parsers$/ }, (args) => (args.kind === "entry-point" ? undefined : { path: "#config-parsers", external: true }));
    },
  };
}

export default packageConfig({
  esbuildPlugins: [configParsersImport()],
  // config-parsers.ts's createRequire(import.meta.url): the CJS build has no import.meta, and its
  // own path will do (createRequire takes a path or a URL).
  esbuildOptions(options, { format }) {
    if (format === "cjs") options.define = { ...options.define, "import.meta.url": "__filename" };
  },
});
