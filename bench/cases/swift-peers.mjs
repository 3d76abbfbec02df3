// swift-peers: rax next to the JavaScript Swift clients people use, and raw undici, against the
// real Swift proxy (Keystone-backed), one client per child process. The rows are client CPU per
// call (the server is the same for all and sets the wall clock): rax ÷ the best peer, with
// rax ÷ raw undici and every client's numbers in `extra`.
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { runWorker } from "../lib/child.mjs";
import { row, skipped, failed } from "../lib/rows.mjs";
import { importUndici, peerVersion, raxVersion, undiciVersion } from "../lib/modules.mjs";
import { ensureJsSwiftPeers, JS_SWIFT_PEERS } from "../lib/peers.mjs";
import { ServersUnavailable, keystoneSwift } from "../lib/openstack.mjs";
import { generatedFile } from "../lib/data.mjs";
import { DATA_DIR } from "../lib/paths.mjs";

const HERE = path.dirname(fileURLToPath(import.meta.url));
const CLIENT = path.join(HERE, "swift-peers-client.mjs");
const OPS = [
  { op: "head", unit: "µs CPU/call", what: "HEAD of a 1 KiB object" },
  { op: "get", unit: "µs CPU/call", what: "GET of a 1 KiB object, body read" },
  { op: "list", unit: "µs CPU/listing", what: "every name of a container" },
  { op: "upload", unit: "µs CPU/upload", what: "PUT of a file from disk" },
];

export const name = "swift-peers";

