import type { Readable } from "node:stream";
import { InvalidResponse, TimeoutError } from "./errors";
import { INSPECT, defined, inspectAs } from "./inspect-form";
import { redact, redactHeaders } from "./redact";

export interface RaxResponseInit {
  status: number;
  headers: Record<string, string>;
  requestId?: string;
  attempts: number;
  method: string;
  /** Redacted, or what gives it (called only when `url` is read). */
  url: string | (() => string) | { shownUrl(): string };
  body: Readable;
  /** When whole-body reads must be done by (absolute ms) and the deadline they enforce. */
  readDeadline?: { at: number; ms: number };
}

// decode() without { stream: true } keeps no state between calls, so one decoder serves all.
const UTF8 = new TextDecoder();
// `\S` is exactly what trim() strips the complement of; searching for it stops at the first
// non-blank character instead of copying a whole (possibly megabyte) listing body to trim it.
const NON_BLANK = /\S/;

function prematureClose(): Error {
  return Object.assign(new Error("Premature close"), { code: "ERR_STREAM_PREMATURE_CLOSE" });
}

// Listeners rather than `for await`: most bodies are one small chunk, and the async iterator's
// machinery cost more than the read itself. Same outcomes: the bytes, the stream's error, or a
// premature-close error for a body destroyed before its end.
function readAll(body: Readable): Promise<Buffer>;
function readAll(body: Readable, unjoined: true): Promise<Buffer[]>;
function readAll(body: Readable, unjoined?: true): Promise<Buffer | Buffer[]> {
  if (body.readableEnded) return Promise.resolve(unjoined ? [] : Buffer.alloc(0));
  if (body.destroyed) return Promise.reject(body.errored ?? prematureClose());
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    const onData = (chunk: Buffer | string) => chunks.push(typeof chunk === "string" ? Buffer.from(chunk) : chunk);
    const onEnd = () => {
      off();
      // A small body is one chunk: handed over as it is (concat would copy it).
      resolve(unjoined ? chunks : chunks.length === 1 ? (chunks[0] as Buffer) : Buffer.concat(chunks));
    };
    const onError = (err: Error) => {
      off();
      reject(err);
    };
    const onClose = () => {
      if (body.readableEnded) return;
      off();
      reject(body.errored ?? prematureClose());
    };
    const off = () => {
      body.off("data", onData);
      body.off("end", onEnd);
      body.off("error", onError);
      body.off("close", onClose);
    };
    body.on("data", onData);
    body.on("end", onEnd);
    body.on("error", onError);
    body.on("close", onClose);
  });
}

/**
 * An engine's body that has come off the socket whole (http-engine.ts's EngineBody `received`).
 * Read as a property, not by class: a bundle of core's CJS build gets the ESM node:http engine
 * (package.json `#http-engine-cjs`, condition `module`), whose body class is another copy.
 */
function receivedWhole(body: Readable): boolean {
  return (body as { received?: unknown }).received === true;
}

/**
 * A received body with nothing left to read that no one is reading or waiting on: discarding it
 * only has to wait until the engine has pushed its end (the undici engine's body says when; see
 * streaming-dispatch.ts), without flowing the stream to its 'close'. Every HEAD and 204 is one.
 */
function quietEmpty(body: Readable): (() => Promise<void>) | undefined {
  const whenEndPushed = (body as { whenEndPushed?: unknown }).whenEndPushed;
  if (typeof whenEndPushed !== "function") return undefined;
  if (body.readableLength !== 0 || body.readableFlowing !== null || body.listenerCount("data") !== 0 || body.listenerCount("end") !== 0 || body.listenerCount("close") !== 0)
    return undefined;
  return whenEndPushed as () => Promise<void>;
}

function drainReceived(body: Readable): Promise<void> {
  return new Promise((resolve) => {
    // `on`, not `once`: 'close' comes once and ends the body's life (once() wraps each listener).
    body.on("close", resolve);
    body.resume();
  });
}

/** Bytes read from a response before `dump()` gives up and closes the socket instead. */
const DUMP_LIMIT = 128 * 1024;

/**
 * `util.inspect(res.headers)` shows them redacted: Keystone's X-Subject-Token and Swift's temp-URL
 * key headers are secrets. Keyed by a symbol, so Object.keys/entries, for…in and JSON stay the
 * headers as received. Set by plain assignment, not a non-enumerable defineProperty, which cost
 * ~280 ns a response (node 20); a spread copy keeps it and prints redacted too.
 */
function inspectHeaders(this: Record<string, string>): Record<string, string> {
  return redactHeaders(this);
}

