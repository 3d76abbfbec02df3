import type { $ZodType } from "zod/v4/core";
import { type DebugLevel, type DebugLogger, checkDebugLevel, checkDebugLogger } from "./debug-log";
import { NotAuthenticated, Unauthorized, ValidationError } from "./errors";
import { INSPECT, defined, inspectAs } from "./inspect-form";
import { redact, redactUrl } from "./redact";
import { isReplayableBody } from "./request-body";
import type { RaxResponse } from "./response";
import { parseSchema } from "./parse-schema";
import { schemaMisfit } from "./schema-misfit";
import type { AuthSession } from "./session";
import { requireStatus } from "./success-status";
import type { RequestOptions } from "./transport";
import { joinUrl } from "./url";

export interface ServiceClientOptions {
  region?: string;
  /** Use the catalog's internal (ServiceNet) URL. */
  internal?: boolean;
  /** Skip the catalog: send every request to this base URL. */
  endpoint?: string;
}

/** What every public call of every service accepts as its last argument. */
export interface CallOptions {
  /** Aborts the call (and its retries); rejects with `AbortError`. */
  signal?: AbortSignal;
  /** Deadline in ms for the whole call: every attempt, backoff wait and the response body. */
  timeout?: number;
  /** Extra request headers (names are case-insensitive). */
  headers?: Record<string, string | undefined>;
}

/** What a `ServiceCall` adds to the transport's options. */
interface CallExtras {
  /** Deadline in ms for the whole call (every attempt, backoff wait and the response body). */
  timeout?: number;
  /**
   * The statuses the API defines as success for this operation (201 for a Swift PUT, 202 for a
   * Nova create…). Any other status the transport returns (another 2xx) is an `InvalidResponse`,
   * its body unread; statuses listed in `expectStatus` are still returned. Default: any 2xx.
   */
  success?: readonly number[];
}

/**
 * One wire operation sent through a service client: `path` is relative to the service endpoint
 * (already percent-encoded; use `encodePath`/`encodeSegment`), or `url` is absolute.
 */
export type ServiceCall = (Omit<RequestOptions, "url"> & { path: string } & CallExtras) | (RequestOptions & CallExtras);

/** @deprecated use `ServiceCall`. */
export type ServiceRequestOptions = ServiceCall;

interface ServiceClass {
  serviceType?: string;
  serviceName?: string;
}

/** The catalog entry a client's endpoint came from: its type and region, never its URL. */
export interface CatalogEntry {
  /** Catalog type as the catalog lists it (`dns`, `messaging`, `image`, `rax:dns`). */
  readonly type: string;
  /** The endpoint's region; for a region-less (global) endpoint, the client's region if it has one. */
  readonly region?: string;
}

/**
 * The part of a catalog a session may carry (`@rax/identity` sessions keep `serviceCatalog`). Read
 * structurally: core does not depend on identity, and sessions without a catalog still work.
 */
interface CatalogShape {
  services?: ReadonlyArray<{ type?: unknown; endpoints?: ReadonlyArray<CatalogEndpointShape> }>;
}
interface CatalogEndpointShape {
  region?: unknown;
  publicUrl?: unknown;
  internalUrl?: unknown;
}

/**
 * Base class of every service client. Resolves its endpoint from the session (lazily, so a
 * client can be built before the first authentication), adds X-Auth-Token and
 * Accept: application/json, and on a 401 re-authenticates once and replays once.
 */
export abstract class ServiceClient {
  /** Catalog type, e.g. "object-store". */
  static readonly serviceType: string;
  /** Preferred catalog name, e.g. "cloudFiles". */
  static readonly serviceName?: string;

  // Private, so printing or cloning a client cannot reach the session's token or credentials.
  readonly #session: AuthSession;
  readonly region?: string;
  readonly internal: boolean;
  #endpoint?: string;
  #entry?: CatalogEntry;
  /** This client's own debug level; undefined: the transport's (the context's) decides. */
  #debug?: DebugLevel;
  #logger?: DebugLogger;
  /** The logger each request carries: `#logger` while `#debug` is set, else undefined. */
  #requestLogger?: DebugLogger;

  constructor(session: AuthSession, opts: ServiceClientOptions = {}) {
    if (!session || typeof session.getToken !== "function") throw new ValidationError("session", "must be an AuthSession");
    this.#session = session;
    this.region = opts.region ?? session.defaultRegion;
    this.internal = opts.internal ?? false;
    if (opts.endpoint !== undefined) this.#endpoint = opts.endpoint.replace(/\/+$/, "");
  }

