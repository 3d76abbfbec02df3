// A user's project outside the workspace with the packed @rax/* tarballs installed by npm, as
// `npm install @rax/sdk` would give it once published (issue: a package importing something only
// present in the workspace root works here and fails there).
//
// Offline by default: every third-party package the tarballs need (and @types/node for the
// TypeScript checks) is packed from the copy pnpm already installed in this workspace, and the
// project's `overrides` send every name to those tarballs, so `npm install --offline` never asks a
// registry. `online: true` lets npm resolve third-party packages from the registry as a user's
// install would (scripts/check-installed-tarballs.sh).
//
// Used by installed-tarballs.test.ts and, from a shell, `node tests/packaging/installed-project.mjs
// [--online] [dir]` (prints the project's folder).
import { execFile } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, realpathSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";

const run = promisify(execFile);
export const root = fileURLToPath(new URL("../..", import.meta.url));
const pnpm = ["-y", "pnpm@12.4.2"];

/** Workspace packages that are published (private ones, like test-support, never are). */
export function publishedPackages() {
  return readdirSync(join(root, "packages")).filter((dir) => {
    const file = join(root, "packages", dir, "package.json");
    return existsSync(file) && !JSON.parse(readFileSync(file, "utf8")).private;
  });
}

/**
 * `pnpm -r pack` (pnpm rewrites `workspace:` ranges as publishing does; one process for all, as npx
 * starting pnpm once per package cost a minute on 2 cores): name → tarball, published packages only.
 */
export async function packWorkspace(dest) {
  // prefer-offline: npx takes the pnpm it has cached; without a network it otherwise spent 74 s on retries.
  const env = { ...process.env, npm_config_prefer_offline: "true", npm_config_update_notifier: "false" };
  await run("npx", [...pnpm, "-r", "pack", "--pack-destination", dest], { cwd: root, env, maxBuffer: 64 << 20 });
  const out = {};
  for (const dir of publishedPackages()) {
    const { name, version } = JSON.parse(readFileSync(join(root, "packages", dir, "package.json"), "utf8"));
    const file = join(dest, `${name.slice(1).replace("/", "-")}-${version}.tgz`);
    if (!existsSync(file)) throw new Error(`pnpm pack wrote no ${file}`);
    out[name] = file;
  }
  return out;
}

/** Node's lookup of `name` from a package folder, through the node_modules folders above it. */
function lookup(fromDir, name) {
  for (let dir = fromDir; ; dir = dirname(dir)) {
    const candidate = join(dir, "node_modules", name);
    if (existsSync(join(candidate, "package.json"))) return realpathSync(candidate);
    if (dirname(dir) === dir) return undefined;
  }
}

/**
 * Every third-party package (name → folder in pnpm's store) that installing `names` from the
 * workspace pulls in: dependencies, non-optional peers, and optional dependencies that are present.
 * Two versions of one name would need nested overrides; none occurs, and it is an error if one does.
 */
export function thirdPartyClosure(names) {
  const found = new Map();
  const queue = names.map((name) => ({ name, from: name.startsWith("@rax/") ? join(root, "packages", name.slice(5)) : root }));
  while (queue.length) {
    const { name, from, optional } = queue.shift();
    const dir = name.startsWith("@rax/") ? from : lookup(from, name);
    if (!dir) {
      if (optional) continue;
      throw new Error(`${name} (needed by ${from}) is not installed in the workspace`);
    }
    const pkg = JSON.parse(readFileSync(join(dir, "package.json"), "utf8"));
    if (!name.startsWith("@rax/")) {
      const seen = found.get(name);
      if (seen && seen.dir !== dir) throw new Error(`two versions of ${name}: ${seen.dir} and ${dir}`);
      if (seen) continue;
      found.set(name, { dir, version: pkg.version });
    }
    const optionalPeers = new Set(Object.entries(pkg.peerDependenciesMeta ?? {}).filter(([, m]) => m.optional).map(([n]) => n));
    const next = [
      ...Object.keys(pkg.dependencies ?? {}).map((n) => [n, false]),
      ...Object.keys(pkg.peerDependencies ?? {}).filter((n) => !optionalPeers.has(n)).map((n) => [n, false]),
      ...Object.keys(pkg.optionalDependencies ?? {}).map((n) => [n, true]),
    ];
    for (const [n, opt] of next) if (!n.startsWith("@rax/")) queue.push({ name: n, from: dir, optional: opt });
  }
  return found;
}

/**
 * Packs the workspace, installs the published packages into a new project with npm and returns
 * { dir, tarballs, packs } (packs: the folder holding every tarball, the emulator's included). The project is `"type": "commonjs"` (npm init's default); ESM files use .mjs.
 */
export async function installedProject({ online = false, dir = mkdtempSync(join(tmpdir(), "rax-installed-")) } = {}) {
  const packs = join(dir, "packs");
  mkdirSync(packs, { recursive: true });
  const tarballs = await packWorkspace(packs);
  // Offline, @rax/emulator is packed (its tarball is checked) but not installed: msw's tree holds two
  // versions of some names, which one flat `overrides` map cannot send to two tarballs. Online installs it.
  if (!online) delete tarballs["@rax/emulator"];
  const overrides = Object.fromEntries(Object.entries(tarballs).map(([n, f]) => [n, `file:${f}`]));
  const dependencies = { ...overrides };
  if (!online) {
    const thirdParty = thirdPartyClosure([...Object.keys(tarballs), "@types/node"]);
    // pnpm's store copy holds the package's published files only; tar gives it npm's `package/` layout
    // (`npm pack` of several folders died with "Exit handler never called" in npm 11.19). pnpm's store
    // hard-links files of equal content, and npm skips tar's hard-link entries: --hard-dereference.
    for (const [name, { dir: from, version }] of thirdParty) {
      const file = join(packs, `${name.replace("@", "").replace("/", "-")}-${version}.tgz`);
      await run("tar", ["-czf", file, "-C", from, "--exclude=./node_modules", "--hard-dereference", "--transform=s,^\\.,package,", "."]);
      overrides[name] = `file:${file}`;
    }
    dependencies["@types/node"] = overrides["@types/node"];
  } else {
    dependencies["@types/node"] = "^20.19.0";
  }
  const project = join(dir, "project");
  mkdirSync(project, { recursive: true });
  writeFileSync(join(project, "package.json"), JSON.stringify({ name: "rax-user", version: "1.0.0", private: true, type: "commonjs", dependencies, overrides }, null, 2));
  const args = ["install", "--ignore-scripts", "--no-audit", "--no-fund", "--loglevel=error"];
  const env = { ...process.env, npm_config_update_notifier: "false" };
  // Offline for real: a request npm still tried would go to a closed loopback port and fail.
  if (!online) Object.assign(env, { npm_config_offline: "true", npm_config_registry: "http://127.0.0.1:9/" });
  await run("npm", args, { cwd: project, maxBuffer: 64 << 20, env });
  return { dir: project, tarballs, packs };
}

if (process.argv[1] && realpathSync(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const online = process.argv.includes("--online");
  const target = process.argv.slice(2).find((a) => !a.startsWith("--"));
  const { dir } = await installedProject({ online, ...(target ? { dir: target } : {}) });
  console.log(dir);
}
