// Child side of warm-invocation's CPU split: every bundled handler in this one process, each warmed,
// then blocks of `block` invocations taking turns (order reversed every block), so the machine's
// load hits every handler alike. Per handler: the median block's CPU µs per invocation
// (process.cpuUsage, user + system, every thread of the process) and wall µs per invocation.
import { createRequire } from "node:module";
import path from "node:path";
import { workerMain } from "../lib/child.mjs";

const median = (a) => [...a].sort((x, y) => x - y)[a.length >> 1];

workerMain(async ({ bundles, url, tokenDir, blocks, block, warm }) => {
  process.env.BENCH_URL = url;
  const load = createRequire(import.meta.url);
  const names = Object.keys(bundles);
  const handlers = [];
  for (const k of names) {
    // Each handler's token store of its own (the rax handler's first call authenticates).
    process.env.BENCH_TOKEN_DIR = path.join(tokenDir, k);
    const { handler } = load(bundles[k]);
    await handler();
    handlers.push(handler);
  }
  for (let i = 0; i < warm; i++) for (const h of handlers) await h();
  const cpu = names.map(() => []);
  const wall = names.map(() => []);
  for (let b = 0; b < blocks; b++) {
    for (let n = 0; n < names.length; n++) {
      const j = b % 2 ? names.length - 1 - n : n;
      const h = handlers[j];
      const c0 = process.cpuUsage();
      const t0 = performance.now();
      for (let i = 0; i < block; i++) await h();
      const c = process.cpuUsage(c0);
      wall[j].push(((performance.now() - t0) * 1000) / block);
      cpu[j].push((c.user + c.system) / block);
    }
  }
  return Object.fromEntries(names.map((k, j) => [k, { cpuUs: median(cpu[j]), wallUs: median(wall[j]) }]));
});
