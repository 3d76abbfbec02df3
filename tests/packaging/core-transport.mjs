// The built transport end to end (undici's Agent and connector are built into @rax/core's dist):
// `node core-transport.mjs <core dist entry or a bundle of it>` loads @rax/core from there and makes
// real requests to a loopback server, then prints one JSON line of what happened. Run on the dist's
// ESM and CJS entries and on esbuild bundles of a handler (tests/packaging/core-transport.test.ts).
import http from "node:http";
import { Readable } from "node:stream";
import { createHash } from "node:crypto";

export async function run(core) {
  const sockets = new Set();
  const server = http.createServer((req, res) => {
    sockets.add(req.socket);
    const hash = createHash("md5");
    let bytes = 0;
    req.on("data", (c) => { hash.update(c); bytes += c.length; });
    req.on("end", () => {
      if (req.url === "/slow") return; // never answers: the headers deadline must end the call
      const body = JSON.stringify({ method: req.method, bytes, md5: hash.digest("hex"), type: req.headers["content-type"] ?? null });
      res.writeHead(200, { "content-type": "application/json", "content-length": Buffer.byteLength(body) });
      res.end(req.method === "HEAD" ? undefined : body);
    });
  });
  await new Promise((r) => server.listen(0, "127.0.0.1", r));
  const base = `http://127.0.0.1:${server.address().port}`;
  const transport = new core.Transport({ retry: { attempts: 1 }, timeouts: { headers: 500 } });
  const out = {};
  try {
    const head = await transport.request({ method: "HEAD", url: `${base}/o` });
    out.head = head.status;
    await head.text();
    const get = await transport.request({ method: "GET", url: `${base}/o` });
    out.get = JSON.parse(await get.text());
    const post = await transport.request({ method: "POST", url: `${base}/j`, json: { a: 1 } });
    out.post = JSON.parse(await post.text());
    // A streamed body: 64 chunks of 16 KiB, never held whole.
    const chunk = Buffer.alloc(16 * 1024, 7);
    const stream = Readable.from((function* () { for (let i = 0; i < 64; i++) yield chunk; })());
    const put = await transport.request({ method: "PUT", url: `${base}/s`, body: stream, headers: { "content-length": String(64 * chunk.length) } });
    out.put = JSON.parse(await put.text());
    out.putExpectedMd5 = createHash("md5").update(Buffer.concat(Array.from({ length: 64 }, () => chunk))).digest("hex");
    // Keep-alive: the four calls above, one after another, went over one connection.
    out.connections = sockets.size;
    out.http = transport.toJSON().http;
    try {
      await transport.request({ method: "GET", url: `${base}/slow` });
      out.slow = "answered";
    } catch (e) {
      out.slow = e?.name ?? String(e);
    }
  } catch (e) {
    out.error = `${e?.name}: ${e?.message}`;
  } finally {
    for (const s of sockets) s.destroy();
    server.close();
  }
  return out;
}

// No top-level await: bundles of this file (the test's CJS one included) skip this part.
const entry = process.argv[2];
if (entry && !process.env.RAX_CORE_TRANSPORT_BUNDLED) {
  import("node:module")
    .then(({ createRequire }) => (entry.endsWith(".cjs") ? createRequire(entry)(entry) : import(entry)))
    .then(run)
    .then((out) => process.stdout.write(`${JSON.stringify(out)}\n`));
}
