import type { Readable } from "node:stream";
import { sleep } from "./abort";
import { type DebugLevel, type DebugLogger, checkDebugLevel, checkDebugLogger, createDebugLogger, debugLevelFromEnv, stderrDebugLogger } from "./debug-log";
import { errorFromResponse } from "./error-from-response";
import { AbortError, ConnectionError, TimeoutError, ValidationError, isRaxError } from "./errors";
import { checkHeader } from "./header-check";
import { INSPECT, defined, inspectAs } from "./inspect-form";
import { redact } from "./redact";
import { prepareBody, type RequestBody } from "./request-body";
import { requestIdFrom } from "./request-id";
import { RaxResponse } from "./response";
import { RetryBudget } from "./retry-budget";
import type { EngineModule, HttpEngine, StreamedResponse } from "./http-engine";
import { DEFAULT_RETRY, type RetryOptions, backoffDelay, connectionFailureKind, isIdempotentMethod, isRetryableStatus } from "./retry-policy";
import { retryAfterFromHeaders } from "./retry-after";
import { userAgent } from "./user-agent";
import { type Query, withQuery } from "./url";
import { TargetSplitter } from "./request-target";
import { Call, type Verdict } from "./call";
import { DEFAULT_TIMEOUTS, type Timeouts } from "./timeouts";
import { loadFailure } from "./transport-load";
import { VerboseResponse, logRequest, logResponseBody, logResponseHead } from "./verbose-log";

export { DEFAULT_TIMEOUTS, type Timeouts } from "./timeouts";

export interface TransportOptions {
  timeouts?: Timeouts;
  retry?: Partial<RetryOptions>;
  /** Prefix for the User-Agent header (pyrax's `custom_user_agent`). */
  userAgent?: string;
  /** `false` turns off TLS certificate verification (a warning is emitted once). Default true. */
  verifySsl?: boolean;
  /** Debug lines (redacted). Default: stderr when `debug` or env RAX_DEBUG/CLOUD_DEBUG is set. */
  logger?: DebugLogger;
  /**
   * `true`: one line per attempt. `"verbose"`: also request and response headers and the first
   * 4 KiB of JSON/text bodies the SDK reads anyway. Default: env RAX_DEBUG/CLOUD_DEBUG (`1`, `true`,
   * `verbose` …). With `logger` given and no `debug`, at least one line per attempt.
   */
  debug?: DebugLevel;
  /** Keep-alive connections per origin. Default 64. */
  connections?: number;
  /** Client-wide retry budget. Default: a fresh `RetryBudget()` per transport. */
  retryBudget?: RetryBudget;
}

export interface RequestOptions {
  method: string;
  /** Absolute URL. */
  url: string;
  query?: Query;
  /** Names are case-insensitive; `undefined` values are dropped. */
  headers?: Record<string, string | undefined>;
  body?: RequestBody;
  /** Serialised with Content-Type: application/json (unless the caller sets one). */
  json?: unknown;
  signal?: AbortSignal;
  timeouts?: Omit<Timeouts, "connect">;
  retry?: Partial<RetryOptions> | false;
  /** Default: GET HEAD PUT DELETE OPTIONS true, POST PATCH false. */
  idempotent?: boolean;
  /** Error statuses to return as responses instead of throwing (e.g. 404 for `exists()`). */
  expectStatus?: number[];
  /**
   * This request's debug level, in place of the transport's (a service client's `httpLogDebug`
   * sets it): `false` logs nothing for it even when the transport logs; `true` / `"verbose"` log it
   * even when the transport does not. Default: the transport's level.
   */
  debug?: DebugLevel;
  /**
   * Where this request's debug lines go (redacted first). Default: the transport's logger, else
   * stderr. Given without `debug`, the request logs at least one line per attempt, as a
   * transport's `logger` does.
   */
  logger?: DebugLogger;
}

const ERROR_BODY_LIMIT = 64 * 1024;
// Shared by every call without `expectStatus` (read only).
const NO_STATUSES: readonly number[] = [];
const NO_BODY_STATUSES = new Set([204, 205, 304]);
const CHECKED_HEADERS_MAX = 64;
const COMMON_METHODS = new Set(["GET", "HEAD", "PUT", "POST", "DELETE", "PATCH", "COPY", "OPTIONS"]);

