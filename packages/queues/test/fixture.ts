import { createServer, type IncomingMessage } from "node:http";
import type { AddressInfo } from "node:net";
import { StaticSession, type TransportOptions } from "@rax/core";
import { afterEach } from "vitest";
import { Queues, type QueuesOptions } from "../src/index";

/** One canned answer: the request it expects (method + path, query ignored) and the response. */
export interface Fixture {
  method: string;
  path: string;
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
  /** Answer only after this many ms (to make a call time out). */
  delayMs?: number;
}

export interface Seen {
  method: string;
  path: string;
  query: URLSearchParams;
  /** The query as sent, undecoded. */
  rawQuery: string;
  headers: IncomingMessage["headers"];
  body: any;
}

export const TOKEN = "fixture-token-0123456789";
export const CLIENT_ID = "3381af92-2b9e-11e3-b191-71861300734c";

export interface Served {
  pq: Queues;
  seen: Seen[];
  left: () => number;
  origin: string;
}

export interface ServeOptions {
  /** 1: endpoint `…/v1/123456` (Rackspace); 2: the bare root, as Zaqar's catalog lists it. */
  version?: 1 | 2;
  client?: QueuesOptions;
  transport?: TransportOptions;
}

/**
 * A loopback server that answers `fixtures` in order and records what it was sent. Fixture paths
 * are relative to the queues root (`/queues/q/messages`); a request that does not match the next
 * fixture gets a 599.
 */
export async function serve(o: ServeOptions, ...fixtures: Fixture[]): Promise<Served> {
  const queue = [...fixtures];
  const seen: Seen[] = [];
  const base = (o.version ?? 1) === 1 ? "/v1/123456" : "/v2";
  const server = createServer(async (req, res) => {
    const url = new URL(req.url ?? "/", "http://x");
    const path = url.pathname.startsWith(base) ? url.pathname.slice(base.length) : url.pathname;
    // Recorded on arrival, so a request the client gives up on mid-body still counts as sent.
    const record: Seen = { method: req.method ?? "", path, query: url.searchParams, rawQuery: url.search, headers: req.headers, body: undefined };
    seen.push(record);
    const chunks: Buffer[] = [];
    try {
      for await (const c of req) chunks.push(c as Buffer);
    } catch {
      return;
    }
    const text = Buffer.concat(chunks).toString("utf8");
    try {
      record.body = text ? JSON.parse(text) : undefined;
    } catch {
      record.body = text; // not JSON: kept as text
    }
    const next = queue[0];
    if (!next || next.method !== req.method || next.path !== path) {
      res.writeHead(599, { "content-type": "text/plain" }).end(`unexpected ${req.method} ${path}`);
      return;
    }
    queue.shift();
    if (next.delayMs) await new Promise((r) => setTimeout(r, next.delayMs));
    const payload = next.body === undefined ? "" : JSON.stringify(next.body);
    res.writeHead(next.status, { ...(payload ? { "content-type": "application/json" } : {}), ...next.headers }).end(payload);
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  const { port } = server.address() as AddressInfo;
  const origin = `http://127.0.0.1:${port}`;
  const endpoint = (o.version ?? 1) === 1 ? `${origin}/v1/123456` : origin;
  const session = new StaticSession({ token: TOKEN, endpoint, transportOptions: o.transport ?? { retry: { maxAttempts: 1 } } });
  const pq = new Queues(session, { endpoint, clientId: CLIENT_ID, ...o.client });
  cleanups.push(async () => {
    await session.transport.close();
    server.closeAllConnections();
    await new Promise((r) => server.close(r));
  });
  return { pq, seen, left: () => queue.length, origin };
}

const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const c of cleanups.splice(0)) await c();
});

/** A message as the server lists it (v2 shape; v1 leaves out `id`). */
export function wireMessage(id: string, over: Record<string, unknown> = {}, version: 1 | 2 = 2): Record<string, unknown> {
  const prefix = version === 1 ? "/v1" : "/v2";
  return { ...(version === 2 ? { id } : {}), href: `${prefix}/queues/q/messages/${id}`, ttl: 300, age: 1, body: { n: id }, ...over };
}

export const zaqarError = (title: string, description: string) => ({ title, description });
