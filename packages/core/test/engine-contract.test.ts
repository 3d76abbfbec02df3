// What the transport promises whichever HTTP engine sends (undici here; node:http when
// node-http-engine.test.ts imports this file): the pool, request bodies of every kind, the connect
// deadline, retry classification of a dropped keep-alive connection, `received`, close(), TLS.
import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { createServer as createHttpsServer } from "node:https";
import { type AddressInfo, type Server, type Socket, createServer as createNetServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Readable } from "node:stream";
import { inspect } from "node:util";
import { afterEach, describe, expect, it } from "vitest";
import { ConnectionError, TimeoutError, Transport } from "../src/index";
import { startServer, type TestServer } from "./helpers";

let server: TestServer | undefined;
let transport: Transport | undefined;
afterEach(async () => {
  await transport?.close();
  await server?.close();
  transport = undefined;
  server = undefined;
});

function md5(b: Buffer): string {
  return createHash("md5").update(b).digest("hex");
}

/** A server that answers each request with the md5 and size of the body it received. */
async function echoServer(): Promise<TestServer> {
  return startServer((req, res) => {
    const hash = createHash("md5");
    let bytes = 0;
    req.on("data", (c: Buffer) => {
      hash.update(c);
      bytes += c.length;
    });
    req.on("end", () => res.end(JSON.stringify({ bytes, md5: hash.digest("hex"), chunked: req.headers["transfer-encoding"] === "chunked", length: req.headers["content-length"] ?? null })));
  });
}