function normalMethod(method: unknown): string {
  if (typeof method !== "string" || !/^[A-Za-z]+$/.test(method)) throw new ValidationError("method", "must be an HTTP method name");
  return method.toUpperCase();
}

const INSECURE_WARNED = Symbol.for("rax.insecureTlsWarned");

function warnInsecureOnce(log: (line: string) => void): void {
  const g = globalThis as unknown as Record<symbol, boolean | undefined>;
  if (g[INSECURE_WARNED]) return;
  g[INSECURE_WARNED] = true;
  const msg = "TLS certificate verification is disabled (verifySsl: false); connections can be intercepted.";
  log(`rax: warning: ${msg}`);
  process.emitWarning(msg, { code: "RAX_INSECURE_TLS" });
}

/**
 * Response headers as callers get them: lower-case names (as both engines give them), repeated
 * headers joined with ", ". An engine's object that is already that (undici's, always; node:http's
 * without set-cookie) is used as is instead of copied.
 */
function flattenHeaders(raw: Record<string, string | string[] | undefined>): Record<string, string> {
  let flat = true;
  for (const k in raw) {
    if (typeof raw[k] !== "string") {
      flat = false;
      break;
    }
  }
  if (flat) return raw as Record<string, string>;
  const out: Record<string, string> = {};
  for (const k in raw) {
    const v = raw[k];
    if (v === undefined) continue;
    out[k.toLowerCase()] = Array.isArray(v) ? v.join(", ") : v;
  }
  return out;
}

function requestIdNote(requestId: string | undefined): string {
  return requestId ? ` request-id ${redact(requestId)}` : "";
}

async function readBounded(body: Readable, limit: number): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of body) {
    const b = chunk as Buffer;
    const room = limit - size;
    chunks.push(b.length > room ? b.subarray(0, room) : b);
    size += Math.min(b.length, room);
    if (size >= limit) {
      // Long error pages are cut here; closing beats pulling megabytes we would throw away.
      body.destroy();
      break;
    }
  }
  return Buffer.concat(chunks);
}

/**
 * HTTP transport: keep-alive pool per origin, timeouts, deadlines, AbortSignal, streaming bodies,
 * retries with backoff and a client-wide retry budget. It sends through an HTTP engine (undici
 * under Node, node:http in bundles: see http-engine.ts), imported on the first request, not when
 * @rax/core is imported.
 */
export class Transport {
  readonly budget: RetryBudget;
  readonly userAgent: string;
  readonly logger?: DebugLogger;
  /** Headers and bodies too (debug "verbose"); only ever true with a logger. A request's `debug` replaces it for that call. */
  readonly #verbose: boolean;
  readonly #timeouts: Timeouts;
  readonly #retry: RetryOptions;
  readonly #verifySsl: boolean;
  readonly #connections: number;
  #loaded?: Promise<HttpEngine>;
  /** The engine once loaded: later calls skip awaiting `#loaded` (a microtask per call). */
  #engine?: HttpEngine;
  #closed = false;
  #closing?: Promise<void>;
  readonly #targets = new TargetSplitter();
  /** Header name → the last value that passed `checkHeader`. */
  readonly #checkedHeaders = new Map<string, string>();

