// Child side of warm-invocation: load one bundled handler, invoke it once (the cold call), then
// `n` more times in the same process and report each invocation's time.
import { createRequire } from "node:module";
import { workerMain } from "../lib/child.mjs";

workerMain(async ({ bundle, url, tokenDir, n }) => {
  process.env.BENCH_URL = url;
  process.env.BENCH_TOKEN_DIR = tokenDir;
  const { handler } = createRequire(import.meta.url)(bundle);
  const t0 = performance.now();
  await handler();
  const coldMs = performance.now() - t0;
  const times = [];
  for (let i = 0; i < n; i++) {
    const t = performance.now();
    await handler();
    times.push(performance.now() - t);
  }
  return { coldMs, times };
});
