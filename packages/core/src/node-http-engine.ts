import http from "node:http";
import https from "node:https";
import { isIP, type Socket } from "node:net";
import type { Readable } from "node:stream";
import { type EngineCall, EngineBody, type EngineOptions, type HttpEngine, type Sendable, type StreamedResponse } from "./http-engine";
import { DEFAULT_TIMEOUTS } from "./timeouts";

// The engine a user's bundle gets (package.json `#http-engine`, condition `module`, which esbuild,
// webpack, rollup and vite match by default and Node never does): Node's own http/https client, so
// a bundle carries no HTTP parser of its own (undici's llhttp wasm is ~44 KB gzip of a one-object
// handler). It behaves as the undici engine does: keep-alive pool per origin, HEADs keep their
// connection, both bodies stream with backpressure, and the same three timeouts fail with the
// same error codes (call.ts maps them to TimeoutError phases; retry-policy.ts classifies them).
//
// Hot path: no closure per call. Listeners are module functions that find their exchange through
// a symbol on the emitter (Node calls a listener with `this` = the emitter), and the one timer
// per exchange takes the exchange as its argument and is refreshed or re-armed, not recreated.

const EXCHANGE = Symbol("rax.exchange");
/** Idle keep-alive sockets are closed after this long (undici's default keepAliveTimeout). */
const IDLE_SOCKET_MS = 4_000;

type Phase = "connect" | "headers" | "body";
type Carrier = { [EXCHANGE]?: Exchange };

const TIMEOUTS: Record<Phase, { message: string; code: string }> = {
  connect: { message: "Connect Timeout Error", code: "UND_ERR_CONNECT_TIMEOUT" },
  headers: { message: "Headers Timeout Error", code: "UND_ERR_HEADERS_TIMEOUT" },
  body: { message: "Body Timeout Error", code: "UND_ERR_BODY_TIMEOUT" },
};

/** undici's error for a body that is not as long as its Content-Length says (Node would send it as is). */
function lengthMismatch(): Error {
  return Object.assign(new Error("Request body length does not match content-length header"), { code: "UND_ERR_REQ_CONTENT_LENGTH_MISMATCH" });
}

function exchangeOf(emitter: unknown): Exchange | undefined {
  return (emitter as Carrier)[EXCHANGE];
}

/** The response body: pulling from it resumes the socket; destroying it aborts the transfer. */
class NodeBody extends EngineBody {
  readonly #exchange: Exchange;

  constructor(exchange: Exchange) {
    super();
    this.#exchange = exchange;
  }

  get received(): boolean {
    return this.#exchange.received;
  }

  override _read(): void {
    this.#exchange.resumeResponse();
  }

  override _destroy(err: Error | null, cb: (error?: Error | null) => void): void {
    // Given up by the reader (or failed): stop the transfer; the socket is closed, not pooled.
    this.#exchange.abandon(err);
    cb(err);
  }
}

/** One request's state; also the abort listener (`handleEvent`). */
class Exchange {
  /** The whole response has come off the socket, or the exchange failed. */
  finished = false;
  readonly req: http.ClientRequest;
  res?: http.IncomingMessage;
  body?: NodeBody;
  source?: Readable;
  /** The caller's Content-Length for a streamed body (-1: none, sent chunked), and the bytes written so far. */
  expected = -1;
  written = 0;
  phase: Phase = "connect";
  readonly #call: EngineCall;
  readonly #signal: AbortSignal | undefined;
  readonly #resolve: (r: StreamedResponse) => void;
  readonly #reject: (err: unknown) => void;
  readonly #connectMs: number;
  #settled = false;
  #timer?: ReturnType<typeof setTimeout>;

  constructor(
    call: EngineCall,
    req: http.ClientRequest,
    signal: AbortSignal | undefined,
    connectMs: number,
    resolve: (r: StreamedResponse) => void,
    reject: (err: unknown) => void,
  ) {
    this.#call = call;
    this.req = req;
    this.#signal = signal;
    this.#connectMs = connectMs;
    this.#resolve = resolve;
    this.#reject = reject;
    (req as Carrier)[EXCHANGE] = this;
    req.on("socket", onSocket);
    req.on("response", onResponse);
    req.on("error", onRequestError);
    signal?.addEventListener("abort", this, { once: true });
  }

