import { createServer, type IncomingMessage } from "node:http";
import type { AddressInfo } from "node:net";
import { StaticSession } from "@rax/core";
import { afterEach } from "vitest";
import { PyraxDatabases } from "../src/index";

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
  text: string;
}

export const TOKEN = "fixture-token-0123456789";
/** Fixture paths are relative to this tenant base (`/instances/…`, `/flavors`…). */
const BASE = "/v1.0/123456";

/**
 * A loopback server holding Cloud Databases v1.0; it answers `fixtures` in order and records what it
 * was sent (paths as sent, still percent-encoded). A request that does not match the next fixture gets a 599.
 */
export async function serve(...fixtures: Fixture[]): Promise<{ cdb: PyraxDatabases; seen: Seen[]; left: () => number; base: string }> {
  const queue = [...fixtures];
  const seen: Seen[] = [];
  const server = createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const text = Buffer.concat(chunks).toString("utf8");
    const raw = req.url ?? "/";
    const q = raw.indexOf("?");
    const p = q < 0 ? raw : raw.slice(0, q);
    const path = p.startsWith(BASE) ? p.slice(BASE.length) : p;
    seen.push({ method: req.method ?? "", path, query: new URLSearchParams(q < 0 ? "" : raw.slice(q + 1)), headers: req.headers, body: text ? JSON.parse(text) : undefined, text });
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
  const base = `http://127.0.0.1:${port}${BASE}`;
  const session = new StaticSession({ token: TOKEN, endpoint: base, transportOptions: { retry: { maxAttempts: 1 } } });
  const cdb = new PyraxDatabases(session, { endpoint: base });
  cleanups.push(async () => {
    await session.transport.close();
    await new Promise((r) => server.close(r));
  });
  return { cdb, seen, left: () => queue.length, base };
}

const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const c of cleanups.splice(0)) await c();
});

const link = (path: string) => [
  { href: `https://ord.databases.api.rackspacecloud.com/v1.0/123456${path}`, rel: "self" },
  { href: `https://ord.databases.api.rackspacecloud.com${path}`, rel: "bookmark" },
];

/** An instance as `GET /instances/{id}` returns it (Rackspace's docs). */
export function wireInstance(over: Record<string, unknown> = {}): Record<string, unknown> {
  const id = (over.id as string | undefined) ?? "inst-1";
  return {
    id,
    name: "first_instance",
    status: "ACTIVE",
    created: "2013-05-08T22:43:34",
    updated: "2013-05-08T22:43:34",
    hostname: "e09ad9a3f73309469cf1f43d11e79549caf9acf2.rackspaceclouddb.com",
    flavor: { id: "1", links: link("/flavors/1") },
    volume: { size: 2, used: 0.16 },
    datastore: { type: "mysql", version: "5.6" },
    links: link(`/instances/${id}`),
    ...over,
  };
}

export const FLAVORS = {
  flavors: [
    { id: 1, name: "512MB Instance", ram: 512, links: link("/flavors/1") },
    { id: 2, name: "1GB Instance", ram: 1024, links: link("/flavors/2") },
    { id: 3, name: "2GB Instance", ram: 2048, links: link("/flavors/3") },
    { id: 4, name: "4GB Instance", ram: 4096, links: link("/flavors/4") },
  ],
};
export const flavorHref = (id: number) => `https://ord.databases.api.rackspacecloud.com/v1.0/123456/flavors/${id}`;

export function wireBackup(over: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    id: "bk-1",
    name: "snapshot",
    description: "My Backup",
    instance_id: "inst-1",
    status: "NEW",
    size: null,
    locationRef: null,
    created: "2014-10-30T12:30:00",
    updated: "2014-10-30T12:30:00",
    parent_id: null,
    datastore: { type: "mysql", version: "5.6", version_id: "x" },
    ...over,
  };
}

export const notFoundBody = (message: string) => ({ itemNotFound: { code: 404, message } });
export const badRequestBody = (message: string) => ({ badRequest: { code: 400, message } });
