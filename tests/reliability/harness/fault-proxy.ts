import { once } from "node:events";
import { type IncomingMessage, type Server, type ServerResponse, createServer, request as httpRequest } from "node:http";
import type { AddressInfo, Socket } from "node:net";

/**
 * A loopback HTTP proxy in front of an upstream (normally `@rax/emulator`) that breaks chosen
 * requests in the ways networks and servers really fail: refused/reset connections, resets at
 * every stage of a request or response, error statuses with retry hints, stalls, short bodies,
 * rewritten headers and bodies. Every request is logged, so tests count what reached the wire.
 *
 * Faults act on the raw socket, not through node's HTTP response object, so a "short body" or a
 * "reset mid-body" is exactly what a client would see from a failing server.
 */

export type Fault =
  /** Reset (RST) as soon as the request line and headers arrived: nothing was answered. */
  | { kind: "reset-before-headers" }
  /** Read the whole request (forwarding it upstream when `forward`, so the server acted), then reset. */
  | { kind: "reset-after-request"; forward?: boolean }
  /** Reset after receiving `afterBytes` bytes of the request body (an upload cut mid-way). */
  | { kind: "reset-mid-upload"; afterBytes: number }
  /** Forward, send the upstream status line and headers, then reset. */
  | { kind: "reset-after-headers" }
  /** Forward, send headers and the first `afterBytes` (default half) of the body, then reset. */
  | { kind: "reset-mid-body"; afterBytes?: number }
  /** Forward, keep the upstream Content-Length, send only part of the body, then close cleanly (FIN). */
  | { kind: "short-body"; afterBytes?: number }
  /** Answer with this status (not forwarded). */
  | { kind: "status"; status: number; headers?: Record<string, string>; body?: string }
  /** Say nothing for `ms` (headers stall), then forward normally. */
  | { kind: "stall-headers"; ms: number }
  /** Forward, send headers and half the body, then go silent for `ms` and reset. */
  | { kind: "stall-body"; ms: number }
  /** Forward, answer with `Connection: close` and close the socket (FIN) right after the body. */
  | { kind: "connection-close" }
  /** Forward, then change the response: status, headers (undefined deletes) and/or body. */
  | {
      kind: "rewrite";
      status?: number;
      headers?: Record<string, string | undefined>;
      body?: string | Buffer | ((upstream: Buffer) => string | Buffer);
    };

export interface FaultMatch {
  method?: string;
  /** Prefix of the path (no query), or a regular expression tested against it. */
  path?: string | RegExp;
  /** Tested against the query string (without `?`). */
  query?: RegExp;
}

export interface FaultRule {
  match?: FaultMatch;
  /** Matching requests this rule breaks (default 1; Infinity for all). */
  times?: number;
  fault: Fault;
}

export interface ProxyLogEntry {
  method: string;
  path: string;
  query: string;
  /** Status the client was sent, if any. */
  status?: number;
  /** The fault applied, if any. */
  fault?: Fault["kind"];
  /** Request body bytes received. */
  bodyBytes: number;
  /** Request headers (lower-case), for asserting what the client sent. */
  headers: Record<string, string | string[] | undefined>;
}

export interface FaultProxy {
  readonly url: string;
  readonly port: number;
  readonly log: ProxyLogEntry[];
  /** Add a scripted fault; the first rule matching a request (with hits left) applies. */
  inject(rule: FaultRule): { readonly hits: number; cancel(): void };
  /** Called for every request before any fault (e.g. to expire tokens after the 50th upload). */
  onRequest?: (entry: ProxyLogEntry) => void;
  clearFaults(): void;
  clearLog(): void;
  count(filter?: { method?: string; path?: string | RegExp }): number;
  close(): Promise<void>;
}

interface ActiveRule extends FaultRule {
  remaining: number;
  hits: number;
}

function matches(m: FaultMatch | undefined, method: string, path: string, query: string): boolean {
  if (!m) return true;
  if (m.method && m.method.toUpperCase() !== method) return false;
  if (m.path !== undefined) {
    if (typeof m.path === "string" ? !path.startsWith(m.path) : !m.path.test(path)) return false;
  }
  if (m.query && !m.query.test(query)) return false;
  return true;
}

