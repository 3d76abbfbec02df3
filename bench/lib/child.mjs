// Child processes: servers and clients each get their own process so that on a small machine the
// client being measured does not share an event loop (or RSS) with the server or the other side.
import { fork } from "node:child_process";
import { WORK_DIR } from "./paths.mjs";
import path from "node:path";
import fs from "node:fs";

const live = new Set();
process.on("exit", () => {
  for (const c of live) c.kill("SIGKILL");
});

/**
 * Runs `script` (a module that calls `workerMain`) with `input`, resolves with its result.
 * Killed and rejected after `timeoutMs`, so no benchmark can hang the run.
 */
export function runWorker(script, input, { timeoutMs, profileName, execArgv = [] } = {}) {
  const args = [...execArgv];
  if (profileName) {
    const dir = path.join(WORK_DIR, "prof");
    fs.mkdirSync(dir, { recursive: true });
    args.push("--cpu-prof", `--cpu-prof-dir=${dir}`, `--cpu-prof-name=${profileName}.cpuprofile`);
  }
  return new Promise((resolve, reject) => {
    const child = fork(script, [], { execArgv: args, stdio: ["ignore", "inherit", "inherit", "ipc"] });
    live.add(child);
    let settled = false;
    const finish = (fn, v) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      live.delete(child);
      fn(v);
    };
    const timer = setTimeout(() => {
      child.kill("SIGKILL");
      finish(reject, new Error(`${path.basename(script)} did not finish within ${timeoutMs} ms`));
    }, timeoutMs ?? 300_000);
    child.on("message", (m) => {
      if (m?.type === "result") {
        finish(resolve, m.result);
        child.disconnect();
      } else if (m?.type === "error") {
        finish(reject, Object.assign(new Error(m.message), { name: m.name || "Error" }));
        child.kill();
      }
    });
    child.on("exit", (code, sig) => finish(reject, new Error(`${path.basename(script)} exited (${code ?? sig}) without a result`)));
    child.on("error", (e) => finish(reject, e));
    child.send({ type: "input", input });
  });
}

/** The child side: `workerMain(async (input) => result)`. */
export function workerMain(fn) {
  process.once("message", async (m) => {
    try {
      const result = await fn(m.input);
      process.send({ type: "result", result }, () => {});
    } catch (e) {
      process.send({ type: "error", name: e?.name, message: e?.stack || String(e) }, () => process.exit(1));
    }
  });
}

/**
 * Starts a long-lived server child (`script` sends {type:"listening", url}), returns
 * `{ url, pid, call(msg), stop() }`. `call` asks the server something over IPC (e.g. request counts).
 */
export function startServer(script, input = {}, { timeoutMs = 15_000, execArgv = [] } = {}) {
  return new Promise((resolve, reject) => {
    const child = fork(script, [], { execArgv, stdio: ["ignore", "inherit", "inherit", "ipc"] });
    live.add(child);
    const pending = new Map();
    let seq = 0;
    const timer = setTimeout(() => {
      child.kill("SIGKILL");
      reject(new Error(`${path.basename(script)} did not listen within ${timeoutMs} ms`));
    }, timeoutMs);
    child.on("message", (m) => {
      if (m?.type === "listening") {
        clearTimeout(timer);
        resolve({
          url: m.url,
          pid: child.pid,
          call(msg) {
            const id = ++seq;
            return new Promise((res) => {
              pending.set(id, res);
              child.send({ ...msg, id });
            });
          },
          stop() {
            live.delete(child);
            return new Promise((res) => {
              if (child.exitCode !== null) return res();
              child.once("exit", () => res());
              child.kill();
            });
          },
        });
      } else if (m?.type === "reply") {
        pending.get(m.id)?.(m.value);
        pending.delete(m.id);
      }
    });
    child.on("exit", (code) => {
      clearTimeout(timer);
      live.delete(child);
      reject(new Error(`${path.basename(script)} exited (${code}) before listening`));
    });
    child.send({ type: "input", input });
  });
}

// Long-lived measuring children (small-calls, queues-throughput): started and warmed once, asked
// for measured rounds in turns, asked to exit at the end.

/** `script` started as a long-lived child with --expose-gc; `profileName` adds --cpu-prof (written when it exits). */
export function startMeasuringChild(script, input, { timeoutMs, profileName } = {}) {
  const execArgv = ["--expose-gc"];
  if (profileName) {
    const dir = path.join(WORK_DIR, "prof");
    fs.mkdirSync(dir, { recursive: true });
    execArgv.push("--cpu-prof", `--cpu-prof-dir=${dir}`, `--cpu-prof-name=${profileName}.cpuprofile`);
  }
  return startServer(script, input, { timeoutMs, execArgv });
}

/** The child's answer to `message`; rejects on the error it reports or after `timeoutMs` (`what` names the work). */
export async function askWithin(child, message, timeoutMs, what) {
  let timer;
  const late = new Promise((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} took over ${timeoutMs} ms`)), timeoutMs);
  });
  try {
    const r = await Promise.race([child.call(message), late]);
    if (r.error) throw new Error(r.error);
    return r;
  } finally {
    clearTimeout(timer);
  }
}

/** Asks the child to exit (so --cpu-prof writes its profile), gives it 10 s to, then stops it anyway. */
export async function exitChild(child) {
  const until = Date.now() + 10_000;
  await Promise.race([child.call({ type: "exit" }), new Promise((r) => setTimeout(r, 10_000).unref())]);
  while (Date.now() < until && alive(child.pid)) await new Promise((r) => setTimeout(r, 50));
  await child.stop();
}

function alive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}
