import { redact as redactText } from "./redact";
// Every error class carries a brand symbol per class in its chain, Symbol.for("rax.error.<Name>"),
// so `instanceof` and `isRaxError` keep working when an app ends up with two copies of @rax/core.

const brandKey = (name: string): symbol => Symbol.for(`rax.error.${name}`);
const ROOT_BRAND = brandKey("RaxError");
/**
 * Marks a class made by a recipe (error-kinds.ts). A class that extends one directly and declares
 * no errorName of its own (`class NoSuchServer extends notFoundError(…) {}`) is checked by its brand.
 */
export const RECIPE_MADE: unique symbol = Symbol.for("rax.errorRecipe");

interface Branded {
  errorName?: string;
}

export interface RaxErrorOptions {
  cause?: unknown;
}

/** Root of every error @rax/* throws. Check with `isRaxError(e)` or `instanceof`. */
export class RaxError extends Error {
  /** Stable class name used for the brand; subclasses in other packages should set their own. */
  static readonly errorName: string = "RaxError";
  readonly isRaxError = true as const;

  constructor(message: string, options?: RaxErrorOptions) {
    super(message, options?.cause === undefined ? undefined : { cause: options.cause });
    let ctor: unknown = new.target;
    let name: string | undefined;
    while (typeof ctor === "function" && ctor !== Error) {
      if (Object.hasOwn(ctor, "errorName")) {
        const n = (ctor as Branded).errorName as string;
        name ??= n;
        Object.defineProperty(this, brandKey(n), { value: true, enumerable: false });
      }
      ctor = Object.getPrototypeOf(ctor);
    }
    Object.defineProperty(this, "name", { value: name ?? new.target.name, enumerable: false, configurable: true, writable: true });
  }

  // A type guard, so `e instanceof NotFound` narrows `e` as the built-in check would.
  static [Symbol.hasInstance]<T extends abstract new (...args: never[]) => unknown>(
    this: T,
    value: unknown,
  ): value is InstanceType<T> {
    const parent: unknown = Object.getPrototypeOf(this);
    const named = Object.hasOwn(this, "errorName") ? this : typeof parent === "function" && Object.hasOwn(parent, RECIPE_MADE) ? parent : undefined;
    if (named !== undefined) {
      if (value === null || (typeof value !== "object" && typeof value !== "function")) return false;
      return (value as Record<symbol, unknown>)[brandKey((named as Branded).errorName as string)] === true;
    }
    // A subclass that did not declare errorName: fall back to the prototype chain.
    return Function.prototype[Symbol.hasInstance].call(this, value);
  }
}

/** True for any error thrown by any copy of @rax/core or a package built on it. */
export function isRaxError(e: unknown): e is RaxError {
  return e !== null && typeof e === "object" && (e as Record<symbol, unknown>)[ROOT_BRAND] === true;
}

export interface HttpErrorInit {
  status: number;
  message: string;
  method: string;
  /** Already redacted. */
  url: string;
  code?: string | number;
  details?: string;
  requestId?: string;
  body?: unknown;
  attempts?: number;
  headers?: Record<string, string>;
  retryAfter?: number;
  cause?: unknown;
}

/** A response with an error status (≥ 400, or a 3xx nobody asked for: `Redirected`). */
export class HttpError extends RaxError {
  static override readonly errorName: string = "HttpError";
  readonly status: number;
  /** Fault name or code from the body (`itemNotFound`, `NoSuchScalingGroupError`, 1092…). */
  readonly code?: string | number;
  readonly details?: string;
  readonly method: string;
  /** Request URL with secret query values masked. */
  readonly url: string;
  readonly requestId?: string;
  /** Parsed JSON body or text (redacted, at most 64 KiB read). */
  readonly body?: unknown;
  /** How many times the request was sent. */
  readonly attempts: number;
  /** Response headers, lower-case names, secret values masked. */
  readonly headers: Record<string, string>;
  /** The error message the server gave (without the HTTP/URL suffix). */
  readonly serverMessage: string;

