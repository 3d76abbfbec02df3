// Per-call fixtures: a loopback HTTP server answering each request with what a test scripts (as
// os-networksv2 or Neutron would answer, from their API references), recording what was sent.
import { createServer, type IncomingMessage } from "node:http";
import type { AddressInfo } from "node:net";
import { StaticSession } from "@rax/core";
import { Networks, type NetworksOptions } from "../src/index";

export interface SeenRequest {
  method: string;
  /** Path after the endpoint (`/os-networksv2`, `/networks`), query excluded. */
  path: string;
  query: URLSearchParams;
  headers: Record<string, string>;
  json: unknown;
}
export interface Answer {
  status: number;
  headers?: Record<string, string>;
  body?: unknown;
}
export type Script = (req: SeenRequest) => Answer;

export interface Fixture {
  /** The compute endpoint (`…/v2/123456`) and Neutron's (`…/v2.0`). */
  computeUrl: string;
  neutronUrl: string;
  requests: SeenRequest[];
  script: Script;
  /** A client over a catalog with compute only (os-networksv2) or with a `network` service too (Neutron). */
  client(catalog: "rackspace-compute-only" | "with-neutron", o?: NetworksOptions): Networks;
  close(): Promise<void>;
}

function read(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    let s = "";
    req.setEncoding("utf8");
    req.on("data", (c: string) => (s += c));
    req.on("end", () => resolve(s));
    req.on("error", reject);
  });
}

export async function startFixture(): Promise<Fixture> {
  const fx = { requests: [], script: () => ({ status: 500 }) } as unknown as Fixture;
  const server = createServer(async (req, res) => {
    const u = new URL(req.url ?? "/", "http://x");
    const text = await read(req);
    const path = u.pathname.replace(/^\/v2\/123456/, "").replace(/^\/v2\.0/, "");
    const headers: Record<string, string> = {};
    for (const [k, v] of Object.entries(req.headers)) headers[k] = String(v);
    const seen: SeenRequest = { method: req.method ?? "GET", path, query: u.searchParams, headers, json: text ? JSON.parse(text) : undefined };
    fx.requests.push(seen);
    const a = fx.script(seen);
    const body = a.body === undefined ? "" : typeof a.body === "string" ? a.body : JSON.stringify(a.body);
    res.writeHead(a.status, { "content-type": "application/json", "content-length": String(Buffer.byteLength(body)), ...a.headers });
    res.end(body);
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  fx.computeUrl = `${origin}/v2/123456`;
  fx.neutronUrl = `${origin}/v2.0`;
  fx.client = (catalog, o = {}) =>
    new Networks(
      new StaticSession({
        token: "fixture-token",
        endpoints: catalog === "with-neutron" ? { compute: fx.computeUrl, network: fx.neutronUrl } : { compute: fx.computeUrl },
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
