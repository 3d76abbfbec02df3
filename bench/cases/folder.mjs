// folder-upload and folder-sync: N small files to the real Swift, rax vs `swift upload`; then
// change some files and sync, counting requests through a proxy.
import fs from "node:fs";
import os from "node:os";
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
const LATENCY_PROXY = path.join(HERE, "..", "servers", "latency-proxy.mjs");

export const name = "folder";

const total = (counts) => Object.values(counts).reduce((a, b) => a + b, 0);

// Where the folder-upload time goes, per side: CPU seconds of every Swift server process, of the
// client and of the machine as a whole (Linux /proc). On a small machine with single-process Swift
// both sides can be CPU-bound, and then (client + server CPU) ÷ cores is a floor no client beats.
const TICKS = 100; // USER_HZ: /proc's unit of CPU time on Linux
const CORES = os.availableParallelism();
const cpuLine = (c) =>
  c ? `; CPU s: client ${c.clientCpuS?.toFixed(1) ?? "(still running)"}, Swift ${c.serverCpuS.toFixed(1)}, elsewhere ${c.elsewhereCpuS.toFixed(1)}, idle ${c.machineIdleS.toFixed(1)}` : "";
const HAS_PROC = fs.existsSync("/proc/stat");
const SERVER_ROLES = [
  [/swift-proxy-server .*tempauth/, "proxy:8081 (tempauth)"],
  [/swift-proxy-server/, "proxy:8080 (keystone)"],
  [/swift-object-server/, "object-server"],
  [/swift-container-server/, "container-server"],
  [/swift-account-server/, "account-server"],
  [/ContainerUpdater/, "container-updater"],
  [/swift-log\.sock/, "swift-log sink"],
  [/memcached/, "memcached"],
  [/keystone/, "keystone"],
];

function readStat(pid) {
  const st = fs.readFileSync(`/proc/${pid}/stat`, "utf8");
  const f = st.slice(st.lastIndexOf(")") + 2).split(" ");
  // fields 14–17 of proc(5), counted after pid and comm: utime stime cutime cstime
  return { ppid: Number(f[1]), own: (Number(f[11]) + Number(f[12])) / TICKS, reaped: (Number(f[13]) + Number(f[14])) / TICKS };
}

function cpuSnapshot() {
  if (!HAS_PROC) return undefined;
  const servers = {};
  for (const d of fs.readdirSync("/proc")) {
    if (!/^\d+$/.test(d)) continue;
    try {
      const cmd = fs.readFileSync(`/proc/${d}/cmdline`, "utf8").replace(/\0/g, " ");
      const role = SERVER_ROLES.find(([re]) => re.test(cmd))?.[1];
      if (role) servers[d] = { role, cpu: readStat(d).own };
    } catch {
      // the process ended between readdir and read
    }
  }
  const cpu = fs.readFileSync("/proc/stat", "utf8").split("\n")[0].trim().split(/\s+/).slice(1, 9).map(Number);
  const all = cpu.reduce((a, b) => a + b, 0) / TICKS;
  const idle = ((cpu[3] ?? 0) + (cpu[4] ?? 0)) / TICKS;
  // The client's CPU lands in this process's cutime/cstime when the child is reaped.
  return { at: performance.now(), servers, all, idle, reaped: readStat("self").reaped };
}

/** Idle core-seconds of the whole machine so far (/proc/stat's idle + iowait). */
function machineIdle() {
  const cpu = fs.readFileSync("/proc/stat", "utf8").split("\n")[0].trim().split(/\s+/);
  return (Number(cpu[4] ?? 0) + Number(cpu[5] ?? 0)) / TICKS;
}

const IDLE_SAMPLE_MS = 100;

/**
 * Samples the machine's idle time every 100 ms while one side runs, to show WHEN cores sit idle:
 * in the ramp-up (process start, scan, first archive), in the tail (last requests in flight) or
 * spread over the run. One /proc/stat read per sample, in this (otherwise waiting) process.
 * `stop()` → idle core-s per second of the run, and the first/last 2 s against the middle.
 */
