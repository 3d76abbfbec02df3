// A minimal Swift-like HTTP/1.1 server on raw `net` sockets, for the small-calls rows. It answers
// from canned bytes so that the server costs as little CPU as possible and the run measures the
// client. Keep-alive and pipelining work; bodies are skipped by Content-Length (no chunked bodies:
// the upload rows use discard-server.mjs).
import net from "node:net";

const ACCOUNT = "/v1/AUTH_bench";
const counts = {};

const listing = JSON.stringify(
  Array.from({ length: 10 }, (_, i) => ({
    name: `obj-${String(i).padStart(4, "0")}.txt`,
    hash: "5d41402abc4b2a76b9719d911017c592",
    bytes: 1024 + i,
    content_type: "text/plain",
    last_modified: "2026-11-27T08:45:00.000000",
  })),
);
const emptyListing = "[]";

function head(status, reason, headers, bodyLen) {
  const lines = [`HTTP/1.1 ${status} ${reason}`];
  for (const [k, v] of Object.entries(headers)) lines.push(`${k}: ${v}`);
  lines.push(`Content-Length: ${bodyLen}`, "X-Trans-Id: tx0123456789abcdef0123-0067463c2d", "Date: Thu, 27 Nov 2026 08:45:00 GMT");
  return lines.join("\r\n") + "\r\n\r\n";
}

const R = {
  headObject: Buffer.from(
    head("200", "OK", {
      "Content-Type": "text/plain",
      Etag: "5d41402abc4b2a76b9719d911017c592",
      "Last-Modified": "Thu, 27 Nov 2026 08:45:00 GMT",
      "X-Timestamp": "1795769100.00000",
      "Accept-Ranges": "bytes",
      "X-Object-Meta-Color": "blue",
    }, 1024),
  ),
  list: Buffer.from(
    head("200", "OK", {
      "Content-Type": "application/json; charset=utf-8",
      "X-Container-Object-Count": "10",
      "X-Container-Bytes-Used": "10285",
      "X-Timestamp": "1795769100.00000",
    }, Buffer.byteLength(listing)) + listing,
  ),
  emptyList: Buffer.from(head("200", "OK", { "Content-Type": "application/json; charset=utf-8", "X-Container-Object-Count": "10" }, 2) + emptyListing),
  getObject: Buffer.concat([
    Buffer.from(head("200", "OK", { "Content-Type": "text/plain", Etag: "0f343b0931126a20f133d67c2b018a3b" }, 1024)),
    Buffer.alloc(1024, 0x61),
  ]),
  created: Buffer.from(head("201", "Created", { Etag: "d41d8cd98f00b204e9800998ecf8427e", "Content-Type": "text/html; charset=UTF-8" }, 0)),
  noContent: Buffer.from(head("204", "No Content", {}, 0).replace("Content-Length: 0\r\n", "")),
  headNoContent: Buffer.from(head("204", "No Content", { "X-Container-Object-Count": "10" }, 0).replace("Content-Length: 0\r\n", "")),
  notFound: Buffer.from(head("404", "Not Found", { "Content-Type": "text/html; charset=UTF-8" }, 0)),
};

// HEAD responses carry the object's Content-Length but no body.
function respond(method, target) {
  counts[method] = (counts[method] ?? 0) + 1;
  const q = target.indexOf("?");
  const p = q === -1 ? target : target.slice(0, q);
  if (!p.startsWith(ACCOUNT)) return R.notFound;
  const parts = p.slice(ACCOUNT.length).split("/").filter(Boolean);
  if (parts.length >= 2) {
    if (method === "HEAD") return R.headObject;
    if (method === "GET") return R.getObject;
    if (method === "PUT" || method === "POST") return R.created;
    if (method === "DELETE") return R.noContent;
  }
  if (parts.length === 1) {
    if (method === "GET") return q !== -1 && /[?&]marker=[^&]/.test(target.slice(q)) ? R.emptyList : R.list;
    if (method === "HEAD") return R.headNoContent;
    if (method === "PUT") return R.created;
  }
  return method === "HEAD" ? R.headNoContent : R.list;
}

const CRLF2 = Buffer.from("\r\n\r\n");

const server = net.createServer({ noDelay: true }, (sock) => {
  counts.connections = (counts.connections ?? 0) + 1;
  let buf = Buffer.alloc(0);
  let skip = 0;
  sock.on("data", (chunk) => {
    if (skip) {
      const n = Math.min(skip, chunk.length);
      skip -= n;
      chunk = chunk.subarray(n);
      if (!chunk.length) return;
    }
    buf = buf.length ? Buffer.concat([buf, chunk]) : chunk;
    const out = [];
    let close = false;
    for (;;) {
      const end = buf.indexOf(CRLF2);
      if (end === -1) break;
      const headText = buf.latin1Slice(0, end);
      const sp1 = headText.indexOf(" ");
      const sp2 = headText.indexOf(" ", sp1 + 1);
      const method = headText.slice(0, sp1);
      const target = headText.slice(sp1 + 1, sp2);
      const lower = headText.toLowerCase();
      const cl = /\r\ncontent-length:\s*(\d+)/.exec(lower);
      if (/\r\ntransfer-encoding:\s*chunked/.test(lower)) {
        sock.destroy(new Error("chunked bodies are not supported by the small-calls server"));
        return;
      }
      if (/\r\nconnection:\s*close/.test(lower)) close = true;
      const bodyLen = cl ? Number(cl[1]) : 0;
      const have = buf.length - end - 4;
      out.push(respond(method, target));
      if (have >= bodyLen) {
        buf = buf.subarray(end + 4 + bodyLen);
      } else {
        skip = bodyLen - have;
        buf = Buffer.alloc(0);
        break;
      }
      if (close) break;
    }
    if (out.length) sock.write(out.length === 1 ? out[0] : Buffer.concat(out));
    if (close) sock.end();
  });
  sock.on("error", () => {});
});

process.once("message", () => {
  server.listen(0, "127.0.0.1", () => {
    const { port } = server.address();
    process.send({ type: "listening", url: `http://127.0.0.1:${port}` });
  });
});
process.on("message", (m) => {
  if (m?.type === "stats") {
    process.send({ type: "reply", id: m.id, value: { ...counts } });
    if (m.reset) for (const k of Object.keys(counts)) delete counts[k];
  }
});
process.on("SIGTERM", () => process.exit(0));
process.on("disconnect", () => process.exit(0));
