// The ESM twin of import-probe.cjs, for what `import` of a built package loads:
// `node import-probe-esm.mjs packages/<pkg>` imports that package's dist/index.js (or one .mjs/.js
// file) in this fresh process and prints one JSON line: files loaded per package, whether through
// the ESM loader (seen by a resolve hook) or through require (createRequire, CommonJS dependencies).
import { register } from "node:module";
import { MessageChannel } from "node:worker_threads";
import { createRequire } from "node:module";
import path from "node:path";
import { pathToFileURL, fileURLToPath } from "node:url";

const require = createRequire(import.meta.url);

// The hook runs on the loader's thread and answers "dump" with every URL it resolved.
const hooks = `
let port;
const seen = [];
export function initialize(data) {
  port = data.port;
  port.on("message", () => port.postMessage(seen));
}
export async function resolve(specifier, context, next) {
  const r = await next(specifier, context);
  seen.push(r.url);
  return r;
}
`;

function byPackage(files) {
  const out = {};
  for (const f of files) {
    const m = /.*node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(f) ?? /\/packages\/([^/]+)\//.exec(f);
    const key = m ? (f.includes("node_modules") ? m[1] : `@rax/${m[1]}`) : "other";
    out[key] = (out[key] ?? 0) + 1;
  }
  return out;
}

const arg = process.argv[2];
if (!arg) {
  console.error("usage: node tests/packaging/import-probe-esm.mjs packages/<pkg> | <file>.mjs");
  process.exit(2);
}
const target = path.resolve(arg);
const entry = /\.m?js$/.test(target) ? target : path.join(target, "dist", "index.js");
const { port1, port2 } = new MessageChannel();
register(`data:text/javascript,${encodeURIComponent(hooks)}`, { parentURL: import.meta.url, data: { port: port2 }, transferList: [port2] });
const cached = new Set(Object.keys(require.cache));
const exports = await import(pathToFileURL(entry).href);
port1.postMessage("dump");
const resolved = await new Promise((r) => port1.once("message", r));
port1.close();
const files = new Set([
  ...resolved.filter((u) => u.startsWith("file:")).map((u) => fileURLToPath(u)),
  ...Object.keys(require.cache).filter((f) => !cached.has(f)),
]);
files.delete(entry);
process.stdout.write(`${JSON.stringify({ entry: path.relative(process.cwd(), entry), exports: Object.keys(exports).length, files: byPackage(files) })}\n`);
