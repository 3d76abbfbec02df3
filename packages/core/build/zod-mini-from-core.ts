import { readFileSync } from "node:fs";
import type { Plugin } from "esbuild";
import type { Options } from "tsup";

// A package built on @rax/core takes zod/mini's functions from core's copy of zod
// (packages/core/src/zod-mini.ts, `@rax/core/zod-mini`), not from zod's package: zod/mini's index
// loads every locale and the JSON-schema code in plain Node (~90 files, ~7 MB RSS at import), and a
// user's bundle would carry zod's package beside core's copy. Sources and tests keep
// `import * as z from "zod/mini"` (vitest runs sources against zod itself).
//
// Not esbuild's `alias`: tsup's own external plugin resolves "zod/mini" (a dependency) first, and a
// path a plugin resolved is never aliased. So "zod/mini" is made not-external for tsup
// (`zodMiniOptions().noExternal`), and this plugin, which runs after tsup's, marks it external
// under core's name.
const ZOD_MINI = /^zod\/mini$/;

function zodMiniFromCore(): Plugin {
  return {
    name: "zod-mini-from-core",
    setup(build) {
      build.onResolve({ filter: ZOD_MINI }, () => ({ path: "@rax/core/zod-mini", external: true }));
    },
  };
}

/** Whether the package in `dir` (tsup runs in the package's own directory) is built on @rax/core. */
export function builtOnCore(dir = "."): boolean {
  const manifest = JSON.parse(readFileSync(`${dir}/package.json`, "utf8")) as { name: string; dependencies?: object; peerDependencies?: object };
  return manifest.name !== "@rax/core" && ("@rax/core" in (manifest.dependencies ?? {}) || "@rax/core" in (manifest.peerDependencies ?? {}));
}

/** The tsup options that send a package's "zod/mini" imports to `@rax/core/zod-mini`, merged into `overrides`'. */
export function zodMiniOptions(overrides: Partial<Options>): Pick<Options, "noExternal" | "esbuildPlugins"> {
  return {
    noExternal: [...(overrides.noExternal ?? []), ZOD_MINI],
    esbuildPlugins: [...(overrides.esbuildPlugins ?? []), zodMiniFromCore()],
  };
}