  constructor(init: HttpErrorInit) {
    // A server can echo anything in a request-id header (a token, once): masked like the debug log.
    const requestId = init.requestId === undefined ? undefined : redactText(init.requestId);
    const rid = requestId ? ` (Request-ID: ${requestId})` : "";
    // No method: no request of its own failed (a lookup among listed rows matched nothing), so the
    // message names none rather than a made-up one.
    const sent = init.method ? ` (HTTP ${init.status}; ${init.method} ${init.url})` : "";
    super(`${init.message}${sent}${rid}`, { cause: init.cause });
    this.status = init.status;
    this.code = init.code;
    this.details = init.details;
    this.method = init.method;
    this.url = init.url;
    this.requestId = requestId;
    this.body = init.body;
    this.attempts = init.attempts ?? 1;
    this.headers = init.headers ?? {};
    this.serverMessage = init.message;
  }
}

export class BadRequest extends HttpError {
  static override readonly errorName: string = "BadRequest";
}
export class Unauthorized extends HttpError {
  static override readonly errorName: string = "Unauthorized";
}
export class Forbidden extends HttpError {
  static override readonly errorName: string = "Forbidden";
}
export class NotFound extends HttpError {
  static override readonly errorName: string = "NotFound";
}
export class Conflict extends HttpError {
  static override readonly errorName: string = "Conflict";
}
/**
 * 422: the request is well formed but the resource is in the wrong state for it (Trove: an action on
 * an instance that is not ACTIVE; CLB: a change while the load balancer is not ACTIVE; Otter: over a
 * limit). Usually waiting for the resource to settle and sending it again succeeds.
 */
export class UnprocessableEntity extends HttpError {
  static override readonly errorName: string = "UnprocessableEntity";
}
/** 413 or 429: rate limited (or, for Swift 413 without a retry hint, entity too large). */
export class OverLimit extends HttpError {
  static override readonly errorName: string = "OverLimit";
  /** Server's retry hint (`Retry-After` / `Reply-After`) in ms, if it sent one. */
  readonly retryAfter?: number;
  constructor(init: HttpErrorInit) {
    super(init);
    this.retryAfter = init.retryAfter;
  }
}
export class ServerError extends HttpError {
  static override readonly errorName: string = "ServerError";
}

/**
 * A 3xx answer the caller did not ask for. Redirects are never followed (a PUT re-sent elsewhere, or
 * a token sent to another host, is worse than a clear error) and never taken as success.
 */
export class Redirected extends HttpError {
  static override readonly errorName: string = "Redirected";
  /** The `Location` header, secrets masked; undefined when the server sent none. */
  readonly location?: string;
  constructor(init: HttpErrorInit & { location?: string }) {
    super(init);
    this.location = init.location;
  }
}

/** Bad input, thrown before any request is sent. `field` names the argument (dotted path). */
export class ValidationError extends RaxError {
  static override readonly errorName: string = "ValidationError";
  readonly field: string;
  constructor(field: string, message: string, options?: RaxErrorOptions) {
    super(`${field}: ${message}`, options);
    this.field = field;
  }
}

export type TimeoutPhase = "connect" | "headers" | "body" | "total" | "wait";

export interface TimeoutErrorInit {
  phase: TimeoutPhase;
  timeoutMs?: number;
  method?: string;
  url?: string;
  attempts?: number;
  cause?: unknown;
}

/** A connect/headers/body timeout or the total deadline expired. */
export class TimeoutError extends RaxError {
  static override readonly errorName: string = "TimeoutError";
  readonly phase: TimeoutPhase;
  readonly timeoutMs?: number;
  readonly method?: string;
  readonly url?: string;
  readonly attempts: number;
  constructor(init: TimeoutErrorInit, message?: string) {
    const where = init.method && init.url ? ` (${init.method} ${init.url})` : "";
    const ms = init.timeoutMs !== undefined ? ` after ${init.timeoutMs} ms` : "";
    super(message ?? `${init.phase} timeout${ms}${where}`, { cause: init.cause });
    this.phase = init.phase;
    this.timeoutMs = init.timeoutMs;
    this.method = init.method;
    this.url = init.url;
    this.attempts = init.attempts ?? 1;
  }
}

