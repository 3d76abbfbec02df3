// Per-call fixtures: a loopback HTTP server answering each request with what a test scripts (as
// os-networksv2 or Neutron would answer, from their API references), recording what was sent.
import { createServer, type IncomingMessage } from "node:http";
import type { AddressInfo } from "node:net";
import { StaticSession } from "@rax/core";
import { Images } from "../src/index";

export interface SeenRequest {
  method: string;
  /** Path after `/v2` (`/images`, `/images/{id}/members`), query excluded. */
  path: string;
  query: URLSearchParams;
  headers: Record<string, string>;
  json: unknown;
  body: Buffer;
}
export interface Answer {
  status: number;
  headers?: Record<string, string>;
  body?: unknown;
}
export type Script = (req: SeenRequest) => Answer;

export interface Fixture {
  /** Glance as a stock catalog lists it (the bare server, no `/v2`). */
  url: string;
  requests: SeenRequest[];
  script: Script;
  client(): Images;
  close(): Promise<void>;
}

function read(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => resolve(Buffer.concat(chunks)));
    req.on("error", reject);
  });
}

export async function startFixture(): Promise<Fixture> {
  const fx = { requests: [], script: () => ({ status: 500 }) } as unknown as Fixture;
  const server = createServer(async (req, res) => {
    const u = new URL(req.url ?? "/", "http://x");
    const raw = await read(req);
    const text = raw.toString("utf8");
    const path = u.pathname.replace(/^\/v2/, "");
    const headers: Record<string, string> = {};
    for (const [k, v] of Object.entries(req.headers)) headers[k] = String(v);
    const seen: SeenRequest = { method: req.method ?? "GET", path, query: u.searchParams, headers, json: text && /json/.test(String(req.headers["content-type"])) ? JSON.parse(text) : undefined, body: raw };
    fx.requests.push(seen);
    const a = fx.script(seen);
    const body = a.body === undefined ? "" : typeof a.body === "string" || Buffer.isBuffer(a.body) ? a.body : JSON.stringify(a.body);
    res.writeHead(a.status, { "content-type": "application/json", "content-length": String(Buffer.byteLength(body)), ...a.headers });
    res.end(body);
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  fx.url = origin;
  fx.client = () =>
    new Images(
      new StaticSession({
        token: "fixture-token",
        tenantId: "me-project",
        endpoints: { image: fx.url },
        transportOptions: { retry: { baseDelayMs: 1, maxDelayMs: 5 } },
      }),
    );
  fx.close = () =>
    new Promise<void>((r) => {
      server.closeAllConnections();
      server.close(() => r());
    });
  return fx;
}
