// "Nothing runs at import that the first call does not need" (issue #16): each built package is
// loaded in a fresh process by import-probe.cjs, which records what loading it did. Runs after
// `turbo run build` (pnpm test); `node tests/packaging/import-probe.cjs --all` prints the table.
import { execFile } from "node:child_process";
import { chmodSync, existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { afterAll, describe, expect, it } from "vitest";

const root = fileURLToPath(new URL("../..", import.meta.url));
const probe = join(root, "tests", "packaging", "import-probe.cjs");
const probeEsm = join(root, "tests", "packaging", "import-probe-esm.mjs");
const run = promisify(execFile);
const built = readdirSync(join(root, "packages")).filter((d) => existsSync(join(root, "packages", d, "dist", "index.cjs")));

interface Probe {
  package: string;
  files: Record<string, number>;
  zodCalls: number;
  zodByName: Record<string, number>;
  undiciLoaded: boolean;
  enginesLoaded: string[];
  timers: Record<string, number>;
  listeners: Record<string, number>;
}

async function probeOf(dir: string): Promise<Probe> {
  const { stdout } = await run(process.execPath, [probe, join(root, "packages", dir)], { timeout: 60_000 });
  return JSON.parse(stdout) as Probe;
}

describe.skipIf(built.length === 0)("what loading a built package runs", () => {
  it.each(built.filter((d) => d !== "emulator"))("@rax/%s: no HTTP client, timer or process listener at import", async (dir) => {
    const p = await probeOf(dir);
    // undici (and its dispatcher) load on the first request, not before; so does either HTTP engine.
    expect(p.undiciLoaded).toBe(false);
    expect(p.enginesLoaded).toEqual([]);
    expect(p.timers).toEqual({});
    expect(p.listeners).toEqual({});
  });

  // Service packages hold their schemas in core's lazy(): a call builds what it uses, import builds none.
  // Every package: none builds a zod schema at import.
  const lazySchemas = ["core", "identity", "compute", "block-storage", "networks", "images", "object-store", "load-balancers", "monitoring", "dns", "queues", "databases", "autoscale"];
  it.each(lazySchemas.filter((d) => built.includes(d)))("@rax/%s: no zod schema is built at import", async (dir) => {
    const p = await probeOf(dir);
    expect(p.zodByName).toEqual({});
  });

  // Core parses through the schema's own safeParse with zod's English messages, built into core's
  // dist with the rest of zod it uses (packages/core/tsup.config.ts): zod's package index (every
  // locale, all schema code) is never loaded.
  it.skipIf(!built.includes("core"))("@rax/core loads no file of zod's package", async () => {
    const p = await probeOf("core");
    expect(p.files["@rax/core"]).toBeGreaterThan(0);
    expect(p.files.zod).toBeUndefined();
  });

  it.skipIf(!built.includes("core"))("the probe sees an engine loaded (so its 'none at import' can fail)", async () => {
    const { stdout } = await run(process.execPath, [probe, join(root, "tests", "packaging", "fixtures", "loads-http-engine.cjs")], { timeout: 60_000 });
    expect((JSON.parse(stdout) as Probe).enginesLoaded).toEqual(["node-http-engine.cjs"]);
  });

  it("the probe counts the schemas a module builds at import, and not those behind lazy()", async () => {
    // A synthetic module, so the check does not depend on which packages still build schemas at import.
    const { stdout } = await run(process.execPath, [probe, join(root, "tests", "packaging", "fixtures", "eager-and-lazy-schemas.cjs")], { timeout: 60_000 });
    const p = JSON.parse(stdout) as Probe;
    expect(p.zodByName).toEqual({ object: 1, string: 1 });
    expect(p.files.zod).toBeGreaterThan(0);
  });
});

// @rax/identity's config readers (clouds.yaml, pyrax config and credential files) load yaml (72
// files) and ini on first use: most programs never read such a file. Both dist formats.
describe.skipIf(!built.includes("identity"))("@rax/identity's config file parsers", () => {
  const work = mkdtempSync(join(tmpdir(), "rax-config-parsers-"));
  afterAll(() => rmSync(work, { recursive: true, force: true }));

  it("importing it loads neither yaml nor ini (require and import)", async () => {
    const cjs = await probeOf("identity");
    const { stdout } = await run(process.execPath, [probeEsm, join(root, "packages", "identity")], { timeout: 60_000 });
    const esm = JSON.parse(stdout) as { files: Record<string, number> };
    expect(esm.files["@rax/identity"]).toBeGreaterThan(0);
    for (const files of [cjs.files, esm.files]) {
      expect(files.yaml).toBeUndefined();
      expect(files.ini).toBeUndefined();
    }
  });

  it.each([
    ["CJS", "index.cjs"],
    ["ESM", "index.js"],
  ])("the %s build reads clouds.yaml and a credential file on first use, loading them then", async (_name, file) => {
    const clouds = join(work, "clouds.yaml");
    // failsafe schema: 0123 stays the string written.
    writeFileSync(clouds, "clouds:\n  lab:\n    auth:\n      auth_url: http://127.0.0.1:5000/v3\n      username: demo\n      password: 0123\n");
    const creds = join(work, "credentials");
    writeFileSync(creds, "[keystone]\nusername = demo\npassword = se;cret#1\ntenant_id = t1\n");
    chmodSync(clouds, 0o600);
    chmodSync(creds, 0o600);
    const identity = join(root, "packages", "identity", "dist", file);
    const body = `
      const loaded = () => Object.keys(require.cache).filter((f) => /node_modules\\/(yaml|ini)\\//.test(f)).map((f) => /node_modules\\/(yaml|ini)\\//.exec(f)[1]);
      const before = [...new Set(loaded())];
      const cloud = id.findCloud("lab", { env: { OS_CLIENT_CONFIG_FILE: ${JSON.stringify(clouds)} } });
      const cred = id.readCredentialFile(${JSON.stringify(creds)}, "keystone");
      console.log(JSON.stringify({ before, after: [...new Set(loaded())].sort(), password: cloud.auth.password, cred }));`;
    const script =
      file === "index.cjs"
        ? `const id = require(${JSON.stringify(identity)});${body}`
        : `import { createRequire } from "node:module"; const require = createRequire(import.meta.url); const id = await import(${JSON.stringify(identity)});${body}`;
    const { stdout } = await run(process.execPath, [...(file === "index.js" ? ["--input-type=module"] : []), "-e", script], { timeout: 60_000 });
    const r = JSON.parse(stdout.trim()) as { before: string[]; after: string[]; password: string; cred: Record<string, string> };
    expect(r.before).toEqual([]);
    expect(r.after).toEqual(["ini", "yaml"]);
    expect(r.password).toBe("0123");
    expect(r.cred).toEqual({ username: "demo", password: "se;cret#1", tenantId: "t1" });
  });
});
