import net from "node:net";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { Transport, ValidationError } from "../src/index";
import { startServer, type TestServer } from "./helpers";

// Response headers as callers read them (res.headers, error classification, request ids): lower-case
// names, repeated headers joined with ", ", whatever case the server wrote and whichever engine sends.

let transport: Transport | undefined;
let raw: net.Server | undefined;
let srv: TestServer | undefined;
afterEach(async () => {
  await transport?.close();
  await srv?.close();
  await new Promise<void>((r) => (raw ? raw.close(() => r()) : r()));
  transport = undefined;
  raw = undefined;
  srv = undefined;
});

/** A server that answers every request with exactly these header lines (bytes as written). */
async function rawServer(headerLines: string[], body = "ok"): Promise<string> {
  raw = net.createServer((sock) => {
    sock.on("data", () => {
      sock.write(`HTTP/1.1 200 OK\r\n${headerLines.join("\r\n")}\r\nContent-Length: ${body.length}\r\n\r\n${body}`);
    });
    sock.on("error", () => {});
  });
  await new Promise<void>((r) => raw?.listen(0, "127.0.0.1", r));
  return `http://127.0.0.1:${(raw.address() as AddressInfo).port}`;
}

describe("response headers", () => {
  it("gives lower-case names and joins repeated headers with ', '", async () => {
    const url = await rawServer(["X-Object-Meta-Color: blue", "X-Dup: one", "x-dup: two", "ETag: abc", "X-Trans-Id: tx123"]);
    transport = new Transport();
    const res = await transport.request({ method: "GET", url: `${url}/o` });
    expect(await res.text()).toBe("ok");
    expect(res.headers["x-object-meta-color"]).toBe("blue");
    expect(res.headers["x-dup"]).toBe("one, two");
    expect(res.headers.etag).toBe("abc");
    expect(res.headers["content-length"]).toBe("2");
    expect(res.requestId).toBe("tx123");
    // Every value a string; no name keeps its capitals.
    for (const [k, v] of Object.entries(res.headers)) {
      expect(k).toBe(k.toLowerCase());
      expect(typeof v).toBe("string");
    }
  });

  it("joins repeated Set-Cookie headers too (node:http gives them as an array)", async () => {
    srv = await startServer((_req, res) => {
      res.setHeader("set-cookie", ["a=1", "b=2"]);
      res.end("ok");
    });
    transport = new Transport();
    const res = await transport.request({ method: "GET", url: `${srv.url}/` });
    await res.dump();
    expect(res.headers["set-cookie"]).toBe("a=1, b=2");
  });

  it("keeps a header named like an Object.prototype member as a plain entry", async () => {
    const url = await rawServer(["Constructor: c1", "toString: t1"]);
    transport = new Transport();
    const res = await transport.request({ method: "GET", url: `${url}/o` });
    await res.dump();
    expect(res.headers.constructor).toBe("c1");
    expect(Object.hasOwn(res.headers, "tostring")).toBe(true);
    expect(res.headers.tostring).toBe("t1");
    expect(Object.getPrototypeOf(res.headers)).toBe(Object.prototype);
  });
});

describe("request header checks", () => {
  it("still refuses a bad value for a header name that passed before with a good one", async () => {
    srv = await startServer((_req, res) => res.end("ok"));
    transport = new Transport();
    await (await transport.request({ method: "GET", url: `${srv.url}/`, headers: { "x-auth-token": "good" } })).dump();
    await (await transport.request({ method: "GET", url: `${srv.url}/`, headers: { "x-auth-token": "good" } })).dump();
    const err = await transport.request({ method: "GET", url: `${srv.url}/`, headers: { "x-auth-token": "bad\r\nx-injected: 1" } }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ValidationError);
    expect((err as ValidationError).field).toBe("headers.x-auth-token");
    // The refused value was never sent: two requests reached the server.
    expect(srv.requests).toHaveLength(2);
  });

  it("refuses a bad value after many distinct header names have been checked", async () => {
    srv = await startServer((_req, res) => res.end("ok"));
    transport = new Transport();
    for (let i = 0; i < 100; i++) await (await transport.request({ method: "GET", url: `${srv.url}/`, headers: { [`x-object-meta-k${i}`]: "v" } })).dump();
    for (const i of [0, 50, 99]) {
      const err = await transport.request({ method: "GET", url: `${srv.url}/`, headers: { [`x-object-meta-k${i}`]: "v\n" } }).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(ValidationError);
    }
  });
});
