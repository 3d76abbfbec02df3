import type { Options } from "tsup";

type TsupPlugin = NonNullable<Options["plugins"]>[number];

// parse-schema.ts imports zod's English messages from their own file, not from zod's index (which
// loads every locale and the whole of zod's core at import). zod's package.json maps
// `zod/v4/locales/*` to the same file for `require`, i.e. its ESM build: the CJS build asks for the
// `.cjs` twin, so Node < 20.19 (no require of ESM) loads it and no second copy of zod's util runs.
export function zodLocaleImport(): TsupPlugin {
  return {
    name: "zod-locale-import",
    renderChunk(code) {
      if (this.format !== "cjs" || !code.includes("zod/v4/locales/en.js")) return undefined;
      return { code: code.replace(/(["'])zod\/v4\/locales\/en\.js\1/g, "$1zod/v4/locales/en.cjs$1") };
    },
  };
}
