#!/usr/bin/env node
// In-process A/B of small calls between builds: `node bench/lib/ab-calls.mjs DIR_A DIR_B … [--c=1]
// [--batches=30] [--batch=500]`. Each DIR holds node_modules/@rax/{core,object-store}/dist (copies of
// packages/<pkg>/{dist,package.json}, undici and zod linked into DIR/node_modules, as for
// RAX_BENCH_RAX_ROOT). Raw undici and every build run in ONE process against the small-calls server,
// alternating batches, so load from elsewhere on a shared machine hits all of them alike: the medians
// rank builds where separate-process runs (`pnpm bench`) are too noisy to. Not a replacement for the
// bench rows: sharing a process shares undici's JIT feedback, which narrows the gap to raw undici.
import path from "node:path";
import { pathToFileURL } from "node:url";
import { startServer } from "./child.mjs";
import { importUndici } from "./modules.mjs";
import { REPO_DIR } from "./paths.mjs";

const flags = Object.fromEntries(process.argv.slice(2).filter((a) => a.startsWith("--")).map((a) => a.slice(2).split("=")));
const roots = process.argv.slice(2).filter((a) => !a.startsWith("--"));
if (roots.length === 0) {
  process.stderr.write("usage: node bench/lib/ab-calls.mjs DIR_A [DIR_B …] [--c=1] [--batches=30] [--batch=500]\n");
  process.exit(2);
}
const conc = Number(flags.c ?? 1);
const batches = Number(flags.batches ?? 30);
const batch = Number(flags.batch ?? 500);

const server = await startServer(path.join(REPO_DIR, "bench", "servers", "small-calls-server.mjs"));
const { Pool } = await importUndici();
const pool = new Pool(server.url, { connections: conc, pipelining: 1 });
const headers = { "x-auth-token": "t", accept: "application/json" };
const OBJECT = "/v1/AUTH_bench/bench/obj-0001.txt";
const variants = [
  { name: "raw head", f: async () => (await pool.request({ method: "HEAD", path: OBJECT, headers, reset: false })).body.dump() },
  {
    name: "raw list",
    f: async () => {
      const r = await pool.request({ method: "GET", path: "/v1/AUTH_bench/bench?format=json", headers });
      if ((await r.body.json()).length !== 10) throw new Error("raw: not 10 rows");
    },
  },
];
for (const root of roots) {
  const load = (pkg) => import(pathToFileURL(path.resolve(root, "node_modules", "@rax", pkg, "dist", "index.js")).href);
  const core = await load("core");
  const { ObjectStore } = await load("object-store");
  const session = new core.StaticSession({ token: "t", endpoint: `${server.url}/v1/AUTH_bench`, transport: new core.Transport({ connections: conc }) });
  const store = new ObjectStore(session);
  const name = path.basename(path.resolve(root));
  variants.push({ name: `${name} head`, f: () => store.getObjectMetadata("bench", "obj-0001.txt") });
  variants.push({
    name: `${name} list`,
    f: async () => {
      if ((await store.listObjects("bench")).items.length !== 10) throw new Error(`${name}: not 10 rows`);
    },
  });
}

async function run(f, n) {
  let left = n;
  const lane = async () => {
    while (left-- > 0) await f();
  };
  const c0 = process.cpuUsage();
  await Promise.all(Array.from({ length: conc }, lane));
  const c = process.cpuUsage(c0);
  return (c.user + c.system) / n;
}

for (const v of variants) await run(v.f, 2000);
const samples = new Map(variants.map((v) => [v.name, []]));
for (let b = 0; b < batches; b++) for (const v of variants) samples.get(v.name).push(await run(v.f, batch));
const median = (xs) => [...xs].sort((a, b) => a - b)[xs.length >> 1];
// Each round's raw batch ran beside the build's: the median of the per-round ratios cancels
// the machine's load drifting between rounds, which the plain medians keep.
const rawOf = (name) => samples.get(name.endsWith("head") ? "raw head" : "raw list");
for (const v of variants) {
  const own = samples.get(v.name);
  const ratio = median(own.map((us, b) => rawOf(v.name)[b] / us));
  process.stdout.write(`${v.name.padEnd(24)} ${median(own).toFixed(1).padStart(7)} µs CPU/call (median of ${batches} batches of ${batch}, c${conc}); raw/this per round ${ratio.toFixed(3)}\n`);
}
await server.stop();
process.exit(0);
