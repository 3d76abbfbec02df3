import { randomUUID } from "node:crypto";
import { type EventEmitter, once } from "node:events";
import { createServer, STATUS_CODES, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { getResponse, type RequestHandler } from "msw";
import type { Duplex } from "node:stream";
import { addressableTarget, DOT_MARKER_HEADER, parseRawRequest } from "./raw-request";
import { attachBody } from "./request-body";

export interface ServeOptions {
  port?: number;
  host?: string;
}

export interface ServedHandlers {
  server: Server;
  port: number;
  close(): Promise<void>;
}

/**
 * Serves msw request handlers over a real node:http server, so clients
 * exercise real sockets, keep-alive and streaming. `handlers` is read per
 * request, letting the caller build them after the port is known.
 */
export async function serveHandlers(handlers: () => RequestHandler[], options: ServeOptions = {}): Promise<ServedHandlers> {
  const host = options.host ?? "127.0.0.1";
  // The response each socket is still writing: bytes Node's parser refuses after a request it already
  // parsed (an undeclared body — a PUT with neither Content-Length nor chunked is 411 — or garbage
  // pipelined behind it) belong to no new request, so they are not re-read as one.
  const answering = new WeakMap<Duplex, ServerResponse>();
  const server = createServer((req, res) => {
    answering.set(req.socket, res);
    res.once("close", () => {
      if (answering.get(req.socket) === res) answering.delete(req.socket);
    });
    handle(handlers(), req, res, host, port).catch((error: unknown) => {
      if (!res.headersSent) {
        res.writeHead(500, { "content-type": "text/plain; charset=utf-8", connection: "close" });
        res.end(`emulator error: ${error instanceof Error ? error.message : String(error)}\n`);
      } else {
        res.destroy();
      }
    });
  });
  server.on("clientError", (error: NodeJS.ErrnoException & { rawPacket?: Buffer }, socket: Duplex) => {
    const inFlight = answering.get(socket);
    // Let that answer go out whole, then close: the refused bytes start no request of their own.
    if (inFlight) inFlight.once("close", () => socket.end());
    else void answerUnparsed(handlers, error, socket, host, port);
  });
  server.listen(options.port ?? 0, host);
  await once(server, "listening");
  const port = (server.address() as AddressInfo).port;
  return {
    server,
    port,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        // Stalled bodies and idle keep-alive sockets would hold close() open.
        server.closeAllConnections();
      }),
  };
}

/**
 * The Host header tells the public name from the internal one on the same port; one naming
 * another port (or none) is not how the client reached us, and would route it elsewhere.
 */
function authorityOf(named: string | undefined, host: string, port: number): string {
  return named && hostPort(named) === port ? named : `${host.includes(":") ? `[${host}]` : host}:${port}`;
}

function hostPort(authority: string): number {
  const m = /:(\d+)$/.exec(authority);
  return m ? Number(m[1]) : 80;
}

function toRequest(req: IncomingMessage, host: string, port: number, signal: AbortSignal): Request {
  const authority = authorityOf(req.headers.host, host, port);
  const headers = new Headers();
  for (let i = 0; i < req.rawHeaders.length; i += 2) headers.append(req.rawHeaders[i]!, req.rawHeaders[i + 1]!);
  const url = new URL(addressable(req.url ?? "/", headers), `http://${authority}`);
  const request = new Request(url, { method: req.method ?? "GET", headers, signal });
  attachBody(request, req);
  return request;
}

/**
 * The target as a URL can carry it (see addressableTarget), recording in `headers` the marker
 * its dot segments carry. A per-request random marker cannot collide with a name a client sends.
 */
function addressable(target: string, headers: Headers): string {
  headers.delete(DOT_MARKER_HEADER);
  const marker = `~${randomUUID()}`;
  const made = addressableTarget(target, marker);
  if (made.marked) headers.set(DOT_MARKER_HEADER, marker);
  return made.target;
}

async function handle(handlers: RequestHandler[], req: IncomingMessage, res: ServerResponse, host: string, port: number): Promise<void> {
  const aborter = new AbortController();
  res.on("close", () => {
    if (!res.writableFinished) aborter.abort();
  });

  let request: Request;
  try {
    request = toRequest(req, host, port, aborter.signal);
  } catch (error) {
    res.writeHead(400, { "content-type": "text/plain; charset=utf-8", connection: "close" });
    res.end(`bad request: ${error instanceof Error ? error.message : String(error)}\n`);
    return;
  }

  const response = await getResponse(handlers, request);
  if (!response) {
    res.writeHead(404, { "content-type": "text/plain; charset=utf-8" });
    res.end("Not Found: no emulated service at this path\n");
    return;
  }
  if (response.type === "error") {
    // A fault asked for a reset connection.
    req.socket.destroy();
    return;
  }

  const headers: Record<string, string> = {};
  response.headers.forEach((value, name) => {
    // Header names as Swift and Keystone (WSGI) send them: X-Object-Meta-Color, not x-object-meta-color.
    headers[name.replace(/(^|-)([a-z])/g, (_m, dash: string, c: string) => dash + c.toUpperCase())] = value;
  });
  // A handler that answered before reading the upload (401, 404...): close
  // the connection after the response rather than read the rest of it.
  const unread = !req.complete;
  if (unread) {
    headers.Connection = "close";
    res.once("finish", () => req.socket.destroy());
  } else if (!/keep-alive/i.test(req.headers.connection ?? "")) {
    // Eventlet answers HTTP/1.1 without a Connection header unless the request sent `Connection: keep-alive`.
    res.removeHeader("connection");
  }
  res.writeHead(response.status, response.statusText || undefined, headers);

  const bodiless = req.method === "HEAD" || response.status === 204 || response.status === 304 || response.body === null;
  if (bodiless) {
    if (response.body) void response.body.cancel();
    res.end();
  } else {
    await pipeBody(response.body!, res, aborter.signal);
  }
}