  /** The signal's abort event. */
  handleEvent(): void {
    this.fail(this.#signal?.reason);
  }

  arm(phase: Phase): void {
    this.phase = phase;
    const t = this.#call.timeouts;
    const ms = phase === "connect" ? this.#connectMs : phase === "headers" ? (t.headers ?? DEFAULT_TIMEOUTS.headers) : (t.body ?? DEFAULT_TIMEOUTS.body);
    if (this.#timer) clearTimeout(this.#timer);
    this.#timer = ms > 0 ? setTimeout(fireTimeout, ms, this) : undefined;
    this.#timer?.unref();
  }

  disarm(): void {
    if (this.#timer) clearTimeout(this.#timer);
    this.#timer = undefined;
  }

  /** Progress (request bytes written, response bytes read): the current deadline starts over. */
  progress(): void {
    this.#timer?.refresh();
  }

  timedOut(): void {
    const { message, code } = TIMEOUTS[this.phase];
    this.fail(Object.assign(new Error(message), { code }));
  }

  /** Ends the exchange with `err`: before the response, the send rejects; after, the body errors. */
  fail(err: unknown): void {
    if (this.finished) return;
    const body = this.body;
    if (body) {
      // abandon() (through _destroy) closes the socket.
      if (!body.destroyed) body.destroy(this.#call.mapBodyError(err as Error));
      return;
    }
    this.#done();
    this.#settle(err);
    this.req.destroy(err as Error);
  }

  /** The parser has seen the message's end (IncomingMessage.complete), though its last bytes may still be buffered. */
  get received(): boolean {
    return this.finished || this.res?.complete === true;
  }

  #done(): void {
    this.finished = true;
    this.disarm();
    this.#signal?.removeEventListener("abort", this);
    const source = this.source;
    if (source) {
      // The caller's stream outlives the exchange: it must not keep this one reachable.
      (source as Carrier)[EXCHANGE] = undefined;
      if (!source.readableEnded && !source.destroyed) source.destroy();
    }
  }

  #settle(err: unknown): void {
    if (this.#settled) return;
    this.#settled = true;
    this.#reject(err);
  }

  response(res: http.IncomingMessage): void {
    if (this.finished) {
      res.destroy();
      return;
    }
    this.res = res;
    (res as Carrier)[EXCHANGE] = this;
    const body = new NodeBody(this);
    this.body = body;
    // Readers see body errors through iteration, pipeline() or their own listeners; this one
    // only stops an abort/deadline on a body nobody reads from crashing the process.
    body.on("error", ignoreError);
    res.on("data", onResponseData);
    res.on("end", onResponseEnd);
    res.on("error", onResponseError);
    res.on("close", onResponseClose);
    this.arm("body");
    this.#settled = true;
    this.#resolve({ statusCode: res.statusCode ?? 0, headers: res.headers, body });
  }

  data(chunk: Buffer): void {
    const body = this.body as NodeBody;
    this.progress();
    if (!body.push(chunk)) {
      // The reader is behind: stop reading the socket, and stop the idle clock (undici's body
      // timeout does not run while the parser is paused either).
      (this.res as http.IncomingMessage).pause();
      this.disarm();
    }
  }

  resumeResponse(): void {
    const res = this.res;
    if (!res || this.finished || !res.isPaused()) return;
    this.arm("body");
    res.resume();
  }

  ended(): void {
    if (this.finished) return;
    this.#done();
    (this.body as NodeBody).push(null);
  }

  /** The response stopped before its end (socket closed, or an error). */
  broken(err: Error): void {
    if (this.finished) return;
    const body = this.body as NodeBody;
    if (!body.destroyed) body.destroy(this.#call.mapBodyError(err));
  }

  abandon(err: Error | null): void {
    if (this.finished) return;
    this.#done();
    this.req.destroy(err ?? undefined);
  }

  requestError(err: Error): void {
    if (this.finished) return;
    if (this.body) return this.broken(err);
    this.#done();
    this.#settle(err);
  }

  connecting(socket: Socket, tls: boolean): void {
    this.arm("connect");
    (socket as Carrier)[EXCHANGE] = this;
    socket.once(tls ? "secureConnect" : "connect", onConnected);
  }
}

const ignoreError = (): void => {};

function fireTimeout(ex: Exchange): void {
  ex.timedOut();
}

function onSocket(this: http.ClientRequest, socket: Socket): void {
  const ex = exchangeOf(this);
  if (!ex || ex.finished) return;
  // A pooled socket is connected already; a new one gets the connect deadline first.
  if (this.reusedSocket || !socket.connecting) ex.arm("headers");
  else ex.connecting(socket, (socket as { encrypted?: boolean }).encrypted === true);
}

function onConnected(this: Socket): void {
  const ex = exchangeOf(this);
  (this as Carrier)[EXCHANGE] = undefined;
  if (ex && !ex.finished && ex.phase === "connect") ex.arm("headers");
}

function onResponse(this: http.ClientRequest, res: http.IncomingMessage): void {
  exchangeOf(this)?.response(res);
}

function onRequestError(this: http.ClientRequest, err: Error): void {
  exchangeOf(this)?.requestError(err);
}

function onResponseData(this: http.IncomingMessage, chunk: Buffer): void {
  exchangeOf(this)?.data(chunk);
}

function onResponseEnd(this: http.IncomingMessage): void {
  exchangeOf(this)?.ended();
}

function onResponseError(this: http.IncomingMessage, err: Error): void {
  exchangeOf(this)?.broken(err);
}

function onResponseClose(this: http.IncomingMessage): void {
  if (this.complete) return;
  exchangeOf(this)?.broken(Object.assign(new Error("other side closed"), { code: "ECONNRESET" }));
}

// A streamed request body, written with backpressure: the source pauses while the socket's buffer
// is full, and every chunk written restarts the headers deadline (a slow upload is not a silent server).
function onSourceData(this: Readable, chunk: Buffer | string): void {
  const ex = exchangeOf(this);
  if (!ex || ex.finished) return;
  ex.written += typeof chunk === "string" ? Buffer.byteLength(chunk) : chunk.length;
  if (ex.expected >= 0 && ex.written > ex.expected) return ex.fail(lengthMismatch());
  ex.progress();
  if (!ex.req.write(chunk)) this.pause();
}

function onSourceEnd(this: Readable): void {
  const ex = exchangeOf(this);
  if (!ex || ex.finished) return;
  if (ex.expected >= 0 && ex.written !== ex.expected) return ex.fail(lengthMismatch());
  ex.req.end();
}

function onSourceError(this: Readable, err: Error): void {
  exchangeOf(this)?.fail(err);
}

function onRequestDrain(this: http.ClientRequest): void {
  const ex = exchangeOf(this);
  if (!ex || ex.finished) return;
  ex.progress();
  ex.source?.resume();
}

interface Origin {
  request: typeof http.request;
  agent: http.Agent;
  hostname: string;
  port: string;
  /** TLS options of each request to this origin (none for http). */
  tls?: { servername?: string; rejectUnauthorized: boolean };
}

class NodeHttpEngine implements HttpEngine {
  readonly name = "node:http";
  readonly #options: EngineOptions;
  readonly #origins = new Map<string, Origin>();
  #http?: http.Agent;
  #https?: https.Agent;

  constructor(o: EngineOptions) {
    this.#options = o;
  }

  #origin(origin: string): Origin {
    let o = this.#origins.get(origin);
    if (o) return o;
    const u = new URL(origin);
    const tls = u.protocol === "https:";
    if (!tls && u.protocol !== "http:") throw new Error(`unsupported protocol ${u.protocol}`);
    const { connections, verifySsl } = this.#options;
    // One agent per protocol, per transport: each keeps up to `connections` sockets per origin.
    const agent = tls
      ? (this.#https ??= new https.Agent({ keepAlive: true, maxSockets: connections, timeout: IDLE_SOCKET_MS, rejectUnauthorized: verifySsl }))
      : (this.#http ??= new http.Agent({ keepAlive: true, maxSockets: connections, timeout: IDLE_SOCKET_MS }));
    o = {
      request: tls ? https.request : http.request,
      agent,
      // An IPv6 literal comes bracketed in a URL; the socket wants it bare.
      hostname: u.hostname.startsWith("[") ? u.hostname.slice(1, -1) : u.hostname,
      port: u.port || (tls ? "443" : "80"),
    };
    // The certificate is checked against the URL's host name (SNI is never an IP literal).
    if (tls) o.tls = isIP(o.hostname) ? { rejectUnauthorized: verifySsl } : { servername: o.hostname, rejectUnauthorized: verifySsl };
    this.#origins.set(origin, o);
    return o;
  }

  send(call: EngineCall, body: Sendable | undefined, signal: AbortSignal | undefined): Promise<StreamedResponse> {
    let exchange!: Exchange;
    let req: http.ClientRequest;
    try {
      const o = this.#origin(call.origin);
      req = o.request({
        agent: o.agent,
        host: o.hostname,
        port: o.port,
        ...o.tls,
        method: call.method,
        path: call.path,
        headers: call.headers,
      });
    } catch (err) {
      return Promise.reject(err);
    }
    const response = new Promise<StreamedResponse>((resolve, reject) => {
      exchange = new Exchange(call, req, signal, this.#options.connectTimeout, resolve, reject);
    });
    if (signal?.aborted) {
      exchange.fail(signal.reason);
      return response;
    }
    const length = call.headers["content-length"];
    if (body === undefined || typeof body === "string" || body instanceof Uint8Array) {
      const size = body === undefined ? 0 : typeof body === "string" ? Buffer.byteLength(body) : body.length;
      if (length !== undefined && Number(length) !== size) exchange.fail(lengthMismatch());
      else {
        // Framed for every method: node:http leaves a GET's or DELETE's body (Swift's bulk delete)
        // without Content-Length, and the server reads it as the next request.
        if (body !== undefined && length === undefined) req.setHeader("content-length", size);
        req.end(body);
      }
    } else {
      if (length !== undefined) exchange.expected = Number(length);
      // Chunked for every method (node:http would send a DELETE's stream unframed).
      else if (call.headers["transfer-encoding"] === undefined) req.setHeader("transfer-encoding", "chunked");
      exchange.source = body;
      (body as Carrier)[EXCHANGE] = exchange;
      req.on("drain", onRequestDrain);
      body.on("data", onSourceData);
      body.once("end", onSourceEnd);
      body.once("error", onSourceError);
    }
    return response;
  }

  async close(): Promise<void> {
    this.#http?.destroy();
    this.#https?.destroy();
  }
}

export async function createEngine(o: EngineOptions): Promise<HttpEngine> {
  return new NodeHttpEngine(o);
}
