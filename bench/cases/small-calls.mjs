// small-calls: object HEAD and a 10-item JSON listing, rax vs a raw undici Pool, same server.
import path from "node:path";
import { fileURLToPath } from "node:url";
import { startServer, runWorker } from "../lib/child.mjs";
import { row, skipped, failed } from "../lib/rows.mjs";
import { missingExports, undiciVersion, raxVersion } from "../lib/modules.mjs";

const HERE = path.dirname(fileURLToPath(import.meta.url));
const SERVER = path.join(HERE, "..", "servers", "small-calls-server.mjs");
const CLIENT = path.join(HERE, "small-calls-client.mjs");

export const name = "small-calls";

export async function run({ opts, log }) {
  const rows = [];
  const missing = [
    ...(await missingExports("core", ["StaticSession", "Transport"])),
    ...(await missingExports("object-store", ["ObjectStore"])),
  ];
  const server = await startServer(SERVER);
  try {
    for (const op of ["head", "list"]) {
      for (const concurrency of opts.concurrency) {
        const id = `small-calls-${op}-c${concurrency}`;
        const input = {
          url: server.url, token: "bench-token", op, concurrency,
          requests: opts.requests, warmup: Math.min(2000, Math.ceil(opts.requests / 5)),
          maxSeconds: opts.quick ? 15 : 60,
        };
        const timeoutMs = (input.maxSeconds * 1.5 + 20) * 1000;
        // Raw and rax alternate `rounds` times; each side keeps its best round, so a burst of load
        // from elsewhere on the machine does not decide the ratio.
        let raw;
        let rax;
        const raxRounds = [];
        const rawRounds = [];
        // TCP connections the server accepted during one side's run (keep-alive working or not).
        const connections = async () => (await server.call({ type: "stats", reset: true })).connections ?? 0;
        try {
          await connections();
          for (let i = 0; i < opts.rounds; i++) {
            rawRounds.push({ ...(await runWorker(CLIENT, { ...input, side: "raw" }, { timeoutMs, execArgv: ["--expose-gc"] })), connections: await connections() });
            if (missing.length) break;
            raxRounds.push({
              ...(await runWorker(CLIENT, { ...input, side: "rax" }, {
                timeoutMs, execArgv: ["--expose-gc"], profileName: opts.profile && i === 0 ? id : undefined,
              })),
              connections: await connections(),
            });
          }
        } catch (e) {
          rows.push(failed(id, e));
          continue;
        }
        raw = best(rawRounds);
        log(`${id}: raw undici ${raw.reqPerS.toFixed(0)} req/s, ${raw.cpuUsPerReq.toFixed(1)} µs CPU/req`);
        if (missing.length) {
          rows.push(skipped(id, `rax API not available yet: ${missing.join(", ")}`, { baseline: Math.round(raw.reqPerS), baselineName: "raw undici Pool", unit: "req/s" }));
          continue;
        }
        rax = best(raxRounds);
        log(`${id}: rax ${rax.reqPerS.toFixed(0)} req/s, ${rax.cpuUsPerReq.toFixed(1)} µs CPU/req`);
        const params = {
          requests: opts.requests, concurrency, rounds: opts.rounds, statistic: "best round per side", op: op === "head" ? "getObjectMetadata (HEAD)" : "listObjects (GET ?format=json, 10 items)",
          server: "raw net server in a child process", undici: undiciVersion(), rax: raxVersion("object-store"),
          truncated: rax.truncated || raw.truncated || undefined,
        };
        const extra = {
          rax: { p50Ms: rax.p50Ms, p99Ms: rax.p99Ms, cpuUsPerReq: rax.cpuUsPerReq, tcpConnections: rax.connections },
          raw: { p50Ms: raw.p50Ms, p99Ms: raw.p99Ms, cpuUsPerReq: raw.cpuUsPerReq, tcpConnections: raw.connections },
        };
        rows.push(row({
          id, unit: "req/s", rax: rax.reqPerS, baseline: raw.reqPerS, baselineName: "raw undici Pool",
          goal: concurrency >= 32 ? { ratio: [">=", 0.8] } : undefined, params, extra,
        }));
        // Throughput is capped by the server's single core at high concurrency; CPU per request is
        // the client's own cost, whatever the server does.
        rows.push(row({
          id: `${id}-cpu`, unit: "µs CPU/req", rax: rax.cpuUsPerReq, baseline: raw.cpuUsPerReq,
          baselineName: "raw undici Pool", better: "lower", params,
        }));
      }
    }
  } finally {
    await server.stop();
  }
  return rows;
}

function best(rounds) {
  return rounds.reduce((a, b) => ({
    ...(b.reqPerS > a.reqPerS ? b : a),
    cpuUsPerReq: Math.min(a.cpuUsPerReq, b.cpuUsPerReq),
    truncated: a.truncated || b.truncated,
  }));
}
