// A counting HTTP proxy in front of the real Swift: forwards every request unchanged and counts
// them by method, so the folder-sync rows compare the requests each client made.
import http from "node:http";

let target;
let counts = {};
const agent = new http.Agent({ keepAlive: true, maxSockets: 64 });

const server = http.createServer((req, res) => {
  const key = `${req.method} ${classify(req.url)}`;
  counts[key] = (counts[key] ?? 0) + 1;
  const up = http.request(
    { host: target.hostname, port: target.port, method: req.method, path: req.url, headers: { ...req.headers, host: target.host }, agent },
    (r) => {
      // The flat raw list keeps the upstream's header names and repeated headers as they were.
      res.writeHead(r.statusCode, r.rawHeaders);
      r.pipe(res);
    },
  );
  up.on("error", (e) => {
    res.writeHead(502, { "content-length": 0 }).end();
    process.stderr.write(`counting-proxy: ${e.message}\n`);
  });
  req.pipe(up);
});

// /v1/AUTH_x → account, /v1/AUTH_x/c → container, deeper → object.
function classify(url) {
  const depth = url.split("?")[0].split("/").filter(Boolean).length;
  return depth <= 2 ? "account" : depth === 3 ? "container" : "object";
}

process.once("message", (m) => {
  target = new URL(m.input.target);
  server.listen(0, "127.0.0.1", () => process.send({ type: "listening", url: `http://127.0.0.1:${server.address().port}` }));
});
process.on("message", (m) => {
  if (m?.type === "stats") {
    process.send({ type: "reply", id: m.id, value: counts });
    if (m.reset) counts = {};
  }
});
process.on("SIGTERM", () => process.exit(0));
process.on("disconnect", () => process.exit(0));
