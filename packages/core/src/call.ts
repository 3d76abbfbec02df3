import type { DebugLogger } from "./debug-log";
import { AbortError, ConnectionError, type RaxError, TimeoutError, isRaxError } from "./errors";
import { redact, redactUrl } from "./redact";
import type { PreparedBody } from "./request-body";
import type { RetryBudget } from "./retry-budget";
import type { RequestTarget } from "./request-target";
import type { RetryOptions } from "./retry-policy";
import { DEFAULT_TIMEOUTS, type Timeouts } from "./timeouts";
import { DYNAMIC_REQUIRE, loadFailure } from "./transport-load";

/** A failed attempt's verdict: retry after `delay`, or (without one) the final error. */
export type Verdict = { error: RaxError; delay: number | undefined };

/** One call's state across its attempts: settings, the deadline, the attempt count, error mapping. */
export class Call {
  readonly method: string;
  readonly url: string;
  readonly origin: string;
  readonly path: string;
  readonly timeouts: Timeouts;
  readonly retry: RetryOptions;
  readonly budget: RetryBudget | undefined;
  readonly idempotent: boolean;
  readonly expect: readonly number[];
  readonly body: PreparedBody;
  readonly headers: Record<string, string>;
  readonly userSignal: AbortSignal | undefined;
  readonly started: number;
  readonly hasTotal: boolean;
  /**
   * Where this call's debug lines go, or undefined when it logs nothing: the transport's logger,
   * or the one the request asked for (a client's `httpLogDebug`). Callers test it before building
   * a line, so a call that logs nothing redacts and formats nothing.
   */
  readonly log: DebugLogger | undefined;
  /** Headers and bodies too (debug "verbose"); only ever true with `log`. */
  readonly verbose: boolean;
  /** Absolute end of the total deadline (Infinity without one). */
  readonly deadline: number;
  /** The signal attempts and waits use: the caller's, or one linked with the total deadline. */
  signal: AbortSignal | undefined;
  attempt = 0;
  /** Attempt count reported by errors while the returned body streams. */
  finalAttempt = 0;
  /** Retry-budget tokens spent, refunded on success. */
  spent = 0;
  #deadlineFired = false;
  #shown?: string;
  #timer?: ReturnType<typeof setTimeout>;
  #controller?: AbortController;

  // Positional: an init object per request was one more allocation on the hot path (one caller, transport.ts).
  constructor(
    method: string,
    url: string,
    target: RequestTarget,
    timeouts: Timeouts,
    retry: RetryOptions,
    budget: RetryBudget | undefined,
    idempotent: boolean,
    expect: readonly number[],
    body: PreparedBody,
    headers: Record<string, string>,
    userSignal: AbortSignal | undefined,
    started: number,
    log: DebugLogger | undefined,
    verbose: boolean,
  ) {
    this.method = method;
    this.url = url;
    this.origin = target.origin;
    this.path = target.path;
    this.timeouts = timeouts;
    this.retry = retry;
    this.budget = budget;
    this.idempotent = idempotent;
    this.expect = expect;
    this.body = body;
    this.headers = headers;
    this.userSignal = userSignal;
    this.signal = userSignal;
    this.started = started;
    this.hasTotal = timeouts.total !== undefined;
    this.deadline = this.hasTotal ? started + (timeouts.total as number) : Number.POSITIVE_INFINITY;
    this.log = log;
    this.verbose = verbose;
  }

  // Methods, not per-call arrow fields: a call is made per request, and each closure was an
  // allocation (and, with the build's keepNames, a defineProperty) on the hot path.

  /** Redacted only when a log line or an error needs it. */
  shownUrl(): string {
    return (this.#shown ??= redactUrl(this.url));
  }

  /**
   * With a total deadline, one controller links the caller's signal and the deadline; it stays
   * armed until the response body has been consumed, so the deadline covers the body as well.
   * Without one, the caller's signal (if any) is used as is: most calls need neither.
   */
  armDeadline(): void {
    const total = this.timeouts.total;
    if (total === undefined) return;
    const ctl = new AbortController();
    this.#controller = ctl;
    this.signal = ctl.signal;
    // The call itself is the abort listener (`handleEvent`) and the timer's argument.
    this.userSignal?.addEventListener("abort", this, { once: true });
    const timer = setTimeout(fireDeadline, total, this);
    timer.unref?.();
    this.#timer = timer;
  }

  /** The caller's signal aborted: abort the linked one with its reason. */
  handleEvent(): void {
    this.#controller?.abort(this.userSignal?.reason);
  }

  /** The total deadline passed. */
  expire(): void {
    this.#deadlineFired = true;
    this.#controller?.abort(new TimeoutError({ phase: "total", timeoutMs: this.timeouts.total, method: this.method, url: this.shownUrl() }));
  }

  /** Disarms the deadline (once the call failed or its body was consumed); idempotent. */
  cleanup(): void {
    if (this.#timer === undefined) return;
    clearTimeout(this.#timer);
    this.#timer = undefined;
    this.userSignal?.removeEventListener("abort", this);
  }

  /** Any failure as the typed error the caller sees. */
  mapError(err: unknown): RaxError {
    const { method, attempt } = this;
    if (this.#deadlineFired) return new TimeoutError({ phase: "total", timeoutMs: this.timeouts.total, method, url: this.shownUrl(), attempts: attempt, cause: err });
    if (this.userSignal?.aborted) return new AbortError(undefined, { cause: this.userSignal.reason, attempts: attempt });
    if (isRaxError(err)) return err;
    const e = err as { code?: string; message?: string };
    const t = (phase: "connect" | "headers" | "body", ms: number) => new TimeoutError({ phase, timeoutMs: ms, method, url: this.shownUrl(), attempts: attempt, cause: err });
    if (e?.code === "UND_ERR_CONNECT_TIMEOUT") return t("connect", this.timeouts.connect ?? DEFAULT_TIMEOUTS.connect);
    if (e?.code === "UND_ERR_HEADERS_TIMEOUT") return t("headers", this.timeouts.headers ?? DEFAULT_TIMEOUTS.headers);
    if (e?.code === "UND_ERR_BODY_TIMEOUT") return t("body", this.timeouts.body ?? DEFAULT_TIMEOUTS.body);
    if (typeof e?.message === "string" && DYNAMIC_REQUIRE.test(e.message)) return loadFailure(err);
    const code = e?.code ?? (err as { cause?: { code?: string } })?.cause?.code;
    const detail = e?.message ? `: ${redact(e.message)}` : "";
    return new ConnectionError(
      { code, method, url: this.shownUrl(), attempts: attempt, cause: err },
      `Connection failed${code ? ` (${code})` : ""}${detail} (${method} ${this.shownUrl()})`,
    );
  }

  /** A failure while the returned body streams, reported with the attempt that produced it. */
  mapBodyError(err: Error): Error {
    this.attempt = this.finalAttempt;
    return this.mapError(err);
  }
}

function fireDeadline(call: Call): void {
  call.expire();
}
