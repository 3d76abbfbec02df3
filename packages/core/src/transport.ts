import type { Readable } from "node:stream";
import type { Dispatcher } from "undici";
import { sleep } from "./abort";
import { type DebugLogger, createDebugLogger, debugFromEnv } from "./debug-log";
import { errorFromResponse } from "./error-from-response";
import {
  AbortError,
  ConnectionError,
  ESM_BUNDLE_FIX,
  HttpError,
  type RaxError,
  TimeoutError,
  TransportLoadError,
  ValidationError,
  isRaxError,
} from "./errors";
import { checkHeader } from "./header-check";
import { redact, redactUrl } from "./redact";
import { prepareBody, type RequestBody } from "./request-body";
import { requestIdFrom } from "./request-id";
import { RaxResponse } from "./response";
import { RetryBudget } from "./retry-budget";
import { type StreamedResponse, dispatchStreaming, guardSocketEnd } from "./streaming-dispatch";
import { DEFAULT_RETRY, type RetryOptions, backoffDelay, connectionFailureKind, isIdempotentMethod, isRetryableStatus } from "./retry-policy";
import { retryAfterFromHeaders } from "./retry-after";
import { userAgent } from "./user-agent";
import { type Query, assertAbsoluteUrl, withQuery } from "./url";

export interface Timeouts {
  /** TCP+TLS connect, per attempt. Transport-wide only (set on the connection pool). Default 10 000. */
  connect?: number;
  /** From request sent to complete response headers, per attempt. Default 300 000. */
  headers?: number;
  /** Longest silence between body chunks, per attempt. Default 300 000. */
  body?: number;
  /** Deadline for the whole call: every attempt, every backoff wait and the response body. Default none. */
  total?: number;
}

export interface TransportOptions {
  timeouts?: Timeouts;
  retry?: Partial<RetryOptions>;
  /** Prefix for the User-Agent header (pyrax's `custom_user_agent`). */
  userAgent?: string;
  /** `false` turns off TLS certificate verification (a warning is emitted once). Default true. */
  verifySsl?: boolean;
  /** Debug lines (redacted). Default: stderr when `debug` or env RAX_DEBUG/CLOUD_DEBUG is set. */
  logger?: DebugLogger;
  debug?: boolean;
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
}

const ERROR_BODY_LIMIT = 64 * 1024;
const DEFAULT_CONNECT_TIMEOUT = 10_000;
const DEFAULT_HEADERS_TIMEOUT = 300_000;
const DEFAULT_BODY_TIMEOUT = 300_000;
const NO_BODY_STATUSES = new Set([204, 205, 304]);
const COMMON_METHODS = new Set(["GET", "HEAD", "PUT", "POST", "DELETE", "PATCH", "COPY", "OPTIONS"]);

function normalMethod(method: unknown): string {
  if (typeof method !== "string" || !/^[A-Za-z]+$/.test(method)) throw new ValidationError("method", "must be an HTTP method name");
  return method.toUpperCase();
}

// The message esbuild's ESM output throws when bundled CommonJS calls require() on a built-in.
const DYNAMIC_REQUIRE = /Dynamic require of "[^"]*" is not supported/;

