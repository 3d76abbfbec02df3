import { packageConfig } from "../../tsup.shared";

// One entry, so dist/index.{js,cjs} is one file (plus a chunk per dynamic import), not a file per
// src module and a chunk per set of them: Node's ESM loader pays ~0.7 ms per file it resolves,
// reads and links, which made `import("@rax/sdk")` load 165 files (S1, bench "script-start").
// For a user's bundler this package needs no file boundaries: every top-level statement of its
// modules is one esbuild tree-shakes by itself (bench "bundle": same or smaller bundles, and the
// umbrella's rows unchanged). core and identity keep a file per module: theirs did grow.
export default packageConfig({ entry: ["src/index.ts"] });