function idleSampler() {
  if (!HAS_PROC) return { stop: () => undefined };
  const samples = [[performance.now(), machineIdle()]];
  const timer = setInterval(() => samples.push([performance.now(), machineIdle()]), IDLE_SAMPLE_MS);
  return {
    stop() {
      clearInterval(timer);
      samples.push([performance.now(), machineIdle()]);
      const [t0] = samples[0];
      const perSecond = [];
      for (let i = 1; i < samples.length; i++) {
        const ia = samples[i - 1][1];
        const [tb, ib] = samples[i];
        // A sample spans ~100 ms: its idle is booked to the second it ends in.
        const k = Math.floor((tb - t0) / 1000);
        perSecond[k] = (perSecond[k] ?? 0) + (ib - ia);
      }
      const secs = Array.from(perSecond, (x) => Math.round((x ?? 0) * 100) / 100);
      const sum = (xs) => Math.round(xs.reduce((a, b) => a + b, 0) * 100) / 100;
      const head = secs.slice(0, 2);
      const tail = secs.length > 4 ? secs.slice(-2) : [];
      return { first2sS: sum(head), last2sS: sum(tail), middleS: sum(secs.slice(head.length, secs.length - tail.length)), perSecondS: secs };
    },
  };
}

/** Pids of this process's children, zombies included (a zombie's CPU is not in our cutime until it is reaped). */
function children() {
  const out = new Set();
  if (!HAS_PROC) return out;
  for (const d of fs.readdirSync("/proc")) {
    if (!/^\d+$/.test(d)) continue;
    try {
      if (readStat(d).ppid === process.pid) out.add(d);
    } catch {
      // the process ended between readdir and read
    }
  }
  return out;
}

/**
 * Waits (≤ 30 s; the child exits once its event loop is empty, after it sent its result) until
 * every child of this process is one of `before`: the client's CPU is then in our cutime. False if not.
 */
async function childrenReaped(before) {
  if (!HAS_PROC) return false;
  const until = Date.now() + 30_000;
  while (Date.now() < until) {
    if ([...children()].every((pid) => before.has(pid))) return true;
    await new Promise((r) => setTimeout(r, 20));
  }
  return false;
}

/** `clientDone`: the client's process was reaped, so its CPU is in the snapshot (else it is left null). */
function cpuSpent(a, b, clientDone = true) {
  if (!a || !b) return undefined;
  const servers = {};
  let serverTotal = 0;
  for (const [pid, s] of Object.entries(b.servers)) {
    const before = a.servers[pid];
    // A server (re)started mid-run is left out: its CPU before the run is unknown.
    if (before?.role !== s.role) continue;
    const d = s.cpu - before.cpu;
    servers[s.role] = (servers[s.role] ?? 0) + d;
    serverTotal += d;
  }
  const client = clientDone ? b.reaped - a.reaped : null;
  const idle = b.idle - a.idle;
  const busy = b.all - a.all - idle;
  return {
    wallS: (b.at - a.at) / 1000,
    clientCpuS: client,
    serverCpuS: serverTotal,
    servers,
    machineIdleS: idle,
    // Busy CPU neither side's processes account for: load from elsewhere on the machine.
    elsewhereCpuS: Math.max(0, busy - (client ?? 0) - serverTotal),
    floorS: client === null ? null : (client + serverTotal) / CORES,
  };
}

/**
 * The time ratio rax could reach if its CPU work in this run — the client's and every Swift
 * process's — kept all cores busy with no idle moment: rax's floorS ÷ swift's measured time.
 * Nearly all of Swift's work per file is the object PUT itself (proxy, object server, container
 * update), which any client pays: a goal below this floor needs less CPU per file, not a better schedule.
 */
/** Share of a side's core-seconds used by other processes above which the run is too loaded for a floor. */
const LOADED_SHARE = 0.1;

/**
 * Idle core-seconds per second that Swift's own servers leave while `swift upload` (10 threads) keeps
 * them loaded — the middle of its run, without ramp-up and tail. Single-process eventlet servers
 * block in fsync and SQLite commits; no client fills that: 32 or 80 archives in flight left the same
 * ~0.2 core-s/s (2026-12-03). Undefined when the run is too short to have a middle.
 */
function serverIdleRate(profile) {
  const middle = profile?.perSecondS?.slice(2, -2) ?? [];
  if (middle.length < 3) return undefined;
  return middle.reduce((a, b) => a + b, 0) / middle.length;
}

