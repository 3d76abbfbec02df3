// upload-stream: a generated stream PUT to a discarding loopback server, rax storeObject vs raw undici.request.
import path from "node:path";
import { fileURLToPath } from "node:url";
import { startServer, runWorker } from "../lib/child.mjs";
import { row, skipped, failed } from "../lib/rows.mjs";
import { missingExports, undiciVersion, raxVersion } from "../lib/modules.mjs";

const HERE = path.dirname(fileURLToPath(import.meta.url));
const SERVER = path.join(HERE, "..", "servers", "discard-server.mjs");
const CLIENT = path.join(HERE, "upload-stream-client.mjs");

export const name = "upload-stream";

export async function run({ opts, log }) {
  const bytes = Math.round(opts.uploadMib * 2 ** 20);
  const missing = [
    ...(await missingExports("core", ["StaticSession"])),
    ...(await missingExports("object-store", ["ObjectStore"])),
  ];
  // Swift hashes what it receives; so does this server, on its own core.
  const server = await startServer(SERVER, { md5: true });
  const rows = [];
  const timeoutMs = opts.quick ? 60_000 : 300_000;
  const go = (side) =>
    runWorker(CLIENT, { side, url: server.url, token: "bench-token", bytes }, {
      timeoutMs, execArgv: ["--expose-gc"], profileName: side === "rax" && opts.profile ? "upload-stream" : undefined,
    });
  try {
    // Alternating rounds, each side's best kept (see small-calls).
    const raws = [];
    const raxes = [];
    try {
      for (let i = 0; i < opts.rounds; i++) {
        raws.push(await go("raw"));
        if (!missing.length) raxes.push(await go("rax"));
      }
    } catch (e) {
      return [failed("upload-stream", e)];
    }
    const raw = best(raws);
    log(`upload-stream: raw undici ${raw.mibPerS.toFixed(0)} MiB/s, +${raw.rssGrowthMb.toFixed(1)} MB RSS`);
    const params = {
      mib: opts.uploadMib, chunkKiB: 64, length: "given (Content-Length / size)", serverMd5: true, rounds: opts.rounds,
      undici: undiciVersion(), rax: missing.length ? undefined : raxVersion("object-store"),
      raxOptions: "defaults (MD5 computed while streaming and checked against the server's ETag)",
    };
    if (missing.length) {
      const reason = `rax API not available yet: ${missing.join(", ")}`;
      return [
        skipped("upload-stream", reason, { baseline: raw.mibPerS, baselineName: "raw undici.request", unit: "MiB/s" }),
        skipped("upload-stream-rss", reason, { baseline: raw.rssGrowthMb, baselineName: "raw undici.request", unit: "MB" }),
      ];
    }
    const rax = best(raxes);
    log(`upload-stream: rax ${rax.mibPerS.toFixed(0)} MiB/s, +${rax.rssGrowthMb.toFixed(1)} MB RSS`);
    const extra = { rax: { cpuSeconds: rax.cpuSeconds, seconds: rax.seconds }, raw: { cpuSeconds: raw.cpuSeconds, seconds: raw.seconds } };
    rows.push(row({ id: "upload-stream", unit: "MiB/s", rax: rax.mibPerS, baseline: raw.mibPerS, baselineName: "raw undici.request", goal: { ratio: [">=", 0.9] }, params, extra }));
    rows.push(row({
      id: "upload-stream-rss", unit: "MB peak RSS growth", rax: rax.rssGrowthMb, baseline: raw.rssGrowthMb,
      baselineName: "raw undici.request", better: "lower", goal: { rax: ["<=", 32] }, params,
    }));
  } finally {
    await server.stop();
  }
  return rows;
}

function best(rounds) {
  return rounds.reduce((a, b) => ({
    ...(b.mibPerS > a.mibPerS ? b : a),
    rssGrowthMb: Math.max(a.rssGrowthMb, b.rssGrowthMb), // the worst growth seen is what a user must budget for
    cpuSeconds: Math.min(a.cpuSeconds, b.cpuSeconds),
  }));
}
