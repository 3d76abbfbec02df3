// large-object: a segmented upload of one generated file to the real Swift, rax vs `swift upload`.
import path from "node:path";
import { fileURLToPath } from "node:url";
import { runWorker } from "../lib/child.mjs";
import { row, skipped, failed } from "../lib/rows.mjs";
import { missingExports, raxVersion } from "../lib/modules.mjs";
import { ensureSwiftClient } from "../lib/peers.mjs";
import { ServersUnavailable, swiftToken } from "../lib/openstack.mjs";
import { runSwift, deleteContainers } from "../lib/swift-cli.mjs";
import { generatedFile } from "../lib/data.mjs";
import { DATA_DIR } from "../lib/paths.mjs";

const HERE = path.dirname(fileURLToPath(import.meta.url));
const CLIENT = path.join(HERE, "large-object-client.mjs");

export const name = "large-object";

export async function run({ opts, log, servers }) {
  const missing = [
    ...(await missingExports("core", ["StaticSession"])),
    ...(await missingExports("object-store", ["ObjectStore"])),
  ];
  let env;
  try {
    env = await servers.ensure();
  } catch (e) {
    if (e instanceof ServersUnavailable) return [skipped("large-object", `no real Swift: ${e.message}`), skipped("large-object-rss", `no real Swift: ${e.message}`)];
    throw e;
  }
  const swiftVersion = ensureSwiftClient(log);
  const auth = await swiftToken(env);
  const bytes = Math.round(opts.largeMib * 2 ** 20);
  const segmentBytes = Math.round(opts.segmentMib * 2 ** 20);
  const file = await generatedFile(path.join(DATA_DIR, `large-${opts.largeMib}MiB.bin`), bytes);
  const stamp = Date.now().toString(36);
  const cSwift = `bench-lo-swift-${stamp}`;
  const cRax = `bench-lo-rax-${stamp}`;
  const params = {
    mib: opts.largeMib, segmentMib: opts.segmentMib, segments: Math.ceil(bytes / segmentBytes),
    swift: `python3-swiftclient ${swiftVersion}: swift upload --use-slo --segment-size ${segmentBytes} (default threads)`,
    server: "real Swift (tempauth proxy, 127.0.0.1), token pre-fetched for both sides",
  };
  const rows = [];
  try {
    const sw = await runSwift(["upload", "--use-slo", "--segment-size", String(segmentBytes), "--object-name", "big.bin", cSwift, file], { ...auth });
    log(`large-object: swift ${sw.seconds.toFixed(2)} s, ${sw.peakRssMb.toFixed(0)} MB peak RSS`);
    if (missing.length) {
      const reason = `rax API not available yet: ${missing.join(", ")}`;
      return [
        skipped("large-object", reason, { baseline: sw.seconds, baselineName: "swift upload", unit: "s" }),
        skipped("large-object-rss", reason, { baseline: sw.peakRssMb, baselineName: "swift upload", unit: "MB" }),
      ];
    }
    let rax;
    try {
      rax = await runWorker(CLIENT, { action: "large-object", ...auth, container: cRax, file, objectName: "big.bin", segmentBytes }, {
        timeoutMs: opts.caseTimeoutS * 1000, profileName: opts.profile ? "large-object" : undefined,
      });
    } catch (e) {
      return [failed("large-object", e)];
    }
    log(`large-object: rax ${rax.seconds.toFixed(2)} s, ${rax.peakRssMb.toFixed(0)} MB peak RSS`);
    // Each side's floor: rax's high-water mark before the upload (Node alone, imports, then one request), and
    // swift's peak for one `stat` (its imports and one request). Peak minus floor is what the
    // upload itself holds.
    const swiftFloor = await runSwift(["stat", cSwift], { ...auth }).then((r) => r.peakRssMb, () => NaN);
    const memory = {
      rax: {
        nodeMb: round(rax.nodeMb), importedMb: round(rax.importedMb), importOwnMb: round(rax.importedMb - rax.nodeMb),
        firstRequestMb: round(rax.firstRequestMb), uploadOwnMb: round(rax.peakRssMb - rax.firstRequestMb),
        // Of the resident pages after the imports and at the end: file-backed (node's binary paged in) vs anonymous.
        fileBackedMb: [round(rax.importedResident.fileMb), round(rax.endResident.fileMb)],
        anonMb: [round(rax.importedResident.anonMb), round(rax.endResident.anonMb)],
      },
      swift: { statMb: round(swiftFloor), uploadOwnMb: round(sw.peakRssMb - swiftFloor) },
    };
    const p = { ...params, rax: `${raxVersion("object-store")}: uploadFile(…, { segmentSize }) (default concurrency)` };
    rows.push(row({ id: "large-object", unit: "s", rax: rax.seconds, baseline: sw.seconds, baselineName: "swift upload", better: "lower", goal: { ratio: ["<=", 0.8] }, params: p, extra: { raxResult: rax.detail } }));
    rows.push(row({ id: "large-object-rss", unit: "MB peak RSS", rax: rax.peakRssMb, baseline: sw.peakRssMb, baselineName: "swift upload", better: "lower", goal: { ratio: ["<=", 1] }, params: p, extra: memory }));
  } finally {
    await deleteContainers([cSwift, `${cSwift}_segments`, cRax, `${cRax}_segments`], auth).catch((e) => log(`cleanup: ${e.message}`));
  }
  return rows;
}

const round = (mb) => Math.round(mb * 10) / 10;
