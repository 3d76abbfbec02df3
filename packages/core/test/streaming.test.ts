import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { AbortError, TimeoutError, Transport } from "../src/index";
import { json, startServer, type TestServer } from "./helpers";

let srv: TestServer | undefined;
let transport: Transport | undefined;
afterEach(async () => {
  await transport?.close();
  await srv?.close();
  srv = undefined;
  transport = undefined;
});

describe("connections", () => {
  it("50 sequential HEADs reuse one keep-alive connection", async () => {
    srv = await startServer((_req, res) => {
      res.writeHead(204, { "x-container-object-count": "3" });
      res.end();
    });
    transport = new Transport();
    for (let i = 0; i < 50; i++) {
      const res = await transport.request({ method: "HEAD", url: `${srv.url}/c${i}` });
      expect(res.status).toBe(204);
      await res.dump();
    }
    expect(srv.requests).toHaveLength(50);
    expect(srv.sockets.size).toBe(1);
  });

  it("a dumped HEAD's body still ends for a later reader, and two dumps both settle", async () => {
    srv = await startServer((_req, res) => {
      res.writeHead(200, { "content-length": "5" });
      res.end();
    });
    transport = new Transport();
    const res = await transport.request({ method: "HEAD", url: `${srv.url}/o` });
    await Promise.all([res.dump(), res.dump()]);
    expect(await res.text()).toBe("");
    expect(res.body.readableEnded).toBe(true);
    // The connection went back to the pool: the next call reuses it.
    await (await transport.request({ method: "HEAD", url: `${srv.url}/o` })).dump();
    expect(srv.sockets.size).toBe(1);
  });

  it("sequential GETs reuse one connection too", async () => {
    srv = await startServer((_req, res) => json(res, 200, { ok: 1 }));
    transport = new Transport();
    for (let i = 0; i < 10; i++) await (await transport.request({ method: "GET", url: `${srv.url}/x` })).json();
    expect(srv.sockets.size).toBe(1);
  });

  it("does not import undici at module top level (it is loaded on the first request)", () => {
    const dir = join(__dirname, "../src");
    for (const f of readdirSync(dir)) {
      const src = readFileSync(join(dir, f), "utf8");
      for (const line of src.split("\n")) {
        if (/^\s*(import|export)\b/.test(line) && /["']undici["']/.test(line)) expect(line, f).toMatch(/^\s*import type /);
        expect(line, f).not.toMatch(/require\(["']undici["']\)/);
      }
    }
  });
});

describe("streaming bodies", () => {
  it("uploads ~50 MB from a generator without buffering it (pulled as the server reads)", async () => {
    const chunk = Buffer.alloc(64 * 1024, 7);
    const chunks = 800;
    let pulled = 0;
    let maxLead = 0;
    let received = 0;
    let pulledAtFirstByte = -1;
    srv = await startServer(async (req, res) => {
      for await (const c of req) {
        if (pulledAtFirstByte < 0) pulledAtFirstByte = pulled;
        received += (c as Buffer).length;
      }
      json(res, 201, { received });
    });
    async function* gen() {
      for (let i = 0; i < chunks; i++) {
        pulled++;
        maxLead = Math.max(maxLead, pulled * chunk.length - received);
        yield chunk;
        // Yield to the event loop so the server side can run while we generate.
        if (i % 16 === 0) await new Promise((r) => setImmediate(r));
      }
    }
    transport = new Transport();
    const res = await transport.request({ method: "PUT", url: `${srv.url}/big`, body: gen() });
    expect(await res.json()).toEqual({ received: chunks * chunk.length });
    expect(pulledAtFirstByte).toBeGreaterThan(0);
    expect(pulledAtFirstByte).toBeLessThan(chunks);
    // Socket buffers hold a few MB at most; a buffering client would run 50 MB ahead.
    expect(maxLead).toBeLessThan(24 * 1024 * 1024);
  });

  it("accepts a web ReadableStream body", async () => {
    srv = await startServer(async (req, res) => {
      let b = "";
      for await (const c of req) b += c;
      json(res, 200, { b });
    });
    transport = new Transport();
    const enc = new TextEncoder();
    const web = new ReadableStream<Uint8Array>({
      start(c) {
        c.enqueue(enc.encode("web-"));
        c.enqueue(enc.encode("stream"));
        c.close();
      },
    });
    const res = await transport.request({ method: "PUT", url: `${srv.url}/w`, body: web });
    expect(await res.json()).toEqual({ b: "web-stream" });
  });

  it("resolves with the response while the server is still sending the body", async () => {
    let release!: () => void;
    const released = new Promise<void>((r) => {
      release = r;
    });
    srv = await startServer(async (_req, res) => {
      res.writeHead(200, { "content-type": "application/octet-stream" });
      res.write(Buffer.alloc(1024, 1));
      await released; // the rest only after the client has seen the first bytes
      res.end(Buffer.alloc(1024, 2));
    });
    transport = new Transport();
    const res = await transport.request({ method: "GET", url: `${srv.url}/d` });
    let total = 0;
    for await (const c of res.body) {
      if (total === 0) release();
      total += (c as Buffer).length;
    }
    expect(total).toBe(2048);
  });
});

describe("timeouts and abort", () => {
  it("aborting mid-body rejects the body stream with AbortError", async () => {
    srv = await startServer((_req, res) => {
      res.writeHead(200);
      res.write("partial");
    });
    transport = new Transport();
    const ac = new AbortController();
    const res = await transport.request({ method: "GET", url: `${srv.url}/x`, signal: ac.signal });
    const err = await (async () => {
      for await (const _ of res.body) ac.abort(new Error("user cancelled"));
    })().catch((e: unknown) => e);
    expect(err).toBeInstanceOf(AbortError);
  });

  it("aborting while waiting for headers rejects with AbortError", async () => {
    srv = await startServer(() => {
      /* never answers */
    });
    transport = new Transport();
    const ac = new AbortController();
    setTimeout(() => ac.abort(), 50);
    const err = await transport.request({ method: "GET", url: `${srv.url}/x`, signal: ac.signal }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(AbortError);
  });

  it("an already-aborted signal sends nothing", async () => {
    srv = await startServer((_req, res) => json(res, 200, {}));
    transport = new Transport();
    const err = await transport.request({ method: "GET", url: `${srv.url}/x`, signal: AbortSignal.abort() }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(AbortError);
    expect(srv.requests).toHaveLength(0);
  });

  it("a body that stalls after the headers hits the body timeout", async () => {
    srv = await startServer((_req, res) => {
      res.writeHead(200, { "content-length": "100" });
      res.write("x");
    });
    transport = new Transport();
    const res = await transport.request({ method: "GET", url: `${srv.url}/x`, timeouts: { body: 150 } });
    const err = await res.text().catch((e: unknown) => e);
    expect(err).toBeInstanceOf(TimeoutError);
    expect((err as TimeoutError).phase).toBe("body");
  });

  it("the total deadline covers a body that keeps trickling", async () => {
    srv = await startServer((_req, res) => {
      res.writeHead(200);
      const t = setInterval(() => res.write("."), 20);
      res.on("close", () => clearInterval(t));
    });
    transport = new Transport();
    const res = await transport.request({ method: "GET", url: `${srv.url}/x`, timeouts: { total: 200, body: 5000 } });
    const err = await res.text().catch((e: unknown) => e);
    expect(err).toBeInstanceOf(TimeoutError);
    expect((err as TimeoutError).phase).toBe("total");
  });

  it("a server that never answers hits the headers timeout (retried for GET, then TimeoutError)", async () => {
    srv = await startServer(() => {
      /* never answers */
    });
    transport = new Transport({ retry: { baseDelayMs: 1, maxDelayMs: 1, maxAttempts: 2 } });
    const err = await transport.request({ method: "GET", url: `${srv.url}/x`, timeouts: { headers: 100 } }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(TimeoutError);
    expect((err as TimeoutError).phase).toBe("headers");
    expect((err as TimeoutError).attempts).toBe(2);
    expect(srv.requests).toHaveLength(2);
  });
});

describe("unread bodies", () => {
  it("aborting after the response, with the body never read, does not crash", async () => {
    srv = await startServer((_req, res) => {
      res.writeHead(200);
      res.write("some");
    });
    transport = new Transport();
    const ac = new AbortController();
    const res = await transport.request({ method: "GET", url: `${srv.url}/x`, signal: ac.signal });
    ac.abort();
    await new Promise((r) => setTimeout(r, 50));
    expect(res.body.destroyed).toBe(true);
    const err = await res.text().catch((e: unknown) => e);
    expect(err).toBeInstanceOf(AbortError);
  });

  it("reads at most 64 KiB of an error body and still maps it", async () => {
    srv = await startServer((_req, res) => {
      res.writeHead(500, { "content-type": "text/html" });
      res.end(`<html><h1>Oops</h1>${"x".repeat(1024 * 1024)}</html>`);
    });
    transport = new Transport({ retry: { maxAttempts: 1 } });
    const err = await transport.request({ method: "GET", url: `${srv.url}/x` }).catch((e: unknown) => e);
    expect((err as { status: number }).status).toBe(500);
    expect(String((err as { body: string }).body).length).toBeLessThanOrEqual(64 * 1024);
  });
});