  constructor(o: TransportOptions = {}) {
    this.#timeouts = { ...o.timeouts };
    this.#retry = { ...DEFAULT_RETRY, ...o.retry };
    this.budget = o.retryBudget ?? (o.retry?.budget instanceof RetryBudget ? o.retry.budget : new RetryBudget());
    this.userAgent = userAgent(o.userAgent);
    this.#verifySsl = o.verifySsl ?? true;
    this.#connections = o.connections ?? 64;
    if (!Number.isInteger(this.#connections) || this.#connections < 1) throw new ValidationError("connections", "must be a positive integer");
    const level = o.debug ?? debugLevelFromEnv();
    this.logger = o.logger ?? (level ? createDebugLogger({ enabled: true }) : undefined);
    // `debug: false` with a logger keeps today's behaviour: the logger gets the one-line log.
    this.#verbose = this.logger !== undefined && level === "verbose";
    if (!this.#verifySsl) warnInsecureOnce((line) => this.logger?.(redact(line)));
  }

  // Callers check `call.log` first, so no log line (nor its redaction) is built for a call that logs nothing.
  #log(call: Call, line: string): void {
    call.log?.(redact(line));
  }

  #load(): Promise<HttpEngine> {
    // `#http-engine` is core's package.json subpath import: picked by conditions (http-engine.ts).
    this.#loaded ??= import("#http-engine")
      .then((m) => {
        const mod = m as unknown as EngineModule & { default?: EngineModule };
        // From CJS, import() of a CJS file may give its exports only as `default`.
        const create = mod.createEngine ?? mod.default?.createEngine;
        return create({ connections: this.#connections, connectTimeout: this.#timeouts.connect ?? DEFAULT_TIMEOUTS.connect, verifySsl: this.#verifySsl });
      })
      .then(
        (engine) => {
          this.#engine = engine;
          return engine;
        },
        (err: unknown) => {
          throw loadFailure(err);
        },
      );
    return this.#loaded;
  }

  /**
   * Send a request; resolves once headers arrive, with the body still streaming. The stages:
   * `#prepare` (check and assemble the call) → `#dispatch` (send once) → `#classify` (success,
   * retry after a delay, or a final error) → `#wait` (backoff) → `#dispatch` again.
   */
  async request(o: RequestOptions): Promise<RaxResponse> {
    const call = this.#prepare(o);
    try {
      const engine = this.#engine ?? (await this.#load());
      for (;;) {
        // Stage 2, inline (an async method would add a promise and a hop per attempt).
        call.attempt++;
        const t0 = Date.now();
        let res: StreamedResponse | undefined;
        let err: unknown;
        try {
          res = await this.#dispatch(call, engine);
        } catch (e) {
          err = e;
        }
        // A success is the response itself (no verdict object); only an error response is read
        // (asynchronously) before its verdict.
        const classified = res ? this.#classify(call, res, t0) : this.#classifyFailure(call, err, t0);
        if (classified instanceof RaxResponse) return classified;
        const verdict = classified instanceof Promise ? await classified : classified;
        if (verdict.delay === undefined) throw verdict.error;
        await this.#wait(call, verdict.delay);
      }
    } catch (err) {
      call.cleanup();
      if (isRaxError(err)) throw err;
      throw call.mapError(err);
    }
  }

  /** Stage 1: validate the options and assemble everything the attempts share. */
  #prepare(o: RequestOptions): Call {
    if (this.#closed) throw new ValidationError("transport", "is closed");
    const method = COMMON_METHODS.has(o.method) ? o.method : normalMethod(o.method);
    const url = withQuery(o.url, o.query);
    const target = this.#targets.split(url);
    // The transport's own settings objects are never mutated, so a call without overrides shares them.
    const timeouts: Timeouts = o.timeouts ? { ...this.#timeouts, ...o.timeouts } : this.#timeouts;
    const retry: RetryOptions =
      o.retry === undefined ? this.#retry : o.retry === false ? { ...this.#retry, maxAttempts: 1 } : { ...this.#retry, ...o.retry };
    const body = prepareBody(o.body, o.json);
    const headers = this.#headers(o.headers, body.contentType);
    const userSignal = o.signal;
    if (userSignal?.aborted) throw new AbortError(undefined, { cause: userSignal.reason, attempts: 0 });
    const started = Date.now();
    // Most requests carry no debug setting of their own and take the transport's as is; one that
    // does (a service client's `httpLogDebug`) replaces it for this call only.
    let log = this.logger;
    let verbose = this.#verbose;
    if (o.debug !== undefined || o.logger !== undefined) {
      const level = o.debug === undefined ? (verbose ? "verbose" : true) : checkDebugLevel(o.debug, "debug");
      log = level === false ? undefined : ((o.logger === undefined ? undefined : checkDebugLogger(o.logger, "logger")) ?? this.logger ?? stderrDebugLogger());
      verbose = level === "verbose";
    }
    const call = new Call(
      method,
      url,
      target,
      timeouts,
      retry,
      retry.budget === false ? undefined : retry.budget instanceof RetryBudget ? retry.budget : this.budget,
      o.idempotent ?? isIdempotentMethod(method),
      o.expectStatus ?? NO_STATUSES,
      body,
      headers,
      userSignal,
      started,
      log,
      verbose,
    );
    call.armDeadline();
    return call;
  }

  /** Default headers, then the caller's (case-insensitive; `undefined` removes one), each checked. */
  #headers(given: Record<string, string | undefined> | undefined, contentType: string | undefined): Record<string, string> {
    const headers: Record<string, string> = { "user-agent": this.userAgent };
    if (contentType) headers["content-type"] = contentType;
    if (given)
      for (const k in given) {
        if (!Object.hasOwn(given, k)) continue;
        const v = given[k];
        const key = k.toLowerCase();
        if (v === undefined) delete headers[key];
        else headers[key] = v;
      }
    const checked = this.#checkedHeaders;
    for (const k in headers) {
      const v = headers[k] as string;
      // Most calls repeat the last call's headers (same token, same Accept): each name remembers
      // the last value that passed, so the two regex scans run once per change, not per request.
      if (checked.get(k) === v) continue;
      checkHeader(k, v);
      // Bounded: callers with ever-new header names (metadata keys) must not grow it forever.
      if (checked.size >= CHECKED_HEADERS_MAX) checked.clear();
      checked.set(k, v);
    }
    return headers;
  }

  /** Stage 2: the request handed to the engine (throws at once if the call is already aborted). */
  #dispatch(call: Call, engine: HttpEngine): Promise<StreamedResponse> {
    const signal = call.signal;
    if (signal?.aborted) throw signal.reason;
    const sent = call.body.next();
    // Logged as sent: a body in memory is shown; a stream is passed on untouched.
    if (call.verbose) logRequest(call, sent, (line) => this.#log(call, line));
    return engine.send(call, sent, signal);
  }

  /** Stage 3, for an attempt that got no response: retry it after `delay`, or a final error. */
  #classifyFailure(call: Call, err: unknown, t0: number): Verdict {
    const { method } = call;
    const mapped = call.mapError(err);
    const raw = err as { code?: string; message?: string };
    const kind =
      mapped instanceof ConnectionError || (mapped instanceof TimeoutError && mapped.phase !== "total")
        ? connectionFailureKind(raw?.code ?? (err as { cause?: { code?: string } })?.cause?.code, raw?.message)
        : undefined;
    const allowed = kind === "notSent" || (kind === "maybeSent" && call.idempotent);
    const delay = allowed ? this.#retryDelay(call, undefined, mapped instanceof TimeoutError) : undefined;
    if (call.log)
      this.#log(
        call,
        `rax: ${method} ${call.shownUrl()} -> ${mapped.name}${(mapped as ConnectionError).code ? ` ${(mapped as ConnectionError).code}` : ""} (${Date.now() - t0} ms, attempt ${call.attempt})${delay !== undefined ? `; retrying in ${delay} ms` : ""}`,
      );
    return { error: mapped, delay };
  }

  /** Stage 3: a success to return, or (for an error status) a failure to retry after `delay` or a final error. */
  #classify(call: Call, res: StreamedResponse, t0: number): RaxResponse | Promise<Verdict> {
    const { method } = call;
    const status = res.statusCode;
    const resHeaders = res.flat === true ? (res.headers as Record<string, string>) : flattenHeaders(res.headers);
    const requestId = requestIdFrom(resHeaders);
    // A 3xx is never success and never followed: only statuses the caller lists pass.
    if (status >= 300 && !call.expect.includes(status)) return this.#classifyError(call, t0, res, status, resHeaders, requestId);

    if (call.log) {
      this.#log(call, `rax: ${method} ${call.shownUrl()} -> ${status} (${Date.now() - t0} ms, attempt ${call.attempt})${requestIdNote(requestId)}`);
      if (call.verbose) logResponseHead(status, resHeaders, (line) => this.#log(call, line));
    }
    call.budget?.release(call.spent);
    call.finalAttempt = call.attempt;
    const out = res.body;
    // A HEAD's or a 204's body ends by itself (nothing more comes off the socket): it needs no
    // deadline, so reading or dumping it arms no timer.
    const bodyless = method === "HEAD" || NO_BODY_STATUSES.has(status);
    if (bodyless) call.cleanup();
    else if (call.signal !== call.userSignal) out.once("close", () => call.cleanup());
    const init = {
      status,
      headers: resHeaders,
      requestId,
      attempts: call.attempt,
      method,
      url: call,
      body: out,
      // Without an explicit total deadline, whole-body reads still end by the default call deadline.
      readDeadline: call.hasTotal || bodyless ? undefined : { at: call.started + (call.timeouts.call ?? DEFAULT_TIMEOUTS.call), ms: call.timeouts.call ?? DEFAULT_TIMEOUTS.call },
    };
    // The verbose response logs a body the caller reads whole; the plain one is the default path.
    return call.verbose ? new VerboseResponse(init, (line) => this.#log(call, line)) : new RaxResponse(init);
  }

  /** An error status: its (bounded) body read into the typed error, and whether to retry. */
  async #classifyError(
    call: Call,
    t0: number,
    res: StreamedResponse,
    status: number,
    resHeaders: Record<string, string>,
    requestId: string | undefined,
  ): Promise<Verdict> {
    const { method } = call;
    let raw: Buffer;
    try {
      raw = await readBounded(res.body, ERROR_BODY_LIMIT);
    } catch (err) {
      throw call.mapError(err);
    }
    const error = errorFromResponse({ status, headers: resHeaders, body: raw, method, url: call.url, attempts: call.attempt });
    const hint = retryAfterFromHeaders(resHeaders);
    const delay = isRetryableStatus(status, call.idempotent, hint !== undefined, call.retry) ? this.#retryDelay(call, hint, false) : undefined;
    if (call.log) {
      this.#log(
        call,
        `rax: ${method} ${call.shownUrl()} -> ${status} (${Date.now() - t0} ms, attempt ${call.attempt})${requestIdNote(requestId)}${delay !== undefined ? `; retrying in ${delay} ms` : ""}`,
      );
      if (call.verbose) {
        const log = (line: string) => this.#log(call, line);
        logResponseHead(status, resHeaders, log);
        logResponseBody(method, call.shownUrl(), resHeaders, raw, log);
      }
    }
    return { error, delay };
  }

