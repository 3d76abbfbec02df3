// A node:http Swift-like server that reads and discards object bodies, for the upload rows. Like
// Swift, it answers a PUT with the MD5 of what it received as ETag and 422 when the client sent an
// ETag that does not match. `md5: false` skips hashing (the ETag then echoes the client's, or is a
// fixed dummy) so the server's core is never the bottleneck of a throughput row.
import http from "node:http";
import crypto from "node:crypto";

let cfg = { md5: true };
const stats = { puts: 0, bytes: 0, requests: 0 };
const objects = new Map();

const server = http.createServer({ keepAliveTimeout: 30_000, highWaterMark: 1 << 20 }, (req, res) => {
  stats.requests++;
  const url = new URL(req.url, "http://x");
  const parts = url.pathname.split("/").filter(Boolean); // v1, AUTH_x, container, object…
  const isObject = parts.length >= 4;
  const key = parts.slice(2).join("/");
  const common = { "x-trans-id": "tx0123456789abcdef0123-0067463c2d" };
  if (req.method === "PUT" && isObject) {
    stats.puts++;
    const hash = cfg.md5 ? crypto.createHash("md5") : null;
    let n = 0;
    req.on("data", (c) => {
      n += c.length;
      hash?.update(c);
    });
    req.on("end", () => {
      stats.bytes += n;
      const sent = req.headers.etag?.replace(/"/g, "");
      const etag = hash ? hash.digest("hex") : (sent ?? "d41d8cd98f00b204e9800998ecf8427e");
      if (sent && etag !== sent) {
        res.writeHead(422, { ...common, "content-length": 0 }).end();
        return;
      }
      objects.set(key, { etag, size: n });
      res.writeHead(201, { ...common, etag, "content-length": 0, "last-modified": new Date().toUTCString() }).end();
    });
    return;
  }
  req.resume();
  req.on("end", () => {
    if (isObject && (req.method === "HEAD" || req.method === "GET")) {
      const o = objects.get(key);
      if (!o) return res.writeHead(404, { ...common, "content-length": 0 }).end();
      res.writeHead(200, { ...common, etag: o.etag, "content-length": req.method === "HEAD" ? o.size : 0, "content-type": "application/octet-stream" });
      return res.end();
    }
    if (req.method === "GET") {
      const body = "[]";
      return res.writeHead(200, { ...common, "content-type": "application/json; charset=utf-8", "content-length": body.length }).end(body);
    }
    res.writeHead(req.method === "PUT" ? 201 : 204, common).end();
  });
});

process.once("message", (m) => {
  cfg = { ...cfg, ...m.input };
  server.listen(0, "127.0.0.1", () => {
    process.send({ type: "listening", url: `http://127.0.0.1:${server.address().port}` });
  });
});
process.on("message", (m) => {
  if (m?.type === "stats") process.send({ type: "reply", id: m.id, value: { ...stats } });
});
process.on("SIGTERM", () => process.exit(0));
process.on("disconnect", () => process.exit(0));
