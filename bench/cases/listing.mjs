// listing: every object of a 10,000-object container, rax `for await (… of listObjects())` vs raw
// undici doing Swift's marker paging with `limit`, against the same Swift-like listing server.
import path from "node:path";
import { fileURLToPath } from "node:url";
import { startServer, runWorker } from "../lib/child.mjs";
import { row, skipped, failed } from "../lib/rows.mjs";
import { missingExports, undiciVersion, raxVersion } from "../lib/modules.mjs";

const HERE = path.dirname(fileURLToPath(import.meta.url));
const SERVER = path.join(HERE, "..", "servers", "listing-server.mjs");
const CLIENT = path.join(HERE, "listing-client.mjs");

export const name = "listing";

export async function run({ opts, log }) {
  const id = "listing";
  const missing = [
    ...(await missingExports("core", ["StaticSession", "Transport"])),
    ...(await missingExports("object-store", ["ObjectStore"])),
  ];
  const objects = opts.objects;
  const server = await startServer(SERVER, { objects });
  const rows = [];
  try {
    const input = { url: server.url, token: "bench-token", objects, iterations: opts.quick ? 10 : 40, maxSeconds: opts.quick ? 20 : 60 };
    const timeoutMs = (input.maxSeconds * 2 + 30) * 1000;
    // Requests (and empty pages) each side sent for one listing, from the server's counts.
    const requests = async () => server.call({ type: "stats", reset: true });
    const rawRounds = [];
    const raxRounds = [];
    try {
      await requests();
      // Alternating rounds, best round per side (as small-calls): load from elsewhere does not decide the ratio.
      for (let i = 0; i < opts.rounds; i++) {
        rawRounds.push(withRequests(await runWorker(CLIENT, { ...input, side: "raw" }, { timeoutMs, execArgv: ["--expose-gc"] }), await requests()));
        if (missing.length) break;
        raxRounds.push(withRequests(await runWorker(CLIENT, { ...input, side: "rax" }, {
          timeoutMs, execArgv: ["--expose-gc"], profileName: opts.profile && i === 0 ? id : undefined,
        }), await requests()));
      }
    } catch (e) {
      return [failed(id, e)];
    }
    const raw = best(rawRounds);
    log(`${id}: raw undici ${raw.rowsPerS.toFixed(0)} rows/s, ${raw.cpuMsPerListing.toFixed(1)} ms CPU/listing, ${raw.requestsPerListing} requests/listing`);
    if (missing.length) {
      return [skipped(id, `rax API not available yet: ${missing.join(", ")}`, { baseline: Math.round(raw.rowsPerS), baselineName: "raw undici Pool", unit: "rows/s" })];
    }
    const rax = best(raxRounds);
    log(`${id}: rax ${rax.rowsPerS.toFixed(0)} rows/s, ${rax.cpuMsPerListing.toFixed(1)} ms CPU/listing, ${rax.requestsPerListing} requests/listing`);
    const params = {
      objects, listingsPerRound: input.iterations, rounds: opts.rounds, statistic: "best round per side",
      op: "GET /v1/AUTH_bench/big?format=json[&limit][&marker] until a short page",
      server: "node:http Swift-like listing (cap 10,000, pages rendered once) in a child process", undici: undiciVersion(), rax: raxVersion("object-store"),
      truncated: rax.truncated || raw.truncated || undefined,
    };
    const extra = {
      rax: { cpuMsPerListing: rax.cpuMsPerListing, requestsPerListing: rax.requestsPerListing, emptyPagesPerListing: rax.emptyPagesPerListing, seconds: rax.seconds },
      raw: { cpuMsPerListing: raw.cpuMsPerListing, requestsPerListing: raw.requestsPerListing, emptyPagesPerListing: raw.emptyPagesPerListing, seconds: raw.seconds },
    };
    rows.push(row({ id, unit: "rows/s", rax: rax.rowsPerS, baseline: raw.rowsPerS, baselineName: "raw undici Pool", goal: { ratio: [">=", 0.8] }, params, extra }));
    // The server renders each page once and serves it from memory; CPU per listing is the client's own cost.
    rows.push(row({
      id: `${id}-cpu`, unit: "ms CPU/listing", rax: rax.cpuMsPerListing, baseline: raw.cpuMsPerListing, baselineName: "raw undici Pool",
      better: "lower", goal: { ratio: ["<=", 1.3] }, params,
    }));
    rows.push(row({
      id: `${id}-requests`, unit: "requests/listing", rax: rax.requestsPerListing, baseline: raw.requestsPerListing, baselineName: "raw undici Pool",
      better: "lower", goal: { ratio: ["<=", 1] }, params,
    }));
  } finally {
    await server.stop();
  }
  return rows;
}

// The worker's listings plus the warm-up one.
function withRequests(result, counts) {
  const n = result.listings + 1;
  return { ...result, requestsPerListing: counts.requests / n, emptyPagesPerListing: counts.emptyPages / n };
}

function best(rounds) {
  return rounds.reduce((a, b) => ({
    ...(b.rowsPerS > a.rowsPerS ? b : a),
    cpuMsPerListing: Math.min(a.cpuMsPerListing, b.cpuMsPerListing),
    truncated: a.truncated || b.truncated,
  }));
}
