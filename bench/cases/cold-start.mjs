// cold-start: a fresh `node <bundle>` per run, timed from spawn to the first request the bench's
// server sees and to the object's PUT; the server lives in this (idle, waiting) process.
import http from "node:http";
import { spawn } from "node:child_process";
import { row, skipped, failed } from "../lib/rows.mjs";
import { median } from "../lib/stats.mjs";
import { SETTINGS } from "./bundle.mjs";

export const name = "cold-start";

function tokenBody(url) {
  const expires = new Date(Date.now() + 3600_000).toISOString();
  return JSON.stringify({
    token: {
      expires_at: expires, issued_at: new Date().toISOString(), methods: ["password"],
      user: { id: "u1", name: "demo", domain: { id: "default", name: "Default" } },
      project: { id: "p1", name: "demo", domain: { id: "default", name: "Default" } },
      roles: [{ id: "r1", name: "member" }],
      catalog: [{
        type: "object-store", name: "swift", id: "s1",
        endpoints: [{ id: "e1", interface: "public", region: "RegionOne", region_id: "RegionOne", url: `${url}/v1/AUTH_p1` }],
      }],
    },
  });
}

export function startServer() {
  const state = { onRequest: null };
  const server = http.createServer((req, res) => {
    const at = performance.now();
    req.resume();
    req.on("end", () => {
      state.onRequest?.(req, at);
      if (req.method === "POST" && req.url.endsWith("/auth/tokens")) {
        const body = tokenBody(state.url);
        res.writeHead(201, { "x-subject-token": "bench-token", "content-type": "application/json", "content-length": Buffer.byteLength(body) });
        return res.end(body);
      }
      if (req.method === "PUT") {
        // S3 answers 200, Swift 201; both with the ETag of "hello world".
        const s3 = String(req.headers.authorization ?? "").startsWith("AWS4");
        res.writeHead(s3 ? 200 : 201, { etag: '"5eb63bbbe01eeed093cb22bb8f5acdc3"', "content-length": 0 });
        return res.end();
      }
      res.writeHead(req.method === "HEAD" ? 200 : 404, { "content-length": 0 }).end();
    });
  });
  return new Promise((resolve) =>
    server.listen(0, "127.0.0.1", () => {
      state.url = `http://127.0.0.1:${server.address().port}`;
      resolve({ state, close: () => new Promise((r) => server.close(r)) });
    }),
  );
}

/** One cold run: ms from spawn to first request, to the object's PUT, and to exit. */
export function once(server, args) {
  return new Promise((resolve, reject) => {
    const r = {};
    const t0 = performance.now();
    server.state.onRequest = (req, at) => {
      r.firstMs ??= at - t0;
      if (req.method === "PUT") r.putMs ??= at - t0;
    };
    const child = spawn(process.execPath, args, { env: { ...process.env, BENCH_URL: server.state.url, BENCH_RUN: "1" }, stdio: ["ignore", "ignore", "pipe"] });
    let err = "";
    child.stderr.on("data", (d) => (err += d));
    const timer = setTimeout(() => child.kill("SIGKILL"), 20_000);
    child.on("exit", (code) => {
      clearTimeout(timer);
      r.exitMs = performance.now() - t0;
      if (code !== 0) return reject(new Error(`node ${args.join(" ")} exited ${code}: ${err.slice(0, 300)}`));
      if (r.putMs === undefined) return reject(new Error(`node ${args.join(" ")} never sent its PUT`));
      resolve(r);
    });
  });
}

export async function run({ opts, log, shared }) {
  if (!shared.bundles?.["aws-default"]) return [skipped("cold-start", "the bundle benchmark did not produce bundles (run it too)")];
  const server = await startServer();
  const rows = [];
  try {
    // Interleaved runs, so drift in machine load hits every side alike.
    const sides = { bare: ["-e", `require("http").request(process.env.BENCH_URL,{method:"PUT"}).end()`] };
    for (const [k, f] of Object.entries(shared.bundles)) sides[k] = [f];
    const times = Object.fromEntries(Object.keys(sides).map((k) => [k, []]));
    const broken = {}; // a bundle that fails fails its own rows, not the others'
    for (let i = 0; i < opts.coldRuns + 1; i++) {
      for (const [k, args] of Object.entries(sides)) {
        if (broken[k]) continue;
        try {
          const t = await once(server, args);
          if (i > 0) times[k].push(t); // the first round only warms the OS file cache
        } catch (e) {
          broken[k] = e;
        }
      }
    }
    if (broken.bare || broken["aws-default"]) throw broken.bare ?? broken["aws-default"];
    const med = (k, f) => median(times[k].map((t) => t[f]));
    log(`cold-start medians (ms to PUT): ${Object.keys(sides).filter((k) => !broken[k]).map((k) => `${k} ${med(k, "putMs").toFixed(0)}`).join(", ")}`);
    for (const setting of ["default", "esm"]) {
      const suffix = setting === "default" ? "" : "-esm";
      const aws = `aws-${setting}`;
      for (const side of ["rax", "sdk"]) {
        const key = `${side}-${setting}`;
        const base = side === "rax" ? "cold-start" : "cold-start-sdk";
        if (broken[key] || broken[aws]) {
          const e = broken[key] ?? broken[aws];
          rows.push(failed(`${base}${suffix}`, new Error(`${broken[key] ? key : aws} bundle does not run: ${e.message}`)));
          continue;
        }
        if (!times[key]) {
          rows.push(skipped(`${base}${suffix}`, "no rax bundle (see the bundle rows)", { baseline: med(aws, "firstMs"), baselineName: "@aws-sdk/client-s3 handler", unit: "ms" }));
          continue;
        }
        const params = { runs: opts.coldRuns, statistic: "median", bundle: setting, node: process.version, ...(SETTINGS[setting]?.banner ? { banner: `${SETTINGS[setting].banner.js} (rax and AWS alike)` } : {}) };
        const extra = {
          rax: { firstRequestMs: med(key, "firstMs"), putMs: med(key, "putMs"), exitMs: med(key, "exitMs") },
          aws: { firstRequestMs: med(aws, "firstMs"), putMs: med(aws, "putMs"), exitMs: med(aws, "exitMs") },
          bareNodeMs: med("bare", "firstMs"),
        };
        rows.push(row({ id: `${base}${suffix}`, unit: "ms to first request", rax: med(key, "firstMs"), baseline: med(aws, "firstMs"), baselineName: "@aws-sdk/client-s3 handler", better: "lower", params, extra }));
        rows.push(row({ id: `${base}${suffix}-stored`, unit: "ms to object PUT", rax: med(key, "putMs"), baseline: med(aws, "putMs"), baselineName: "@aws-sdk/client-s3 handler", better: "lower", params }));
        // Spawn to exit: what a CLI or a per-invocation process pays in all, including any background
        // work Node waits for before exiting (V8 compiling WebAssembly, open handles).
        rows.push(row({ id: `${base}${suffix}-exit`, unit: "ms to exit", rax: med(key, "exitMs"), baseline: med(aws, "exitMs"), baselineName: "@aws-sdk/client-s3 handler", better: "lower", params }));
      }
    }
  } catch (e) {
    rows.push(failed("cold-start", e));
  } finally {
    await server.close();
  }
  return rows;
}
