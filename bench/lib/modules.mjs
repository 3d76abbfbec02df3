// How the bench reaches the code it measures. @rax/* come from packages/<pkg>/dist (built by
// `turbo run build`), undici from @rax/core's own dependency (the exact copy rax uses), peers from
// bench/.peers.
import fs from "node:fs";
import path from "node:path";
import { createRequire } from "node:module";
import { pathToFileURL } from "node:url";
import { REPO_DIR, PEERS_DIR } from "./paths.mjs";

// For A/B runs of two builds: RAX_BENCH_RAX_ROOT=DIR takes DIR/node_modules/@rax/<pkg>/dist (a
// copy of packages/<pkg>/dist + package.json, with undici and zod resolvable from DIR) instead.
export function raxDist(pkg) {
  const root = process.env.RAX_BENCH_RAX_ROOT;
  if (root) return path.join(root, "node_modules", "@rax", pkg, "dist", "index.js");
  return path.join(REPO_DIR, "packages", pkg, "dist", "index.js");
}

/**
 * The built package's exports, or null when it is not built. In a shared working tree another
 * `tsup` may be rebuilding the package (its dist/ is briefly empty): wait up to `waitMs` for it.
 */
export async function importRax(pkg, { waitMs = 90_000 } = {}) {
  const file = raxDist(pkg);
  const dir = path.dirname(file);
  const until = Date.now() + waitMs;
  while (!fs.existsSync(file) && fs.existsSync(dir) && Date.now() < until) await new Promise((r) => setTimeout(r, 500));
  if (!fs.existsSync(file)) return null;
  return import(pathToFileURL(file).href);
}

/** Which of `names` the built package exports; used to skip rows whose API has not landed. */
export async function missingExports(pkg, names) {
  const mod = await importRax(pkg);
  if (!mod) return [`@rax/${pkg} (not built: ${path.relative(REPO_DIR, raxDist(pkg))} missing)`];
  return names.filter((n) => !(n in mod)).map((n) => `@rax/${pkg}.${n}`);
}

export function raxVersion(pkg) {
  return JSON.parse(fs.readFileSync(path.join(REPO_DIR, "packages", pkg, "package.json"), "utf8")).version;
}

const coreRequire = createRequire(path.join(REPO_DIR, "packages", "core", "package.json"));

export async function importUndici() {
  return import(pathToFileURL(coreRequire.resolve("undici")).href);
}

export function undiciVersion() {
  const dir = path.dirname(coreRequire.resolve("undici/package.json"));
  return JSON.parse(fs.readFileSync(path.join(dir, "package.json"), "utf8")).version;
}

export function peerVersion(name) {
  const f = path.join(PEERS_DIR, "node_modules", name, "package.json");
  return fs.existsSync(f) ? JSON.parse(fs.readFileSync(f, "utf8")).version : null;
}
