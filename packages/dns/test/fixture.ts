import { createServer, type IncomingMessage } from "node:http";
import type { AddressInfo } from "node:net";
import { type RetryOptions, StaticSession } from "@rax/core";
import { afterEach } from "vitest";
import { PyraxCloudDNS } from "../src/index";

/** One canned answer: the request it expects (method + path, query ignored) and the response, or a dropped connection. */
export interface Fixture {
  method: string;
  path: string;
  status?: number;
  body?: unknown;
  headers?: Record<string, string>;
  /** Destroy the socket instead of answering. */
  reset?: boolean;
}

export interface Seen {
  method: string;
  path: string;
  query: URLSearchParams;
  headers: IncomingMessage["headers"];
  body: any;
}

export const TOKEN = "fixture-token-0123456789";
export const TENANT = "/v1.0/123456";

/**
 * A loopback server that answers `fixtures` in order (each one once) and records what it was sent;
 * a request that does not match the next fixture gets a 599 so the test fails loudly.
 */
export function serve(...fixtures: Fixture[]) {
  return start(fixtures, { maxAttempts: 1 }, TENANT);
}

/** `serve` with core's default retry policy (backoff shortened). */
export function serveWithRetries(...fixtures: Fixture[]) {
  return start(fixtures, { baseDelayMs: 1, maxDelayMs: 5 }, TENANT);
}

/** `serve` for a Designate endpoint (`http://127.0.0.1:<port>`, paths under `/v2`). */
export function serveDesignate(...fixtures: Fixture[]) {
  return start(fixtures, { maxAttempts: 1 }, "", "designate");
}

async function start(fixtures: Fixture[], retry: Partial<RetryOptions>, base: string, backend: "rackspace" | "designate" = "rackspace") {
  const queue = [...fixtures];
  const seen: Seen[] = [];
  const server = createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const text = Buffer.concat(chunks).toString("utf8");
    const url = new URL(req.url ?? "/", "http://x");
    const path = base && url.pathname.startsWith(base) ? url.pathname.slice(base.length) : url.pathname;
    let body: unknown = text;
    try {
      body = text ? JSON.parse(text) : undefined;
    } catch {
      body = text;
    }
    seen.push({ method: req.method ?? "", path, query: url.searchParams, headers: req.headers, body });
    const next = queue[0];
    if (!next || next.method !== req.method || next.path !== path) {
      res.writeHead(599, { "content-type": "text/plain" }).end(`unexpected ${req.method} ${path}`);
      return;
    }
    queue.shift();
    if (next.reset) {
      req.socket.destroy();
      return;
    }
    const payload = next.body === undefined ? "" : typeof next.body === "string" ? next.body : JSON.stringify(next.body);
    res.writeHead(next.status ?? 200, { ...(payload ? { "content-type": typeof next.body === "string" ? "text/plain" : "application/json" } : {}), ...next.headers }).end(payload);
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  const { port } = server.address() as AddressInfo;
  const session = new StaticSession({ token: TOKEN, endpoint: `http://127.0.0.1:${port}${base}`, transportOptions: { retry } });
  const dns = new PyraxCloudDNS(session, { backend, jobDelay: 1, jobTimeout: 2000 });
  cleanups.push(async () => {
    await session.transport.close();
    await new Promise((r) => server.close(r));
  });
  return { dns, seen, left: () => queue.length, port };
}

const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const c of cleanups.splice(0)) await c();
});

/** A job as Cloud DNS's 202 / status answers show it (dns.md "Async job protocol"). */
export function job(status: string, extra: Record<string, unknown> = {}, id = "job-1"): Record<string, unknown> {
  return {
    status,
    verb: "POST",
    jobId: id,
    callbackUrl: `https://dns.api.rackspacecloud.com/v1.0/123456/status/${id}`,
    requestUrl: "https://dns.api.rackspacecloud.com/v1.0/123456/domains",
    ...extra,
  };
}

export const wireDomain = (over: Record<string, unknown> = {}) => ({
  name: "example.edu",
  id: 3534921,
  accountId: 123456,
  ttl: 3600,
  emailAddress: "sample@example.edu",
  nameservers: [{ name: "dns1.stabletransit.com" }, { name: "dns2.stabletransit.com" }],
  created: "2012-12-06T20:45:10.000+0000",
  updated: "2012-12-06T20:45:10.000+0000",
  ...over,
});
