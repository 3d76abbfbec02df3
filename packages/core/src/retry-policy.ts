import type { RetryBudget } from "./retry-budget";

export interface RetryOptions {
  /** Sends in total, first try included. Default 4. 1 disables retries. */
  maxAttempts: number;
  /** No retry starts (and no backoff wait runs) past this many ms after the first send. Default 60 000. */
  maxTotalMs: number;
  /** Backoff base: attempt n waits random(0, min(maxDelayMs, baseDelayMs·2^(n-1))). Default 100. */
  baseDelayMs: number;
  /** Backoff cap. Default 20 000. A server's Retry-After is honoured beyond it (but not past maxTotalMs). */
  maxDelayMs: number;
  /** Statuses retried for idempotent requests. Default 408, 429, 500, 502, 503, 504 (+413 with a retry hint). */
  retryStatuses: number[];
  /** Client-wide retry budget; `false` disables it. Default: the transport's shared bucket. */
  budget?: RetryBudget | false;
}

export const DEFAULT_RETRY: RetryOptions = {
  maxAttempts: 4,
  maxTotalMs: 60_000,
  baseDelayMs: 100,
  maxDelayMs: 20_000,
  retryStatuses: [408, 429, 500, 502, 503, 504],
};

const IDEMPOTENT = new Set(["GET", "HEAD", "PUT", "DELETE", "OPTIONS", "TRACE"]);

export function isIdempotentMethod(method: string): boolean {
  // The transport passes methods already upper-cased: the copy is only made for other spellings.
  return IDEMPOTENT.has(method) || IDEMPOTENT.has(method.toUpperCase());
}

/** Full-jitter exponential backoff for the wait before attempt `attempt + 1`. */
export function backoffDelay(attempt: number, o: Pick<RetryOptions, "baseDelayMs" | "maxDelayMs">, random: () => number = Math.random): number {
  const ceiling = Math.min(o.maxDelayMs, o.baseDelayMs * 2 ** Math.max(0, attempt - 1));
  return Math.floor(random() * ceiling);
}

/**
 * Whether an error status may be retried. Idempotent requests: `retryStatuses`, and 413 only
 * when the server sent a retry hint (a bare 413 from Swift means "too large", not "slow down").
 * Non-idempotent requests: only rate limiting (413-with-hint / 429), where the server refused
 * before acting.
 */
export function isRetryableStatus(status: number, idempotent: boolean, hasRetryHint: boolean, o: Pick<RetryOptions, "retryStatuses">): boolean {
  const rateLimited = status === 429 || (status === 413 && hasRetryHint);
  if (!idempotent) return rateLimited;
  return rateLimited || (status !== 413 && o.retryStatuses.includes(status));
}

const NOT_SENT_CODES = new Set(["ECONNREFUSED", "UND_ERR_CONNECT_TIMEOUT", "EAI_AGAIN", "ENETUNREACH", "EHOSTUNREACH"]);
const MAYBE_SENT_CODES = new Set([
  "ECONNRESET",
  "EPIPE",
  "ETIMEDOUT",
  "UND_ERR_SOCKET",
  "UND_ERR_CLOSED",
  "UND_ERR_HEADERS_TIMEOUT",
  "UND_ERR_REQ_CONTENT_LENGTH_MISMATCH",
]);

/**
 * Connection-level failure classes: `notSent` means the request cannot have reached the server
 * (refused, connect timeout), so even POST may be retried; `maybeSent` only for idempotent ones.
 */
export function connectionFailureKind(code: string | undefined, message = ""): "notSent" | "maybeSent" | undefined {
  if (code && NOT_SENT_CODES.has(code)) return "notSent";
  if (code && MAYBE_SENT_CODES.has(code)) return "maybeSent";
  if (/socket hang up|other side closed/i.test(message)) return "maybeSent";
  return undefined;
}
