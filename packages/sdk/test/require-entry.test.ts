import { execFile } from "node:child_process";
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";

// require("@rax/sdk") is the built dist/index.cjs that build/lazy-require-entry.ts writes: service
// packages load when first read. Checked in a fresh process against the built packages (after
// `turbo run build`, as `pnpm test` runs): the same names and values as the ES build and as each
// package, and no service package loaded by the require itself.
const dir = fileURLToPath(new URL("..", import.meta.url));
const built = existsSync(new URL("../dist/index.cjs", import.meta.url)) && existsSync(new URL("../dist/index.js", import.meta.url));
const run = promisify(execFile);

const SERVICES = ["autoscale", "block-storage", "compute", "databases", "dns", "images", "load-balancers", "monitoring", "networks", "object-store", "queues"];

const probe = `
const loaded = () => [...new Set(Object.keys(require.cache).map((f) => /packages[\\\\/]([^\\\\/]+)[\\\\/]dist/.exec(f)?.[1]).filter(Boolean))].sort();
const sdk = require("@rax/sdk");
const atRequire = loaded();
const camel = (s) => s.replace(/-(.)/g, (_, c) => c.toUpperCase());
const mismatched = [];
for (const id of ${JSON.stringify(["core", "identity", ...SERVICES])}) {
  const pkg = require("@rax/" + id);
  const ns = sdk[camel(id)];
  for (const [k, v] of Object.entries(pkg)) {
    // A service's exports in its namespace; core's and identity's at the top level.
    if (ns !== undefined ? ns[k] !== v : sdk[k] !== v) mismatched.push(ns !== undefined ? camel(id) + "." + k : k);
  }
}
for (const Cls of Object.values(sdk.SERVICES)) if (sdk[Cls.name] !== Cls) mismatched.push(Cls.name);
import("@rax/sdk").then((esm) => {
  const esmNames = Object.keys(esm).filter((k) => k !== "default").sort();
  console.log(JSON.stringify({ atRequire, names: Object.keys(sdk).sort(), esmNames, mismatched, afterUse: loaded() }));
});`;

describe.skipIf(!built)("require('@rax/sdk') (the built CommonJS entry)", () => {
  it("loads core and identity only; a service package when one of its exports is first read; same exports as import()", async () => {
    const { stdout } = await run(process.execPath, ["-e", probe], { cwd: dir, timeout: 60_000 });
    const r = JSON.parse(stdout) as { atRequire: string[]; names: string[]; esmNames: string[]; mismatched: string[]; afterUse: string[] };
    expect(r.atRequire).toEqual(["core", "identity", "sdk"]);
    expect(r.names).toEqual(r.esmNames);
    expect(r.mismatched).toEqual([]);
    expect(r.afterUse).toEqual([...SERVICES, "core", "identity", "sdk"].sort());
  });

  it("reading one client class loads that service's package, not the others", async () => {
    const { stdout } = await run(process.execPath, ["-e", `const { ObjectStore, createContext } = require("@rax/sdk"); console.log(JSON.stringify({ name: ObjectStore.name, ctx: typeof createContext, loaded: [...new Set(Object.keys(require.cache).map((f) => /packages[\\\\/]([^\\\\/]+)[\\\\/]dist/.exec(f)?.[1]).filter(Boolean))].sort() }));`], { cwd: dir, timeout: 60_000 });
    expect(JSON.parse(stdout)).toEqual({ name: "ObjectStore", ctx: "function", loaded: ["core", "identity", "object-store", "sdk"] });
  });
});