/** JSON.parse's SyntaxError without the piece of the body V8 quotes (`Unexpected token 'S', ..."id":SECRET"... is not valid JSON`). */
function unquoted(e: unknown): unknown {
  if (!(e instanceof SyntaxError)) return e;
  return new SyntaxError(e.message.replace(/,? (?:\.\.\.)?"[\s\S]*$/, ""));
}

/**
 * A response whose body has not been read yet: stream it (`for await (const chunk of res.body)`,
 * `res.body.pipe(file)`) or read it whole (`json()`, `text()`, `bytes()`). Read or `dump()` every
 * body you do not need, or the connection stays busy.
 */
export class RaxResponse {
  readonly status: number;
  /** Lower-case names; repeated headers joined with ", ". */
  readonly headers: Record<string, string>;
  readonly requestId?: string;
  readonly attempts: number;
  readonly method: string;
  readonly body: Readable;
  #url: string | (() => string) | { shownUrl(): string };
  readonly #readDeadline?: { at: number; ms: number };

  constructor(init: RaxResponseInit) {
    this.status = init.status;
    this.headers = init.headers;
    (init.headers as Record<PropertyKey, unknown>)[INSPECT] = inspectHeaders;
    this.requestId = init.requestId;
    this.attempts = init.attempts;
    this.method = init.method;
    this.#url = init.url;
    this.body = init.body;
    this.#readDeadline = init.readDeadline;
  }

  /**
   * Whether a whole-body read must run under the call's default deadline: not without one, nor for
   * a body already ended, destroyed or received whole (a small response comes in the headers'
   * packet), which ends without the network.
   */
  #needsDeadline(): boolean {
    const body = this.body;
    return this.#readDeadline !== undefined && !body.readableEnded && !body.destroyed && !receivedWhole(body);
  }

  /**
   * `reading` (already started) under the call's default deadline: when it passes, the body is
   * destroyed with a TimeoutError (phase "total"), which the read then settles with.
   */
  #bounded<T>(reading: Promise<T>): Promise<T> {
    const d = this.#readDeadline as { at: number; ms: number };
    const left = d.at - Date.now();
    if (left <= 0) {
      this.#expire();
      return reading;
    }
    // Only bodies still arriving get here: the closure is off the common path.
    const timer = setTimeout(() => this.#expire(), left);
    timer.unref?.();
    return reading.finally(() => clearTimeout(timer));
  }

  #expire(): void {
    const d = this.#readDeadline as { at: number; ms: number };
    this.body.destroy(new TimeoutError({ phase: "total", timeoutMs: d.ms, method: this.method, url: this.url }));
  }

  /** Request URL with secret query values masked. */
  get url(): string {
    const u = this.#url;
    if (typeof u === "string") return u;
    this.#url = typeof u === "function" ? u() : u.shownUrl();
    return this.#url;
  }

  /** What printing shows: status, method, redacted URL and headers (Keystone sends the token in one). */
  toJSON(): Record<string, unknown> {
    return defined({ status: this.status, method: this.method, url: this.url, requestId: this.requestId === undefined ? undefined : redact(this.requestId), attempts: this.attempts, headers: redactHeaders(this.headers) });
  }

  [INSPECT](depth: number, options: unknown, inspect: unknown): unknown {
    return inspectAs("RaxResponse", this.toJSON(), depth, options as never, inspect as never);
  }

  bytes(): Promise<Uint8Array> {
    const reading = readAll(this.body);
    return this.#needsDeadline() ? this.#bounded(reading) : reading;
  }

  /**
   * The whole body as the chunks it arrived in, not joined: a caller that parses a large body
   * piece by piece (a 10 000-row listing is ~2 MB) skips joining it, a second copy of every byte.
   * Same deadline and errors as `bytes()`.
   */
  chunks(): Promise<Buffer[]> {
    const reading = readAll(this.body, true);
    return this.#needsDeadline() ? this.#bounded(reading) : reading;
  }

  async text(): Promise<string> {
    return UTF8.decode(await this.bytes());
  }

  /** Parsed JSON; `undefined` for an empty body (204, HEAD). Bad JSON → InvalidResponse. */
  async json<T = unknown>(): Promise<T> {
    const text = await this.text();
    if (!NON_BLANK.test(text)) return undefined as T;
    try {
      return JSON.parse(text) as T;
    } catch (e) {
      throw new InvalidResponse(
        // Redact the whole text before cutting it, so a secret cut in two at 200 is still masked. V8's
        // message quotes the body around the fault (`…"id":SECRETVALU…`): the cause keeps only its first part.
        { status: this.status, method: this.method, url: this.url, snippet: redact(text).slice(0, 200), requestId: this.requestId, cause: unquoted(e) },
        "Response body is not valid JSON",
      );
    }
  }

  /** Discard the body so the connection can be reused (closes it instead past 128 KiB). */
  dump(): Promise<void> {
    if (!this.#needsDeadline()) return this.#dump();
    return this.#bounded(this.#dump());
  }

  #dump(): Promise<void> {
    const body = this.body;
    // The body is being thrown away: a failure while discarding it changes nothing for the caller,
    // so every outcome resolves.
    if (body.readableEnded || body.destroyed) return Promise.resolve();
    // Received whole: nothing more comes off the socket, so draining what is buffered costs no
    // transfer. Its 'close' follows 'end' or an error (autoDestroy), and resolves either way.
    if (receivedWhole(body)) {
      const whenEndPushed = quietEmpty(body);
      return whenEndPushed ? whenEndPushed.call(body) : drainReceived(body);
    }
    return new Promise((resolve) => {
      let read = 0;
      const onData = (chunk: Buffer | string) => {
        read += chunk.length;
        if (read > DUMP_LIMIT) {
          off();
          body.destroy();
          resolve();
        }
      };
      const finish = () => {
        off();
        resolve();
      };
      const off = () => {
        body.off("data", onData);
        body.off("end", finish);
        body.off("error", finish);
        body.off("close", finish);
      };
      body.on("data", onData);
      body.on("end", finish);
      body.on("error", finish);
      body.on("close", finish);
    });
  }
}
