// Per-call fixtures: a loopback HTTP server that answers each request with what a test scripts
// (a status, headers and a body as a real or misbehaving Swift would send them), and records
// what the client sent. For server behaviour the emulator does not (and should not) have.
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { StaticSession } from "@rax/core";
import { ObjectStore, type ObjectStoreOptions } from "../src/index";

export interface SeenRequest {
  method: string;
  /** Path after the account prefix, still percent-encoded ("" for the account). */
  path: string;
  query: URLSearchParams;
  /** Lower-case names; values as the raw bytes read as Latin-1 (so UTF-8 shows up as its bytes). */
  headers: Record<string, string>;
  /** The header's raw bytes, for asserting how a value went on the wire. */
  rawHeader(name: string): Buffer | undefined;
  body: Buffer;
}

export interface Answer {
  /** 0: read the request, then drop the connection without answering (a lost answer). */
  status: number;
  headers?: Record<string, string>;
  /** Raw header bytes (e.g. UTF-8 metadata), sent as given. */
  rawHeaders?: Record<string, Buffer>;
  body?: string | Buffer | object;
  /** Stream the body in chunks of this size and count how many were written before the client stopped. */
  chunked?: number;
  /** Announce the whole body's length, send this many bytes of it, then drop the connection (an interrupted download). */
  cutAfter?: number;
}

export type Script = (req: SeenRequest) => Answer | Promise<Answer>;

export interface Fixture {
  /** Storage endpoint (`…/v1/AUTH_fx`). */
  url: string;
  cdnUrl: string;
  requests: SeenRequest[];
  /** Bytes of response bodies actually written to the socket, per request index. */
  bytesWritten: number[];
  script: Script;
  client(o?: ObjectStoreOptions): ObjectStore;
  close(): Promise<void>;
}

const ACCOUNT_PREFIX = "/v1/AUTH_fx";
const CDN_PREFIX = "/cdn/v1/AUTH_fx";

function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => resolve(Buffer.concat(chunks)));
    req.on("error", reject);
  });
}

function rawHeaderOf(req: IncomingMessage, name: string): Buffer | undefined {
  const raw = req.rawHeaders;
  for (let i = 0; i < raw.length; i += 2) if (raw[i]!.toLowerCase() === name) return Buffer.from(raw[i + 1]!, "latin1");
  return undefined;
}

export async function startFixture(script: Script = () => ({ status: 500 })): Promise<Fixture> {
  const fx = { requests: [], bytesWritten: [], script } as unknown as Fixture;
  const server = createServer(async (req: IncomingMessage, res: ServerResponse) => {
    const u = new URL(req.url ?? "/", "http://x");
    const cdn = u.pathname.startsWith(CDN_PREFIX);
    const path = u.pathname.slice(cdn ? CDN_PREFIX.length : ACCOUNT_PREFIX.length);
    const headers: Record<string, string> = {};
    for (const [k, v] of Object.entries(req.headers)) headers[k] = Array.isArray(v) ? v.join(", ") : String(v);
    const seen: SeenRequest = {
      method: req.method ?? "GET",
      path: cdn ? `cdn:${path}` : path,
      query: u.searchParams,
      headers,
      rawHeader: (n) => rawHeaderOf(req, n.toLowerCase()),
      body: await readBody(req),
    };
    const index = fx.requests.push(seen) - 1;
    fx.bytesWritten[index] = 0;
    let a: Answer;
    try {
      a = await fx.script(seen);
    } catch (e) {
      a = { status: 599, body: String(e) };
    }
    if (a.status === 0) {
      req.socket.destroy();
      return;
    }
    const body =
      a.body === undefined ? Buffer.alloc(0) : Buffer.isBuffer(a.body) ? a.body : Buffer.from(typeof a.body === "string" ? a.body : JSON.stringify(a.body));
    const out: [string, string | Buffer][] = Object.entries(a.headers ?? {});
    if (a.body !== undefined && typeof a.body === "object" && !Buffer.isBuffer(a.body) && !a.headers?.["content-type"])
      out.push(["content-type", "application/json; charset=utf-8"]);
    if (!a.headers?.["content-length"] && !a.chunked) out.push(["content-length", String(body.length)]);
    for (const [k, v] of Object.entries(a.rawHeaders ?? {})) out.push([k, v.toString("latin1")]);
    res.writeHead(a.status, out.map(([k, v]) => [k, String(v)]).flat());
    if (a.cutAfter !== undefined) {
      fx.bytesWritten[index] = a.cutAfter;
      res.write(body.subarray(0, a.cutAfter));
      setTimeout(() => res.destroy(), 20);
      return;
    }
    if (req.method === "HEAD" || !a.chunked) {
      fx.bytesWritten[index] = req.method === "HEAD" ? 0 : body.length;
      res.end(req.method === "HEAD" ? undefined : body);
      return;
    }
    // Slow, chunked: stop as soon as the client goes away, so the count shows what it read.
    let off = 0;
    const pump = () => {
      while (off < body.length && !res.destroyed) {
        const part = body.subarray(off, off + a.chunked!);
        off += part.length;
        fx.bytesWritten[index]! += part.length;
        if (!res.write(part)) {
          res.once("drain", pump);
          return;
        }
      }
      if (!res.destroyed) res.end();
    };
    res.on("close", () => (off = body.length));
    pump();
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  const { port } = server.address() as AddressInfo;
  const origin = `http://127.0.0.1:${port}`;
  fx.url = `${origin}${ACCOUNT_PREFIX}`;
  fx.cdnUrl = `${origin}${CDN_PREFIX}`;
  fx.client = (o = {}) =>
    new ObjectStore(
      new StaticSession({
        token: "fixture-token",
        endpoints: { "object-store": fx.url, "rax:object-cdn": fx.cdnUrl },
        transportOptions: { retry: { baseDelayMs: 1, maxDelayMs: 5 } },
      }),
      o,
    );
  fx.close = () =>
    new Promise<void>((r) => {
      server.closeAllConnections();
      server.close(() => r());
    });
  return fx;
}
