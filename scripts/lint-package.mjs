// Checks the publishing invariants every package promises its users; run from a package folder,
// after its build (turbo's lint task depends on build). Then packs the package as npm would publish
// it and runs publint (--strict) and @arethetypeswrong/cli on that tarball: both work offline on a
// tarball, and neither runs an install script.
import { execFile } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";

const run = promisify(execFile);
const bin = (name) => fileURLToPath(new URL(`../node_modules/.bin/${name}`, import.meta.url));

const pkg = JSON.parse(readFileSync("package.json", "utf8"));
const problems = [];
const exp = pkg.exports?.["."];
if (!exp?.import?.default?.endsWith(".js")) problems.push("exports['.'].import must point at the ESM build");
if (!exp?.require?.default?.endsWith(".cjs")) problems.push("exports['.'].require must point at the CJS build");
if (!exp?.import?.types) problems.push("exports['.'].import.types missing");
if (pkg.sideEffects !== false) problems.push('"sideEffects": false missing');
if (!pkg.engines?.node) problems.push("engines.node missing");
if (!existsSync("README.md") || readFileSync("README.md", "utf8").trim().split("\n").length < 3)
  problems.push("README.md missing or empty");
for (const dep of Object.keys(pkg.dependencies ?? {}))
  if (dep.startsWith("@rax/") && pkg.name !== "@rax/sdk")
    problems.push(`${dep} must be a peer dependency (one copy of core/identity per app), not a dependency`);
if (!existsSync("dist")) problems.push("dist/ missing: build before lint");

if (!problems.length) {
  const tmp = mkdtempSync(join(tmpdir(), "rax-lint-"));
  try {
    const packed = await run("npm", ["pack", "--json", "--ignore-scripts", "--pack-destination", tmp], { encoding: "utf8" });
    const tarball = join(tmp, JSON.parse(packed.stdout)[0].filename);
    // failures carry the tool's own report in stdout/stderr; success prints nothing here
    const check = (tool, args) =>
      run(bin(tool), args, { encoding: "utf8", maxBuffer: 64 << 20 }).then(
        (r) => r,
        (e) => {
          problems.push(`${tool} failed:\n${e.stdout ?? ""}${e.stderr ?? ""}`.trim());
        },
      );
    const [, attw] = await Promise.all([check("publint", ["--strict", tarball]), check("attw", [tarball])]);
    // attw exits 0 for a package without types; ours all ship them
    if (attw && /does not contain types/.test(attw.stdout)) problems.push("attw: the packed package has no types");
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}

if (problems.length) {
  console.error(`${pkg.name}:\n  ${problems.join("\n  ")}`);
  process.exit(1);
}
