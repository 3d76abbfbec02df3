import { createServer, type IncomingMessage } from "node:http";
import type { AddressInfo } from "node:net";
import { type RetryOptions, StaticSession } from "@rax/core";
import { afterEach } from "vitest";
import { PyraxLoadBalancers } from "../src/index";

/** One canned answer: the request it expects (method + path, query ignored) and the response. `hang` never answers. */
export interface Fixture {
  method: string;
  path: string;
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
  hang?: boolean;
  /** Drop the connection after reading the request (the server may have acted). */
  reset?: boolean;
}

export interface Seen {
  method: string;
  path: string;
  query: URLSearchParams;
  headers: IncomingMessage["headers"];
  body: any;
  text: string;
}

export const TOKEN = "fixture-token-0123456789";
const TENANT = "/v1.0/123456";

/**
 * A loopback server answering `fixtures` in order (each once) and recording what it was sent; a
 * request that does not match the next fixture gets a 599 so the test fails loudly. Paths are
 * relative to `/v1.0/<tenant>`.
 */
export function serve(...fixtures: Fixture[]) {
  return start(fixtures, { maxAttempts: 1 });
}

/** `serve` with core's default retry policy (backoff shortened), to see what is and is not replayed. */
export function serveWithRetries(...fixtures: Fixture[]) {
  return start(fixtures, { baseDelayMs: 1, maxDelayMs: 5 });
}

async function start(fixtures: Fixture[], retry: Partial<RetryOptions>) {
  const queue = [...fixtures];
  const seen: Seen[] = [];
  const hung: Array<() => void> = [];
  const server = createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const text = Buffer.concat(chunks).toString("utf8");
    const url = new URL(req.url ?? "/", "http://x");
    const path = url.pathname.startsWith(TENANT) ? url.pathname.slice(TENANT.length) : url.pathname;
    seen.push({ method: req.method ?? "", path, query: url.searchParams, headers: req.headers, body: text ? JSON.parse(text) : undefined, text });
    const next = queue[0];
    if (!next || next.method !== req.method || next.path !== path) {
      res.writeHead(599, { "content-type": "text/plain" }).end(`unexpected ${req.method} ${path}`);
      return;
    }
    queue.shift();
    if (next.reset) {
      res.destroy();
      return;
    }
    if (next.hang) {
      hung.push(() => res.destroy());
      return;
    }
    const payload = next.body === undefined ? "" : JSON.stringify(next.body);
    res.writeHead(next.status, { ...(payload ? { "content-type": "application/json" } : {}), ...next.headers }).end(payload);
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  const { port } = server.address() as AddressInfo;
  const endpoint = `http://127.0.0.1:${port}${TENANT}`;
  const session = new StaticSession({ token: TOKEN, endpoint, transportOptions: { retry } });
  const clb = new PyraxLoadBalancers(session, { endpoint });
  cleanups.push(async () => {
    for (const h of hung) h();
    await session.transport.close();
    server.closeAllConnections();
    await new Promise((r) => server.close(r));
  });
  return { clb, seen, left: () => queue.length };
}

const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const c of cleanups.splice(0)) await c();
});

/** A load balancer as GET /loadbalancers/{id} returns it (the reference's fields). */
export function wireLb(over: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    id: 82663,
    name: "example_lb",
    protocol: "HTTP",
    port: 80,
    algorithm: "RANDOM",
    status: "ACTIVE",
    timeout: 30,
    halfClosed: "false",
    httpsRedirect: false,
    nodeCount: 2,
    cluster: { name: "ztm-n01.dfw1.lbaas.rackspace.net" },
    created: { time: "2012-11-12T18:47:14Z" },
    updated: { time: "2012-11-16T20:43:10Z" },
    virtualIps: [{ id: 1893, address: "50.56.167.209", type: "PUBLIC", ipVersion: "IPV4" }],
    nodes: [
      { id: 172949, address: "10.177.1.1", port: 80, condition: "ENABLED", status: "ONLINE", type: "PRIMARY", weight: 1 },
      { id: 173161, address: "10.177.1.2", port: 80, condition: "DISABLED", status: "ONLINE", type: "PRIMARY", weight: 1 },
    ],
    connectionLogging: { enabled: false },
    contentCaching: { enabled: false },
    sourceAddresses: { ipv4Public: "10.0.0.1", ipv4Servicenet: "10.1.0.1" },
    metadata: [{ id: 1, key: "color", value: "red" }],
    ...over,
  };
}

export const immutable = (id = 82663, status = "PENDING_UPDATE") => ({ message: `Load Balancer '${id}' has a status of '${status}' and is considered immutable.`, code: 422 });
export const lbNotFound = { message: "Load balancer not found", code: 404 };