  /**
   * pyrax's per-service `http_log_debug`: this client's own debug level, for its requests only.
   * `true` logs one redacted line per attempt, `"verbose"` also headers and JSON/text bodies,
   * `false` logs nothing for this client even while its context logs; `undefined` (the default)
   * follows the context (its `debug` setting / `setHttpDebug`). Other clients of the same context
   * or transport are not affected. Lines go to the `logger` given to `setHttpDebug` or to the
   * client, else the transport's logger, else stderr.
   */
  get httpLogDebug(): DebugLevel | undefined {
    return this.#debug;
  }

  set httpLogDebug(level: DebugLevel | undefined) {
    this.setHttpDebug(level);
  }

  /**
   * Sets `httpLogDebug` (see there), and with `logger` where this client's lines go from now on.
   * `undefined` (or `null`) hands the decision back to the context; with a logger it only says
   * where lines will go (a context gives its clients its `logger` so). A level or logger that is
   * not one is a `ValidationError`, and nothing changes.
   */
  setHttpDebug(level: DebugLevel | undefined | null, logger?: DebugLogger): void {
    const checked = level === undefined || level === null ? undefined : checkDebugLevel(level, "httpLogDebug");
    if (logger !== undefined) this.#logger = checkDebugLogger(logger, "logger");
    this.#debug = checked;
    this.#requestLogger = checked === undefined ? undefined : this.#logger;
  }

