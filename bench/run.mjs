#!/usr/bin/env node
// `pnpm bench [--quick]`: rax side by side with raw undici and with peers. See bench/README.md.
import os from "node:os";
import { parseArgs } from "./lib/args.mjs";
import { tableLines, writeReport } from "./lib/report.mjs";
import { failed } from "./lib/rows.mjs";
import { OpenStackServers } from "./lib/openstack.mjs";
import * as bundle from "./cases/bundle.mjs";
import * as coldStart from "./cases/cold-start.mjs";
import * as smallCalls from "./cases/small-calls.mjs";
import * as uploadStream from "./cases/upload-stream.mjs";
import * as largeObject from "./cases/large-object.mjs";
import * as folder from "./cases/folder.mjs";
import * as computeList from "./cases/compute-list.mjs";
import * as listing from "./cases/listing.mjs";
import * as queuesThroughput from "./cases/queues-throughput.mjs";
import * as coldStartAuth from "./cases/cold-start-auth.mjs";
import * as scriptStart from "./cases/script-start.mjs";
import * as warmInvocation from "./cases/warm-invocation.mjs";
import * as swiftPeers from "./cases/swift-peers.mjs";

// Local rows first: the real servers are started only after them, so they do not steal CPU.
const CASES = [bundle, coldStart, coldStartAuth, scriptStart, warmInvocation, smallCalls, listing, computeList, queuesThroughput, uploadStream, largeObject, folder, swiftPeers];

const opts = parseArgs(process.argv.slice(2));
const t0 = performance.now();
const log = (msg) => process.stderr.write(`[bench ${((performance.now() - t0) / 1000).toFixed(1)}s] ${msg}\n`);
const servers = new OpenStackServers({ log, noServers: opts.noServers, keep: opts.keepServers });

const selected = CASES.filter((c) => (!opts.only || opts.only.includes(c.name)) && !opts.skip.includes(c.name));
if (opts.only) {
  const unknown = opts.only.filter((n) => !CASES.some((c) => c.name === n));
  if (unknown.length) throw new Error(`--only: unknown benchmark(s) ${unknown.join(", ")}; have ${CASES.map((c) => c.name).join(", ")}`);
}

const rows = [];
const shared = {}; // bundle → cold-start hand-over
let stopping = false;
for (const sig of ["SIGINT", "SIGTERM"]) {
  process.once(sig, async () => {
    stopping = true;
    log(`${sig}: stopping servers this run started`);
    await servers.stop().catch(() => {});
    process.exit(130);
  });
}

try {
  for (const c of selected) {
    if (stopping) break;
    log(`— ${c.name}`);
    const limitMs = opts.caseTimeoutS * 1000;
    let timer;
    try {
      const caseRows = await Promise.race([
        c.run({ opts, log, servers, shared }),
        new Promise((_, rej) => {
          timer = setTimeout(() => rej(new Error(`${c.name} exceeded its ${opts.caseTimeoutS} s bound`)), limitMs);
        }),
      ]);
      rows.push(...caseRows);
    } catch (e) {
      log(`${c.name} failed: ${e?.stack ?? e}`);
      rows.push(failed(c.name, e));
    } finally {
      clearTimeout(timer);
    }
  }
} finally {
  await servers.stop().catch((e) => {
    log(`stopping servers failed: ${e.message}`);
    rows.push(failed("openstack-stop", e));
  });
}

const durationS = (performance.now() - t0) / 1000;
writeReport(rows, {
  out: opts.out, quick: opts.quick, date: new Date().toISOString(), node: process.version,
  cpus: os.cpus().length, cpuModel: os.cpus()[0]?.model?.trim() ?? "cpu", durationS,
});
process.stdout.write(`\n${tableLines(rows).join("\n")}\n\nwritten: bench/results/${opts.out}.md, bench/results/${opts.out}.json (${durationS.toFixed(0)} s)\n`);

const errors = rows.filter((r) => r.error);
if (errors.length) {
  process.stderr.write(`\n${errors.length} row(s) errored: ${errors.map((r) => r.id).join(", ")}\n`);
  process.exitCode = 1;
}
// Open handles (undici pools of peers, timers) must not keep a finished run alive.
setTimeout(() => process.exit(), 200).unref();
