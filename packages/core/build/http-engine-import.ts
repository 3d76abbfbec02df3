import type { Options } from "tsup";

type TsupPlugin = NonNullable<Options["plugins"]>[number];

// The transport loads its HTTP engine with `import("#http-engine")`, a subpath import of core's
// package.json (undici for Node, node:http for bundlers: see src/http-engine.ts). It stays an
// import in the dist (tsup leaves bare specifiers external), resolved by Node or by the user's
// bundler. The CJS build asks for `#http-engine-cjs` instead: import() from a .cjs file resolves
// with the `import` condition, so Node would load the ESM undici engine and a second copy of the
// modules it shares with the CJS build. (Its `module` target is the ESM node:http engine all the
// same: that condition means ESM to bundlers and publint; the copy a bundler then adds of what that
// engine shares with core is small, and response.ts does not rely on its class identity.)
export function httpEngineImport(): TsupPlugin {
  return {
    name: "http-engine-import",
    renderChunk(code) {
      if (this.format !== "cjs" || !code.includes("#http-engine")) return undefined;
      return { code: code.replace(/\bimport\((["'])#http-engine\1\)/g, "import($1#http-engine-cjs$1)") };
    },
  };
}
