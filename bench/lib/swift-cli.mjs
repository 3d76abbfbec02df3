// Runs python-swiftclient's `swift` under /usr/bin/time -v: wall seconds and peak RSS.
import { spawn } from "node:child_process";
import { SWIFT_BIN, swiftEnv } from "./peers.mjs";

export function runSwift(args, { token, storageUrl, cwd, timeoutMs = 600_000 }) {
  const argv = ["-v", SWIFT_BIN, "--os-auth-token", token, "--os-storage-url", storageUrl, ...args];
  return new Promise((resolve, reject) => {
    const t0 = performance.now();
    const child = spawn("/usr/bin/time", argv, { cwd, env: swiftEnv(), stdio: ["ignore", "pipe", "pipe"] });
    let out = "";
    let err = "";
    child.stdout.on("data", (d) => (out += d));
    child.stderr.on("data", (d) => (err += d));
    const timer = setTimeout(() => child.kill("SIGKILL"), timeoutMs);
    child.on("exit", (code) => {
      clearTimeout(timer);
      const seconds = (performance.now() - t0) / 1000;
      const rss = /Maximum resident set size \(kbytes\): (\d+)/.exec(err);
      // The token is an argument: never echo the command line, only swift's own output.
      if (code !== 0) return reject(new Error(`swift ${args[0]} exited ${code}: ${err.split("\n").filter((l) => !/^\s/.test(l)).slice(0, 5).join(" | ")}`));
      resolve({ seconds, peakRssMb: rss ? Number(rss[1]) / 1024 : NaN, stdout: out });
    });
  });
}

/** Deletes containers (and their objects) through `swift delete`; cleanup, never timed. */
export async function deleteContainers(names, auth) {
  for (const c of names) {
    await runSwift(["delete", c], { ...auth, timeoutMs: 300_000 }).catch((e) => {
      if (!/404|not found/i.test(e.message)) throw e;
    });
  }
}