function loadFailure(err: unknown): TransportLoadError {
  const message = err instanceof Error ? err.message : String(err);
  const fix = DYNAMIC_REQUIRE.test(message) ? `; ${ESM_BUNDLE_FIX}` : "";
  return new TransportLoadError(`Could not load the HTTP client (undici): ${redact(message)}${fix}`, { cause: err });
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

function flattenHeaders(raw: Record<string, string | string[] | undefined>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const k in raw) {
    const v = raw[k];
    if (v === undefined) continue;
    out[k.toLowerCase()] = Array.isArray(v) ? v.join(", ") : v;
  }
  return out;
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
 * HTTP transport on undici: keep-alive pool per origin, timeouts, deadlines, AbortSignal,
 * streaming bodies, retries with backoff and a client-wide retry budget. undici is imported on
 * the first request, not when @rax/core is imported.
 */
export class Transport {
  readonly budget: RetryBudget;
  readonly userAgent: string;
  readonly logger?: DebugLogger;
  readonly #timeouts: Timeouts;
  readonly #retry: RetryOptions;
  readonly #verifySsl: boolean;
  readonly #connections: number;
  #loaded?: Promise<{ agent: Dispatcher }>;
  #closed = false;

  constructor(o: TransportOptions = {}) {
    this.#timeouts = { ...o.timeouts };
    this.#retry = { ...DEFAULT_RETRY, ...o.retry };
    this.budget = o.retryBudget ?? (o.retry?.budget instanceof RetryBudget ? o.retry.budget : new RetryBudget());
    this.userAgent = userAgent(o.userAgent);
    this.#verifySsl = o.verifySsl ?? true;
    this.#connections = o.connections ?? 64;
    if (!Number.isInteger(this.#connections) || this.#connections < 1) throw new ValidationError("connections", "must be a positive integer");
    this.logger = o.logger ?? ((o.debug ?? debugFromEnv()) ? createDebugLogger({ enabled: true }) : undefined);
    if (!this.#verifySsl) warnInsecureOnce((line) => this.#log(line));
  }

  // Callers check `this.logger` first, so no log line (nor its redaction) is built without one.
  #log(line: string): void {
    if (this.logger) this.logger(redact(line));
  }

  #load(): Promise<{ agent: Dispatcher }> {
    // Only the two undici files used (see undici-internals.d.ts), imported on the first request.
    this.#loaded ??= Promise.all([import("undici/lib/dispatcher/agent.js"), import("undici/lib/core/connect.js")]).then(
      ([{ default: Agent }, { default: buildConnector }]) => {
        try {
          const connect = buildConnector({
            timeout: this.#timeouts.connect ?? DEFAULT_CONNECT_TIMEOUT,
            rejectUnauthorized: this.#verifySsl,
          });
          return {
            agent: new Agent({
              connections: this.#connections,
              connect: (opts, callback) =>
                connect(opts, (err, socket) => {
                  if (socket) guardSocketEnd(socket);
                  callback(err, socket as never);
                }),
            }),
          };
        } catch (err) {
          throw loadFailure(err);
        }
      },
      (err: unknown) => {
        throw loadFailure(err);
      },
    );
    return this.#loaded;
  }

  /** Send a request; resolves once headers arrive, with the body still streaming. */
  async request(o: RequestOptions): Promise<RaxResponse> {
    if (this.#closed) throw new ValidationError("transport", "is closed");
    const method = COMMON_METHODS.has(o.method) ? o.method : normalMethod(o.method);
    const url = withQuery(o.url, o.query);
    const target = assertAbsoluteUrl(url);
    // Redacted only when a log line or an error needs it.
    let shown: string | undefined;
    const shownUrl = () => (shown ??= redactUrl(url));
    // The transport's own settings objects are never mutated, so a call without overrides shares them.
    const timeouts: Timeouts = o.timeouts ? { ...this.#timeouts, ...o.timeouts } : this.#timeouts;
    const retry: RetryOptions =
      o.retry === undefined ? this.#retry : o.retry === false ? { ...this.#retry, maxAttempts: 1 } : { ...this.#retry, ...o.retry };
    const budget = retry.budget === false ? undefined : retry.budget instanceof RetryBudget ? retry.budget : this.budget;
    const idempotent = o.idempotent ?? isIdempotentMethod(method);
    const expect = o.expectStatus ?? [];
    const body = prepareBody(o.body, o.json);

    const headers: Record<string, string> = { "user-agent": this.userAgent };
    if (body.contentType) headers["content-type"] = body.contentType;
    const given = o.headers ?? {};
    for (const k in given) {
      if (!Object.hasOwn(given, k)) continue;
      const v = given[k];
      const key = k.toLowerCase();
      if (v === undefined) delete headers[key];
      else headers[key] = v;
    }
    for (const k in headers) checkHeader(k, headers[k] as string);

    const userSignal = o.signal;
    if (userSignal?.aborted) throw new AbortError(undefined, { cause: userSignal.reason, attempts: 0 });

    const started = Date.now();
    const deadline = timeouts.total !== undefined ? started + timeouts.total : Number.POSITIVE_INFINITY;
    const retryDeadline = started + retry.maxTotalMs;

    // With a total deadline, one controller per call links the caller's signal and the deadline;
    // it stays armed until the response body has been consumed, so the deadline covers the body
    // as well. Without one, the caller's signal (if any) is used as is: most calls need neither.
    let deadlineFired = false;
    let signal = userSignal;
    let cleanup = () => {};
    if (timeouts.total !== undefined) {
      const ctl = new AbortController();
      signal = ctl.signal;
      const onUserAbort = () => ctl.abort(userSignal?.reason);
      userSignal?.addEventListener("abort", onUserAbort, { once: true });
      const timer = setTimeout(() => {
        deadlineFired = true;
        ctl.abort(new TimeoutError({ phase: "total", timeoutMs: timeouts.total, method, url: shownUrl() }));
      }, timeouts.total);
      timer.unref?.();
      let cleaned = false;
      cleanup = () => {
        if (cleaned) return;
        cleaned = true;
        clearTimeout(timer);
        userSignal?.removeEventListener("abort", onUserAbort);
      };
    }

    let attempt = 0;
    const mapError = (err: unknown): RaxError => {
      if (deadlineFired) return new TimeoutError({ phase: "total", timeoutMs: timeouts.total, method, url: shownUrl(), attempts: attempt, cause: err });
      if (userSignal?.aborted) return new AbortError(undefined, { cause: userSignal.reason, attempts: attempt });
      if (isRaxError(err)) return err;
      const e = err as { code?: string; message?: string };
      const t = (phase: "connect" | "headers" | "body", ms: number) =>
        new TimeoutError({ phase, timeoutMs: ms, method, url: shownUrl(), attempts: attempt, cause: err });
      if (e?.code === "UND_ERR_CONNECT_TIMEOUT") return t("connect", timeouts.connect ?? DEFAULT_CONNECT_TIMEOUT);
      if (e?.code === "UND_ERR_HEADERS_TIMEOUT") return t("headers", timeouts.headers ?? DEFAULT_HEADERS_TIMEOUT);
      if (e?.code === "UND_ERR_BODY_TIMEOUT") return t("body", timeouts.body ?? DEFAULT_BODY_TIMEOUT);
      if (typeof e?.message === "string" && DYNAMIC_REQUIRE.test(e.message)) return loadFailure(err);
      const code = e?.code ?? (err as { cause?: { code?: string } })?.cause?.code;
      const detail = e?.message ? `: ${redact(e.message)}` : "";
      return new ConnectionError(
        { code, method, url: shownUrl(), attempts: attempt, cause: err },
        `Connection failed${code ? ` (${code})` : ""}${detail} (${method} ${shownUrl()})`,
      );
    };

    let spent = 0;
    // Delay before the next attempt, or undefined when this failure is final.
    const retryDelay = (hint: number | undefined, timeout: boolean): number | undefined => {
      if (attempt >= retry.maxAttempts || !body.replayable) return undefined;
      const delay = hint ?? backoffDelay(attempt, retry);
      const at = Date.now() + delay;
      if (at > retryDeadline || at >= deadline) return undefined;
      if (budget) {
        const cost = budget.tryAcquire(timeout);
        if (cost === undefined) {
          if (this.logger) this.#log(`rax: ${method} ${shownUrl()} not retried: retry budget exhausted`);
          return undefined;
        }
        spent += cost;
      }
      return delay;
    };
    const wait = async (delay: number) => {
      try {
        await sleep(delay, signal);
      } catch (e) {
        throw mapError(e);
      }
    };

    try {
      const { agent } = await this.#load();
      const origin = target.origin;
      const path = target.pathname + target.search;
      const finalAttempt = { n: 0 };
      const mapBodyError = (err: Error): Error => {
        attempt = finalAttempt.n;
        return mapError(err);
      };
      for (;;) {
        attempt++;
        const t0 = Date.now();
        let res: StreamedResponse;
        try {
          if (signal?.aborted) throw signal.reason;
          res = await dispatchStreaming(
            agent,
            {
              origin,
              path,
              method: method as Dispatcher.HttpMethod,
              headers,
              body: body.next(),
              headersTimeout: timeouts.headers ?? DEFAULT_HEADERS_TIMEOUT,
              bodyTimeout: timeouts.body ?? DEFAULT_BODY_TIMEOUT,
              // undici closes the socket after every HEAD unless told not to: Swift is HEAD-heavy.
              ...(method === "HEAD" ? { reset: false } : {}),
            },
            signal,
            mapBodyError,
          );
        } catch (err) {
          const mapped = mapError(err);
          const raw = err as { code?: string; message?: string };
          const kind = mapped instanceof ConnectionError || (mapped instanceof TimeoutError && mapped.phase !== "total")
            ? connectionFailureKind(raw?.code ?? (err as { cause?: { code?: string } })?.cause?.code, raw?.message)
            : undefined;
          const allowed = kind === "notSent" || (kind === "maybeSent" && idempotent);
          const delay = allowed ? retryDelay(undefined, mapped instanceof TimeoutError) : undefined;
          if (this.logger) this.#log(`rax: ${method} ${shownUrl()} -> ${mapped.name}${(mapped as ConnectionError).code ? ` ${(mapped as ConnectionError).code}` : ""} (${Date.now() - t0} ms, attempt ${attempt})${delay !== undefined ? `; retrying in ${delay} ms` : ""}`);
          if (delay === undefined) throw mapped;
          await wait(delay);
          continue;
        }

        const status = res.statusCode;
        const resHeaders = flattenHeaders(res.headers as Record<string, string | string[] | undefined>);
        const requestId = requestIdFrom(resHeaders);
        // A 3xx is never success and never followed: only statuses the caller lists pass.
        if (status >= 300 && !expect.includes(status)) {
          let raw: Buffer;
          try {
            raw = await readBounded(res.body, ERROR_BODY_LIMIT);
          } catch (err) {
            throw mapError(err);
          }
          const error = errorFromResponse({ status, headers: resHeaders, body: raw, method, url, attempts: attempt });
          const hint = retryAfterFromHeaders(resHeaders);
          const delay = isRetryableStatus(status, idempotent, hint !== undefined, retry) ? retryDelay(hint, false) : undefined;
          if (this.logger) this.#log(`rax: ${method} ${shownUrl()} -> ${status} (${Date.now() - t0} ms, attempt ${attempt})${requestId ? ` request-id ${requestId}` : ""}${delay !== undefined ? `; retrying in ${delay} ms` : ""}`);
          if (delay === undefined) throw error;
          await wait(delay);
          continue;
        }

        if (this.logger) this.#log(`rax: ${method} ${shownUrl()} -> ${status} (${Date.now() - t0} ms, attempt ${attempt})${requestId ? ` request-id ${requestId}` : ""}`);
        budget?.release(spent);
        finalAttempt.n = attempt;
        const out = res.body;
        if (method === "HEAD" || NO_BODY_STATUSES.has(status)) cleanup();
        else if (signal !== userSignal) out.once("close", cleanup);
        return new RaxResponse({ status, headers: resHeaders, requestId, attempts: attempt, method, url: shownUrl, body: out });
      }
    } catch (err) {
      cleanup();
      if (err instanceof HttpError || isRaxError(err)) throw err;
      throw mapError(err);
    }
  }

  /** Close every pooled connection. Further requests fail. */
  async close(): Promise<void> {
    this.#closed = true;
    // A client that never loaded has no connections to close (its requests already failed).
    const loaded = await this.#loaded?.catch(() => undefined);
    await loaded?.agent.close();
  }
}