describe("the HTTP engine", () => {
  it("keeps at most `connections` sockets per origin, and reuses them", async () => {
    let open = 0;
    let peak = 0;
    server = await startServer(async (_req, res) => {
      peak = Math.max(peak, ++open);
      await new Promise((r) => setTimeout(r, 30));
      open--;
      res.end("ok");
    });
    transport = new Transport({ connections: 2, retry: { maxAttempts: 1 } });
    const t = transport;
    await Promise.all(Array.from({ length: 8 }, async (_, i) => (await t.request({ method: "GET", url: `${server?.url}/${i}` })).text()));
    expect(peak).toBe(2);
    expect(server.sockets.size).toBe(2);
    await (await t.request({ method: "HEAD", url: `${server.url}/h` })).dump();
    expect(server.sockets.size).toBe(2);
  });

  it.each([
    ["a string", () => "héllo wörld", Buffer.from("héllo wörld")],
    ["bytes", () => new Uint8Array([0, 1, 2, 255]), Buffer.from([0, 1, 2, 255])],
    ["a Node Readable", () => Readable.from([Buffer.from("ab"), Buffer.from("cd")]), Buffer.from("abcd")],
    [
      "an async iterable",
      () =>
        (async function* () {
          yield new Uint8Array([1, 2]);
          yield new Uint8Array([3]);
        })(),
      Buffer.from([1, 2, 3]),
    ],
    ["a web ReadableStream", () => new Blob(["web", "stream"]).stream(), Buffer.from("webstream")],
  ])("sends %s as the request body, byte for byte", async (_name, make, expected) => {
    server = await echoServer();
    transport = new Transport({ retry: { maxAttempts: 1 } });
    const res = await transport.request({ method: "PUT", url: `${server.url}/o`, body: make() });
    const got = (await res.json()) as { bytes: number; md5: string; chunked: boolean; length: string | null };
    expect(got.bytes).toBe(expected.length);
    expect(got.md5).toBe(md5(expected));
    // Fixed bodies go with their length; streams go chunked unless the caller gives one.
    if (typeof make() === "string" || make() instanceof Uint8Array) expect(got.length).toBe(String(expected.length));
    else expect(got.chunked).toBe(true);
  });

  it.each([
    ["shorter", 3],
    ["longer", 10],
  ])("a streamed body %s than its Content-Length is a ConnectionError before the server answers", async (_name, size) => {
    server = await echoServer();
    transport = new Transport({ retry: { maxAttempts: 1 }, timeouts: { headers: 5_000 } });
    const err = await transport
      .request({ method: "PUT", url: `${server.url}/o`, headers: { "content-length": "5" }, body: Readable.from([Buffer.alloc(size)]) })
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ConnectionError);
    expect((err as ConnectionError).code).toBe("UND_ERR_REQ_CONTENT_LENGTH_MISMATCH");
  });

  it("a DELETE or GET with a body frames it (Swift's bulk delete), so the connection's next request is intact", async () => {
    server = await echoServer();
    transport = new Transport({ retry: { maxAttempts: 1 } });
    const t = transport;
    const send = async (method: string, body?: string | Readable) => (await (await t.request({ method, url: `${server?.url}/?bulk-delete`, body })).json()) as { bytes: number };
    expect((await send("DELETE", "/c/a\n/c/b\n")).bytes).toBe(10);
    expect((await send("DELETE", Readable.from([Buffer.from("/c/x\n")]))).bytes).toBe(5);
    expect((await send("GET", "q")).bytes).toBe(1);
    expect((await send("GET")).bytes).toBe(0);
    // (undici opens a fresh connection after a body on a method that expects none; node:http reuses it.)
    expect(server.requests.map((r) => r.method)).toEqual(["DELETE", "DELETE", "GET", "GET"]);
  });

  it("a POST with no body sends Content-Length: 0 and a GET sends neither length nor chunks", async () => {
    const seen: (string | undefined)[][] = [];
    server = await startServer((req, res) => {
      seen.push([req.method, req.headers["content-length"], req.headers["transfer-encoding"]]);
      res.end("ok");
    });
    transport = new Transport({ retry: { maxAttempts: 1 } });
    await (await transport.request({ method: "POST", url: `${server.url}/a` })).dump();
    await (await transport.request({ method: "GET", url: `${server.url}/b` })).dump();
    expect(seen).toEqual([
      ["POST", "0", undefined],
      ["GET", undefined, undefined],
    ]);
  });

  it("a connection that never completes its TLS handshake is a connect TimeoutError, retried as not sent (even for POST)", async () => {
    // Accepts TCP and says nothing: the TLS handshake never finishes.
    const sockets = new Set<Socket>();
    const silent: Server = createNetServer((s) => sockets.add(s));
    await new Promise<void>((r) => silent.listen(0, "127.0.0.1", r));
    const { port } = silent.address() as AddressInfo;
    try {
      transport = new Transport({ timeouts: { connect: 150 }, retry: { maxAttempts: 2, baseDelayMs: 1, maxDelayMs: 1 } });
      const err = await transport.request({ method: "POST", url: `https://127.0.0.1:${port}/x` }).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(TimeoutError);
      expect((err as TimeoutError).phase).toBe("connect");
      expect((err as TimeoutError).attempts).toBe(2);
      expect(sockets.size).toBe(2);
    } finally {
      for (const s of sockets) s.destroy();
      await new Promise((r) => silent.close(r));
    }
  });

  it("a kept-alive connection the server drops is retried for GET but not for POST (maybe sent)", async () => {
    let n = 0;
    server = await startServer((req, res) => {
      n++;
      // Every second request: the connection is cut without an answer.
      if (n % 2 === 0) return req.socket.destroy();
      res.end("ok");
    });
    transport = new Transport({ retry: { maxAttempts: 3, baseDelayMs: 1, maxDelayMs: 1 } });
    await (await transport.request({ method: "GET", url: `${server.url}/1` })).text();
    const get = await transport.request({ method: "GET", url: `${server.url}/2` });
    expect(await get.text()).toBe("ok");
    expect(get.attempts).toBe(2);
    const post = await transport.request({ method: "POST", url: `${server.url}/3`, body: "x" }).catch((e: unknown) => e);
    expect(post).toBeInstanceOf(ConnectionError);
    expect((post as ConnectionError).attempts).toBe(1);
    expect(n).toBe(4);
  });

  it("`received` says whether the whole body has come off the socket", async () => {
    let finish!: () => void;
    server = await startServer((req, res) => {
      if (req.url === "/small") return res.end("tiny");
      res.writeHead(200, { "content-length": "8" });
      res.write("half");
      finish = () => res.end("done");
    });
    transport = new Transport({ retry: { maxAttempts: 1 } });
    const small = await transport.request({ method: "GET", url: `${server.url}/small` });
    await new Promise((r) => setImmediate(r));
    expect((small.body as Readable & { received?: boolean }).received).toBe(true);
    expect(await small.text()).toBe("tiny");
    const slow = await transport.request({ method: "GET", url: `${server.url}/slow` });
    await new Promise((r) => setTimeout(r, 20));
    expect((slow.body as Readable & { received?: boolean }).received).toBe(false);
    finish();
    expect(await slow.text()).toBe("halfdone");
    expect((slow.body as Readable & { received?: boolean }).received).toBe(true);
  });

  it("close() closes the pooled connections", async () => {
    server = await startServer((_req, res) => res.end("ok"));
    transport = new Transport();
    await (await transport.request({ method: "GET", url: `${server.url}/a` })).text();
    const [socket] = [...server.sockets];
    const closed = new Promise((r) => socket?.once("close", r));
    await transport.close();
    await closed;
    expect(socket?.destroyed).toBe(true);
    // A second close() is harmless.
    await expect(transport.close()).resolves.toBeUndefined();
  });

  it("shows which engine sends once the first request loaded it", async () => {
    server = await startServer((_req, res) => res.end("ok"));
    transport = new Transport();
    expect(transport.toJSON().http).toBeUndefined();
    await (await transport.request({ method: "GET", url: `${server.url}/a` })).text();
    expect(["undici", "node:http"]).toContain(transport.toJSON().http);
  });

  it("a failed call's error shows no secret from the URL", async () => {
    transport = new Transport({ retry: { maxAttempts: 1 } });
    const err = await transport.request({ method: "GET", url: "http://127.0.0.1:1/o?temp_url_sig=SIGSECRET123&temp_url_expires=1" }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ConnectionError);
    for (const shown of [String(err), (err as Error).message, JSON.stringify(err), inspect(err, { depth: 5 })]) expect(shown).not.toContain("SIGSECRET123");
  });
});

