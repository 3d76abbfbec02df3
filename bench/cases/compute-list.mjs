// compute-list: every server of a project, page by page, rax `for await (… of servers.list())` vs
// raw undici doing the same marker paging and JSON parsing, against the same @rax/emulator.
import path from "node:path";
import { fileURLToPath } from "node:url";
import { startServer, runWorker } from "../lib/child.mjs";
import { row, skipped, failed } from "../lib/rows.mjs";
import { missingExports, undiciVersion, raxVersion } from "../lib/modules.mjs";

const HERE = path.dirname(fileURLToPath(import.meta.url));
const SERVER = path.join(HERE, "..", "servers", "compute-emulator.mjs");
const CLIENT = path.join(HERE, "compute-list-client.mjs");

export const name = "compute-list";

export async function run({ opts, log }) {
  const id = "compute-list";
  const missing = [
    ...(await missingExports("core", ["StaticSession", "Transport"])),
    ...(await missingExports("compute", ["Compute"])),
  ];
  const servers = opts.servers;
  const pageSize = opts.pageSize;
  const t0 = performance.now();
  // Creating the servers costs the emulator ~0.1 s each on a loaded 2-core machine.
  const emulator = await startServer(SERVER, { servers }, { timeoutMs: (servers * 0.5 + 30) * 1000, execArgv: ["--import", "tsx"] });
  const rows = [];
  try {
    log(`${id}: emulator with ${servers} servers ready in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
    const { token, endpoint } = await emulator.call({ type: "info" });
    const input = { endpoint, token, servers, pageSize, iterations: opts.quick ? 5 : 20, maxSeconds: opts.quick ? 20 : 60 };
    const timeoutMs = (input.maxSeconds * 2 + 30) * 1000;
    const rawRounds = [];
    const raxRounds = [];
    try {
      // Alternating rounds, best round per side (as small-calls): load from elsewhere does not decide the ratio.
      for (let i = 0; i < opts.rounds; i++) {
        rawRounds.push(await runWorker(CLIENT, { ...input, side: "raw" }, { timeoutMs, execArgv: ["--expose-gc"] }));
        if (missing.length) break;
        raxRounds.push(await runWorker(CLIENT, { ...input, side: "rax" }, {
          timeoutMs, execArgv: ["--expose-gc"], profileName: opts.profile && i === 0 ? id : undefined,
        }));
      }
    } catch (e) {
      return [failed(id, e)];
    }
    const raw = best(rawRounds);
    log(`${id}: raw undici ${raw.rowsPerS.toFixed(0)} rows/s, ${raw.cpuUsPerRow.toFixed(1)} µs CPU/row, ${raw.requestsPerListing} requests/listing`);
    if (missing.length) {
      return [skipped(id, `rax API not available yet: ${missing.join(", ")}`, { baseline: Math.round(raw.rowsPerS), baselineName: "raw undici Pool", unit: "rows/s" })];
    }
    const rax = best(raxRounds);
    log(`${id}: rax ${rax.rowsPerS.toFixed(0)} rows/s, ${rax.cpuUsPerRow.toFixed(1)} µs CPU/row`);
    const params = {
      servers, pageSize, listingsPerRound: input.iterations, rounds: opts.rounds, statistic: "best round per side",
      op: `GET /servers/detail?limit=${pageSize}&marker=… until Nova's next link stops`,
      server: "@rax/emulator (src, under tsx) in a child process", undici: undiciVersion(), rax: raxVersion("compute"),
      requestsPerListing: raw.requestsPerListing, truncated: rax.truncated || raw.truncated || undefined,
    };
    const extra = {
      rax: { cpuUsPerRow: rax.cpuUsPerRow, listings: rax.listings, seconds: rax.seconds },
      raw: { cpuUsPerRow: raw.cpuUsPerRow, listings: raw.listings, seconds: raw.seconds },
    };
    rows.push(row({ id, unit: "rows/s", rax: rax.rowsPerS, baseline: raw.rowsPerS, baselineName: "raw undici Pool", goal: { ratio: [">=", 0.8] }, params, extra }));
    // The emulator renders every page in its own process; CPU per row is the client's own cost.
    rows.push(row({ id: `${id}-cpu`, unit: "µs CPU/row", rax: rax.cpuUsPerRow, baseline: raw.cpuUsPerRow, baselineName: "raw undici Pool", better: "lower", params }));
  } finally {
    await emulator.stop();
  }
  return rows;
}

function best(rounds) {
  return rounds.reduce((a, b) => ({
    ...(b.rowsPerS > a.rowsPerS ? b : a),
    cpuUsPerRow: Math.min(a.cpuUsPerRow, b.cpuUsPerRow),
    truncated: a.truncated || b.truncated,
  }));
}
