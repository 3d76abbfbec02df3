// folder-upload and folder-sync: N small files to the real Swift, rax vs `swift upload`; then
// change some files and sync, counting requests through a proxy.
import path from "node:path";
import { fileURLToPath } from "node:url";
import { runWorker, startServer } from "../lib/child.mjs";
import { row, skipped, failed } from "../lib/rows.mjs";
import { missingExports, raxVersion } from "../lib/modules.mjs";
import { ensureSwiftClient } from "../lib/peers.mjs";
import { ServersUnavailable, swiftToken } from "../lib/openstack.mjs";
import { runSwift, deleteContainers } from "../lib/swift-cli.mjs";
import { generatedFolder, changeFiles } from "../lib/data.mjs";
import { DATA_DIR } from "../lib/paths.mjs";

const HERE = path.dirname(fileURLToPath(import.meta.url));
const CLIENT = path.join(HERE, "swift-client.mjs");
const PROXY = path.join(HERE, "..", "servers", "counting-proxy.mjs");

export const name = "folder";

const total = (counts) => Object.values(counts).reduce((a, b) => a + b, 0);

export async function run({ opts, log, servers }) {
  const missing = [
    ...(await missingExports("core", ["StaticSession"])),
    ...(await missingExports("object-store", ["ObjectStore"])),
  ];
  let env;
  try {
    env = await servers.ensure();
  } catch (e) {
    if (e instanceof ServersUnavailable) return ["folder-upload", "folder-sync", "folder-sync-requests"].map((id) => skipped(id, `no real Swift: ${e.message}`));
    throw e;
  }
  const swiftVersion = ensureSwiftClient(log);
  const auth = await swiftToken(env);
  const parent = path.join(DATA_DIR, "folder");
  const folder = generatedFolder(path.join(parent, "files"), opts.files);
  const stamp = Date.now().toString(36);
  const cSwift = `bench-dir-swift-${stamp}`;
  const cRax = `bench-dir-rax-${stamp}`;
  const params = {
    files: opts.files, sizes: "1–64 KiB", changed: opts.changed,
    swift: `python3-swiftclient ${swiftVersion} (default threads)`, server: "real Swift (tempauth proxy, 127.0.0.1)",
    rax: missing.length ? undefined : raxVersion("object-store"),
  };
  const rows = [];
  const proxy = await startServer(PROXY, { target: new URL(auth.storageUrl).origin });
  const viaProxy = { token: auth.token, storageUrl: proxy.url + new URL(auth.storageUrl).pathname };
  try {
    // folder-upload: straight to Swift, timed.
    const swUp = await runSwift(["upload", cSwift, "files"], { ...auth, cwd: parent });
    log(`folder-upload: swift ${swUp.seconds.toFixed(2)} s`);
    let raxUp;
    if (missing.length) {
      rows.push(skipped("folder-upload", `rax API not available yet: ${missing.join(", ")}`, { baseline: swUp.seconds, baselineName: "swift upload", unit: "s" }));
    } else {
      try {
        raxUp = await runWorker(CLIENT, { action: "upload-folder", ...auth, container: cRax, folder }, { timeoutMs: opts.caseTimeoutS * 1000, profileName: opts.profile ? "folder-upload" : undefined });
        log(`folder-upload: rax ${raxUp.seconds.toFixed(2)} s`);
        rows.push(row({
          id: "folder-upload", unit: "s", rax: raxUp.seconds, baseline: swUp.seconds, baselineName: "swift upload", better: "lower",
          goal: { ratio: ["<=", 0.5] }, params: { ...params, note: "ratio ≤ 0.5 means rax is ≥ 2× faster" },
          extra: { raxPeakRssMb: raxUp.peakRssMb, swiftPeakRssMb: swUp.peakRssMb, raxResult: raxUp.detail },
        }));
      } catch (e) {
        rows.push(failed("folder-upload", e));
      }
    }

    // folder-sync: change files, then both sync through the counting proxy.
    changeFiles(folder, opts.changed, Date.now() & 0xffff);
    await proxy.call({ type: "stats", reset: true });
    const swSync = await runSwift(["upload", "--changed", cSwift, "files"], { ...viaProxy, cwd: parent });
    const swCounts = await proxy.call({ type: "stats", reset: true });
    log(`folder-sync: swift --changed ${swSync.seconds.toFixed(2)} s, ${total(swCounts)} requests ${JSON.stringify(swCounts)}`);
    if (!raxUp) {
      const reason = missing.length ? `rax API not available yet: ${missing.join(", ")}` : "folder-upload failed";
      rows.push(skipped("folder-sync", reason, { baseline: swSync.seconds, baselineName: "swift upload --changed", unit: "s" }));
      rows.push(skipped("folder-sync-requests", reason, { baseline: total(swCounts), baselineName: "swift upload --changed", unit: "requests" }));
      return rows;
    }
    let raxSync;
    try {
      raxSync = await runWorker(CLIENT, { action: "sync-folder", ...viaProxy, container: cRax, folder }, { timeoutMs: opts.caseTimeoutS * 1000 });
    } catch (e) {
      rows.push(failed("folder-sync", e));
      return rows;
    }
    const raxCounts = await proxy.call({ type: "stats", reset: true });
    log(`folder-sync: rax ${raxSync.seconds.toFixed(2)} s, ${total(raxCounts)} requests ${JSON.stringify(raxCounts)}`);
    // The goal: listing pages (Swift returns up to 10,000 names a page) + one PUT per changed file.
    // A client that asks for a page size can tell a short page is the last one, so no empty page is counted.
    const pages = Math.max(1, Math.ceil(opts.files / 10_000));
    const p = { ...params, via: "counting proxy (both sides)" };
    rows.push(row({
      id: "folder-sync", unit: "s", rax: raxSync.seconds, baseline: swSync.seconds, baselineName: "swift upload --changed", better: "lower", params: p,
      extra: { raxResult: raxSync.detail },
    }));
    rows.push(row({
      id: "folder-sync-requests", unit: "requests", rax: total(raxCounts), baseline: total(swCounts), baselineName: "swift upload --changed", better: "lower",
      goal: { rax: ["<=", pages + opts.changed] }, params: { ...p, goalMeaning: `${pages} listing page(s) + ${opts.changed} PUTs` },
      extra: { rax: raxCounts, swift: swCounts },
    }));
  } finally {
    await proxy.stop();
    await deleteContainers([cSwift, cRax], auth).catch((e) => log(`cleanup: ${e.message}`));
  }
  return rows;
}