  /** Delay before the next attempt, or undefined when this failure is final. */
  #retryDelay(call: Call, hint: number | undefined, timeout: boolean): number | undefined {
    const { retry, budget } = call;
    if (call.attempt >= retry.maxAttempts || !call.body.replayable) return undefined;
    const delay = hint ?? backoffDelay(call.attempt, retry);
    const at = Date.now() + delay;
    if (at > call.started + retry.maxTotalMs || at >= call.deadline) return undefined;
    if (budget) {
      const cost = budget.tryAcquire(timeout);
      if (cost === undefined) {
        if (call.log) this.#log(call, `rax: ${call.method} ${call.shownUrl()} not retried: retry budget exhausted`);
        return undefined;
      }
      call.spent += cost;
    }
    return delay;
  }

  /** Stage 4: the backoff wait, cut short by the caller's signal or the total deadline. */
  async #wait(call: Call, delay: number): Promise<void> {
    try {
      await sleep(delay, call.signal);
    } catch (e) {
      throw call.mapError(e);
    }
  }

  /** What printing shows: settings only (no logger, no pool internals). */
  toJSON(): Record<string, unknown> {
    return defined({
      transport: "Transport",
      userAgent: this.userAgent,
      timeouts: { ...DEFAULT_TIMEOUTS, ...this.#timeouts },
      maxAttempts: this.#retry.maxAttempts,
      connections: this.#connections,
      verifySsl: this.#verifySsl,
      debug: this.#verbose ? "verbose" : this.logger !== undefined,
      closed: this.#closed,
      // Which HTTP client sends, once the first request loaded it.
      http: this.#engine?.name,
    });
  }

  [INSPECT](depth: number, options: unknown, inspect: unknown): unknown {
    const { transport: _, ...shown } = this.toJSON();
    return inspectAs("Transport", shown, depth, options as never, inspect as never);
  }

  /** Close every pooled connection. Further requests fail. */
  close(): Promise<void> {
    this.#closed = true;
    // Once: a second close() waits for the first (undici's Agent rejects a second close).
    this.#closing ??= this.#closeEngine();
    return this.#closing;
  }

  async #closeEngine(): Promise<void> {
    // A client that never loaded has no connections to close (its requests already failed).
    const loaded = await this.#loaded?.catch(() => undefined);
    await loaded?.close();
  }
}
