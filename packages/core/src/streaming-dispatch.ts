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

type ResponseHeaders = Parameters<NonNullable<Dispatcher.DispatchHandler["onResponseStart"]>>[2];

const KEEP_ERRORS: BodyErrors = { mapBodyError: (err) => err };
const ignoreError = (): void => {};
const endBody = (body: Readable): void => {
  body.push(null);
};
// undici frees the connection in a setImmediate it queues right after `onResponseEnd` returns;
// ending the body one immediate after that means a caller's next request finds the pooled
// connection idle instead of opening a second one. (nextTick runs once undici's stack unwinds.)
const endAfterRelease = (body: Readable): void => {
  setImmediate(endBody, body);
};

/** The response body: pulling from it resumes the parser; destroying it aborts the transfer. */
export class ResponseBody extends EngineBody {
  readonly #exchange: Exchange;
  readonly #controller: Dispatcher.DispatchController;

  constructor(exchange: Exchange, controller: Dispatcher.DispatchController) {
    super();
    this.#exchange = exchange;
    this.#controller = controller;
  }

  /** The whole response has come off the socket (or the transfer failed): reading it waits on nothing remote. */
  get received(): boolean {
    return this.#exchange.finished;
  }

  override _read(): void {
    if (this.#controller.paused) this.#controller.resume();
  }

  override _destroy(err: Error | null, cb: (error?: Error | null) => void): void {
    // Given up by the reader (or failed): stop the transfer; undici closes the socket.
    if (!this.#exchange.finished) {
      this.#exchange.done();
      this.#controller.abort(err ?? new Error("response body destroyed before it was read"));
    }
    cb(err);
  }
}

/**
 * One request's handler, with its state in fields and its callbacks as methods: nothing is
 * allocated per call but this object, the promise and the body (`handleEvent` makes it the
 * abort listener too).
 */
class Exchange implements Dispatcher.DispatchHandler {
  finished = false;
  controller?: Dispatcher.DispatchController;
  body?: ResponseBody;
  readonly #signal: AbortSignal | undefined;
  readonly #errors: BodyErrors;
  readonly #resolve: (r: StreamedResponse) => void;
  readonly #reject: (err: unknown) => void;

  constructor(signal: AbortSignal | undefined, errors: BodyErrors, resolve: (r: StreamedResponse) => void, reject: (err: unknown) => void) {
    this.#signal = signal;
    this.#errors = errors;
    this.#resolve = resolve;
    this.#reject = reject;
    signal?.addEventListener("abort", this, { once: true });
  }

  /** The signal's abort event. */
  handleEvent(): void {
    this.controller?.abort(this.#signal?.reason);
  }

  done(): void {
    this.finished = true;
    this.#signal?.removeEventListener("abort", this);
  }

  failed(err: unknown): void {
    this.done();
    this.#reject(err);
  }

  onRequestStart(c: Dispatcher.DispatchController): void {
    this.controller = c;
    const signal = this.#signal;
    if (signal?.aborted) c.abort(signal.reason);
  }

  onResponseStart(c: Dispatcher.DispatchController, statusCode: number, headers: ResponseHeaders): void {
    if (statusCode < 200) return;
    const body = new ResponseBody(this, c);
    this.body = body;
    // Readers see body errors through iteration, pipeline() or their own listeners; this one
    // only stops an abort/deadline on a body nobody reads from crashing the process.
    body.on("error", ignoreError);
    this.#resolve({ statusCode, headers: headers as StreamedResponse["headers"], body });
    // One more response parsed by llhttp (see wasm-tiering.ts).
    parserUsed();
  }

  onResponseData(c: Dispatcher.DispatchController, chunk: Buffer): void {
    const body = this.body;
    if (!body || body.destroyed) return;
    const room = body.push(chunk);
    if (drainingAtEnd) {
      if (c.paused) c.resume();
    } else if (!room) c.pause();
  }

  onResponseEnd(): void {
    this.done();
    if (this.body) process.nextTick(endAfterRelease, this.body);
  }

  onResponseError(_c: Dispatcher.DispatchController, err: Error): void {
    this.done();
    const body = this.body;
    if (!body) this.#reject(err);
    else if (!body.destroyed) body.destroy(this.#errors.mapBodyError(err));
  }
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
  let exchange!: Exchange;
  const response = new Promise<StreamedResponse>((resolve, reject) => {
    exchange = new Exchange(signal, errors, resolve, reject);
  });
  try {
    dispatcher.dispatch(opts, exchange);
  } catch (err) {
    exchange.failed(err);
  }
  return response;
}
