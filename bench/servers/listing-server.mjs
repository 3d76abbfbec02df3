// A Swift-like container listing for the `listing` rows: `--objects` rows in one container,
// paged as Swift pages (names in byte order, strictly after `marker`, at most `limit` rows and at
// most the server's cap of 10 000). Pages are rendered once and served from memory, so the server
// costs little and the rows measure the client. Counts requests per page for the report.
import http from "node:http";

const CAP = 10_000;
const ACCOUNT = "/v1/AUTH_bench";
let rows = [];
const pages = new Map();
const counts = { requests: 0, emptyPages: 0 };

function rowsFrom(n) {
  return Array.from({ length: n }, (_, i) => ({
    hash: "5d41402abc4b2a76b9719d911017c592",
    last_modified: "2026-11-27T08:45:00.123450",
    bytes: 1024 + (i % 997),
    name: `photos/2026/11/img-${String(i).padStart(6, "0")}.jpg`,
    content_type: "image/jpeg",
  }));
}

function page(marker, limit) {
  const key = `${marker}\n${limit}`;
  let body = pages.get(key);
  if (!body) {
    let start = 0;
    if (marker) while (start < rows.length && rows[start].name <= marker) start++;
    body = Buffer.from(JSON.stringify(rows.slice(start, start + limit)));
    pages.set(key, body);
  }
  return body;
}

const server = http.createServer((req, res) => {
  counts.requests++;
  const u = new URL(req.url, "http://x");
  if (req.method !== "GET" || u.pathname !== `${ACCOUNT}/big`) {
    res.writeHead(404, { "content-length": 0 }).end();
    return;
  }
  const asked = u.searchParams.get("limit");
  const limit = asked === null ? CAP : Number(asked);
  if (!(limit > 0) || limit > CAP) {
    res.writeHead(412, { "content-length": 0 }).end();
    return;
  }
  const body = page(u.searchParams.get("marker") ?? "", limit);
  if (body.length === 2) counts.emptyPages++;
  res.writeHead(200, {
    "content-type": "application/json; charset=utf-8",
    "content-length": body.length,
    "x-container-object-count": rows.length,
    "x-trans-id": "tx0123456789abcdef0123-0067463c2d",
  });
  res.end(body);
});
server.keepAliveTimeout = 60_000;

process.once("message", (m) => {
  rows = rowsFrom(m.input?.objects ?? 10_000);
  server.listen(0, "127.0.0.1", () => {
    const { port } = server.address();
    process.send({ type: "listening", url: `http://127.0.0.1:${port}` });
  });
});
process.on("message", (m) => {
  if (m?.type === "stats") {
    process.send({ type: "reply", id: m.id, value: { ...counts } });
    if (m.reset) Object.assign(counts, { requests: 0, emptyPages: 0 });
  }
});
process.on("SIGTERM", () => process.exit(0));
process.on("disconnect", () => process.exit(0));
