import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { Redirected, ServiceClient, StaticSession, TimeoutError, ValidationError, markerPager } from "@rax/core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

// Core under a misbehaving server on loopback, through the public surface a service uses
// (ServiceClient.send/json + core's pagers): what reached the wire is counted for every case.

type Handler = (req: import("node:http").IncomingMessage, res: import("node:http").ServerResponse) => void;
let server: Server;
let base: string;
let handler: Handler;
const seen: { method: string; url: string }[] = [];
beforeAll(async () => {
  server = createServer((req, res) => {
    seen.push({ method: req.method ?? "", url: req.url ?? "" });
    handler(req, res);
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise<void>((r) => server.close(() => r()));
});

class Swiftish extends ServiceClient {
  static override readonly serviceType = "object-store";
}

function client(timeouts?: { call?: number }): Swiftish {
  const session = new StaticSession({ token: "core-wire-token-0001", endpoint: `${base}/v1/AUTH_x`, transportOptions: timeouts ? { timeouts } : {} });
  return new Swiftish(session);
}

describe("core-wire: a cache that ignores marker", () => {
  it("a full listing ends after one repeated page: no loop, no duplicate rows, two GETs", async () => {
    const page = Array.from({ length: 1000 }, (_, i) => ({ name: `o${String(i).padStart(4, "0")}`, bytes: i }));
    handler = (_req, res) => {
      res.writeHead(200, { "content-type": "application/json" });
      res.end(JSON.stringify(page));
    };
    seen.length = 0;
    const c = client();
    const list = markerPager<{ name: string; bytes: number }>(
      (marker, limit) => c.json({ method: "GET", path: "/c", query: { format: "json", marker, limit } }),
      { markerOf: (r) => r.name, pageSize: 1000 },
    ).map((r) => r.name);
    const names = await list.toArray();
    expect(names).toHaveLength(1000);
    expect(new Set(names).size).toBe(1000);
    expect(seen).toHaveLength(2);
    await c.session.transport.close();
  });
});

describe("core-wire: redirects", () => {
  it("an upload PUT answered 307 by a balancer rejects with Redirected; nothing is re-sent anywhere", async () => {
    handler = (req, res) => {
      req.resume();
      req.on("end", () => {
        res.writeHead(307, { location: "https://storage.example/v1/AUTH_x/c/o" });
        res.end();
      });
    };
    seen.length = 0;
    const c = client();
    const err = await c.send({ method: "PUT", path: "/c/o", body: "payload" }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(Redirected);
    expect((err as Redirected).location).toBe("https://storage.example/v1/AUTH_x/c/o");
    expect(seen).toEqual([{ method: "PUT", url: "/v1/AUTH_x/c/o" }]);
    await c.session.transport.close();
  });
});

describe("core-wire: bad header input never reaches the wire", () => {
  it("CR/LF in a metadata value is a ValidationError and no request is sent", async () => {
    handler = (_req, res) => res.end();
    seen.length = 0;
    const c = client();
    const err = await c.send({ method: "POST", path: "/c/o", headers: { "X-Object-Meta-Note": "a\r\nX-Delete-At: 1" } }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ValidationError);
    expect((err as ValidationError).field).toBe("headers.x-object-meta-note");
    expect(seen).toHaveLength(0);
    await c.session.transport.close();
  });
});

describe("core-wire: a trickling JSON body", () => {
  it("json() ends with TimeoutError at the call deadline instead of hanging", async () => {
    handler = (req, res) => {
      res.writeHead(200, { "content-type": "application/json" });
      res.write("[");
      const t = setInterval(() => res.write(" "), 20);
      req.socket.on("close", () => clearInterval(t));
    };
    const c = client({ call: 200 });
    const err = await c.json({ method: "GET", path: "/c" }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(TimeoutError);
    expect((err as TimeoutError).phase).toBe("total");
    await c.session.transport.close();
  });
});