/** `waitUntil` ran out of attempts; `last` is the last loaded resource. */
export class WaitTimeout<R = unknown> extends TimeoutError {
  static override readonly errorName: string = "WaitTimeout";
  readonly last: R;
  constructor(last: R, attempts: number, message: string) {
    super({ phase: "wait", attempts }, message);
    this.last = last;
  }
}

export interface ResourceFailedInit<R> {
  resource: R;
  /** The attribute value that means failure (`"ERROR"`). */
  value: unknown;
  /** The resource's own account of the failure (Nova's `fault`, a task's `message`…). */
  fault?: unknown;
  /** Name of the watched attribute, for the message. Default `"status"`. */
  attribute?: string;
}

/** The fault with every string in it redacted (strings, arrays and plain objects; anything else as it is). */
function redactFault(fault: unknown, depth = 0): unknown {
  if (typeof fault === "string") return redactText(fault);
  if (depth > 8 || fault === null || typeof fault !== "object") return fault;
  if (Array.isArray(fault)) return fault.map((x) => redactFault(x, depth + 1));
  const proto = Object.getPrototypeOf(fault);
  if (proto !== Object.prototype && proto !== null) return fault;
  return Object.fromEntries(Object.entries(fault).map(([k, v]) => [k, redactFault(v, depth + 1)]));
}

function faultText(fault: unknown): string | undefined {
  if (fault === undefined || fault === null) return undefined;
  if (typeof fault === "string") return fault;
  if (typeof fault === "object") {
    const f = fault as { message?: unknown; code?: unknown };
    if (typeof f.message === "string") return f.code !== undefined ? `${f.message} (code ${String(f.code)})` : f.message;
  }
  try {
    return JSON.stringify(fault);
  } catch {
    return undefined;
  }
}

/**
 * A waited-for resource reached a failure state (`ERROR`, `FAILED`…) instead of the one wanted.
 * `resource` is the last loaded resource, `fault` its own account of why.
 */
export class ResourceFailed<R = unknown> extends RaxError {
  static override readonly errorName: string = "ResourceFailed";
  readonly resource: R;
  readonly value: unknown;
  readonly fault?: unknown;
  /** The fault's message, when it has one. */
  readonly faultMessage?: string;
  constructor(init: ResourceFailedInit<R>, message?: string) {
    // Servers put anything in fault text; the error message is redacted like every other.
    const text = faultText(init.fault);
    const shown = text === undefined ? undefined : redactText(text.length > 500 ? `${text.slice(0, 500)}…` : text);
    super(message ?? `${init.attribute ?? "status"} became ${String(init.value)}${shown ? `: ${shown}` : ""}`);
    this.resource = init.resource;
    this.value = init.value;
    // Errors get logged whole (inspect, JSON): the fault they carry is redacted too.
    this.fault = redactFault(init.fault);
    this.faultMessage = shown;
  }
}

/** The caller's AbortSignal fired. `cause` is the signal's reason. */
export class AbortError extends RaxError {
  static override readonly errorName: string = "AbortError";
  readonly attempts: number;
  constructor(message = "The operation was aborted", options?: RaxErrorOptions & { attempts?: number }) {
    super(message, options);
    this.attempts = options?.attempts ?? 1;
  }
}

/** No usable token: authenticate first (or the session has no credentials). */
export class NotAuthenticated extends RaxError {
  static override readonly errorName: string = "NotAuthenticated";
}

export interface EndpointQuery {
  type: string;
  name?: string;
  region?: string;
  internal?: boolean;
}

/** The service catalog has no endpoint for the requested service/region/interface. */
export class NoEndpointForService extends RaxError {
  static override readonly errorName: string = "NoEndpointForService";
  readonly query: EndpointQuery;
  constructor(query: EndpointQuery, message?: string) {
    const parts = [`type=${query.type}`];
    if (query.name) parts.push(`name=${query.name}`);
    if (query.region) parts.push(`region=${query.region}`);
    parts.push(query.internal ? "internal" : "public");
    super(message ?? `No endpoint for service (${parts.join(", ")})`);
    this.query = query;
  }
}