function reset(socket: Socket): void {
  // RST rather than FIN: what a crashed server or a middlebox dropping the flow looks like.
  if (typeof socket.resetAndDestroy === "function") socket.resetAndDestroy();
  else socket.destroy();
}

const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms).unref?.());

interface Upstream {
  status: number;
  statusMessage: string;
  headers: Record<string, string | string[]>;
  body: Buffer;
}

/** A response head written straight to the socket, for faults that break the connection anyway. */
function rawHead(status: number, message: string, headers: Record<string, string | string[]>, close = false): string {
  const lines = [`HTTP/1.1 ${status} ${message}`];
  if (close) lines.push("connection: close");
  for (const [k, v] of Object.entries(headers)) for (const one of Array.isArray(v) ? v : [v]) lines.push(`${k}: ${one}`);
  return `${lines.join("\r\n")}\r\n\r\n`;
}

async function readBody(req: IncomingMessage, limit?: number, onLimit?: () => void): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let n = 0;
  for await (const c of req) {
    chunks.push(c as Buffer);
    n += (c as Buffer).length;
    if (limit !== undefined && n >= limit) {
      onLimit?.();
      break;
    }
  }
  return Buffer.concat(chunks);
}

export interface FaultProxyOptions {
  /** Origin to forward to, e.g. the emulator's `url`. */
  upstream: string;
  /**
   * Rewrite the upstream origin to the proxy's in identity responses, so the service catalog
   * points clients back through the proxy (default true).
   */
  rewriteCatalog?: boolean;
}

