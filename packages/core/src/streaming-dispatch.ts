import type { Readable } from "node:stream";
import type { Dispatcher } from "undici";
import { type BodyErrors, EngineBody, type StreamedResponse } from "./http-engine";
import { parserUsed } from "./wasm-tiering";

export type { BodyErrors, StreamedResponse } from "./http-engine";

// undici 7 (through 7.30.2) asserts `!parser.paused` in the socket 'end' handler: when a server
// answers `Connection: close` and closes while the reader is slower than the network, the parser
// sits paused (backpressure) on the last bytes and the FIN throws an uncatchable AssertionError
// that kills the process (nodejs/undici#5360, fixed only in undici 8, which needs Node 22).
// The workaround mirrors that fix: our own connector sees every socket first and, on 'end', resumes
// a paused parser so undici finishes the message normally. While it does, `drainingAtEnd` makes
// our body handler take the last bytes without asking for another pause (they are already in
// memory; what is bounded is only what the socket had buffered). Remove with undici 8.

let drainingAtEnd = false;

interface PausableParser {
  paused?: unknown;
  statusCode?: unknown;
  shouldKeepAlive?: unknown;
  resume?: unknown;
}

function parserOf(socket: object): PausableParser | undefined {
  const key = Object.getOwnPropertySymbols(socket).find((s) => s.description === "parser");
  const parser = key === undefined ? undefined : (socket as Record<symbol, unknown>)[key];
  return parser !== null && typeof parser === "object" ? (parser as PausableParser) : undefined;
}

/** Registered before undici's own 'end' listener (the socket is handed to us first). */
export function guardSocketEnd(socket: NodeJS.EventEmitter): void {
  socket.prependListener("end", function (this: object) {
    const parser = parserOf(this);
    if (!parser || typeof parser.resume !== "function") return;
    // Only the case undici then finishes: a response in progress on a connection that closes.
    if (!parser.paused || !parser.statusCode || parser.shouldKeepAlive) return;
    drainingAtEnd = true;
    try {
      (parser.resume as () => void).call(parser);
    } finally {
      drainingAtEnd = false;
    }
  });
}

const KEEP_ERRORS: BodyErrors = { mapBodyError: (err) => err };
const ignoreError = (): void => {};
const endBody = (body: ResponseBody): void => {
  body.push(null);
  body.endPushed();
};
// undici frees the connection in a setImmediate it queues right after `onComplete` returns;
// ending the body one immediate after that means a caller's next request finds the pooled
// connection idle instead of opening a second one. (nextTick runs once undici's stack unwinds.)
const endAfterRelease = (body: ResponseBody): void => {
  setImmediate(endBody, body);
};

type HeaderName = (raw: Buffer | string) => string;

// A header name as a lower-case string. The engine swaps in undici's own (`useHeaderNames`), which
// finds the common names in a tree of interned strings without decoding and lower-casing them.
let headerName: HeaderName = (raw) => raw.toString("latin1").toLowerCase();

/** Uses undici's header-name lookup (`headerNameToString` of its util module, loaded with its Agent). */
export function useHeaderNames(fn: HeaderName): void {
  headerName = fn;
}

/**
 * undici's raw response headers (name, value, name, value…; Buffers off the socket) as one object
 * with lower-case names, repeated headers joined with ", " — the form the transport hands to
 * callers, built here in one pass (undici's parseHeaders plus a flattening copy were two).
 */
export function headersFromRaw(raw: readonly (Buffer | string)[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (let i = 0; i + 1 < raw.length; i += 2) {
    const key = headerName(raw[i] as Buffer | string);
    const value = (raw[i + 1] as Buffer | string).toString("latin1");
    if (Object.hasOwn(out, key)) out[key] = `${out[key]}, ${value}`;
    // `out.__proto__ = v` would try to set the prototype: define it as a plain entry.
    else if (key === "__proto__") Object.defineProperty(out, key, { value, enumerable: true, configurable: true, writable: true });
    else out[key] = value;
  }
  return out;
}

/** The response body: pulling from it resumes the parser; destroying it aborts the transfer. */
export class ResponseBody extends EngineBody {
  readonly #exchange: Exchange;

  constructor(exchange: Exchange) {
    super();
    this.#exchange = exchange;
  }

  /** The whole response has come off the socket (or the transfer failed): reading it waits on nothing remote. */
  get received(): boolean {
    return this.#exchange.finished;
  }

  /**
   * Resolves once the end of the body has been pushed, i.e. once undici has put the connection
   * back in the pool (see `endAfterRelease`). What `RaxResponse.dump()` waits for when nothing is
   * buffered and nobody listens: flowing the stream to its 'close' cost more than the call's
   * own work for a HEAD.
   */
  whenEndPushed(): Promise<void> {
    if (this.#endPushed) return Promise.resolve();
    this.#ending ??= new Promise((resolve) => {
      this.#onEndPushed = resolve;
    });
    return this.#ending;
  }

  #endPushed = false;
  #ending?: Promise<void>;
  #onEndPushed?: () => void;

  /** The end was pushed (streaming-dispatch's `endBody`). */
  endPushed(): void {
    this.#endPushed = true;
    this.#onEndPushed?.();
  }

  override _read(): void {
    this.#exchange.resume();
  }

  override _destroy(err: Error | null, cb: (error?: Error | null) => void): void {
    // Given up by the reader (or failed): stop the transfer; undici closes the socket.
    if (!this.#exchange.finished) {
      this.#exchange.done();
      this.#exchange.abort(err ?? new Error("response body destroyed before it was read"));
    }
    cb(err);
  }
}

