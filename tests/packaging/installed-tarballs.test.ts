// The packages as a user gets them: packed as they would be published, installed by npm into a
// project outside the workspace (installed-project.mjs: offline, third-party packages from this
// workspace's pnpm store), then used from that project by plain Node (ESM and CommonJS) and by tsc.
// A package that imports something it does not declare, an export that points at a file not in the
// tarball, types that only resolve inside the workspace, or a README quick start that no longer runs
// fail here and nowhere else. Offline (the default, part of `pnpm test`) the emulator the scripts talk
// to comes from the workspace and its tarball is checked statically; RAX_INSTALLED_ONLINE=1
// (scripts/check-installed-tarballs.sh) lets npm fetch third-party packages from the registry, installs
// @rax/emulator too and starts it as its README says, with `npx rax-emulator`.
import { type ChildProcess, execFile, spawn } from "node:child_process";
import { builtinModules, createRequire } from "node:module";
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { transform } from "esbuild";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startEmulator } from "@rax/emulator";
import { installedProject, publishedPackages, root } from "./installed-project.mjs";

const run = promisify(execFile);
const semver = createRequire(join(root, "node_modules", ".pnpm", "node_modules", "semver.js"))("semver") as {
  subset(a: string, b: string): boolean;
};
const tsc = join(root, "node_modules", "typescript", "bin", "tsc");

let work: string;
let project: string;
let unpacked: string; // every tarball (the emulator's too) extracted: <unpacked>/<name>/package/...
const online = process.env.RAX_INSTALLED_ONLINE === "1";
let stopEmulator: () => Promise<void> | void = () => {};
let authUrl: string;
let env: NodeJS.ProcessEnv;

/**
 * The installed `rax-emulator` command (node_modules/.bin, what the README's `npx rax-emulator` runs;
 * started directly so that stopping it stops the emulator, not an npx in front of it); its v2.0 auth URL.
 */
async function startInstalledEmulator(): Promise<string> {
  const child: ChildProcess = spawn(join(project, "node_modules", ".bin", "rax-emulator"), ["--port", "0"], { cwd: project, stdio: ["ignore", "pipe", "inherit"] });
  stopEmulator = () => void child.kill();
  let out = "";
  return new Promise((resolve, reject) => {
    child.on("exit", (code) => reject(new Error(`rax-emulator exited (${code}) before listening: ${out}`)));
    child.stdout!.on("data", (chunk: Buffer) => {
      out += chunk.toString();
      const url = /Rackspace auth \(v2\.0\): (\S+)/.exec(out)?.[1];
      if (url) resolve(url);
    });
  });
}

beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), "rax-installed-test-"));
  const installed = await installedProject({ dir: work, online });
  project = installed.dir;
  unpacked = join(work, "unpacked");
  for (const f of readdirSync(installed.packs).filter((f) => /^rax-(?!test-support).*\.tgz$/.test(f))) {
    mkdirSync(join(unpacked, f), { recursive: true });
    await run("tar", ["-xzf", join(installed.packs, f), "-C", join(unpacked, f)]);
  }
  if (online) authUrl = await startInstalledEmulator();
  else {
    const emu = await startEmulator();
    stopEmulator = () => emu.stop();
    authUrl = emu.authUrl;
  }
  // Nothing from the developer's own setup: no ~/.rax.cfg, no CLOUD_* / OS_* of theirs.
  const home = join(work, "home");
  mkdirSync(home);
  env = Object.fromEntries(Object.entries(process.env).filter(([k]) => !/^(CLOUD_|OS_|RAX_|NODE_OPTIONS$)/.test(k)));
  Object.assign(env, { HOME: home, CLOUD_ID_TYPE: "rackspace", CLOUD_AUTH_ENDPOINT: authUrl, CLOUD_USERNAME: "demo", CLOUD_API_KEY: "demo-api-key" });
}, 300_000);

afterAll(async () => {
  await stopEmulator();
  if (work) rmSync(work, { recursive: true, force: true });
});

