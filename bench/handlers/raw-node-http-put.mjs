// The node:http floor for a warm invocation: the same PUT as raw-undici-put.mjs, with Node's own
// http client (one keep-alive Agent made once per process, one socket) — what the default bundle's
// engine is built on, so rax's node:http row splits into Node's client cost and rax's own work.
import http from "node:http";

let agent;
let target;

export function handler() {
  agent ??= new http.Agent({ keepAlive: true, maxSockets: 1 });
  target ??= new URL(process.env.BENCH_URL);
  return new Promise((resolve, reject) => {
    const req = http.request({
      agent,
      host: target.hostname,
      port: target.port,
      method: "PUT",
      path: "/v1/AUTH_p1/bench/hello.txt",
      headers: { "x-auth-token": "bench-token", "content-type": "text/plain", "content-length": "11" },
    });
    req.on("error", reject);
    req.on("response", (res) => {
      res.on("error", reject);
      res.on("end", () => (res.statusCode === 201 ? resolve() : reject(new Error(`PUT answered ${res.statusCode}`))));
      res.resume();
    });
    req.end("hello world");
  });
}
