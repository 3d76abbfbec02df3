import { raceSignal } from "./abort";
import type { Transport } from "./transport";
import type { EndpointQuery } from "./errors";

export type { EndpointQuery } from "./errors";

/** What a service client needs from identity. `@rax/identity` implements it; `StaticSession` too. */
export interface AuthSession {
  readonly transport: Transport;
  readonly tenantId?: string;
  readonly defaultRegion?: string;
  /** A valid token, authenticating lazily and refreshing ahead of expiry. */
  getToken(signal?: AbortSignal): Promise<string>;
  /**
   * Optional: the token when one is at hand and good to send now (no request and no refresh due),
   * else undefined. Clients call it first on every request and await `getToken` only without one.
   */
  currentToken?(): string | undefined;
  /**
   * A token other than `staleToken`. Concurrent callers share one re-authentication; a caller whose
   * stale token was already replaced gets the current one at once. Token-only sessions throw
   * `Unauthorized`/`NotAuthenticated`.
   */
  reauthenticate(staleToken: string, signal?: AbortSignal): Promise<string>;
  /** Endpoint URL for a catalog entry; throws `NoEndpointForService`. */
  endpoint(q: EndpointQuery): string;
}

/**
 * Single-flight token refresh for `AuthSession.reauthenticate`: N concurrent 401s with the same
 * stale token cause exactly one `refresh()`. A caller's signal only stops its own wait.
 */
export class SharedReauth {
  #inflight?: Promise<string>;
  readonly #current: () => string | undefined;
  readonly #refresh: () => Promise<string>;

  constructor(current: () => string | undefined, refresh: () => Promise<string>) {
    this.#current = current;
    this.#refresh = refresh;
  }

  run(staleToken: string, signal?: AbortSignal): Promise<string> {
    if (this.#inflight) return raceSignal(this.#inflight, signal);
    const now = this.#current();
    if (now !== undefined && now !== staleToken) return Promise.resolve(now);
    const p = this.#refresh().finally(() => {
      if (this.#inflight === p) this.#inflight = undefined;
    });
    this.#inflight = p;
    return raceSignal(p, signal);
  }
}
