// @rax/identity loads yaml and ini on first use under Node (config-parsers.ts, through a
// createRequire a bundler cannot follow); a bundler gets `#config-parsers`' `module` target, which
// imports them. So a bundled handler that reads clouds.yaml or a credential file carries both and
// runs where no node_modules is, and one that reads neither carries neither. Runs after
// `turbo run build` (pnpm test).
import { execFile } from "node:child_process";
import { chmodSync, existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { build } from "esbuild";
import { afterAll, describe, expect, it } from "vitest";

const root = fileURLToPath(new URL("../..", import.meta.url));
const built = existsSync(join(root, "packages", "identity", "dist", "config-parsers-bundled.js"));
const run = promisify(execFile);
// Outside the repo: the bundle finds no node_modules here.
const work = mkdtempSync(join(tmpdir(), "rax-config-parsers-bundled-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const READS_FILES = `
const cloud = findCloud("lab", { env: { OS_CLIENT_CONFIG_FILE: process.env.CLOUDS } });
const cred = readCredentialFile(process.env.CREDS, "keystone");
console.log(JSON.stringify({ password: cloud.auth.password, cred }));
`;
const READS_NONE = `
console.log(typeof new KeystoneIdentity({ authEndpoint: "http://127.0.0.1:1/v3", username: "u", password: "p" }).authenticate);
`;

const ESM_REQUIRE_BANNER = 'import { createRequire } from "node:module"; const require = createRequire(import.meta.url);';

async function bundle(name: string, source: string, format: "esm" | "cjs") {
  const entry = join(work, `${name}.${format === "esm" ? "mjs" : "cjs"}`);
  writeFileSync(entry, source);
  const outfile = join(work, `${name}-bundle.${format === "esm" ? "mjs" : "cjs"}`);
  const result = await build({
    entryPoints: [entry],
    nodePaths: [join(root, "examples", "node_modules")],
    bundle: true,
    platform: "node",
    minify: true,
    // yaml's Node build is CommonJS and requires node:process: an ESM bundle needs the createRequire
    // banner @rax/core's README gives for any CommonJS dependency (as it did before the parsers were lazy).
    ...(format === "esm" ? { format, banner: { js: ESM_REQUIRE_BANNER } } : {}),
    outfile,
    metafile: true,
    logLevel: "silent",
  });
  // What is in the output (the metafile's inputs also list files parsed and then tree-shaken away).
  const output = Object.entries(Object.values(result.metafile.outputs)[0]!.inputs).filter(([, i]) => i.bytesInOutput > 0).map(([f]) => f);
  return { outfile, warnings: result.warnings, packages: (re: RegExp) => output.filter((f) => re.test(f)) };
}

describe.skipIf(!built)("@rax/identity's config parsers in a bundle (esbuild's defaults)", () => {
  it.each([
    ["ESM", "esm" as const, `import { findCloud, readCredentialFile } from "@rax/identity";\n${READS_FILES}`],
    ["CommonJS", "cjs" as const, `const { findCloud, readCredentialFile } = require("@rax/identity");\n${READS_FILES}`],
  ])("a %s handler that reads clouds.yaml and a credential file carries yaml and ini, and runs with no node_modules", async (name, format, source) => {
    const b = await bundle(`reads-${name}`, source, format);
    expect(b.warnings).toEqual([]);
    expect(b.packages(/node_modules\/yaml\//).length).toBeGreaterThan(10);
    expect(b.packages(/node_modules\/ini\//).length).toBe(1);
    expect(b.packages(/config-parsers\.(c?js)$/)).toEqual([]);
    const clouds = join(work, "clouds.yaml");
    writeFileSync(clouds, "clouds:\n  lab:\n    auth:\n      auth_url: http://127.0.0.1:5000/v3\n      password: 1e3\n");
    const creds = join(work, "credentials");
    writeFileSync(creds, "[keystone]\nusername = demo\npassword = a#b;c\ntenant_id = t1\n");
    chmodSync(clouds, 0o600);
    chmodSync(creds, 0o600);
    const { stdout } = await run(process.execPath, [b.outfile], { cwd: work, timeout: 60_000, env: { ...process.env, CLOUDS: clouds, CREDS: creds, NODE_PATH: "" } });
    expect(JSON.parse(stdout.trim())).toEqual({ password: "1e3", cred: { username: "demo", password: "a#b;c", tenantId: "t1" } });
  });

  it.each([
    ["ESM", "esm" as const, `import { KeystoneIdentity } from "@rax/identity";\n${READS_NONE}`],
    ["CommonJS (tree-shaking off: all of index.cjs)", "cjs" as const, `const { KeystoneIdentity } = require("@rax/identity");\n${READS_NONE}`],
  ])("a %s handler that reads no config file builds without warnings and runs", async (name, format, source) => {
    const b = await bundle(`reads-none-${name.split(" ")[0]}`, source, format);
    expect(b.warnings).toEqual([]);
    // ESM is tree-shaken: neither parser is in. A CommonJS require keeps every export (yaml and ini
    // included, as before); that it builds without warnings and runs is what is checked there.
    if (format === "esm") {
      expect(b.packages(/node_modules\/(yaml|ini)\//)).toEqual([]);
    }
    const { stdout } = await run(process.execPath, [b.outfile], { cwd: work, timeout: 60_000 });
    expect(stdout.trim()).toBe("function");
  });
});