  /**
   * The debug options this client's own requests carry (`{}` while `httpLogDebug` is unset), for a
   * request a service package makes on the transport directly (an unauthenticated capability URL),
   * so the client's switch covers it too.
   */
  get requestDebug(): { debug?: DebugLevel; logger?: DebugLogger } {
    if (this.#debug === undefined) return {};
    return this.#requestLogger ? { debug: this.#debug, logger: this.#requestLogger } : { debug: this.#debug };
  }

  /** The session this client authenticates with. */
  get session(): AuthSession {
    return this.#session;
  }

  /** Base URL of this service (no trailing slash). Throws `NoEndpointForService`. */
  get endpoint(): string {
    if (this.#endpoint === undefined) {
      const cls = this.constructor as ServiceClass;
      if (!cls.serviceType) throw new ValidationError("serviceType", `${this.constructor.name} must declare static serviceType`);
      const url = this.#session.endpoint({
        type: cls.serviceType,
        ...(cls.serviceName ? { name: cls.serviceName } : {}),
        ...(this.region ? { region: this.region } : {}),
        internal: this.internal,
      });
      this.#endpoint = url.replace(/\/+$/, "");
    }
    return this.#endpoint;
  }

  /**
   * The catalog entry this client's endpoint came from (type and region, never the URL), or
   * undefined while nothing is resolved (before authentication), for an explicit `endpoint` that
   * no catalog entry lists, and for sessions without a catalog. Found by the resolved URL, so it
   * holds however a service chose its entry (an alias, a fallback type such as Zaqar's `messaging`
   * for `rax:queues`, or os-networksv2 on `compute`).
   */
  get catalogEntry(): CatalogEntry | undefined {
    if (this.#entry) return this.#entry;
    const catalog = (this.#session as { serviceCatalog?: CatalogShape }).serviceCatalog;
    if (!catalog || !Array.isArray(catalog.services)) return undefined;
    let url: string;
    try {
      url = this.endpoint;
    } catch {
      // Not resolvable yet (NotAuthenticated before the first token, or no such entry): the
      // question "which entry did it resolve" has no answer, which is what undefined says.
      return undefined;
    }
    const own = (this.constructor as ServiceClass).serviceType;
    let found: CatalogEntry | undefined;
    for (const s of catalog.services) {
      const endpoints: ReadonlyArray<CatalogEndpointShape> | undefined = s.endpoints;
      if (typeof s.type !== "string" || !Array.isArray(endpoints)) continue;
      const ep = endpoints.find((e) => sameUrl(e.publicUrl, url) || sameUrl(e.internalUrl, url));
      if (!ep) continue;
      const region = typeof ep.region === "string" && ep.region ? ep.region : this.region;
      found = region ? { type: s.type, region } : { type: s.type };
      // Two entries on one URL (a catalog listing `rax:dns` and `dns` alike): the client's own type wins.
      if (s.type === own) break;
    }
    if (found) this.#entry = Object.freeze(found);
    return found;
  }

  /** What printing shows: class, service type, region, and the endpoint once resolved. Never the session. */
  toJSON(): Record<string, unknown> {
    const cls = this.constructor as ServiceClass;
    return defined({
      client: this.constructor.name,
      serviceType: cls.serviceType,
      serviceName: cls.serviceName,
      region: this.region,
      internal: this.internal,
      endpoint: this.#endpoint === undefined ? undefined : redactUrl(this.#endpoint),
      httpLogDebug: this.#debug,
    });
  }

  [INSPECT](depth: number, options: unknown, inspect: unknown): unknown {
    const { client: _, ...shown } = this.toJSON();
    return inspectAs(this.constructor.name, shown, depth, options as never, inspect as never);
  }

  /** Headers this service adds to every request (Queues: Client-ID). */
  protected extraHeaders(): Record<string, string | undefined> {
    return NO_HEADERS;
  }

  /**
   * Sends one call to this service: adds the token and `Accept: application/json`, and on a 401
   * re-authenticates once and replays once. Request functions in every service package use this.
   */
  async send(o: ServiceCall): Promise<RaxResponse> {
    // A session that holds a good token says so synchronously: no promise and no wait per request.
    const token = this.#session.currentToken?.() ?? (await this.#session.getToken(o.signal));
    const req = this.#requestOf(o);
    const headers = req.headers as Record<string, string | undefined>;
    headers["x-auth-token"] = token;
    const transport = this.#session.transport;
    try {
      return checked(o, await transport.request(req));
    } catch (first) {
      if (!(first instanceof Unauthorized) || !isReplayableBody(o.body)) throw first;
      let fresh: string;
      try {
        fresh = await this.#session.reauthenticate(token, o.signal);
      } catch (e) {
        // A session with nothing to re-authenticate with says so with NotAuthenticated: the 401
        // itself is then the useful error (pyrax re-raises it too). Anything else (identity's
        // TokenOnlySession / AuthenticationFailed, a network failure) explains more, so it wins.
        if (e instanceof NotAuthenticated) throw first;
        throw e;
      }
      headers["x-auth-token"] = fresh;
      return checked(o, await transport.request(req));
    }
  }

  /**
   * The transport's options for a call: its URL and lower-cased headers (Accept, the service's,
   * the caller's; the token is set by `send`). Fields are copied one by one, not by rest/spread:
   * this runs per request. A field added to `RequestOptions` must be added here too.
   */
  #requestOf(o: ServiceCall): RequestOptions {
    const c = o as RequestOptions & { path?: string } & CallExtras;
    const headers: Record<string, string | undefined> = { accept: "application/json" };
    const extra = this.extraHeaders();
    if (extra !== NO_HEADERS) addLowerCased(headers, extra);
    addLowerCased(headers, c.headers);
    return {
      method: c.method,
      url: c.path !== undefined ? joinUrl(this.endpoint, c.path) : c.url,
      query: c.query,
      headers,
      body: c.body,
      json: c.json,
      signal: c.signal,
      timeouts: c.timeout !== undefined ? { ...c.timeouts, total: c.timeout } : c.timeouts,
      retry: c.retry,
      idempotent: c.idempotent,
      expectStatus: c.expectStatus,
      // Both undefined unless this client (or the call) has a debug setting of its own: the
      // transport then logs as it would anyway.
      debug: c.debug ?? this.#debug,
      logger: c.logger ?? this.#requestLogger,
    };
  }

  /** @deprecated use `send`. */
  protected request(o: ServiceCall): Promise<RaxResponse> {
    return this.send(o);
  }

  /** @deprecated use `json`. */
  protected requestJson<T = unknown>(o: ServiceCall, schema?: $ZodType<T>): Promise<T> {
    return this.json(o, schema);
  }

  /**
   * `send()` + JSON body, parsed leniently by `schema` (use loose objects: unknown fields are
   * kept). A body that is not JSON or does not fit the schema → `InvalidResponse`, never a crash.
   * With `success` set, that error carries no body snippet (as `jsonFor`: the body may hold a secret).
   */
  async json<T = unknown>(o: ServiceCall, schema?: $ZodType<T>): Promise<T> {
    const res = await this.send(o);
    const data = await res.json<unknown>();
    if (!schema) return data as T;
    const r = parseSchema(schema, data);
    if (r.success) return r.data;
    throw schemaMisfit(res, r.error, o.success === undefined ? bodySnippet(data) : "");
  }
}

const NO_HEADERS: Record<string, string | undefined> = Object.freeze({});

/** A response with a status the call's `success` list does not hold is an error (unless `expectStatus` lists it). */
function checked(o: ServiceCall, res: RaxResponse): RaxResponse | Promise<RaxResponse> {
  const success = (o as CallExtras).success;
  if (success === undefined || success.includes(res.status) || o.expectStatus?.includes(res.status)) return res;
  return requireStatus(res, success);
}

function sameUrl(candidate: unknown, url: string): boolean {
  return typeof candidate === "string" && candidate.replace(/\/+$/, "") === url;
}

function bodySnippet(data: unknown): string {
  try {
    return redact(JSON.stringify(data) ?? "").slice(0, 200);
  } catch {
    return "";
  }
}

function addLowerCased(out: Record<string, string | undefined>, h: Record<string, string | undefined> | undefined): void {
  if (!h) return;
  for (const k in h) if (Object.hasOwn(h, k)) out[k.toLowerCase()] = h[k];
}
