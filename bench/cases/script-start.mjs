// script-start: a pyrax-style script under plain Node, no bundler: `createContext(…)` from @rax/identity and
// `ctx.client(ObjectStore)` from @rax/object-store (or both from the umbrella @rax/sdk), storing one
// object, in a fresh `node` per run from the built dist (ESM `import` and CJS `require`), against
// cold-start's local Keystone v3 + Swift server. Milliseconds from spawn to the first request (the
// token POST) and to the PUT, medians of --cold-runs after one file-cache round, runs interleaved.
// Rows: `script-start[-esm]` (packages) vs a bare `node` making one request (what Node itself
// costs); `script-start-sdk[-esm]` (umbrella) vs the same script through the packages (what the
// umbrella adds). What these measure is what a script loads and runs before its first request.
import fs from "node:fs";
import path from "node:path";
import { REPO_DIR, WORK_DIR } from "../lib/paths.mjs";
import { row, failed } from "../lib/rows.mjs";
import { median } from "../lib/stats.mjs";
import { once, startServer } from "./cold-start.mjs";

export const name = "script-start";

const dist = (pkg, ext) => JSON.stringify(path.join(REPO_DIR, "packages", pkg, "dist", `index.${ext}`));
const CALL = `
  const ctx = createContext({ identityType: "keystone", authEndpoint: process.env.BENCH_URL + "/v3", username: "demo", password: "bench-password", tenantName: "demo" });
  await ctx.client(ObjectStore, { region: "RegionOne" }).storeObject("bench", "hello.txt", "hello world", { contentType: "text/plain" });`;
const cjs = (requires) => `"use strict";\n${requires}\n(async () => {${CALL}\n})().catch((e) => { console.error(e); process.exit(1); });\n`;

/** side → [file name, source] */
function scripts() {
  return {
    bare: ["bare.cjs", `require("node:http").request(process.env.BENCH_URL, { method: "PUT" }).end();\n`],
    "packages-esm": ["packages.mjs", `import { createContext } from ${dist("identity", "js")};\nimport { ObjectStore } from ${dist("object-store", "js")};\n${CALL}\n`],
    "sdk-esm": ["sdk.mjs", `import { createContext, ObjectStore } from ${dist("sdk", "js")};\n${CALL}\n`],
    "packages-cjs": ["packages.cjs", cjs(`const { createContext } = require(${dist("identity", "cjs")});\nconst { ObjectStore } = require(${dist("object-store", "cjs")});`)],
    "sdk-cjs": ["sdk.cjs", cjs(`const { createContext, ObjectStore } = require(${dist("sdk", "cjs")});`)],
  };
}

export async function run({ opts, log }) {
  const dir = path.join(WORK_DIR, "script-start");
  fs.mkdirSync(dir, { recursive: true });
  const sides = {};
  for (const [side, [file, source]] of Object.entries(scripts())) {
    fs.writeFileSync(path.join(dir, file), source);
    sides[side] = [path.join(dir, file)];
  }
  const server = await startServer();
  try {
    const times = Object.fromEntries(Object.keys(sides).map((k) => [k, []]));
    for (let i = 0; i < opts.coldRuns + 1; i++) {
      for (const [side, args] of Object.entries(sides)) {
        const t = await once(server, args);
        if (i > 0) times[side].push(t); // the first round only warms the OS file cache
      }
    }
    const med = (side, f) => median(times[side].map((t) => t[f]));
    const spread = (side, f) => {
      const v = times[side].map((t) => t[f]).sort((a, b) => a - b);
      return [v[0], v[v.length - 1]];
    };
    log(`script-start medians (ms to first request): ${Object.keys(sides).map((k) => `${k} ${med(k, "firstMs").toFixed(0)}`).join(", ")}`);
    const params = { runs: opts.coldRuns, statistic: "median", node: process.version, script: "createContext + ctx.client(ObjectStore).storeObject, from packages/*/dist" };
    const extra = (side) => ({ firstRequestMs: med(side, "firstMs"), firstRequestRange: spread(side, "firstMs"), putMs: med(side, "putMs"), exitMs: med(side, "exitMs") });
    const rows = [];
    for (const format of ["cjs", "esm"]) {
      const suffix = format === "cjs" ? "" : "-esm";
      const pk = `packages-${format}`;
      const sdk = `sdk-${format}`;
      rows.push(row({ id: `script-start${suffix}`, unit: "ms to first request", rax: med(pk, "firstMs"), baseline: med("bare", "firstMs"), baselineName: "bare node making one request", better: "lower", params: { ...params, format }, extra: { rax: extra(pk), bare: extra("bare") } }));
      rows.push(row({ id: `script-start-sdk${suffix}`, unit: "ms to first request", rax: med(sdk, "firstMs"), baseline: med(pk, "firstMs"), baselineName: "same script via @rax/identity + @rax/object-store", better: "lower", params: { ...params, format }, extra: { rax: extra(sdk), packages: extra(pk) } }));
    }
    return rows;
  } catch (e) {
    return [failed("script-start", e)];
  } finally {
    await server.close();
  }
}