/** Runs a file of the installed project with Node; its stdout. */
async function node(file: string): Promise<string> {
  const { stdout } = await run(process.execPath, [file], { cwd: project, env, timeout: 120_000 });
  return stdout;
}

/** The first ```ts block after `marker` in a README, as JavaScript (esbuild strips any types). */
async function readmeBlock(readme: string, marker: string): Promise<string> {
  const text = readFileSync(join(root, readme), "utf8");
  const from = text.indexOf(marker);
  expect(from, `${marker} in ${readme}`).toBeGreaterThanOrEqual(0);
  const block = /```ts\n([\s\S]*?)```/.exec(text.slice(from));
  expect(block, `a ts block after ${marker} in ${readme}`).not.toBeNull();
  return (await transform(block![1]!, { loader: "ts", format: "esm" })).code;
}

function tarballs(): { name: string; dir: string; pkg: Record<string, any> }[] {
  return readdirSync(unpacked).map((f) => {
    const dir = join(unpacked, f, "package");
    return { name: f, dir, pkg: JSON.parse(readFileSync(join(dir, "package.json"), "utf8")) };
  });
}

/** The string values (file paths) anywhere in an exports / typesVersions / bin object. */
function leaves(value: unknown): string[] {
  if (typeof value === "string") return [value];
  if (value && typeof value === "object") return Object.values(value).flatMap(leaves);
  return [];
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: "utf8" }).filter((f) => statSync(join(dir, f)).isFile());
}

