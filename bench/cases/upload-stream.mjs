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
  const go = (side, variant, id) =>
    runWorker(CLIENT, { side, variant, url: server.url, token: "bench-token", bytes }, {
      timeoutMs, execArgv: ["--expose-gc"], profileName: side === "rax" && opts.profile ? id : undefined,
    });
  try {
    let raw;
    try {
      raw = await go("raw", "default", "upload-stream-raw");
    } catch (e) {
      return [failed("upload-stream", e)];
    }
    log(`upload-stream: raw undici ${raw.mibPerS.toFixed(0)} MiB/s, +${raw.rssGrowthMb.toFixed(1)} MB RSS`);
    const params = {
      mib: opts.uploadMib, chunkKiB: 64, transferEncoding: "chunked (stream of unknown length)", serverMd5: true,
      undici: undiciVersion(), rax: missing.length ? undefined : raxVersion("object-store"),
    };
    if (missing.length) {
      const reason = `rax API not available yet: ${missing.join(", ")}`;
      return [
        skipped("upload-stream", reason, { baseline: raw.mibPerS, baselineName: "raw undici.request", unit: "MiB/s" }),
        skipped("upload-stream-rss", reason, { baseline: raw.rssGrowthMb, baselineName: "raw undici.request", unit: "MB" }),
      ];
    }
    for (const variant of ["default", "no-verify"]) {
      const id = variant === "default" ? "upload-stream" : "upload-stream-no-verify";
      let rax;
      try {
        rax = await go("rax", variant, id);
      } catch (e) {
        rows.push(failed(id, e));
        continue;
      }
      log(`${id}: rax ${rax.mibPerS.toFixed(0)} MiB/s, +${rax.rssGrowthMb.toFixed(1)} MB RSS`);
      const p = { ...params, raxOptions: variant === "default" ? "defaults (MD5 computed and checked)" : "verifyEtag: false" };
      const extra = { rax: { cpuSeconds: rax.cpuSeconds, seconds: rax.seconds }, raw: { cpuSeconds: raw.cpuSeconds, seconds: raw.seconds } };
      rows.push(row({ id, unit: "MiB/s", rax: rax.mibPerS, baseline: raw.mibPerS, baselineName: "raw undici.request", goal: { ratio: [">=", 0.9] }, params: p, extra }));
      rows.push(row({
        id: `${id}-rss`, unit: "MB peak RSS growth", rax: rax.rssGrowthMb, baseline: raw.rssGrowthMb,
        baselineName: "raw undici.request", better: "lower", goal: { rax: ["<=", 32] }, params: p,
      }));
    }
  } finally {
    await server.stop();
  }
  return rows;
}
