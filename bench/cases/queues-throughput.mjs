// queues-throughput: post + claim + delete of 10,000 messages through rax (@rax/queues on Zaqar
// v2) vs raw undici sending the same requests, against the same @rax/emulator.
import path from "node:path";
import { fileURLToPath } from "node:url";
import { askWithin, exitChild as exit, startMeasuringChild, startServer } from "../lib/child.mjs";
import { missingExports, raxVersion, undiciVersion } from "../lib/modules.mjs";
import { failed, row, skipped } from "../lib/rows.mjs";

const HERE = path.dirname(fileURLToPath(import.meta.url));
const SERVER = path.join(HERE, "queues-throughput-server.mjs");
const CLIENT = path.join(HERE, "queues-throughput-client.mjs");
/** The row's size: 10,000 messages; --quick 2,000 (the quick bound is 90 s per case on a shared 2-core machine). */
const messagesFor = (quick) => (quick ? 2_000 : 10_000);
/** Messages per chunk: each side's run is cut into chunks of this size, the sides' chunks alternating. */
const CHUNK = 500;

export const name = "queues-throughput";

export async function run({ opts, log }) {
  const id = "queues-throughput";
  const missing = [...(await missingExports("core", ["StaticSession", "Transport"])), ...(await missingExports("queues", ["Queues"]))];
  const emulator = await startServer(SERVER, {}, { timeoutMs: 60_000, execArgv: ["--import", "tsx"] });
  try {
    const { token, endpoint } = await emulator.call({ type: "info" });
    const messages = messagesFor(opts.quick);
    const input = { endpoint, token, messages };
    const timeoutMs = 300_000;
    const chunks = [];
    try {
      // Both sides stay up (each its own process and JIT) and take turns chunk by chunk, the first
      // side swapping each turn: a burst of load from elsewhere (or the emulator, under tsx, still
      // warming up) lands on both alike, where whole separate rounds let it decide the ratio.
      let rawSide;
      let raxSide;
      try {
        rawSide = await startClient({ ...input, side: "raw" });
        raxSide = missing.length ? undefined : await startClient({ ...input, side: "rax" }, opts.profile ? id : undefined);
        const turns = opts.rounds * Math.max(1, Math.round(messages / CHUNK));
        const size = Math.min(CHUNK, messages);
        for (let i = 0; i < turns; i++) {
          const order = i % 2 === 0 ? [rawSide, raxSide] : [raxSide, rawSide];
          for (const side of order) if (side) chunks.push({ side: side === rawSide ? "raw" : "rax", ...(await chunk(side, size, timeoutMs)) });
        }
      } finally {
        await Promise.all([rawSide, raxSide].map((c) => c && exit(c)));
      }
    } catch (e) {
      return [failed(id, e)];
    }
    const rawChunks = chunks.filter((c) => c.side === "raw");
    const raxChunks = chunks.filter((c) => c.side === "rax");
    const raw = medianChunk(rawChunks);
    log(`${id}: raw undici ${raw.messagesPerS.toFixed(0)} messages/s, ${raw.cpuUsPerMessage.toFixed(1)} µs CPU/message, ${raw.requests} requests`);
    if (missing.length) return [skipped(id, `rax API not available yet: ${missing.join(", ")}`, { baseline: Math.round(raw.messagesPerS), baselineName: "raw undici Pool", unit: "messages/s" })];
    const rax = medianChunk(raxChunks);
    log(`${id}: rax ${rax.messagesPerS.toFixed(0)} messages/s, ${rax.cpuUsPerMessage.toFixed(1)} µs CPU/message`);
    const params = {
      messages, postBatch: 10, claimCount: 20, rounds: opts.rounds, chunk: Math.min(CHUNK, messages), chunksPerSide: raxChunks.length,
      statistic: "median chunk per side; the sides' chunks alternate (first side swapped each turn), each side one long-lived process",
      op: `per chunk: PUT queue; POST /v2/queues/q/messages (10 each); POST claims ?limit=20 + DELETE messages?ids=; the 204 claim; DELETE queue`,
      requests: raw.requests, server: "@rax/emulator Zaqar v2 (src, under tsx) in a child process", undici: undiciVersion(), rax: raxVersion("queues"),
    };
    const extra = { rax: { cpuUsPerMessage: rax.cpuUsPerMessage, messagesPerS: rax.messagesPerS }, raw: { cpuUsPerMessage: raw.cpuUsPerMessage, messagesPerS: raw.messagesPerS } };
    return [
      row({ id, unit: "messages/s", rax: rax.messagesPerS, baseline: raw.messagesPerS, baselineName: "raw undici Pool", goal: { ratio: [">=", 0.8] }, params, extra }),
      // The emulator does the heavy lifting in its own process; CPU per message is the client's own cost.
      row({ id: `${id}-cpu`, unit: "µs CPU/message", rax: rax.cpuUsPerMessage, baseline: raw.cpuUsPerMessage, baselineName: "raw undici Pool", better: "lower", params }),
    ];
  } finally {
    await emulator.stop();
  }
}

/** The side's median chunk: messages/s and µs of client CPU per message (each its own median); requests per chunk. */
function medianChunk(rounds) {
  const median = (xs) => {
    const s = [...xs].sort((a, b) => a - b);
    const m = s.length >> 1;
    return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
  };
  return {
    messagesPerS: median(rounds.map((r) => r.messages / r.seconds)),
    cpuUsPerMessage: median(rounds.map((r) => r.cpuUs / r.messages)),
    requests: rounds[0]?.requests,
  };
}

/** One side's client, up and warmed; `profileName` adds --cpu-prof (written when it exits). */
function startClient(input, profileName) {
  return startMeasuringChild(CLIENT, input, { timeoutMs: 120_000, profileName });
}

function chunk(client, messages, timeoutMs) {
  return askWithin(client, { type: "chunk", messages }, timeoutMs, `queues-throughput-client.mjs: a chunk of ${messages} messages`);
}
