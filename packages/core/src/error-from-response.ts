import { defaultMessage, extractErrorMessage } from "./error-message";
import {
  BadRequest,
  Conflict,
  Forbidden,
  HttpError,
  type HttpErrorInit,
  NotFound,
  OverLimit,
  Redirected,
  ServerError,
  Unauthorized,
  UnprocessableEntity,
} from "./errors";
import { redact, redactHeaders, redactUrl } from "./redact";
import { requestIdFrom } from "./request-id";
import { retryAfterFromHeaders } from "./retry-after";

export interface ErrorResponse {
  status: number;
  /** Lower-case header names. */
  headers?: Record<string, string>;
  /** Raw text/bytes (parsed here when it is JSON) or an already parsed JSON value. */
  body?: unknown;
  method: string;
  url: string;
  attempts?: number;
}

function parseBody(body: unknown): unknown {
  if (body instanceof Uint8Array) body = new TextDecoder().decode(body);
  if (typeof body !== "string") return body;
  const redacted = redact(body);
  const t = redacted.trim();
  if (t.startsWith("{") || t.startsWith("[")) {
    try {
      return JSON.parse(t);
    } catch {
      return redacted;
    }
  }
  return redacted;
}

function redactValue(v: unknown): unknown {
  if (typeof v === "string") return redact(v);
  if (v === null || typeof v !== "object") return v;
  try {
    return JSON.parse(redact(JSON.stringify(v)));
  } catch {
    return undefined;
  }
}

/** Map an error response to its typed error (3xx Redirected, 400 BadRequest … 422 UnprocessableEntity … 5xx ServerError, else HttpError). */
export function errorFromResponse(r: ErrorResponse): HttpError {
  const headers = r.headers ?? {};
  const body = redactValue(parseBody(r.body));
  const extracted = extractErrorMessage(body);
  const bodyRequestId =
    body && typeof body === "object" && typeof (body as { txnId?: unknown }).txnId === "string"
      ? (body as { txnId: string }).txnId
      : undefined;
  const init: HttpErrorInit = {
    status: r.status,
    message: redact(extracted.message ?? defaultMessage(r.status)),
    details: extracted.details === undefined ? undefined : redact(extracted.details),
    code: extracted.code,
    method: r.method,
    url: redactUrl(r.url),
    requestId: requestIdFrom(headers) ?? bodyRequestId,
    body,
    attempts: r.attempts,
    headers: redactHeaders(headers),
  };
  if (r.status >= 300 && r.status < 400) {
    const location = headers.location === undefined ? undefined : redactUrl(headers.location);
    const to = location ? ` to ${location}` : "";
    return new Redirected({ ...init, message: `Redirect (${r.status})${to} not followed`, location });
  }
  switch (r.status) {
    case 400:
      return new BadRequest(init);
    case 401:
      return new Unauthorized(init);
    case 403:
      return new Forbidden(init);
    case 404:
      return new NotFound(init);
    case 409:
      return new Conflict(init);
    case 422:
      return new UnprocessableEntity(init);
    case 413:
    case 429:
      return new OverLimit({ ...init, retryAfter: retryAfterFromHeaders(headers) });
    default:
      return r.status >= 500 ? new ServerError(init) : new HttpError(init);
  }
}