export async function startFaultProxy(o: FaultProxyOptions): Promise<FaultProxy> {
  const upstream = new URL(o.upstream);
  const upstreamOrigin = upstream.origin;
  const rules: ActiveRule[] = [];
  const log: ProxyLogEntry[] = [];
  let proxyOrigin = "";
  const sockets = new Set<Socket>();

  const forward = (req: IncomingMessage, body: Buffer): Promise<Upstream> =>
    new Promise((resolve, reject) => {
      const headers: Record<string, string | string[] | undefined> = { ...req.headers, host: upstream.host };
      delete headers.connection;
      delete headers["keep-alive"];
      delete headers["transfer-encoding"];
      if (body.length > 0 || req.headers["content-length"] !== undefined) headers["content-length"] = String(body.length);
      const up = httpRequest(
        { host: upstream.hostname, port: upstream.port, method: req.method, path: req.url, headers, agent: false },
        (res) => {
          const chunks: Buffer[] = [];
          res.on("data", (c: Buffer) => chunks.push(c));
          res.on("end", () => {
            const h: Record<string, string | string[]> = {};
            for (const [k, v] of Object.entries(res.headers)) if (v !== undefined) h[k] = v;
            resolve({ status: res.statusCode ?? 502, statusMessage: res.statusMessage ?? "", headers: h, body: Buffer.concat(chunks) });
          });
          res.on("error", reject);
        },
      );
      up.on("error", reject);
      up.end(body);
    });

  const normalise = (u: Upstream, path: string): Upstream => {
    let body = u.body;
    if ((o.rewriteCatalog ?? true) && path.startsWith("/identity") && body.length > 0) {
      body = Buffer.from(body.toString("utf8").split(upstreamOrigin).join(proxyOrigin));
    }
    const headers = { ...u.headers };
    delete headers["transfer-encoding"];
    delete headers.connection;
    delete headers["keep-alive"];
    if (u.status !== 204 && u.status !== 304) headers["content-length"] = String(body.length);
    return { ...u, headers, body };
  };

  // Intact answers go through node's response object, so the connection stays keep-alive.
  const send = (res: ServerResponse, u: Upstream, method: string) => {
    res.writeHead(u.status, u.statusMessage, u.headers);
    res.end(method === "HEAD" ? undefined : u.body);
  };

  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    const socket = req.socket;
    const method = (req.method ?? "GET").toUpperCase();
    const url = new URL(req.url ?? "/", "http://proxy.invalid");
    const entry: ProxyLogEntry = { method, path: url.pathname, query: url.search.slice(1), bodyBytes: 0, headers: { ...req.headers } };
    log.push(entry);
    proxy.onRequest?.(entry);
    const rule = rules.find((r) => matches(r.match, method, url.pathname, entry.query));
    if (rule) {
      rule.hits++;
      rule.remaining--;
      if (rule.remaining <= 0) rules.splice(rules.indexOf(rule), 1);
      entry.fault = rule.fault.kind;
    }
    const f = rule?.fault;

    if (f?.kind === "reset-before-headers") return reset(socket);
    if (f?.kind === "reset-mid-upload") {
      const got = await readBody(req, f.afterBytes);
      entry.bodyBytes = got.length;
      return reset(socket);
    }
    const body = await readBody(req);
    entry.bodyBytes = body.length;
    if (f?.kind === "reset-after-request") {
      if (f.forward) await forward(req, body).catch(() => undefined);
      return reset(socket);
    }
    if (f?.kind === "status") {
      const b = Buffer.from(f.body ?? `injected ${f.status}`);
      const headers: Record<string, string> = { "content-type": "text/plain", "content-length": String(b.length), "x-trans-id": `tx-proxy-${log.length}`, ...f.headers };
      entry.status = f.status;
      return send(res, { status: f.status, statusMessage: "Injected", headers, body: b }, method);
    }
    if (f?.kind === "stall-headers") await sleep(f.ms);
    if (socket.destroyed) return;

    let u: Upstream;
    try {
      u = normalise(await forward(req, body), url.pathname);
    } catch {
      return reset(socket);
    }
    if (f?.kind === "rewrite") {
      if (f.body !== undefined) u.body = Buffer.from(typeof f.body === "function" ? f.body(u.body) : f.body);
      if (f.status !== undefined) u.status = f.status;
      for (const [k, v] of Object.entries(f.headers ?? {})) {
        if (v === undefined) delete u.headers[k.toLowerCase()];
        else u.headers[k.toLowerCase()] = v;
      }
      if (f.headers?.["content-length"] === undefined) u.headers["content-length"] = String(u.body.length);
    }
    entry.status = u.status;
    if (f?.kind === "connection-close") {
      socket.write(rawHead(u.status, u.statusMessage, u.headers, true));
      if (method !== "HEAD") socket.write(u.body);
      socket.end();
      return;
    }
    if (f?.kind === "reset-after-headers") {
      socket.write(rawHead(u.status, u.statusMessage, u.headers));
      await sleep(20);
      return reset(socket);
    }
    if (f?.kind === "reset-mid-body" || f?.kind === "short-body" || f?.kind === "stall-body") {
      const cut = f.kind === "stall-body" ? Math.floor(u.body.length / 2) : (f.afterBytes ?? Math.floor(u.body.length / 2));
      socket.write(rawHead(u.status, u.statusMessage, u.headers));
      socket.write(u.body.subarray(0, cut));
      if (f.kind === "stall-body") await sleep(f.ms);
      else await sleep(20);
      if (f.kind === "short-body") socket.end();
      else reset(socket);
      return;
    }
    send(res, u, method);
  };

  const server: Server = createServer((req, res) => {
    handle(req, res).catch(() => reset(req.socket));
  });
  server.on("connection", (s: Socket) => {
    sockets.add(s);
    s.on("close", () => sockets.delete(s));
    s.on("error", () => undefined);
  });
  server.listen(0, "127.0.0.1");
  await once(server, "listening");
  const port = (server.address() as AddressInfo).port;
  proxyOrigin = `http://127.0.0.1:${port}`;

  const proxy: FaultProxy = {
    url: proxyOrigin,
    port,
    log,
    inject(rule) {
      const active: ActiveRule = { ...rule, remaining: rule.times ?? 1, hits: 0 };
      rules.push(active);
      return {
        get hits() {
          return active.hits;
        },
        cancel() {
          const i = rules.indexOf(active);
          if (i >= 0) rules.splice(i, 1);
        },
      };
    },
    clearFaults() {
      rules.length = 0;
    },
    clearLog() {
      log.length = 0;
    },
    count(filter = {}) {
      return log.filter((e) => matches({ method: filter.method, path: filter.path }, e.method, e.path, e.query)).length;
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
  return proxy;
}

/** A loopback port with nothing listening: connecting to it is refused. */
export async function refusedPort(): Promise<number> {
  const s = createServer();
  s.listen(0, "127.0.0.1");
  await once(s, "listening");
  const port = (s.address() as AddressInfo).port;
  await new Promise<void>((r) => s.close(() => r()));
  return port;
}
