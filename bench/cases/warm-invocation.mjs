// warm-invocation (issue #16): the calls after the first in one process — what a warm serverless
// instance pays per event. rax: the serverless recipe's bundled handler (client and token reused);
// raw: a bundled undici Pool PUT with the token in hand (the goal's baseline), and beside it, in the
// row's extra, the same PUT through a bundled node:http keep-alive Agent (what the default bundle's
// engine costs before rax does anything). Each side in its own fresh child, against the cold-start
// server; after one cold call, `n` invocations timed one by one.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { BENCH_DIR, WORK_DIR } from "../lib/paths.mjs";
import { runWorker } from "../lib/child.mjs";
import { undiciVersion } from "../lib/modules.mjs";
import { row, skipped, failed } from "../lib/rows.mjs";
import { percentile } from "../lib/stats.mjs";
import { startServer } from "./cold-start.mjs";
import { bundleHandler, raxMissing } from "./cold-start-auth.mjs";

export const name = "warm-invocation";

export async function run({ opts, log }) {
  const missing = await raxMissing();
  if (missing.length) return [skipped("warm-invocation", `rax API not available yet: ${missing.join(", ")}`)];
  fs.mkdirSync(path.join(WORK_DIR, "bundles"), { recursive: true });
  const rax = await bundleHandler("rax-serverless.mjs");
  const raw = await bundleHandler("raw-undici-put.mjs");
  const rawNodeHttp = await bundleHandler("raw-node-http-put.mjs");
  const raxCore = await bundleHandler("rax-core-put.mjs");
  // The same handler bundled with core's undici engine (`conditions: ["rax-undici"]`), beside the
  // default bundle's node:http engine: what a user trades for a 3x smaller bundle.
  const raxUndici = await bundleHandler("rax-serverless.mjs", { conditions: ["rax-undici"] });
  const server = await startServer();
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "rax-bench-warm-"));
  const n = opts.quick ? 500 : 5000;
  const worker = path.join(BENCH_DIR, "handlers", "warm-worker.mjs");
  const rows = [];
  try {
    const best = { rax: null, raw: null, raxUndici: null, rawNodeHttp: null };
    for (let round = 0; round < opts.rounds; round++) {
      for (const [k, b] of [["raw", raw], ["rax", rax], ["raxUndici", raxUndici], ["rawNodeHttp", rawNodeHttp]]) {
        const r = await runWorker(worker, { bundle: b.file, url: server.state.url, tokenDir: path.join(tmp, `${k}-${round}`), n }, { timeoutMs: 300_000 });
        const sorted = [...r.times].sort((a, c) => a - c);
        const s = { p50: percentile(sorted, 50), p99: percentile(sorted, 99), coldMs: r.coldMs };
        if (!best[k] || s.p50 < best[k].p50) best[k] = s;
      }
    }
    // Where the time goes, in one process (see warm-split-worker.mjs): CPU per invocation of the
    // handler, of core's Transport alone, and of the raw clients, taking turns in blocks.
    const split = await runWorker(
      path.join(BENCH_DIR, "handlers", "warm-split-worker.mjs"),
      {
        bundles: { rax: rax.file, raxCore: raxCore.file, rawNodeHttp: rawNodeHttp.file, raxUndici: raxUndici.file, rawUndici: raw.file },
        url: server.state.url, tokenDir: path.join(tmp, "split"), blocks: opts.quick ? 10 : 20, block: 500, warm: 2000,
      },
      { timeoutMs: 300_000 },
    );
    const cpuSplit = {
      statistic: "CPU µs per invocation (process.cpuUsage), median of 500-call blocks, all handlers taking turns in one process",
      ...Object.fromEntries(Object.entries(split).map(([k, v]) => [k, Number(v.cpuUs.toFixed(1))])),
    };
    log(`warm-invocation CPU µs/call: ${JSON.stringify(cpuSplit).replace(/"statistic":"[^"]*",/, "")}`);
    log(`warm-invocation p50: rax ${(best.rax.p50 * 1000).toFixed(0)} µs (node:http), ${(best.raxUndici.p50 * 1000).toFixed(0)} µs (undici), raw ${(best.raw.p50 * 1000).toFixed(0)} µs (undici), ${(best.rawNodeHttp.p50 * 1000).toFixed(0)} µs (node:http)`);
    rows.push(row({
      id: "warm-invocation", unit: "µs per invocation (p50)", rax: best.rax.p50 * 1000, baseline: best.raw.p50 * 1000,
      baselineName: `raw undici ${undiciVersion()} Pool PUT (token in hand)`, better: "lower",
      params: { invocations: n, rounds: opts.rounds, statistic: "p50 of each side's best round", node: process.version },
      extra: {
        rax: { p99Us: best.rax.p99 * 1000, firstCallMs: best.rax.coldMs, engine: "node:http (esbuild defaults)" },
        raw: { p99Us: best.raw.p99 * 1000, firstCallMs: best.raw.coldMs },
        // Not a goal: splits rax's row into Node's http client (this) and rax's own work (the rest).
        // rax − raxCore: identity + object-store's work; raxCore − rawNodeHttp: core's transport + engine.
        cpuSplit,
        rawNodeHttp: { p50Us: best.rawNodeHttp.p50 * 1000, p99Us: best.rawNodeHttp.p99 * 1000, firstCallMs: best.rawNodeHttp.coldMs, raxOverNodeHttp: best.rax.p50 / best.rawNodeHttp.p50, handler: "bundled node:http keep-alive Agent PUT (token in hand)" },
      },
    }));
    rows.push(row({
      id: "warm-invocation-undici", unit: "µs per invocation (p50)", rax: best.raxUndici.p50 * 1000, baseline: best.raw.p50 * 1000,
      baselineName: `raw undici ${undiciVersion()} Pool PUT (token in hand)`, better: "lower",
      params: { invocations: n, rounds: opts.rounds, statistic: "p50 of each side's best round", bundle: "esbuild conditions: [\"rax-undici\"] (core's undici engine)", bundleBytes: raxUndici.bytes, defaultBundleBytes: rax.bytes },
      extra: { rax: { p99Us: best.raxUndici.p99 * 1000, firstCallMs: best.raxUndici.coldMs }, raw: { p99Us: best.raw.p99 * 1000, firstCallMs: best.raw.coldMs } },
    }));
  } catch (e) {
    rows.push(failed("warm-invocation", e));
  } finally {
    await server.close();
    fs.rmSync(tmp, { recursive: true, force: true });
  }
  return rows;
}
