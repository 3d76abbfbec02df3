import type { Options } from "tsup";

type TsupPlugin = NonNullable<Options["plugins"]>[number];

// The transport loads its HTTP engine with `import("#http-engine")`, a subpath import of core's
// package.json (undici for Node, node:http for bundlers: see src/http-engine.ts). It stays an
// import in the dist (tsup leaves bare specifiers external), resolved by Node or by the user's
// bundler. The CJS build asks for `#http-engine-cjs` instead: import() from a .cjs file resolves
// with the `import` condition, which would load the ESM engine and with it a second copy of core's
// modules (its error classes and response body class among them) beside the CJS ones.
export function httpEngineImport(): TsupPlugin {
  return {
    name: "http-engine-import",
    renderChunk(code) {
      if (this.format !== "cjs" || !code.includes("#http-engine")) return undefined;
      return { code: code.replace(/\bimport\((["'])#http-engine\1\)/g, "import($1#http-engine-cjs$1)") };
    },
  };
}
