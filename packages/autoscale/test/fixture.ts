import { createServer, type IncomingMessage } from "node:http";
import type { AddressInfo } from "node:net";
import { type DebugLogger, StaticSession, Transport } from "@rax/core";
import { afterEach } from "vitest";
import { PyraxAutoScale } from "../src/index";

/** One canned answer: the request it expects (method + path, query ignored) and the response. */
export interface Fixture {
  method: string;
  path: string;
  status: number;
  body?: unknown;
}

export interface Seen {
  method: string;
  path: string;
  query: URLSearchParams;
  headers: IncomingMessage["headers"];
  body: any;
}

export const TOKEN = "fixture-token-0123456789";
/** Fixture paths are relative to the tenant's base; the anonymous execute path stays absolute (`/v1.0/execute/…`). */
const BASE = "/v1.0/123456";

/**
 * A loopback Otter answering `fixtures` in order and recording what it was sent; a request that
 * does not match the next fixture gets a 599. `origin` is the server's, for capability URLs.
 */
export async function serve(...fixtures: Fixture[]): Promise<{ au: PyraxAutoScale; seen: Seen[]; left: () => number; origin: string; log: string[] }> {
  const queue = [...fixtures];
  const seen: Seen[] = [];
  const server = createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const text = Buffer.concat(chunks).toString("utf8");
    const url = new URL(req.url ?? "/", "http://x");
    const p = url.pathname;
    const path = p.startsWith(`${BASE}/`) ? p.slice(BASE.length) : p;
    seen.push({ method: req.method ?? "", path, query: url.searchParams, headers: req.headers, body: text ? JSON.parse(text) : undefined });
    const next = queue[0];
    if (!next || next.method !== req.method || next.path !== path) {
      res.writeHead(599, { "content-type": "text/plain" }).end(`unexpected ${req.method} ${path}`);
      return;
    }
    queue.shift();
    const payload = next.body === undefined ? "" : JSON.stringify(next.body);
    res.writeHead(next.status, payload ? { "content-type": "application/json" } : {}).end(payload);
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  const { port } = server.address() as AddressInfo;
  const origin = `http://127.0.0.1:${port}`;
  const log: string[] = [];
  const logger: DebugLogger = (line) => log.push(line);
  const transport = new Transport({ retry: { maxAttempts: 1 }, logger });
  const session = new StaticSession({ token: TOKEN, endpoint: `${origin}${BASE}`, transport });
  const au = new PyraxAutoScale(session, { endpoint: `${origin}${BASE}` });
  cleanups.push(async () => {
    await transport.close();
    await new Promise((r) => server.close(r));
  });
  return { au, seen, left: () => queue.length, origin, log };
}

const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const c of cleanups.splice(0)) await c();
});

export const GROUP_ID = "2747cd20-39cb-443d-9217-53107775ba37";
export const POLICY_ID = "5f26e16c-5fa7-4d84-a4cf-6e6f3ae8c1a9";
export const WEBHOOK_ID = "152054a3-e0ab-445b-941d-9f8e360c9eed";

export const state = (over: Record<string, unknown> = {}) => ({
  active: [{ id: "21d0bce0-c7b9-46f8-80a2-9575bef8b83a", links: [] }],
  activeCapacity: 1,
  desiredCapacity: 1,
  pendingCapacity: 0,
  paused: false,
  name: "FirstTest",
  ...over,
});

export const config = (over: Record<string, unknown> = {}) => ({ name: "FirstTest", cooldown: 120, minEntities: 1, maxEntities: 4, metadata: { a: "1" }, ...over });

export const launch = (over: Record<string, unknown> = {}) => ({
  type: "launch_server",
  args: {
    server: {
      flavorRef: "performance1-2",
      name: "rrr",
      imageRef: "7789e8ca-b9df-495f-b47d-736a5f7b885a",
      "OS-DCF:diskConfig": "AUTO",
      metadata: { somekey: "somevalue" },
      networks: [{ uuid: "11111111-1111-1111-1111-111111111111" }],
      personality: [],
      ...over,
    },
    loadBalancers: [{ loadBalancerId: 175295, port: 80 }],
  },
});

export const policy = (over: Record<string, unknown> = {}) => ({ id: POLICY_ID, name: "scale up by one", type: "webhook", cooldown: 1800, change: 1, links: [{ rel: "self", href: "x" }], ...over });

export const group = (over: Record<string, unknown> = {}) => ({
  id: GROUP_ID,
  links: [{ rel: "self", href: `https://ord.autoscale.api.rackspacecloud.com/v1.0/123456/groups/${GROUP_ID}/` }],
  groupConfiguration: config(),
  launchConfiguration: launch(),
  scalingPolicies: [policy()],
  state: state(),
  ...over,
});

export const otterError = (type: string, code: number, message: string) => ({ error: { type, code, message, details: "" } });
