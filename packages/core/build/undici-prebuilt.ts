import { readFileSync } from "node:fs";
import type { Plugin } from "esbuild";

// The transport's two undici files (its Agent and connector, imported on the first request) are
// built into @rax/core's dist instead of being imported from node_modules, so that:
// - a user's bundler, with default settings, gets only what the transport can run: undici's HTTP/2
//   client (never used: the connector offers ALPN http/1.1 only) and fetch's body extraction (only
//   for FormData bodies, which the transport never passes: core sends strings, bytes and streams)
//   are left out, −52 KB minified / −17 KB gzip in a one-object handler;
// - undici's `require("node:…")` calls become `process.getBuiltinModule("node:…")` (Node ≥ 20.16),
//   so an ESM bundle no longer needs a `createRequire` banner ("Dynamic require of "node:assert" is
//   not supported" was the first request's error without it).
// The chunks are named `undici-agent-*` / `undici-connect-*`, so a check for undici being loaded at
// import still sees them. Only llhttp's plain wasm build is kept: undici falls back to it when the SIMD
// one fails to load, as it does wherever WebAssembly SIMD is off, so the parser (and the wire) is undici's own.
const UNDICI_LICENSE = "/*! undici (MIT License), Copyright (c) Matteo Collina and Undici contributors: https://github.com/nodejs/undici */";

const LEFT_OUT: Record<string, string> = {
  "./client-h2.js": `module.exports = function connectH2() { throw new Error("HTTP/2 is not built into @rax/core's transport (its connector offers http/1.1 only)"); };`,
  "../web/fetch/body.js": `exports.extractBody = function extractBody() { throw new Error("FormData bodies are not built into @rax/core's transport"); };`,
  // llhttp's SIMD build (72 KB as text, 24 KB gzip): undici catches this and loads the plain build, the
  // one it already uses where SIMD is off. Measured (bench/results/h7-llhttp-simd.md): ~2 µs CPU per
  // call at c1, nothing at c32 or on a 10,000-object listing; the serverless bundle is 24 KB gzip smaller.
  "../llhttp/llhttp_simd-wasm.js": `throw new Error("llhttp's SIMD build is not built into @rax/core's transport (the plain build is)");`,
};

export function undiciPrebuilt(): Plugin {
  return {
    name: "undici-prebuilt",
    setup(build) {
      // Each entry through a named module, so its chunk is named for it.
      build.onResolve({ filter: /^undici\/lib\/(dispatcher\/agent|core\/connect)\.js$/ }, (args) => {
        if (args.pluginData === "undici-file") return undefined;
        return { path: args.path.includes("agent") ? "undici-agent" : "undici-connect", namespace: "undici-entry", pluginData: { resolveDir: args.resolveDir, target: args.path } };
      });
      build.onLoad({ filter: /.*/, namespace: "undici-entry" }, async (args) => {
        const { resolveDir, target } = args.pluginData as { resolveDir: string; target: string };
        const file = await build.resolve(target, { kind: "require-call", resolveDir, pluginData: "undici-file" });
        if (file.errors.length) return { errors: file.errors };
        return { loader: "js", resolveDir, contents: `${UNDICI_LICENSE}\nmodule.exports = require(${JSON.stringify(file.path)});` };
      });
      build.onResolve({ filter: /^\.{1,2}\// }, (args) => {
        if (!/[/\\]undici[/\\]lib[/\\]/.test(args.importer)) return undefined;
        const stub = LEFT_OUT[args.path];
        return stub === undefined ? undefined : { path: args.path, namespace: "undici-left-out" };
      });
      build.onLoad({ filter: /.*/, namespace: "undici-left-out" }, (args) => ({ loader: "js", contents: LEFT_OUT[args.path] }));
      build.onLoad({ filter: /[/\\]undici[/\\]lib[/\\].*\.js$/ }, (args) => ({
        loader: "js",
        contents: readFileSync(args.path, "utf8").replace(/\brequire\((['"])(node:[^'"]+)\1\)/g, 'process.getBuiltinModule("$2")'),
      }));
    },
  };
}
