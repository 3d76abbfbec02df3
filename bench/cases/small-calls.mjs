// small-calls: object HEAD and a 10-item JSON listing, rax vs a raw undici Pool, same server.
import path from "node:path";
import { fileURLToPath } from "node:url";
import { askWithin, exitChild as exit, startMeasuringChild, startServer } from "../lib/child.mjs";
import { row, skipped, failed } from "../lib/rows.mjs";
import { missingExports, undiciVersion, raxVersion } from "../lib/modules.mjs";

const HERE = path.dirname(fileURLToPath(import.meta.url));
const SERVER = path.join(HERE, "..", "servers", "small-calls-server.mjs");
const CLIENT = path.join(HERE, "small-calls-client.mjs");
/**
 * Each side's `rounds × requests` measured calls are cut into rounds of `requests ÷ ROUNDS_PER_PASS`
 * (never under MIN_ROUND): short rounds, many turns, so that on a busy machine each side still
 * finds quiet moments (a 2,000-call round takes ~0.2–0.5 s).
 */
const ROUNDS_PER_PASS = 10;
const MIN_ROUND = 1000;

export const name = "small-calls";

export async function run({ opts, log }) {
  const rows = [];
  const missing = [
    ...(await missingExports("core", ["StaticSession", "Transport"])),
    ...(await missingExports("object-store", ["ObjectStore"])),
  ];
  const server = await startServer(SERVER);
  // TCP connections the server accepted since the last look (keep-alive working or not).
  const connections = async () => (await server.call({ type: "stats", reset: true })).connections ?? 0;
  // Both sides measure the same calls: `rounds × requests` each, in rounds of `perRound`.
  const perRound = Math.min(opts.requests, Math.max(MIN_ROUND, Math.ceil(opts.requests / ROUNDS_PER_PASS)));
  const measuredRounds = Math.max(1, Math.round((opts.rounds * opts.requests) / perRound));
  try {
    for (const op of ["head", "list"]) {
      for (const concurrency of opts.concurrency) {
        const id = `small-calls-${op}-c${concurrency}`;
        const input = {
          url: server.url, token: "bench-token", op, concurrency,
          // Once per process, so it can be the size of a quick run: the JIT settles before any round counts.
          warmup: Math.min(2000, opts.requests),
          maxSeconds: opts.quick ? 15 : 60,
        };
        const timeoutMs = (input.maxSeconds * 1.5 + 20) * 1000;
        const rawRounds = [];
        const raxRounds = [];
        const opened = { raw: 0, rax: 0 };
        const reopened = { raw: 0, rax: 0 };
        try {
          // Each side is one long-lived process (its own JIT), warmed up once; then the sides take
          // turns round by round, the first side swapping each turn, and each keeps its best round:
          // a burst of load from elsewhere lands on both alike instead of deciding the ratio.
          let rawSide;
          let raxSide;
          try {
            await connections();
            rawSide = await startClient({ ...input, side: "raw" }, opts.profile ? `${id}-raw` : undefined);
            opened.raw = await connections();
            if (!missing.length) {
              raxSide = await startClient({ ...input, side: "rax" }, opts.profile ? id : undefined);
              opened.rax = await connections();
            }
            for (let i = 0; i < measuredRounds; i++) {
              const order = i % 2 === 0 ? ["raw", "rax"] : ["rax", "raw"];
              for (const side of order) {
                const client = side === "raw" ? rawSide : raxSide;
                if (!client) continue;
                (side === "raw" ? rawRounds : raxRounds).push(await round(client, perRound, timeoutMs));
                reopened[side] += await connections();
              }
            }
          } finally {
            await Promise.all([rawSide, raxSide].map((c) => c && exit(c)));
          }
        } catch (e) {
          rows.push(failed(id, e));
          continue;
        }
        const raw = best(rawRounds);
        log(`${id}: raw undici ${raw.reqPerS.toFixed(0)} req/s, ${raw.cpuUsPerReq.toFixed(1)} µs CPU/req`);
        if (missing.length) {
          rows.push(skipped(id, `rax API not available yet: ${missing.join(", ")}`, { baseline: Math.round(raw.reqPerS), baselineName: "raw undici Pool", unit: "req/s" }));
          continue;
        }
        const rax = best(raxRounds);
        log(`${id}: rax ${rax.reqPerS.toFixed(0)} req/s, ${rax.cpuUsPerReq.toFixed(1)} µs CPU/req`);
        const params = {
          requests: opts.requests, concurrency, rounds: opts.rounds, requestsPerRound: perRound, roundsPerSide: measuredRounds,
          statistic: "best round per side (req/s and CPU each); the sides' rounds alternate (first side swapped each turn), each side one long-lived process warmed up once",
          op: op === "head" ? "getObjectMetadata (HEAD)" : "listObjects (GET ?format=json, 10 items)",
          server: "raw net server in a child process", undici: undiciVersion(), rax: raxVersion("object-store"),
          truncated: rax.truncated || raw.truncated || undefined,
        };
        // tcpConnections: opened by the warm-up (= concurrency when keep-alive works); tcpReconnects:
        // opened during the measured rounds (0 when every connection was reused).
        const extra = {
          // Each rax round over the raw round beside it, median: a check on the best-round ratio that
          // cancels load drifting between turns (close to the row's ratio when the machine was steady).
          pairedRatioMedian: pairedMedian(raxRounds, rawRounds),
          rax: { p50Ms: rax.p50Ms, p99Ms: rax.p99Ms, cpuUsPerReq: rax.cpuUsPerReq, tcpConnections: opened.rax, tcpReconnects: reopened.rax },
          raw: { p50Ms: raw.p50Ms, p99Ms: raw.p99Ms, cpuUsPerReq: raw.cpuUsPerReq, tcpConnections: opened.raw, tcpReconnects: reopened.raw },
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

/** The side's best round: the fastest round's req/s and latencies, the lowest CPU per request of any round. */
function best(rounds) {
  return rounds.reduce((a, b) => ({
    ...(b.reqPerS > a.reqPerS ? b : a),
    cpuUsPerReq: Math.min(a.cpuUsPerReq, b.cpuUsPerReq),
    truncated: a.truncated || b.truncated,
  }));
}

/** Median over turns of rax req/s ÷ raw req/s, each turn's two rounds paired. */
function pairedMedian(raxRounds, rawRounds) {
  const ratios = raxRounds.map((r, i) => r.reqPerS / rawRounds[i].reqPerS).sort((a, b) => a - b);
  const m = ratios.length >> 1;
  return ratios.length % 2 ? ratios[m] : (ratios[m - 1] + ratios[m]) / 2;
}

/** One side's client, up and warmed; `profileName` adds --cpu-prof (written when it exits). */
function startClient(input, profileName) {
  // The warm-up runs before the child reports it is up: bounded like a round.
  return startMeasuringChild(CLIENT, input, { timeoutMs: (input.maxSeconds + 30) * 1000, profileName });
}

/** One measured round of `requests` calls; rejects on the client's error or after `timeoutMs`. */
function round(client, requests, timeoutMs) {
  return askWithin(client, { type: "round", requests }, timeoutMs, `small-calls-client.mjs: a round of ${requests} requests`);
}
