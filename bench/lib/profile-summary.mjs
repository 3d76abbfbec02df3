#!/usr/bin/env node
// `node bench/lib/profile-summary.mjs FILE.cpuprofile [N]`: self time by function and by package,
// for reading the --profile output of a run without DevTools.
import fs from "node:fs";

const [file, nArg] = process.argv.slice(2);
if (!file) {
  process.stderr.write("usage: node bench/lib/profile-summary.mjs FILE.cpuprofile [N]\n");
  process.exit(2);
}
const prof = JSON.parse(fs.readFileSync(file, "utf8"));
const byId = new Map(prof.nodes.map((n) => [n.id, n]));
const self = new Map();
const dt = prof.timeDeltas;
for (let i = 0; i < prof.samples.length; i++) self.set(prof.samples[i], (self.get(prof.samples[i]) ?? 0) + (dt[i] ?? 0));
const total = [...self.values()].reduce((a, b) => a + b, 0);

function where(url) {
  if (!url) return "(native/v8)";
  const m = /.*node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url) ?? /packages\/([^/]+)\//.exec(url);
  if (m) return m[1];
  if (url.startsWith("node:")) return "node:" + url.slice(5).split("/")[0];
  return url.split("/").slice(-2).join("/");
}

const fn = new Map();
const pkg = new Map();
for (const [id, us] of self) {
  const n = byId.get(id);
  const cf = n.callFrame;
  const key = `${cf.functionName || "(anonymous)"} ${where(cf.url)}${cf.url ? `:${cf.lineNumber + 1}` : ""}`;
  fn.set(key, (fn.get(key) ?? 0) + us);
  pkg.set(where(cf.url), (pkg.get(where(cf.url)) ?? 0) + us);
}
const pct = (us) => `${((100 * us) / total).toFixed(1).padStart(5)}%`;
const top = (m, n) => [...m].sort((a, b) => b[1] - a[1]).slice(0, n);
console.log(`total sampled ${(total / 1000).toFixed(0)} ms\n\nby package/file:`);
for (const [k, us] of top(pkg, 15)) console.log(`  ${pct(us)}  ${k}`);
console.log(`\nby function (self):`);
for (const [k, us] of top(fn, Number(nArg ?? 30))) console.log(`  ${pct(us)}  ${k}`);