describe.skipIf(!hasOpenssl())("the HTTP engine over TLS", () => {
  it("verifies certificates by default, and not with verifySsl: false", async () => {
    const dir = mkdtempSync(join(tmpdir(), "rax-engine-tls-"));
    try {
      execFileSync("openssl", ["req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1", "-subj", "/CN=127.0.0.1", "-addext", "subjectAltName=IP:127.0.0.1", "-keyout", join(dir, "k.pem"), "-out", join(dir, "c.pem")], { stdio: "ignore" });
      const tls = createHttpsServer({ key: readFileSync(join(dir, "k.pem")), cert: readFileSync(join(dir, "c.pem")) }, (_req, res) => res.end("secure"));
      await new Promise<void>((r) => tls.listen(0, "127.0.0.1", r));
      const url = `https://127.0.0.1:${(tls.address() as AddressInfo).port}/x`;
      const strict = new Transport({ retry: { maxAttempts: 1 } });
      const loose = new Transport({ verifySsl: false, retry: { maxAttempts: 1 } });
      try {
        const err = await strict.request({ method: "GET", url }).catch((e: unknown) => e);
        expect(err).toBeInstanceOf(ConnectionError);
        expect((err as Error).message).toMatch(/self[- ]signed/i);
        expect(await (await loose.request({ method: "GET", url })).text()).toBe("secure");
      } finally {
        await strict.close();
        await loose.close();
        tls.closeAllConnections();
        await new Promise((r) => tls.close(r));
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

function hasOpenssl(): boolean {
  try {
    execFileSync("openssl", ["version"], { stdio: "ignore" });
    return true;
  } catch {
    return false;
  }
}