// Generous limits: in `pnpm test` this file shares 2 CPUs with every other; tsc takes 15–30 s.
describe("published tarballs, installed by npm outside the workspace", { timeout: 180_000 }, () => {
  it("each tarball holds package.json, README, LICENSE / CHANGELOG and dist only; source maps carry their sources", () => {
    const all = tarballs();
    expect(all.map((t) => t.pkg.name).sort()).toEqual(publishedPackages().map((d) => `@rax/${d}`).sort());
    for (const { name, dir } of all) {
      const files = filesUnder(dir);
      expect(files, name).toContain("README.md");
      // An empty dist packs without complaint: say so here (a build was missing or running while packing).
      expect(files.filter((f) => f.startsWith("dist/")).length, `${name} has no dist/: build before packing`).toBeGreaterThan(0);
      expect(files.filter((f) => !/^(package\.json|README\.md|LICENSE|CHANGELOG\.md|dist\/[^/]+)$/.test(f)), name).toEqual([]);
      expect(files.filter((f) => /\.(test|spec)\.|(^|\/)(test|tests|bench|src)\//.test(f)), name).toEqual([]);
      for (const map of files.filter((f) => f.endsWith(".map"))) {
        const m = JSON.parse(readFileSync(join(dir, map), "utf8")) as { sources: string[]; sourcesContent?: (string | null)[] };
        // The sources (../src/*.ts) are not shipped, so a map without their text would point nowhere.
        expect(m.sources.filter((_, i) => typeof m.sourcesContent?.[i] !== "string"), `${name} ${map}`).toEqual([]);
      }
      // Nothing like a node_modules or a test fixture slipped in: the largest (emulator, core) are ~1 MB packed.
      const packed = statSync(join(dir, "..", "..", "..", "packs", name)).size;
      expect(packed, name).toBeLessThan(2 * 1024 * 1024);
    }
  });

  it("every module a shipped file imports is a builtin, the package itself, or declared in dependencies / peerDependencies", () => {
    const builtins = new Set(builtinModules.flatMap((m) => [m, `node:${m}`]));
    const problems: string[] = [];
    for (const { dir, pkg } of tarballs()) {
      const declared = new Set([...Object.keys(pkg.dependencies ?? {}), ...Object.keys(pkg.peerDependencies ?? {})]);
      for (const f of filesUnder(dir).filter((f) => /^dist\/.*\.(c?js|d\.c?ts)$/.test(f)).map((f) => f.slice(5))) {
        const text = readFileSync(join(dir, "dist", f), "utf8");
        const re = /(?:\bfrom\s*|\bimport\s*\(\s*(?:\/\*[^*]*\*\/\s*)?|\brequire\s*\(\s*|^import\s+)["']([@#a-z][\w@/.#-]*)["']/gm;
        for (const [, spec] of text.matchAll(re)) {
          const base = spec!.startsWith("@") ? spec!.split("/").slice(0, 2).join("/") : spec!.split("/")[0]!;
          if (builtins.has(spec!) || builtins.has(base) || base === pkg.name) continue;
          if (spec!.startsWith("#")) {
            // a package.json "imports" entry: every file it can point at must be in the tarball
            const targets = JSON.stringify(pkg.imports?.[spec!] ?? null).match(/\.\/dist\/[^"]+/g) ?? [];
            if (!targets.length) problems.push(`${pkg.name}: ${f} imports ${spec}, which package.json "imports" does not map`);
            for (const t of targets) if (!filesUnder(dir).includes(t.slice(2))) problems.push(`${pkg.name}: ${spec} → ${t} is not in the tarball`);
            continue;
          }
          if (!declared.has(base)) problems.push(`${pkg.name}: ${f} imports ${spec}, not a dependency or peer`);
        }
      }
      // bin and exports targets exist in the tarball
      const targets = [...leaves(pkg.exports), ...leaves(pkg.typesVersions), ...leaves(pkg.bin), pkg.main, pkg.module, pkg.types].filter((t): t is string => typeof t === "string" && !t.includes("*"));
      for (const t of targets) if (!filesUnder(dir).includes(t.replace(/^\.\//, ""))) problems.push(`${pkg.name}: ${t} (exports/bin) is not in the tarball`);
      for (const [dep, range] of Object.entries({ ...pkg.dependencies, ...pkg.peerDependencies }))
        if (String(range).startsWith("workspace:")) problems.push(`${pkg.name}: ${dep} is still ${range}`);
    }
    expect(problems).toEqual([]);
  });

  it("each package's engines.node is within the engines of what it installs (so npm never warns EBADENGINE)", () => {
    const problems: string[] = [];
    const installed = (name: string) => JSON.parse(readFileSync(join(project, "node_modules", name, "package.json"), "utf8"));
    for (const { pkg } of tarballs().filter((t) => online || t.pkg.name !== "@rax/emulator")) {
      for (const dep of [...Object.keys(pkg.dependencies ?? {}), ...Object.keys(pkg.peerDependencies ?? {})]) {
        if (dep === "keytar") continue; // optional peer, not installed
        const theirs = installed(dep).engines?.node as string | undefined;
        if (theirs && !semver.subset(pkg.engines.node, theirs)) problems.push(`${pkg.name} (${pkg.engines.node}) needs ${dep} (${theirs})`);
      }
    }
    expect(problems).toEqual([]);
  });

  it("the root README's quick start runs as written (ESM), and its temporary URL serves the object", async () => {
    const code = await readmeBlock("README.md", "## Using it");
    writeFileSync(join(project, "readme-using-it.mjs"), `${code}\nconsole.log(JSON.stringify({ url }));\n`);
    const { url } = JSON.parse((await node("readme-using-it.mjs")).trim().split("\n").pop()!) as { url: string };
    const res = await fetch(url);
    expect(res.status).toBe(200);
    expect(await res.text()).toBe("hi");
  });

  it("the root README's @rax/sdk block runs as written: one client behind both shortcuts", async () => {
    const code = await readmeBlock("README.md", "Scripts that want everything");
    writeFileSync(join(project, "readme-sdk.mjs"), `${code}\nconsole.log(JSON.stringify({ same: files === rax.object_store.ORD, nova: typeof nova.servers }));\n`);
    expect(JSON.parse(await node("readme-sdk.mjs"))).toEqual({ same: true, nova: "object" });
  });

  it("@rax/object-store's README client block runs as written and the client stores an object", async () => {
    const code = await readmeBlock("packages/object-store/README.md", "All examples assume a client named `cf`");
    writeFileSync(join(project, "readme-object-store.mjs"), `${code}\nconst o = await (await cf.createContainer("os-readme")).storeObject("a.txt", "abc");\nconsole.log(JSON.stringify({ bytes: o.bytes }));\n`);
    expect(JSON.parse(await node("readme-object-store.mjs"))).toEqual({ bytes: 3 });
  });

  it("CommonJS: require() of each package works, packages share one @rax/core (errors are instanceof across packages)", async () => {
    writeFileSync(
      join(project, "cjs.cjs"),
      `const { Context } = require("@rax/identity");
const { ObjectStore } = require("@rax/object-store");
const { connect, ObjectStore: SdkObjectStore } = require("@rax/sdk");
const { ValidationError } = require("@rax/core");
(async () => {
  const ctx = await Context.fromEnvironment();
  const cf = ctx.client(ObjectStore, { region: "ORD" });
  const obj = await (await cf.createContainer("cjs")).storeObject("a.txt", "hi");
  let field;
  try { await cf.createContainer(""); } catch (e) { if (e instanceof ValidationError) field = e.field; else throw e; }
  const rax = await connect();
  console.log(JSON.stringify({ bytes: obj.bytes, field, sameClass: SdkObjectStore === ObjectStore, sdk: rax.ORD.object_store === rax.object_store.ORD }));
})().catch((e) => { console.error(e); process.exit(1); });
`,
    );
    expect(JSON.parse(await node("cjs.cjs"))).toEqual({ bytes: 2, field: "name", sameClass: true, sdk: true });
  });

  it.runIf(online)("@rax/emulator: require() and import() of the installed package start an emulator", async () => {
    const body = `const emu = await startEmulator(); console.log(JSON.stringify({ auth: emu.authUrl.endsWith("/v2.0") })); await emu.stop();`;
    writeFileSync(join(project, "emulator.mjs"), `import { startEmulator } from "@rax/emulator";\n${body}\n`);
    writeFileSync(join(project, "emulator.cjs"), `const { startEmulator } = require("@rax/emulator");\n(async () => {\n${body}\n})().catch((e) => { console.error(e); process.exit(1); });\n`);
    for (const file of ["emulator.mjs", "emulator.cjs"]) expect(JSON.parse(await node(file)), file).toEqual({ auth: true });
  });

  it("without keytar, keychain authentication fails with the KeychainError its README promises (ESM and CommonJS)", async () => {
    const body = `const ctx = createContext({ identityType: "rackspace", authEndpoint: process.env.CLOUD_AUTH_ENDPOINT });
  try { await ctx.keyringAuth("demo"); console.log("no error"); } catch (e) { console.log(JSON.stringify({ keychain: e instanceof KeychainError, message: e.message })); }`;
    writeFileSync(join(project, "keytar.mjs"), `import { createContext, KeychainError } from "@rax/identity";\n${body}\n`);
    writeFileSync(join(project, "keytar.cjs"), `const { createContext, KeychainError } = require("@rax/identity");\n(async () => {\n${body}\n})();\n`);
    for (const file of ["keytar.mjs", "keytar.cjs"]) {
      const out = JSON.parse(await node(file)) as { keychain: boolean; message: string };
      expect(out.keychain, file).toBe(true);
      expect(out.message, file).toContain("npm install keytar");
    }
  });

  it("with keytar installed in the user's project, keychain authentication reads the secret from it (ESM and CommonJS)", async () => {
    // keytar builds a native module, so a stand-in with its API (a CommonJS module, as keytar is)
    // takes its place in node_modules: what is checked is that @rax/identity finds the user's copy.
    const dir = join(project, "node_modules", "keytar");
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, "package.json"), JSON.stringify({ name: "keytar", version: "7.9.0", main: "index.js" }));
    writeFileSync(join(dir, "index.js"), `exports.getPassword = async (service, account) => (service === "pyrax" && account === "demo" ? "demo-api-key" : null);\n`);
    try {
      const body = `const ctx = createContext({ identityType: "rackspace", authEndpoint: process.env.CLOUD_AUTH_ENDPOINT });
  await ctx.keyringAuth("demo");
  console.log(JSON.stringify({ authenticated: ctx.authenticated, regions: ctx.regions.length > 0 }));`;
      writeFileSync(join(project, "keytar-present.mjs"), `import { createContext } from "@rax/identity";\n${body}\n`);
      writeFileSync(join(project, "keytar-present.cjs"), `const { createContext } = require("@rax/identity");\n(async () => {\n${body}\n})().catch((e) => { console.error(e); process.exit(1); });\n`);
      for (const file of ["keytar-present.mjs", "keytar-present.cjs"]) expect(JSON.parse(await node(file)), file).toEqual({ authenticated: true, regions: true });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  describe("TypeScript consumer (tsc --noEmit, skipLibCheck off)", () => {
    // Types from several packages; IsAny fails the check if a declaration did not resolve and fell back to any.
    const consumer = `import { createContext, Context, type ContextOptions, KeychainError } from "@rax/identity";
import { ObjectStore, type StorageObject, type Container } from "@rax/object-store";
import { ValidationError, StaticSession } from "@rax/core";
import { connect, Compute } from "@rax/sdk";

type IsAny<T> = 0 extends 1 & T ? true : false;
const opts: ContextOptions = { identityType: "rackspace", authEndpoint: "http://127.0.0.1:1/v2.0" };
const ctx: Context = createContext(opts);
const cf = ctx.client(ObjectStore, { region: "ORD" });
export const notAny: [IsAny<StorageObject>, IsAny<Container>, IsAny<typeof cf>, IsAny<ValidationError["field"]>, IsAny<typeof connect>, IsAny<typeof Compute>, IsAny<KeychainError>] =
  [false, false, false, false, false, false, false];

export async function use(obj: StorageObject): Promise<number> {
  // @ts-expect-error bytes is a number: a StorageObject typed as any would make this line an error
  const wrong: string = obj.bytes;
  void wrong;
  void new StaticSession({ token: "t", endpoints: { "object-store": "http://127.0.0.1:1" } });
  const rax = await connect({ authenticate: false });
  void rax;
  return obj.bytes;
}
`;
    const configs = {
      "node16 ESM": { type: "module", compilerOptions: { module: "node16", moduleResolution: "node16" } },
      "node16 CommonJS": { type: "commonjs", compilerOptions: { module: "node16", moduleResolution: "node16" } },
      bundler: { type: "module", compilerOptions: { module: "esnext", moduleResolution: "bundler" } },
    };
    // One `tsc -b` over the three projects: it parses the shared declarations (node, zod, @rax/*) once,
    // 31 s against 75 s for three runs on a loaded 2-core machine. Errors name the project's folder.
    it("node16 ESM, node16 CommonJS and bundler: types resolve from the installed packages", async () => {
      const dirs = Object.entries(configs).map(([label, { type, compilerOptions }]) => {
        const dir = join(project, `ts-${label.replace(/\W+/g, "-")}`);
        mkdirSync(dir, { recursive: true });
        writeFileSync(join(dir, "package.json"), JSON.stringify({ type }));
        writeFileSync(join(dir, "consumer.ts"), consumer);
        writeFileSync(
          join(dir, "tsconfig.json"),
          JSON.stringify({ compilerOptions: { ...compilerOptions, target: "es2022", strict: true, noEmit: true, skipLibCheck: false, types: ["node"] }, files: ["consumer.ts"] }),
        );
        return dir;
      });
      const result = await run(process.execPath, [tsc, "-b", ...dirs], { cwd: project, timeout: 170_000 }).then(
        () => "",
        (e: { stdout?: string }) => e.stdout ?? String(e),
      );
      expect(result).toBe("");
    });
  });
});
