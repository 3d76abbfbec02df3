import { createServer, type IncomingMessage } from "node:http";
import type { AddressInfo } from "node:net";
import { StaticSession } from "@rax/core";
import { afterEach } from "vitest";
import { BlockStorage } from "../src/index";

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
/** Cinder paths in fixtures are relative to this (v1) or `/v3/123456`; Nova's start with `/nova`. */
const cinderBase = (v: number) => `/v${v}/123456`;
const NOVA = "/v2/123456";

/**
 * A loopback server holding Cinder (v1 by default) and Nova under one origin; it answers `fixtures`
 * in order and records what it was sent. A request that does not match the next fixture gets a 599.
 * Fixture paths: `/volumes/…` for Cinder, `/nova/servers/…` for Nova.
 */
export async function serve(...fixtures: Fixture[]): Promise<{ cbs: BlockStorage; seen: Seen[]; left: () => number }> {
  return serveVersion(1, ...fixtures);
}

export async function serveVersion(version: 1 | 3, ...fixtures: Fixture[]): Promise<{ cbs: BlockStorage; seen: Seen[]; left: () => number }> {
  const queue = [...fixtures];
  const seen: Seen[] = [];
  const base = cinderBase(version);
  const server = createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const text = Buffer.concat(chunks).toString("utf8");
    const url = new URL(req.url ?? "/", "http://x");
    const p = url.pathname;
    const path = p.startsWith(base) ? p.slice(base.length) : p.startsWith(NOVA) ? `/nova${p.slice(NOVA.length)}` : p;
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
  const session = new StaticSession({ token: TOKEN, endpoint: `${origin}${base}`, transportOptions: { retry: { maxAttempts: 1 } } });
  const cbs = new BlockStorage(session, { endpoint: `${origin}${base}`, computeEndpoint: `${origin}${NOVA}` });
  cleanups.push(async () => {
    await session.transport.close();
    await new Promise((r) => server.close(r));
  });
  return { cbs, seen, left: () => queue.length };
}

const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const c of cleanups.splice(0)) await c();
});

/** A Cinder v1 volume as `GET /volumes/{id}` returns it. */
export function wireVolume(over: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    id: "vol-1",
    display_name: "my_fast_volume",
    display_description: "",
    size: 500,
    volume_type: "SSD",
    status: "available",
    availability_zone: "nova",
    created_at: "2012-11-07T20:28:13.000000",
    snapshot_id: null,
    source_volid: null,
    bootable: false,
    attachments: [],
    metadata: {},
    ...over,
  };
}

export function wireSnapshot(over: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    id: "snap-1",
    display_name: "My Snapshot",
    display_description: "",
    volume_id: "vol-1",
    size: 500,
    status: "available",
    created_at: "2012-11-09T17:17:19.000000",
    "os-extended-snapshot-attributes:progress": "100%",
    ...over,
  };
}

export const TYPES = { volume_types: [{ id: 1, name: "SATA", extra_specs: {} }, { id: 2, name: "SSD", extra_specs: {} }] };
export const notFoundBody = (what: string) => ({ itemNotFound: { code: 404, message: `${what} could not be found.` } });
export const badRequestBody = (message: string) => ({ badRequest: { code: 400, message } });
