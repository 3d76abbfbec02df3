import { createServer, type IncomingMessage } from "node:http";
import type { AddressInfo } from "node:net";
import { type RetryOptions, StaticSession } from "@rax/core";
import { afterEach } from "vitest";
import { Monitoring } from "../src/index";

/** One canned answer: the request it expects (method + path, query ignored) and the response. */
export interface Fixture {
  method: string;
  path: string;
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
}

export interface Seen {
  method: string;
  path: string;
  query: URLSearchParams;
  headers: IncomingMessage["headers"];
  body: any;
}

export const TOKEN = "fixture-token-0123456789";
const TENANT = "/v1.0/123456";

/**
 * A loopback server that answers `fixtures` in order (each one once) and records what it was sent;
 * a request that does not match the next fixture gets a 599 so the test fails loudly.
 */
export function serve(...fixtures: Fixture[]): Promise<{ cm: Monitoring; seen: Seen[]; left: () => number }> {
  return start(fixtures, { maxAttempts: 1 });
}

/** `serve` with core's default retry policy (backoff shortened), for what is and is not replayed. */
export function serveWithRetries(...fixtures: Fixture[]): Promise<{ cm: Monitoring; seen: Seen[]; left: () => number }> {
  return start(fixtures, { baseDelayMs: 1, maxDelayMs: 5 });
}

async function start(fixtures: Fixture[], retry: Partial<RetryOptions>): Promise<{ cm: Monitoring; seen: Seen[]; left: () => number }> {
  const queue = [...fixtures];
  const seen: Seen[] = [];
  const server = createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const text = Buffer.concat(chunks).toString("utf8");
    const url = new URL(req.url ?? "/", "http://x");
    const path = url.pathname.startsWith(TENANT) ? url.pathname.slice(TENANT.length) : url.pathname;
    seen.push({ method: req.method ?? "", path, query: url.searchParams, headers: req.headers, body: text ? JSON.parse(text) : undefined });
    const next = queue[0];
    if (!next || next.method !== req.method || next.path !== path) {
      res.writeHead(599, { "content-type": "text/plain" }).end(`unexpected ${req.method} ${path}`);
      return;
    }
    queue.shift();
    const payload = next.body === undefined ? "" : JSON.stringify(next.body);
    res.writeHead(next.status, { ...(payload ? { "content-type": "application/json" } : {}), ...next.headers }).end(payload);
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  const { port } = server.address() as AddressInfo;
  const session = new StaticSession({ token: TOKEN, endpoint: `http://127.0.0.1:${port}${TENANT}`, transportOptions: { retry } });
  const cm = new Monitoring(session);
  cleanups.push(async () => {
    await session.transport.close();
    await new Promise((r) => server.close(r));
  });
  return { cm, seen, left: () => queue.length };
}

const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const c of cleanups.splice(0)) await c();
});

/** A 201 as Cloud Monitoring answers a create: no body, the id in X-Object-ID (monitoring.md "Create responses"). */
export const created = (path: string, id: string): Fixture => ({ method: "POST", path, status: 201, headers: { "x-object-id": id, location: `http://x/v1.0/123456${path}/${id}` } });

/** A `{values, metadata}` collection page. */
export const collection = (values: unknown[], nextMarker: string | null = null) => ({ values, metadata: { count: values.length, limit: 100, marker: null, next_marker: nextMarker, next_href: null } });

/** The service's flat error body. */
export const maasError = (code: number, type: string, message: string, details = "") => ({ type, code, message, details, txnId: ".rh-1" });