/**
 * One request's handler, on undici's dispatch-handler interface that its HTTP/1.1 client calls
 * directly (onConnect/onHeaders/onData/onComplete/onError): a handler with the newer
 * `onRequestStart…` methods is wrapped per request in two more objects (undici's UnwrapHandler and
 * its controller), which parse the (empty) trailers too. State in fields, callbacks as methods:
 * nothing is allocated per call but this object, the promise, the headers and the body
 * (`handleEvent` makes it the abort listener too).
 */
class Exchange implements Dispatcher.DispatchHandler {
  finished = false;
  /** Reading is paused (the body's buffer was full) until the body asks for more. */
  paused = false;
  body?: ResponseBody;
  #abort?: (err: Error) => void;
  #aborted = false;
  #resume?: () => void;
  readonly #signal: AbortSignal | undefined;
  readonly #errors: BodyErrors;
  #resolve!: (r: StreamedResponse) => void;
  #reject!: (err: unknown) => void;

  constructor(signal: AbortSignal | undefined, errors: BodyErrors) {
    this.#signal = signal;
    this.#errors = errors;
    signal?.addEventListener("abort", this, { once: true });
  }

  settle(resolve: (r: StreamedResponse) => void, reject: (err: unknown) => void): void {
    this.#resolve = resolve;
    this.#reject = reject;
  }

  /** The signal's abort event (before the request is on the wire, `onConnect` sees the signal). */
  handleEvent(): void {
    if (this.#abort) this.abort(this.#signal?.reason);
  }

  /** Stops the transfer (once): undici then calls `onError`. */
  abort(reason: unknown): void {
    if (this.#aborted || !this.#abort) return;
    this.#aborted = true;
    this.#abort(reason as Error);
  }

  /** The body wants more: let the parser go on if it was paused. */
  resume(): void {
    if (!this.paused) return;
    this.paused = false;
    this.#resume?.();
  }

  done(): void {
    this.finished = true;
    this.#signal?.removeEventListener("abort", this);
  }

  failed(err: unknown): void {
    this.done();
    this.#reject(err);
  }

  onConnect(abort: (err?: Error) => void): void {
    this.#abort = abort;
    const signal = this.#signal;
    if (signal?.aborted) this.abort(signal.reason);
  }

  onHeaders(statusCode: number, rawHeaders: Buffer[], resume: () => void): boolean {
    if (statusCode < 200) return true;
    this.#resume = resume;
    const body = new ResponseBody(this);
    this.body = body;
    // Readers see body errors through iteration, pipeline() or their own listeners; this one
    // only stops an abort/deadline on a body nobody reads from crashing the process.
    body.on("error", ignoreError);
    this.#resolve({ statusCode, headers: headersFromRaw(rawHeaders), flat: true, body });
    // One more response parsed by llhttp (see wasm-tiering.ts).
    parserUsed();
    return !this.paused;
  }

  onData(chunk: Buffer): boolean {
    const body = this.body;
    if (!body || body.destroyed) return true;
    const room = body.push(chunk);
    if (drainingAtEnd) this.resume();
    else if (!room) this.paused = true;
    return !this.paused;
  }

  onComplete(): void {
    this.done();
    if (this.body) process.nextTick(endAfterRelease, this.body);
  }

  onError(err: Error): void {
    this.done();
    const body = this.body;
    if (!body) this.#reject(err);
    else if (!body.destroyed) body.destroy(this.#errors.mapBodyError(err));
  }
}

// The promise's executor, shared: it hands resolve/reject to the exchange being dispatched
// (a closure per request was one more allocation).
let settling: Exchange | undefined;
function settleExecutor(resolve: (r: StreamedResponse) => void, reject: (err: unknown) => void): void {
  (settling as Exchange).settle(resolve, reject);
}

/**
 * `dispatcher.dispatch()` with a handler that streams the body with backpressure (what undici's
 * `request()` does, but the pause/resume decisions are ours; see `guardSocketEnd`). Resolves
 * when the response headers arrive.
 */
export function dispatchStreaming(
  dispatcher: Dispatcher,
  opts: Dispatcher.DispatchOptions,
  signal?: AbortSignal,
  /** Turns a failure while the body streams into the error its reader sees. */
  errors: BodyErrors = KEEP_ERRORS,
): Promise<StreamedResponse> {
  const exchange = new Exchange(signal, errors);
  settling = exchange;
  const response = new Promise<StreamedResponse>(settleExecutor);
  settling = undefined;
  try {
    dispatcher.dispatch(opts, exchange);
  } catch (err) {
    exchange.failed(err);
  }
  return response;
}