export interface ConnectionErrorInit {
  code?: string;
  method: string;
  url: string;
  attempts?: number;
  cause?: unknown;
}

/** The connection failed (refused, reset, DNS, TLS…) before a response arrived. */
export class ConnectionError extends RaxError {
  static override readonly errorName: string = "ConnectionError";
  readonly code?: string;
  readonly method: string;
  readonly url: string;
  readonly attempts: number;
  constructor(init: ConnectionErrorInit, message?: string) {
    super(message ?? `Connection failed${init.code ? ` (${init.code})` : ""}: ${init.method} ${init.url}`, { cause: init.cause });
    this.code = init.code;
    this.method = init.method;
    this.url = init.url;
    this.attempts = init.attempts ?? 1;
  }
}

/** What to do when a bundler's ESM output cannot `require()` Node's built-ins (undici is CommonJS). */
export const ESM_BUNDLE_FIX =
  'in an ESM bundle (esbuild --format=esm), add the banner `import { createRequire } from "node:module"; const require = createRequire(import.meta.url);` so CommonJS dependencies can load Node built-ins';

/**
 * The HTTP client (undici) could not be loaded or set up, so no request was sent. Usually an
 * ESM bundle without a `require` shim; the message says how to fix it. Not retried.
 */
export class TransportLoadError extends RaxError {
  static override readonly errorName: string = "TransportLoadError";
}

export interface InvalidResponseInit {
  status: number;
  method: string;
  url: string;
  /** Start of the body (redacted), for diagnosis. */
  snippet: string;
  /** Dotted path of the first offending field, when a schema rejected the body. */
  path?: string;
  requestId?: string;
  cause?: unknown;
}

/** A 2xx response whose body is not what the API documents (bad JSON, schema mismatch). */
export class InvalidResponse extends RaxError {
  static override readonly errorName: string = "InvalidResponse";
  readonly status: number;
  readonly method: string;
  readonly url: string;
  readonly snippet: string;
  readonly path?: string;
  readonly requestId?: string;
  constructor(init: InvalidResponseInit, message: string) {
    super(`${message} (HTTP ${init.status}; ${init.method} ${init.url})`, { cause: init.cause });
    this.status = init.status;
    this.method = init.method;
    this.url = init.url;
    this.snippet = init.snippet;
    this.path = init.path;
    this.requestId = init.requestId === undefined ? undefined : redactText(init.requestId);
  }
}

/**
 * The init of a service's own error made from the status error it refines (`NoSuchServer` from a
 * 404): status, url, request id, body and headers carry over, the message is the service's.
 */
export function httpErrorInit(from: HttpError, message?: string): HttpErrorInit {
  return {
    status: from.status,
    message: message ?? from.serverMessage,
    method: from.method,
    url: from.url,
    code: from.code,
    details: from.details,
    requestId: from.requestId,
    body: from.body,
    attempts: from.attempts,
    headers: from.headers,
    cause: from,
  };
}

/**
 * Awaits `p`; a `NotFound` from it is re-thrown as `make(err)` (the service's own class, e.g.
 * `NoSuchServer`), anything else passes through untouched.
 */
export async function notFoundAs<T>(p: Promise<T>, make: (e: NotFound) => Error): Promise<T> {
  try {
    return await p;
  } catch (e) {
    if (e instanceof NotFound) throw make(e);
    throw e;
  }
}

/**
 * A lookup that found nothing among listed rows, as a `NotFound` handed to `make`. `what` is kept in
 * the error's `url` for callers that read it; the message is `message` alone (no request line: none
 * of its own failed).
 * @deprecated Give the service's class the lookup form, `new NoSuchX(value, { in: client, by?, on? })`
 * (`notFoundError`), or `new X(lookupMiss(kind, value, { in: client }))` for another `NotFound`
 * class: the message then says what was looked for and in which service and region.
 */
export function notFound<E>(what: string, message: string, make: (e: NotFound) => E): E {
  return make(new NotFound({ status: 404, message, method: "", url: what }));
}
