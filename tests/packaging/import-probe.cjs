// What importing a built package runs (issue #16: "nothing runs at import that the first call does
// not need"). `node import-probe.cjs packages/<pkg>` loads that package's CJS entry in this fresh
// process and prints one JSON line: load time, files loaded per package, zod factory calls made
// while loading (schemas built at import), whether undici was loaded, timers and process listeners
// created. `node import-probe.cjs --all` prints a table for every built package;
// `node import-probe.cjs <file>.cjs` probes one module file instead of a package.
"use strict";
const Module = require("node:module");
const path = require("node:path");
const fs = require("node:fs");

const root = path.resolve(__dirname, "../..");

function probe(pkgDir) {
  // A package directory (its built CJS entry), or one .cjs file (the test's fixtures).
  const entry = pkgDir.endsWith(".cjs") ? pkgDir : path.join(pkgDir, "dist", "index.cjs");
  let loading = true;
  const zodCalls = new Map();
  const copies = new WeakMap();
  // zod's factories (z.object, z.string, …) called while loading = schemas built at import. zod's
  // CJS exports are frozen (a Proxy may not change them), so rax's code gets a copy with the
  // lower-case functions counted; classes (ZodError, …) stay as they are, so `instanceof` works.
  const zodCopy = (exp) => {
    if (exp === null || typeof exp !== "object") return exp;
    if (copies.has(exp)) return copies.get(exp);
    const copy = {};
    for (const key of Object.keys(exp)) {
      const v = exp[key];
      copy[key] =
        typeof v === "function" && /^[a-z]/.test(key)
          ? function (...args) {
              if (loading) zodCalls.set(key, (zodCalls.get(key) ?? 0) + 1);
              return v.apply(this, args);
            }
          : v;
    }
    Object.defineProperty(copy, "__esModule", { value: true });
    copies.set(exp, copy);
    return copy;
  };
  const load = Module._load;
  Module._load = function (request, ...rest) {
    const exp = load.call(this, request, ...rest);
    // Built packages take zod/mini's functions from core's copy (@rax/core/zod-mini).
    return request === "zod" || request.startsWith("zod/") || request === "@rax/core/zod-mini" ? zodCopy(exp) : exp;
  };
  const timers = { setTimeout: 0, setInterval: 0, setImmediate: 0 };
  const originals = {};
  for (const k of Object.keys(timers)) {
    originals[k] = globalThis[k];
    globalThis[k] = function (...args) {
      if (loading) timers[k]++;
      return originals[k].apply(this, args);
    };
  }
  const events = ["exit", "beforeExit", "warning", "uncaughtException", "unhandledRejection", "SIGTERM", "SIGINT"];
  const before = Object.fromEntries(events.map((e) => [e, process.listenerCount(e)]));
  const cached = new Set(Object.keys(require.cache));
  const t0 = process.hrtime.bigint();
  const exports = require(entry);
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  loading = false;
  const files = {};
  for (const f of Object.keys(require.cache)) {
    if (cached.has(f)) continue;
    const m = /.*node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(f) ?? /\/packages\/([^/]+)\//.exec(f);
    const key = m ? (f.includes("node_modules") ? m[1] : `@rax/${m[1]}`) : "other";
    files[key] = (files[key] ?? 0) + 1;
  }
  const listeners = {};
  for (const e of events) if (process.listenerCount(e) > before[e]) listeners[e] = process.listenerCount(e) - before[e];
  return {
    package: pkgDir.endsWith(".cjs") ? path.basename(pkgDir) : `@rax/${path.basename(pkgDir)}`,
    ms: Math.round(ms * 10) / 10,
    exports: Object.keys(exports).length,
    files,
    zodCalls: [...zodCalls.values()].reduce((a, b) => a + b, 0),
    zodByName: Object.fromEntries(zodCalls),
    undiciLoaded: Object.keys(files).includes("undici"),
    // @rax/core's HTTP engines (dist/undici-engine, dist/node-http-engine, undici built into core's
    // dist as undici-agent-* / undici-connect-*): none may load before the first request.
    enginesLoaded: Object.keys(require.cache)
      .filter((f) => !cached.has(f) && /[/\\]dist[/\\](?:undici-[^/\\]*|[^/\\]*-engine)\.c?js$/.test(f) && !/[/\\]http-engine\.c?js$/.test(f))
      .map((f) => path.basename(f)),
    timers: Object.fromEntries(Object.entries(timers).filter(([, n]) => n > 0)),
    listeners,
  };
}

function builtPackages() {
  const dir = path.join(root, "packages");
  return fs
    .readdirSync(dir)
    .filter((d) => fs.existsSync(path.join(dir, d, "dist", "index.cjs")))
    .map((d) => path.join(dir, d));
}

if (require.main === module) {
  const arg = process.argv[2];
  if (arg === "--all") {
    const { execFileSync } = require("node:child_process");
    const rows = builtPackages().map((p) => JSON.parse(execFileSync(process.execPath, [__filename, p], { encoding: "utf8" })));
    const line = (cells) => `| ${cells.join(" | ")} |`;
    console.log(line(["package", "ms", "files (by package)", "zod calls", "undici", "timers", "listeners"]));
    console.log(line(["---", "---", "---", "---", "---", "---", "---"]));
    for (const r of rows) {
      const files = Object.entries(r.files).map(([k, n]) => `${k} ${n}`).join(", ");
      console.log(line([r.package, r.ms, files, r.zodCalls, r.undiciLoaded ? "yes" : "no", JSON.stringify(r.timers), JSON.stringify(r.listeners)]));
    }
  } else if (arg) {
    process.stdout.write(`${JSON.stringify(probe(path.resolve(arg)))}\n`);
  } else {
    console.error("usage: node tests/packaging/import-probe.cjs packages/<pkg> | --all");
    process.exit(2);
  }
}
