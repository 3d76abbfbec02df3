// cold-start-auth and cold-start-cached (issue #16): a fresh `node <bundle>` per run, timed from
// spawn to the object's PUT as the bench's server sees it. rax runs the serverless recipe's handler
// (FileTokenStore in a temp dir): with an empty store it authenticates first (`cold-start-auth`);
// with the token a previous run stored it goes straight to the PUT (`cold-start-cached`, goal
// ≤ 0.7× the AWS handler, which signs without a round trip). Runs interleave so load drift hits
// every side alike.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { createRequire } from "node:module";
import { BENCH_DIR, REPO_DIR, PEERS_DIR, WORK_DIR } from "../lib/paths.mjs";
import { ensureAwsSdk } from "../lib/peers.mjs";
import { missingExports, raxVersion } from "../lib/modules.mjs";
import { row, skipped, failed } from "../lib/rows.mjs";
import { median } from "../lib/stats.mjs";
import { SETTINGS } from "./bundle.mjs";
import { once, startServer } from "./cold-start.mjs";

export const name = "cold-start-auth";

const rootRequire = createRequire(path.join(REPO_DIR, "package.json"));

/** A handler of bench/handlers bundled with esbuild's defaults (+ --minify), as bundle.mjs does. */
export async function bundleHandler(file, { conditions } = {}) {
  const esbuild = await import(rootRequire.resolve("esbuild"));
  const { ext, ...options } = SETTINGS.default;
  const outfile = path.join(WORK_DIR, "bundles", `${path.basename(file, ".mjs")}-${conditions ? conditions.join("+") : "default"}${ext}`);
  await esbuild.build({
    ...options,
    // A custom condition list replaces esbuild's default `module` condition (core's node:http engine).
    ...(conditions ? { conditions } : {}),
    entryPoints: [path.join(BENCH_DIR, "handlers", file)],
    outfile,
    // @rax/* through the examples workspace's links (their dist/), undici through @rax/core's own
    // dependency (the raw handler), peers through bench/.peers.
    nodePaths: [path.join(REPO_DIR, "examples", "node_modules"), path.join(REPO_DIR, "packages", "core", "node_modules"), path.join(PEERS_DIR, "node_modules")],
    logLevel: "silent",
  });
  return { file: outfile, bytes: fs.statSync(outfile).size, esbuild: esbuild.version };
}

/** The rax side can run: identity has the token store and object-store is built. */
export async function raxMissing() {
  return [...(await missingExports("identity", ["KeystoneIdentity", "FileTokenStore"])), ...(await missingExports("object-store", ["ObjectStore"]))];
}

/** `once` with the handler's token directory in its environment. */
async function onceWithTokens(server, bundle, tokenDir) {
  const before = process.env.BENCH_TOKEN_DIR;
  process.env.BENCH_TOKEN_DIR = tokenDir;
  try {
    return await once(server, [bundle]);
  } finally {
    if (before === undefined) delete process.env.BENCH_TOKEN_DIR;
    else process.env.BENCH_TOKEN_DIR = before;
  }
}

export async function run({ opts, log }) {
  const missing = await raxMissing();
  if (missing.length) {
    const reason = `rax API not available yet: ${missing.join(", ")}`;
    return [skipped("cold-start-auth", reason), skipped("cold-start-cached", reason)];
  }
  const awsVersion = ensureAwsSdk(log);
  fs.mkdirSync(path.join(WORK_DIR, "bundles"), { recursive: true });
  const rax = await bundleHandler("rax-serverless.mjs");
  const aws = await bundleHandler("aws-s3.mjs");
  log(`cold-start-auth: rax serverless bundle ${rax.bytes} B, aws ${aws.bytes} B`);
  const server = await startServer();
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "rax-bench-tokens-"));
  const rows = [];
  try {
    const cachedDir = path.join(tmp, "cached");
    // Prime the cached side's store once; every cached run then finds a token with an hour left.
    await onceWithTokens(server, rax.file, cachedDir);
    const sides = {
      aws: (i) => once(server, [aws.file]),
      auth: (i) => onceWithTokens(server, rax.file, path.join(tmp, `auth-${i}`)), // an empty store every run
      cached: (i) => onceWithTokens(server, rax.file, cachedDir),
      bare: (i) => once(server, ["-e", `require("http").request(process.env.BENCH_URL,{method:"PUT"}).end()`]),
    };
    const times = Object.fromEntries(Object.keys(sides).map((k) => [k, []]));
    for (let i = 0; i < opts.coldRuns + 1; i++) {
      for (const [k, fn] of Object.entries(sides)) {
        const t = await fn(i);
        if (k === "auth" && t.firstMs === t.putMs) throw new Error("an auth run sent its PUT first: the store was not empty");
        if (k === "cached" && t.firstMs !== t.putMs) throw new Error("a cached run asked identity before its PUT: the stored token was not used");
        if (i > 0) times[k].push(t); // the first round only warms the OS file cache
      }
    }
    const med = (k, f) => median(times[k].map((t) => t[f]));
    log(`cold-start-auth medians (ms to PUT): aws ${med("aws", "putMs").toFixed(0)}, rax auth ${med("auth", "putMs").toFixed(0)}, rax cached ${med("cached", "putMs").toFixed(0)}, bare node ${med("bare", "putMs").toFixed(0)}`);
    const params = {
      runs: opts.coldRuns, statistic: "median", node: process.version, esbuild: rax.esbuild, settings: "esbuild --bundle --platform=node --minify (defaults)",
      raxBundleBytes: rax.bytes, awsBundleBytes: aws.bytes, "@aws-sdk/client-s3": awsVersion, rax: raxVersion("identity"),
    };
    const extra = (k) => ({
      rax: { firstRequestMs: med(k, "firstMs"), putMs: med(k, "putMs"), exitMs: med(k, "exitMs") },
      aws: { firstRequestMs: med("aws", "firstMs"), putMs: med("aws", "putMs"), exitMs: med("aws", "exitMs") },
      bareNodeMs: med("bare", "firstMs"),
    });
    const baselineName = "@aws-sdk/client-s3 handler (signs, no round trip)";
    rows.push(row({ id: "cold-start-auth", unit: "ms to object PUT", rax: med("auth", "putMs"), baseline: med("aws", "putMs"), baselineName, better: "lower", params: { ...params, store: "empty FileTokenStore: POST /v3/auth/tokens, then PUT" }, extra: extra("auth") }));
    rows.push(row({ id: "cold-start-cached", unit: "ms to object PUT", rax: med("cached", "putMs"), baseline: med("aws", "putMs"), baselineName, better: "lower", goal: { ratio: ["<=", 0.7] }, params: { ...params, store: "FileTokenStore holding a valid token: PUT only" }, extra: extra("cached") }));
  } catch (e) {
    rows.push(failed("cold-start-auth", e));
  } finally {
    await server.close();
    fs.rmSync(tmp, { recursive: true, force: true });
  }
  return rows;
}
