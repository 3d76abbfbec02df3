// Checks the publishing invariants every package promises its users; run from a package folder.
import { readFileSync, existsSync } from "node:fs";

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
if (problems.length) {
  console.error(`${pkg.name}:\n  ${problems.join("\n  ")}`);
  process.exit(1);
}