export async function run({ opts, log, servers }) {
  // Installing the peers (~300 npm packages, a minute) and their runs would double CI's quick bench.
  if (opts.quick && !opts.only?.includes(name)) return OPS.map((o) => skipped(`swift-peers-${o.op}`, "full runs only (--quick --only=swift-peers runs it small)"));
  let env;
  try {
    env = await servers.ensure();
  } catch (e) {
    if (e instanceof ServersUnavailable) return OPS.map((o) => skipped(`swift-peers-${o.op}`, `no real Swift: ${e.message}`));
    throw e;
  }
  const versions = ensureJsSwiftPeers(log);
  const ks = await keystoneSwift(env);
  const stamp = Date.now().toString(36);
  const container = `bench-peers-${stamp}`;
  const listContainer = `bench-peers-list-${stamp}`;
  const sizes = opts.quick ? { calls: 30, listObjects: 100, listings: 2, uploadMib: 4, uploads: 1, warmup: 10 } : { calls: 1000, listObjects: 2000, listings: 20, uploadMib: 64, uploads: 3, warmup: 100 };
  const uploadFile = await generatedFile(path.join(DATA_DIR, `peers-${sizes.uploadMib}MiB.bin`), sizes.uploadMib * 2 ** 20);
  const { Pool } = await importUndici();
  const origin = new URL(ks.storageUrl).origin;
  const base = new URL(ks.storageUrl).pathname;
  const pool = new Pool(origin, { connections: 16 });
  const req = async (method, p, body, ok) => {
    const r = await pool.request({ method, path: `${base}${p}`, headers: { "x-auth-token": ks.token }, body });
    await r.body.dump();
    if (!ok.includes(r.statusCode)) throw new Error(`${method} ${p}: HTTP ${r.statusCode}`);
  };
  try {
    await req("PUT", `/${container}`, undefined, [201, 202]);
    await req("PUT", `/${listContainer}`, undefined, [201, 202]);
    await req("PUT", `/${container}/small.bin`, Buffer.alloc(1024, 7), [201]);
    let next = 0;
    await Promise.all(Array.from({ length: 16 }, async () => {
      while (next < sizes.listObjects) {
        const i = next++;
        await req("PUT", `/${listContainer}/obj-${String(i).padStart(6, "0")}`, "", [201]);
      }
    }));
    log(`swift-peers: ${sizes.listObjects} objects listed by each client; ${sizes.calls} HEADs and GETs, ${sizes.listings} listings, ${sizes.uploads} × ${sizes.uploadMib} MiB uploads per client`);
    const clients = ["rax", "raw undici", ...JS_SWIFT_PEERS].filter((c) => !process.env.RAX_BENCH_PEERS_ONLY || process.env.RAX_BENCH_PEERS_ONLY.split(",").includes(c));
    const best = {};
    const rounds = opts.rounds;
    for (let round = 0; round < rounds; round++) {
      // Alternate the order so no client always runs first on a warm or cold server.
      const order = round % 2 ? [...clients].reverse() : clients;
      for (const client of order) {
        const input = { client, token: ks.token, storageUrl: ks.storageUrl, authBase: ks.authBase, user: ks.user, region: ks.region, appCred: ks.appCred, container, listContainer, object: "small.bin", uploadFile, tag: `${round}-${clients.indexOf(client)}`, ...sizes };
        let r;
        try {
          r = await runWorker(CLIENT, input, { timeoutMs: opts.caseTimeoutS * 1000 });
        } catch (e) {
          return OPS.map((o) => failed(`swift-peers-${o.op}`, new Error(`${client}: ${e.message}`)));
        }
        for (const { op } of OPS) {
          const prev = best[client]?.[op];
          if (!prev || r[op].cpuUsPerOp < prev.cpuUsPerOp) (best[client] ??= {})[op] = r[op];
        }
        log(`swift-peers: ${client}: ${OPS.map(({ op }) => `${op} ${r[op].cpuUsPerOp.toFixed(0)} µs CPU`).join(", ")}`);
      }
    }
    const params = {
      server: "real Swift proxy with Keystone auth (127.0.0.1); every client authenticates before timing",
      calls: sizes.calls, listObjects: sizes.listObjects, listings: sizes.listings, uploadMib: sizes.uploadMib, uploads: sizes.uploads, rounds,
      versions: { rax: raxVersion("object-store"), undici: undiciVersion(), ...versions },
    };
    const ran = JS_SWIFT_PEERS.filter((p) => best[p]);
    if (!best.rax || !best["raw undici"] || !ran.length) throw new Error("RAX_BENCH_PEERS_ONLY must keep rax, raw undici and at least one peer for the rows");
    return OPS.map(({ op, unit, what }) => {
      const peers = ran.map((p) => [p, best[p][op].cpuUsPerOp]).sort((x, y) => x[1] - y[1]);
      const [bestPeer, bestCpu] = peers[0];
      const rax = best.rax[op].cpuUsPerOp;
      const raw = best["raw undici"][op].cpuUsPerOp;
      return row({
        id: `swift-peers-${op}`, unit, rax, baseline: bestCpu, baselineName: `best JS peer (${bestPeer})`, better: "lower", goal: { ratio: ["<=", 1] },
        params: { ...params, what },
        extra: {
          raxOverRawUndici: rax / raw,
          cpuUs: Object.fromEntries(clients.filter((c) => best[c]).map((c) => [c, best[c][op].cpuUsPerOp])),
          wallMs: Object.fromEntries(clients.filter((c) => best[c]).map((c) => [c, best[c][op].msPerOp])),
        },
      });
    });
  } finally {
    for (const c of [listContainer, container]) {
      // Listing-driven delete: every client's uploads and the listing objects.
      try {
        for (;;) {
          const r = await pool.request({ method: "GET", path: `${base}/${c}?format=json&limit=10000`, headers: { "x-auth-token": ks.token } });
          const names = r.statusCode === 200 ? (await r.body.json()).map((o) => o.name) : (await r.body.dump(), []);
          if (!names.length) break;
          let i = 0;
          await Promise.all(Array.from({ length: 16 }, async () => {
            while (i < names.length) await req("DELETE", `/${c}/${encodeURIComponent(names[i++])}`, undefined, [204, 404]);
          }));
        }
        await req("DELETE", `/${c}`, undefined, [204, 404]);
      } catch (e) {
        log(`swift-peers cleanup of ${c}: ${e.message}`);
      }
    }
    await ks.dropAppCred().catch((e) => log(`swift-peers: application credential not deleted: ${e.message}`));
    await pool.close();
  }
}