function floorOf(rax, sw, raxSeconds, swiftSeconds, files, swIdleProfile) {
  if (!rax || !sw || rax.floorS === null) return undefined;
  const ratio = rax.floorS / swiftSeconds;
  const ms = (c) => ((c.serverCpuS / files) * 1000).toFixed(1);
  const busyElsewhere = Math.max(rax.elsewhereCpuS / (rax.wallS * CORES), sw.elsewhereCpuS / (sw.wallS * CORES));
  if (busyElsewhere > LOADED_SHARE) {
    // Other processes took the cores this work could have used: the floor (which assumes every
    // core free for it) is not this run's, and the table must not state it (session 9: 0.314 was
    // shown for a run where ~55 % of the CPU went elsewhere).
    return {
      ratio: undefined,
      text:
        `no floor: the machine was loaded (${(busyElsewhere * 100).toFixed(0)} % of the CPU went to other processes; ` +
        `rax elsewhere ${rax.elsewhereCpuS.toFixed(1)} core-s, swift ${sw.elsewhereCpuS.toFixed(1)}); Swift CPU per file ${ms(rax)} ms for rax vs ${ms(sw)} ms for swift upload`,
    };
  }
  // The same work at the idle rate Swift keeps under swift upload's own load: cores × wall = CPU + idle.
  const idleRate = serverIdleRate(swIdleProfile);
  const attainableS = idleRate === undefined || idleRate >= CORES ? undefined : (rax.clientCpuS + rax.serverCpuS) / (CORES - idleRate);
  // The same again for a client that costs no CPU at all: what Swift alone needs for rax's requests.
  // Above the goal, no client change reaches it; only less Swift work per file (or more cores) would.
  const serverOnlyS = attainableS === undefined ? undefined : rax.serverCpuS / (CORES - idleRate);
  return {
    ratio,
    attainableRatio: attainableS === undefined ? undefined : attainableS / swiftSeconds,
    zeroClientRatio: serverOnlyS === undefined ? undefined : serverOnlyS / swiftSeconds,
    serverIdleRate: idleRate,
    text:
      `rax's CPU (client ${rax.clientCpuS.toFixed(1)} s + Swift ${rax.serverCpuS.toFixed(1)} s) ÷ ${CORES} cores = ${rax.floorS.toFixed(2)} s, ` +
      `ratio ${ratio.toFixed(3)} with no idle core (this row: ${(raxSeconds / swiftSeconds).toFixed(3)}, with ${rax.machineIdleS.toFixed(1)} core-s idle); ` +
      (attainableS === undefined
        ? ""
        : `with the ${idleRate.toFixed(2)} core-s/s Swift leaves idle under swift upload's own load, ${attainableS.toFixed(2)} s, ratio ${(attainableS / swiftSeconds).toFixed(3)}; ` +
          `a client costing no CPU at all: Swift alone ${serverOnlyS.toFixed(2)} s, ratio ${(serverOnlyS / swiftSeconds).toFixed(3)}; `) +
      `Swift CPU per file ${ms(rax)} ms for rax vs ${ms(sw)} ms for swift upload`,
  };
}

