import { Readable } from "node:stream";
import type { Dispatcher } from "undici";

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

export interface StreamedResponse {
  statusCode: number;
  headers: Record<string, string | string[] | undefined>;
  /** Pulls from the connection: the parser is paused while this stream's buffer is full. */
  body: Readable;
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
  mapBodyError: (err: Error) => Error = (err) => err,
): Promise<StreamedResponse> {
  return new Promise((resolve, reject) => {
    let controller: Dispatcher.DispatchController | undefined;
    let body: Readable | undefined;
    let finished = false;
    const onAbort = () => controller?.abort(signal?.reason);
    const done = () => {
      finished = true;
      signal?.removeEventListener("abort", onAbort);
    };
    signal?.addEventListener("abort", onAbort, { once: true });

    const handler: Dispatcher.DispatchHandler = {
      onRequestStart(c) {
        controller = c;
        if (signal?.aborted) c.abort(signal.reason);
      },
      onResponseStart(c, statusCode, headers) {
        if (statusCode < 200) return;
        body = new Readable({
          read() {
            if (c.paused) c.resume();
          },
          destroy(err, cb) {
            // Given up by the reader (or failed): stop the transfer; undici closes the socket.
            if (!finished) {
              done();
              c.abort(err ?? new Error("response body destroyed before it was read"));
            }
            cb(err);
          },
        });
        // Readers see body errors through iteration, pipeline() or their own listeners; this one
        // only stops an abort/deadline on a body nobody reads from crashing the process.
        body.on("error", () => {});
        resolve({ statusCode, headers: headers as StreamedResponse["headers"], body });
      },
      onResponseData(c, chunk) {
        if (!body || body.destroyed) return;
        const room = body.push(chunk);
        if (drainingAtEnd) {
          if (c.paused) c.resume();
        } else if (!room) c.pause();
      },
      onResponseEnd() {
        done();
        const b = body;
        if (!b) return;
        // undici frees the connection in a setImmediate queued right after this callback returns;
        // ending the body one immediate after that means a caller's next request finds the pooled
        // connection idle instead of opening a second one.
        queueMicrotask(() => setImmediate(() => b.push(null)));
      },
      onResponseError(_c, err) {
        done();
        if (!body) reject(err);
        else if (!body.destroyed) body.destroy(mapBodyError(err));
      },
    };
    try {
      dispatcher.dispatch(opts, handler);
    } catch (err) {
      done();
      reject(err);
    }
  });
}
