// queues-throughput: post + claim + delete of 10,000 messages through rax (@rax/queues on Zaqar
// v2) vs raw undici sending the same requests, against the same @rax/emulator.
import path from "node:path";
import { fileURLToPath } from "node:url";
import { runWorker, startServer } from "../lib/child.mjs";
import { missingExports, raxVersion, undiciVersion } from "../lib/modules.mjs";
import { failed, row, skipped } from "../lib/rows.mjs";

const HERE = path.dirname(fileURLToPath(import.meta.url));
const SERVER = path.join(HERE, "queues-throughput-server.mjs");
const CLIENT = path.join(HERE, "queues-throughput-client.mjs");
/** The row's size: 10,000 messages; --quick 2,000 (the quick bound is 90 s per case on a shared 2-core machine). */
const messagesFor = (quick) => (quick ? 2_000 : 10_000);

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
    const rawRounds = [];
    const raxRounds = [];
    try {
      // Alternating rounds, best round per side: load from elsewhere does not decide the ratio. The
      // side that goes first swaps each round, since the emulator (under tsx) is still warming up.
      const rawRound = async () => rawRounds.push(await runWorker(CLIENT, { ...input, side: "raw" }, { timeoutMs, execArgv: ["--expose-gc"] }));
      const raxRound = async (i) => raxRounds.push(await runWorker(CLIENT, { ...input, side: "rax" }, { timeoutMs, execArgv: ["--expose-gc"], profileName: opts.profile && i === 0 ? id : undefined }));
      for (let i = 0; i < opts.rounds; i++) {
        if (missing.length) {
          await rawRound();
          break;
        }
        if (i % 2 === 0) {
          await rawRound();
          await raxRound(i);
        } else {
          await raxRound(i);
          await rawRound();
        }
      }
    } catch (e) {
      return [failed(id, e)];
    }
    const raw = best(rawRounds);
    log(`${id}: raw undici ${raw.messagesPerS.toFixed(0)} messages/s, ${raw.cpuUsPerMessage.toFixed(1)} µs CPU/message, ${raw.requests} requests`);
    if (missing.length) return [skipped(id, `rax API not available yet: ${missing.join(", ")}`, { baseline: Math.round(raw.messagesPerS), baselineName: "raw undici Pool", unit: "messages/s" })];
    const rax = best(raxRounds);
    log(`${id}: rax ${rax.messagesPerS.toFixed(0)} messages/s, ${rax.cpuUsPerMessage.toFixed(1)} µs CPU/message`);
    const params = {
      messages, postBatch: 10, claimCount: 20, rounds: opts.rounds, statistic: "best round per side (first side swapped each round)",
      op: `PUT queue; POST /v2/queues/q/messages ×${messages / 10} (10 each); POST claims ?limit=20 + DELETE messages?ids= ×${messages / 20}; the 204 claim; DELETE queue`,
      requests: raw.requests, server: "@rax/emulator Zaqar v2 (src, under tsx) in a child process", undici: undiciVersion(), rax: raxVersion("queues"),
    };
    const extra = { rax: { cpuUsPerMessage: rax.cpuUsPerMessage, seconds: rax.seconds }, raw: { cpuUsPerMessage: raw.cpuUsPerMessage, seconds: raw.seconds } };
    return [
      row({ id, unit: "messages/s", rax: rax.messagesPerS, baseline: raw.messagesPerS, baselineName: "raw undici Pool", goal: { ratio: [">=", 0.8] }, params, extra }),
      // The emulator does the heavy lifting in its own process; CPU per message is the client's own cost.
      row({ id: `${id}-cpu`, unit: "µs CPU/message", rax: rax.cpuUsPerMessage, baseline: raw.cpuUsPerMessage, baselineName: "raw undici Pool", better: "lower", params }),
    ];
  } finally {
    await emulator.stop();
  }
}

function best(rounds) {
  return rounds.reduce((a, b) => ({ ...(b.messagesPerS > a.messagesPerS ? b : a), cpuUsPerMessage: Math.min(a.cpuUsPerMessage, b.cpuUsPerMessage) }));
}