export async function run({ opts, log, servers }) {
  const missing = [
    ...(await missingExports("core", ["StaticSession"])),
    ...(await missingExports("object-store", ["ObjectStore"])),
  ];
  let env;
  try {
    env = await servers.ensure();
  } catch (e) {
    if (e instanceof ServersUnavailable) return ["folder-upload", "folder-sync", "folder-sync-requests", "folder-upload-rtt"].map((id) => skipped(id, `no real Swift: ${e.message}`));
    throw e;
  }
  const swiftVersion = ensureSwiftClient(log);
  const auth = await swiftToken(env);
  const parent = path.join(DATA_DIR, "folder");
  const folder = generatedFolder(path.join(parent, "files"), opts.files);
  const stamp = Date.now().toString(36);
  const cSwift = `bench-dir-swift-${stamp}`;
  const cRax = `bench-dir-rax-${stamp}`;
  const cSwiftRtt = `bench-dir-swift-rtt-${stamp}`;
  const cRaxRtt = `bench-dir-rax-rtt-${stamp}`;
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
    const swBefore = cpuSnapshot();
    const swIdle = idleSampler();
    const swUp = await runSwift(["upload", cSwift, "files"], { ...auth, cwd: parent });
    const swIdleProfile = swIdle.stop();
    const swCpu = cpuSpent(swBefore, cpuSnapshot());
    log(`folder-upload: swift ${swUp.seconds.toFixed(2)} s${cpuLine(swCpu)}`);
    let raxUp;
    if (missing.length) {
      rows.push(skipped("folder-upload", `rax API not available yet: ${missing.join(", ")}`, { baseline: swUp.seconds, baselineName: "swift upload", unit: "s" }));
    } else {
      try {
        const kids = children();
        const raxBefore = cpuSnapshot();
        const raxIdle = idleSampler();
        raxUp = await runWorker(CLIENT, { action: "upload-folder", ...auth, container: cRax, folder }, { timeoutMs: opts.caseTimeoutS * 1000, profileName: opts.profile ? "folder-upload" : undefined });
        const raxIdleProfile = raxIdle.stop();
        const reaped = await childrenReaped(kids);
        const raxCpu = cpuSpent(raxBefore, cpuSnapshot(), reaped);
        log(`folder-upload: rax ${raxUp.seconds.toFixed(2)} s${cpuLine(raxCpu)}`);
        const floor = floorOf(raxCpu, swCpu, raxUp.seconds, swUp.seconds, opts.files, swIdleProfile);
        if (floor) log(`folder-upload: ${floor.text}`);
        if (raxIdleProfile && swIdleProfile) log(`folder-upload: idle core-s per second, rax ${raxIdleProfile.perSecondS.join(" ")}; swift ${swIdleProfile.perSecondS.join(" ")}`);
        rows.push(row({
          id: "folder-upload", unit: "s", rax: raxUp.seconds, baseline: swUp.seconds, baselineName: "swift upload", better: "lower",
          goal: { ratio: ["<=", 0.5] },
          params: {
            ...params,
            note: "ratio ≤ 0.5 means rax is ≥ 2× faster",
            // Read off the object server's log (2026-12-02): what each side asks of Swift per file.
            requestsPerFile: "swift: HEAD (looks for an old manifest whose segments to clean up) + PUT; rax: one tar entry (≤ 50 per extract-archive PUT) + its share of one verifying listing per archive",
          },
          extra: {
            raxPeakRssMb: raxUp.peakRssMb, swiftPeakRssMb: swUp.peakRssMb, raxResult: raxUp.detail,
            // CPU seconds while each side ran (wall includes process start and the rax child's import).
            // workRatio = rax's (client + server) CPU ÷ swift's: when both sides saturate the cores,
            // the time ratio cannot go below it.
            cpu: swCpu && raxCpu && { cores: CORES, swift: swCpu, rax: raxCpu, workRatio: raxCpu.clientCpuS === null ? null : (raxCpu.clientCpuS + raxCpu.serverCpuS) / (swCpu.clientCpuS + swCpu.serverCpuS) },
            // The best ratio this run's work allows, in words (see bench/README.md, folder-upload).
            floor: floor?.text,
            floorRatio: floor?.ratio,
            // The floor again, with the idle Swift's servers keep even under swift upload (see serverIdleRate).
            attainableRatio: floor?.attainableRatio,
            // …and with the client's CPU taken out too: above the goal, the goal is Swift's to meet.
            zeroClientRatio: floor?.zeroClientRatio,
            // Where the idle core-seconds sit in time (sampled every 100 ms; see bench/README.md, folder-upload).
            idle: raxIdleProfile && swIdleProfile && { rax: raxIdleProfile, swift: swIdleProfile },
          },
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

    rows.push(await uploadOverRtt({ opts, log, auth, parent, folder, params, containers: [cSwiftRtt, cRaxRtt] }));
  } finally {
    await proxy.stop();
    await deleteContainers([cSwift, cRax, cSwiftRtt, cRaxRtt], auth).catch((e) => log(`cleanup: ${e.message}`));
  }
  return rows;
}

/**
 * folder-upload-rtt: the same upload, both sides through a proxy that adds `--rtt-ms` of round trip
 * (half each way). On loopback the two sides share two cores with a single-process Swift and CPU
 * sets the pace; over a real network each request also waits a round trip, which is what a user
 * uploading from their machine or CI to a cloud region sees. No goal: it shows where the issue's
 * "fewer, bigger requests" lever acts, next to the loopback row the goal is set on.
 */
async function uploadOverRtt({ opts, log, auth, parent, folder, params, containers: [cSwift, cRax] }) {
  const latency = await startServer(LATENCY_PROXY, { target: new URL(auth.storageUrl).origin, delayMs: opts.rttMs / 2 });
  const via = { token: auth.token, storageUrl: latency.url + new URL(auth.storageUrl).pathname };
  try {
    const sw = await runSwift(["upload", cSwift, "files"], { ...via, cwd: parent });
    log(`folder-upload-rtt: swift ${sw.seconds.toFixed(2)} s over ${opts.rttMs} ms round trips`);
    const rx = await runWorker(CLIENT, { action: "upload-folder", ...via, container: cRax, folder }, { timeoutMs: opts.caseTimeoutS * 1000 });
    log(`folder-upload-rtt: rax ${rx.seconds.toFixed(2)} s`);
    return row({
      id: "folder-upload-rtt", unit: "s", rax: rx.seconds, baseline: sw.seconds, baselineName: `swift upload, ${opts.rttMs} ms RTT`, better: "lower",
      params: { ...params, rttMs: opts.rttMs, via: "latency proxy (both sides): every byte held rttMs/2 each way, bandwidth unlimited" },
      extra: { raxResult: rx.detail, raxPeakRssMb: rx.peakRssMb, swiftPeakRssMb: sw.peakRssMb },
    });
  } catch (e) {
    return failed("folder-upload-rtt", e);
  } finally {
    await latency.stop();
  }
}
