import { NoEndpointForService, NotAuthenticated, ValidationError, type EndpointQuery } from "./errors";
import { INSPECT, defined, inspectAs } from "./inspect-form";
import { redactUrl, registerSecret } from "./redact";
import { type AuthSession, SharedReauth } from "./session";
import { Transport, type TransportOptions } from "./transport";

/** Endpoint URL, or URLs per region, keyed by catalog type or name (`"object-store"`, `"cloudFiles"`). */
export type StaticEndpoints = Record<string, string | Record<string, string>>;

export interface StaticSessionOptions {
  token: string;
  /** One endpoint for every service (handy in tests). */
  endpoint?: string;
  /** Endpoints by service type or name; a value may be a `{ region: url }` map. */
  endpoints?: StaticEndpoints;
  tenantId?: string;
  defaultRegion?: string;
  /** Shared transport; default a new one built from `transportOptions`. */
  transport?: Transport;
  transportOptions?: TransportOptions;
  /** How to get a new token after a 401. Without it, a 401 is final (`Unauthorized`). */
  refresh?: () => Promise<string>;
}

/** An `AuthSession` from a token you already hold and fixed endpoints. */
export class StaticSession implements AuthSession {
  // The class refers to itself (waitFor/currentToken), so the build emits it as `class _StaticSession`: this keeps its
  // name (tests/packaging/export-names).
  static get name(): string {
    return "StaticSession";
  }
  readonly transport: Transport;
  readonly tenantId?: string;
  readonly defaultRegion?: string;
  #token: string;
  readonly #endpoint?: string;
  readonly #endpoints: StaticEndpoints;
  readonly #reauth?: SharedReauth;

  constructor(o: StaticSessionOptions) {
    if (typeof o.token !== "string" || !o.token) throw new ValidationError("token", "must be a non-empty string");
    if (!o.endpoint && !o.endpoints) throw new ValidationError("endpoint", "give endpoint or endpoints");
    registerSecret(o.token);
    this.#token = o.token;
    this.#endpoint = o.endpoint;
    this.#endpoints = o.endpoints ?? {};
    this.tenantId = o.tenantId;
    this.defaultRegion = o.defaultRegion;
    this.transport = o.transport ?? new Transport(o.transportOptions);
    const refresh = o.refresh;
    if (refresh) {
      this.#reauth = new SharedReauth(
        () => this.#token,
        async () => {
          const token = await refresh();
          registerSecret(token);
          this.#token = token;
          return token;
        },
      );
    }
  }

  /** What printing shows: tenant, default region, the services it has endpoints for. Never the token. */
  toJSON(): Record<string, unknown> {
    return defined({
      session: "StaticSession",
      tenantId: this.tenantId,
      defaultRegion: this.defaultRegion,
      endpoint: this.#endpoint === undefined ? undefined : redactUrl(this.#endpoint),
      services: Object.keys(this.#endpoints).length > 0 ? Object.keys(this.#endpoints) : undefined,
      refreshes: this.#reauth !== undefined,
    });
  }

  [INSPECT](depth: number, options: unknown, inspect: unknown): unknown {
    const { session: _, ...shown } = this.toJSON();
    return inspectAs("StaticSession", shown, depth, options as never, inspect as never);
  }

  async getToken(): Promise<string> {
    return this.#token;
  }

  /**
   * The token, always at hand (what `getToken` resolves with, without a promise per request) —
   * unless a subclass or a wrapper (`Object.create(session)`) brings its own `getToken`: that one
   * decides, so it is left to be awaited.
   */
  currentToken(): string | undefined {
    if (this.getToken !== StaticSession.prototype.getToken || !(#token in this)) return undefined;
    return this.#token;
  }

  reauthenticate(staleToken: string, signal?: AbortSignal): Promise<string> {
    if (!this.#reauth) return Promise.reject(new NotAuthenticated("The token was rejected and this session has no credentials to get another"));
    return this.#reauth.run(staleToken, signal);
  }

  endpoint(q: EndpointQuery): string {
    const entry = this.#endpoints[q.type] ?? (q.name ? this.#endpoints[q.name] : undefined);
    if (entry === undefined) {
      if (this.#endpoint) return this.#endpoint;
      throw new NoEndpointForService(q);
    }
    if (typeof entry === "string") return entry;
    const region = q.region ?? this.defaultRegion;
    if (region) {
      const hit = entry[region] ?? Object.entries(entry).find(([r]) => r.toLowerCase() === region.toLowerCase())?.[1];
      if (hit) return hit;
      throw new NoEndpointForService(q);
    }
    const urls = Object.values(entry);
    if (urls.length === 1 && urls[0]) return urls[0];
    throw new NoEndpointForService(q, `Service ${q.type} has endpoints in several regions (${Object.keys(entry).join(", ")}); pass a region`);
  }
}