async function pipeBody(body: ReadableStream<Uint8Array>, res: ServerResponse, signal: AbortSignal): Promise<void> {
  const reader = body.getReader();
  const onAbort = () => void reader.cancel().catch(() => undefined);
  signal.addEventListener("abort", onAbort, { once: true });
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      if (!res.write(value)) {
        await drained(res);
        if (res.destroyed) return;
      }
    }
    res.end();
  } catch {
    // The body failed mid-way (or the client left): the only honest signal is a cut connection.
    cutAfterFlush(res);
  } finally {
    signal.removeEventListener("abort", onAbort);
  }
}

/**
 * Ends the connection after the bytes already written, as real Swift does when a large object's
 * later segment cannot be read: the client gets every byte before the cut, then EOF short of the
 * Content-Length (and no chunked terminator, since `res.end()` is never called). `res.destroy()`
 * would drop what is still queued, including writes Node corked for this tick, so the client
 * would see fewer bytes (even no status line).
 */
function cutAfterFlush(res: ServerResponse): void {
  const socket = res.socket;
  if (!socket || socket.destroyed) {
    res.destroy();
    return;
  }
  // end() uncorks and flushes what is queued, then sends FIN; nothing more goes out on this connection.
  socket.end();
}

/** Waits for `drain` or `close`, removing both listeners either way. */
function drained(stream: EventEmitter): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      stream.off("drain", done);
      stream.off("close", done);
      resolve();
    };
    stream.on("drain", done);
    stream.on("close", done);
  });
}

const PARSER_STATUS: Record<string, string> = { HPE_HEADER_OVERFLOW: "431 Request Header Fields Too Large", ERR_HTTP_REQUEST_TIMEOUT: "408 Request Timeout" };

/**
 * A request Node's parser refused. Raw UTF-8 in the request line and methods llhttp does not know
 * reach the handlers (as they reach a real Swift or Keystone), answered on a closing connection;
 * anything else gets the bare 4xx Node would have sent.
 */
async function answerUnparsed(
  handlers: () => RequestHandler[],
  error: NodeJS.ErrnoException & { rawPacket?: Buffer },
  socket: Duplex,
  host: string,
  port: number,
): Promise<void> {
  if (!socket.writable) return;
  const salvageable = error.code === "HPE_INVALID_URL" || error.code === "HPE_INVALID_METHOD";
  const raw = salvageable && error.rawPacket ? parseRawRequest(error.rawPacket) : undefined;
  if (!raw) {
    socket.end(`HTTP/1.1 ${PARSER_STATUS[error.code ?? ""] ?? "400 Bad Request"}\r\nConnection: close\r\n\r\n`);
    return;
  }
  try {
    const headers = new Headers();
    for (const [k, v] of raw.headers) headers.append(k, v);
    const named = raw.headers.find(([k]) => k.toLowerCase() === "host")?.[1];
    const url = new URL(addressable(raw.target, headers), `http://${authorityOf(named, host, port)}`);
    const hasBody = raw.body.length > 0 && raw.method !== "GET" && raw.method !== "HEAD";
    const request = new Request(url, { method: raw.method, headers, ...(hasBody ? { body: raw.body } : {}) });
    const response = await getResponse(handlers(), request);
    if (!response || response.type === "error") {
      socket.end(`HTTP/1.1 ${response ? "502 Bad Gateway" : "404 Not Found"}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
      return;
    }
    // A body of declared length is streamed, so one that fails mid-way still sends what it had.
    const declared = response.headers.get("content-length");
    const streamed = raw.method !== "HEAD" && response.body !== null && declared !== null;
    const body = raw.method === "HEAD" || response.body === null || streamed ? Buffer.alloc(0) : Buffer.from(await response.arrayBuffer());
    let head = `HTTP/1.1 ${response.status} ${response.statusText || STATUS_CODES[response.status] || ""}\r\n`;
    response.headers.forEach((value, name) => {
      if (name !== "connection" && name !== "content-length" && name !== "transfer-encoding") head += `${name}: ${value}\r\n`;
    });
    const length = raw.method === "HEAD" || streamed ? (declared ?? "0") : String(body.length);
    head += `content-length: ${length}\r\nconnection: close\r\n\r\n`;
    if (!streamed) {
      socket.end(Buffer.concat([Buffer.from(head, "latin1"), body]));
      return;
    }
    socket.write(Buffer.from(head, "latin1"));
    await streamThenEnd(response.body!, socket);
  } catch {
    socket.destroy();
  }
}

/**
 * Writes `body` to `socket`, then ends it. A body that fails mid-way ends it all the same, after
 * the bytes read so far: the connection closing short of Content-Length is the failure's signal,
 * as from Swift.
 */
async function streamThenEnd(body: ReadableStream<Uint8Array>, socket: Duplex): Promise<void> {
  const reader = body.getReader();
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      if (!socket.write(value)) await drained(socket);
      if (socket.destroyed) {
        await reader.cancel();
        return;
      }
    }
  } catch {
    // Signalled to the client by the short body (see above); nothing more to send.
  }
  socket.end();
}

