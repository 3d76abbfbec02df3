/**
 * Milliseconds to wait from a `Retry-After` (or Rackspace's `Reply-After`) value: delta seconds
 * (`120`, `1.5`), an HTTP-date (`Wed, 21 Oct 2015 07:28:00 GMT`) or an ISO-8601 date
 * (`2012-10-10T21:21:15Z`, as Cloud DNS documents). `undefined` when absent or unparseable.
 */
export function parseRetryAfter(value: string | undefined | null, now: number = Date.now()): number | undefined {
  if (value === undefined || value === null) return undefined;
  const v = value.trim();
  if (!v) return undefined;
  if (/^\d+(\.\d+)?$/.test(v)) return Math.round(Number(v) * 1000);
  const at = Date.parse(v);
  if (Number.isNaN(at)) return undefined;
  return Math.max(0, at - now);
}

/** The retry hint of a response, from `retry-after` or `reply-after` (lower-case header record). */
export function retryAfterFromHeaders(headers: Record<string, string>, now?: number): number | undefined {
  return parseRetryAfter(headers["retry-after"], now) ?? parseRetryAfter(headers["reply-after"], now);
}
