import {
  type AuthSession,
  type DebugLogger,
  NotAuthenticated,
  type RaxResponse,
  type RequestOptions,
  Transport,
  type TransportOptions,
  Unauthorized,
  ValidationError,
  redactUrl,
  registerSecret,
  raceSignal,
} from "@rax/core";
import type { AuthResult, AuthUser } from "./auth-result";
import type { EndpointQuery, ResolvedEndpoint, ServiceCatalog } from "./catalog";
import { IdentityAdminClient } from "./identity-admin";
import { AuthenticationFailed, TokenOnlySession } from "./identity-errors";
import { serviceKey } from "./service-aliases";

/** Options shared by every identity type. */
export interface IdentityOptions {
  /** Identity endpoint (Rackspace: built in). */
  authEndpoint?: string;
  username?: string;
  apiKey?: string;
  password?: string;
  /** Keystone v3: authenticate the user by id instead of name. */
  userId?: string;
  tenantId?: string;
  tenantName?: string;
  /** The `region` setting: used when a call names no region. */
  region?: string;
  /** Object storage uses internal (ServiceNet) URLs unless a call says otherwise. */
  useServicenet?: boolean;
  /** Re-authenticate this long before the token expires (ms; default 60 000). */
  refreshAheadMs?: number;
  /** Share a transport (pools, retry budget) between sessions; otherwise one is created. */
  transport?: Transport;
  /** Options for the transport created when `transport` is not given. */
  transportOptions?: TransportOptions;
  /** `custom_user_agent`: prepended to the User-Agent header. */
  userAgent?: string;
  /** `verify_ssl`: false skips TLS certificate checks. */
  verifySsl?: boolean;
  /** Redacted debug output. */
  logger?: DebugLogger;
  /** Clock (ms since epoch), for tests of expiry handling. */
  now?: () => number;
}

export interface TokenAuthOptions {
  tenantId?: string;
  tenantName?: string;
  signal?: AbortSignal;
}

const DEFAULT_REFRESH_AHEAD_MS = 60_000;

/**
 * Token, catalog and credential handling common to Rackspace and Keystone: lazy authentication,
 * refresh ahead of expiry, one shared re-authentication for concurrent 401s, endpoint resolution.
 * Subclasses only say how to POST to their token endpoint.
 */
export abstract class BaseIdentity implements AuthSession {
  abstract readonly identityType: "rackspace" | "keystone";
  readonly transport: Transport;
  readonly authEndpoint: string;
  username?: string;
  userId?: string;
  tenantId?: string;
  tenantName?: string;
  /** The `region` setting. */
  region?: string;
  useServicenet: boolean;
  /** The current token (undefined before authentication). */
  token?: string;
  expires?: Date;
  serviceCatalog?: ServiceCatalog;
  user?: AuthUser;
  /** The last token response body. */
  authResponse?: unknown;

  protected apiKey?: string;
  protected password?: string;
  /** Set by `authWithToken`: nothing to re-authenticate with. */
  protected tokenOnly = false;
  protected readonly refreshAheadMs: number;
  protected readonly now: () => number;
  private authedAt = 0;
  private inflight?: Promise<string>;
  private ownsTransport: boolean;

  constructor(opts: IdentityOptions, defaultEndpoint?: string) {
    const endpoint = opts.authEndpoint ?? defaultEndpoint;
    if (!endpoint) {
      throw new ValidationError("authEndpoint", "required for Keystone: set auth_endpoint or CLOUD_AUTH_ENDPOINT");
    }
    let parsed: URL;
    try {
      parsed = new URL(endpoint);
    } catch {
      throw new ValidationError("authEndpoint", `not an absolute URL: ${redactUrl(endpoint)}`);
    }
    if (parsed.protocol !== "http:" && parsed.protocol !== "https:") {
      throw new ValidationError("authEndpoint", "must be an http(s) URL");
    }
    this.authEndpoint = endpoint.replace(/\/+$/, "");
    this.username = opts.username;
    this.userId = opts.userId;
    this.tenantId = opts.tenantId;
    this.tenantName = opts.tenantName;
    this.region = opts.region;
    this.useServicenet = opts.useServicenet ?? false;
    this.refreshAheadMs = opts.refreshAheadMs ?? DEFAULT_REFRESH_AHEAD_MS;
    this.now = opts.now ?? Date.now;
    this.setSecrets(opts.apiKey, opts.password);
    this.ownsTransport = !opts.transport;
    this.transport =
      opts.transport ??
      new Transport({
        ...opts.transportOptions,
        ...(opts.userAgent !== undefined ? { userAgent: opts.userAgent } : {}),
        ...(opts.verifySsl !== undefined ? { verifySsl: opts.verifySsl } : {}),
        ...(opts.logger ? { logger: opts.logger } : {}),
      });
  }

  /** True once a token is held. */
  get authenticated(): boolean {
    return this.token !== undefined;
  }

  /** Whether the session can get a new token by itself. */
  get hasCredentials(): boolean {
    return !this.tokenOnly && (this.username !== undefined || this.userId !== undefined) && this.secret() !== undefined;
  }

  /** Regions in the service catalog. */
  get regions(): string[] {
    return this.serviceCatalog?.regions ?? [];
  }

  /** The `region` setting, else the user's default region from the identity service. */
  get defaultRegion(): string | undefined {
    return this.region ?? this.user?.defaultRegion;
  }

  /** Replace the credentials (and forget any token made from the old ones). */
  setCredentials(c: { username?: string; userId?: string; apiKey?: string; password?: string }): void {
    this.forgetToken();
    if (c.username !== undefined) this.username = c.username;
    if (c.userId !== undefined) this.userId = c.userId;
    this.setSecrets(c.apiKey, c.password);
    this.tokenOnly = false;
  }

  /** Authenticate now with the stored credentials (again, if already authenticated). */
  async authenticate(signal?: AbortSignal): Promise<void> {
    if (!this.hasCredentials) {
      throw new NotAuthenticated(
        this.tokenOnly
          ? "this session was created from a token and holds no credentials; call authWithToken with a new token"
          : `no credentials: set username and ${this.identityType === "rackspace" ? "apiKey (or password)" : "password"}`,
      );
    }
    await this.runAuth(signal);
  }

  /**
   * Use an existing token (from another program). The session cannot re-authenticate: when the
   * token expires, calls fail with `TokenOnlySession` (an `Unauthorized`).
   */
  async authWithToken(token: string, opts: TokenAuthOptions = {}): Promise<void> {
    if (typeof token !== "string" || token.trim() === "") throw new ValidationError("token", "expected a non-empty token");
    if (opts.tenantId !== undefined && opts.tenantName !== undefined) {
      throw new ValidationError("tenantName", "give tenantId or tenantName, not both");
    }
    registerSecret(token);
    this.forgetToken();
    this.clearSecrets();
    this.tokenOnly = true;
    const tenant = {
      tenantId: opts.tenantId ?? (opts.tenantName === undefined ? this.tenantId : undefined),
      tenantName: opts.tenantName ?? (opts.tenantId === undefined ? this.tenantName : undefined),
    };
    const result = await this.performTokenAuth(token, tenant, opts.signal);
    this.accept(result);
  }

  /** A valid token: authenticates lazily, refreshes ahead of expiry when credentials are held. */
  async getToken(signal?: AbortSignal): Promise<string> {
    if (this.inflight) return raceSignal(this.inflight, signal);
    const token = this.token;
    if (token === undefined) {
      if (this.tokenOnly) throw new NotAuthenticated("the session's token was cleared; call authWithToken again");
      await this.authenticate(signal);
      return this.token as unknown as string;
    }
    if (this.hasCredentials && this.expiresSoon()) return this.reauthenticate(token, signal);
    return token;
  }

  /**
   * A fresh token after `staleToken` was rejected. Concurrent callers share one authentication; a
   * caller whose stale token was already replaced gets the new token without another request.
   */
  async reauthenticate(staleToken: string, signal?: AbortSignal): Promise<string> {
    if (this.inflight) return raceSignal(this.inflight, signal);
    if (this.token !== undefined && this.token !== staleToken) return this.token;
    if (!this.hasCredentials) {
      throw new TokenOnlySession({
        status: 401,
        method: "POST",
        url: redactUrl(this.tokensUrl()),
        message: this.tokenOnly
          ? "The token was rejected and this session was created with authWithToken, so it cannot re-authenticate; get a new token and call authWithToken again"
          : "The token was rejected and this session holds no credentials to re-authenticate with",
      });
    }
    return this.runAuth(signal);
  }

  /** The URL for a service (AuthSession). Throws NotAuthenticated before authentication. */
  endpoint(q: EndpointQuery): string {
    return this.resolveEndpoint(q).url;
  }

  /** URL plus the region it serves and the catalog entry it came from. */
  resolveEndpoint(q: EndpointQuery): ResolvedEndpoint {
    if (!q || typeof q.type !== "string" || q.type.trim() === "") throw new ValidationError("type", "expected a service type");
    if (!this.serviceCatalog) {
      throw new NotAuthenticated(`not authenticated: call authenticate() before asking for the "${q.type}" endpoint`);
    }
    const internal = q.internal ?? (this.useServicenet && serviceKey(q.type) === "object_store");
    return this.serviceCatalog.resolve(
      { ...q, internal },
      { configuredRegion: this.region, userDefaultRegion: this.user?.defaultRegion },
    );
  }

  /** Forget token, catalog and credentials (pyrax `clear_credentials`). */
  clearCredentials(): void {
    this.forgetToken();
    this.clearSecrets();
    this.tokenOnly = false;
    this.username = undefined;
    this.userId = undefined;
  }

  /** Close the transport this identity created (a shared one is left open). */
  async close(): Promise<void> {
    if (this.ownsTransport) await this.transport.close();
  }

  /** POST the stored credentials; subclasses build the body. */
  protected abstract performAuth(signal?: AbortSignal): Promise<AuthResult>;
  /** POST an existing token for a tenant-scoped one. */
  protected abstract performTokenAuth(
    token: string,
    tenant: { tenantId?: string; tenantName?: string },
    signal?: AbortSignal,
  ): Promise<AuthResult>;
  /** The token endpoint URL. */
  abstract tokensUrl(): string;
  /** Versioned identity base URL (admin calls are relative to it). */
  abstract readonly identityUrl: string;
  /** Wire version of the admin calls: "2.0" (Rackspace, Keystone v2.0) or "3". */
  abstract readonly adminVersion: "2.0" | "3";

  private adminClient?: IdentityAdminClient;
  /** The identity admin client (tenants, users, roles, credentials, tokens). */
  get admin(): IdentityAdminClient {
    this.adminClient ??= new IdentityAdminClient(this);
    return this.adminClient;
  }

  // pyrax exposes the admin calls on the identity object; these delegate to `admin`.
  getExtensions: IdentityAdminClient["getExtensions"] = (...a) => this.admin.getExtensions(...a);
  listTenants: IdentityAdminClient["listTenants"] = (...a) => this.admin.listTenants(...a);
  createTenant: IdentityAdminClient["createTenant"] = (...a) => this.admin.createTenant(...a);
  updateTenant: IdentityAdminClient["updateTenant"] = (...a) => this.admin.updateTenant(...a);
  deleteTenant: IdentityAdminClient["deleteTenant"] = (...a) => this.admin.deleteTenant(...a);
  listUsers: IdentityAdminClient["listUsers"] = (...a) => this.admin.listUsers(...a);
  getUser: IdentityAdminClient["getUser"] = (...a) => this.admin.getUser(...a);
  createUser: IdentityAdminClient["createUser"] = (...a) => this.admin.createUser(...a);
  updateUser: IdentityAdminClient["updateUser"] = (...a) => this.admin.updateUser(...a);
  deleteUser: IdentityAdminClient["deleteUser"] = (...a) => this.admin.deleteUser(...a);
  listRolesForUser: IdentityAdminClient["listRolesForUser"] = (...a) => this.admin.listRolesForUser(...a);
  listCredentials: IdentityAdminClient["listCredentials"] = (...a) => this.admin.listCredentials(...a);
  resetApiKey: IdentityAdminClient["resetApiKey"] = (...a) => this.admin.resetApiKey(...a);
  listRoles: IdentityAdminClient["listRoles"] = (...a) => this.admin.listRoles(...a);
  getRole: IdentityAdminClient["getRole"] = (...a) => this.admin.getRole(...a);
  addRoleToUser: IdentityAdminClient["addRoleToUser"] = (...a) => this.admin.addRoleToUser(...a);
  deleteRoleFromUser: IdentityAdminClient["deleteRoleFromUser"] = (...a) => this.admin.deleteRoleFromUser(...a);
  validateToken: IdentityAdminClient["validateToken"] = (...a) => this.admin.validateToken(...a);
  checkToken: IdentityAdminClient["checkToken"] = (...a) => this.admin.checkToken(...a);
  revokeToken: IdentityAdminClient["revokeToken"] = (...a) => this.admin.revokeToken(...a);
  getTokenEndpoints: IdentityAdminClient["getTokenEndpoints"] = (...a) => this.admin.getTokenEndpoints(...a);

  protected secret(): string | undefined {
    return this.apiKey ?? this.password;
  }

  /** POST a token request; a 401 becomes `AuthenticationFailed`, other errors keep their class. */
  protected async postTokens(json: unknown, signal?: AbortSignal): Promise<{ res: RaxResponse; body: unknown }> {
    const req: RequestOptions = {
      method: "POST",
      url: this.tokensUrl(),
      json,
      headers: { Accept: "application/json" },
      signal,
      // Issuing a token changes nothing a second request could double: replaying it after a
      // dropped connection or a 5xx is safe, unlike other POSTs.
      idempotent: true,
    };
    try {
      const res = await this.transport.request(req);
      const body = await res.json();
      return { res, body };
    } catch (e) {
      if (e instanceof Unauthorized && !(e instanceof AuthenticationFailed)) {
        const u = e;
        throw new AuthenticationFailed({
          status: u.status,
          message: `Incorrect/unauthorized credentials received (${u.serverMessage})`,
          method: u.method,
          url: u.url,
          code: u.code,
          requestId: u.requestId,
          body: u.body,
          attempts: u.attempts,
          headers: u.headers,
          cause: u,
        });
      }
      throw e;
    }
  }

  private expiresSoon(): boolean {
    if (!this.expires) return false;
    const remaining = this.expires.getTime() - this.now();
    // A token that lives less than twice the window (short-lived test tokens) is refreshed at half-life.
    const lifetime = this.expires.getTime() - this.authedAt;
    const window = Math.min(this.refreshAheadMs, Math.max(0, lifetime / 2));
    return remaining <= window;
  }

  private runAuth(signal?: AbortSignal): Promise<string> {
    if (!this.inflight) {
      // The shared attempt ignores any one caller's signal: the others still want the token.
      this.inflight = this.performAuth()
        .then((result) => {
          this.accept(result);
          return result.token;
        })
        .finally(() => {
          this.inflight = undefined;
        });
    }
    return raceSignal(this.inflight, signal);
  }

  private accept(result: AuthResult): void {
    // Old tokens stay registered: requests still in flight with them may log them.
    registerSecret(result.token);
    this.token = result.token;
    this.expires = result.expires;
    this.authedAt = this.now();
    this.serviceCatalog = result.catalog;
    this.user = result.user;
    this.authResponse = result.raw;
    if (result.tenantId !== undefined) this.tenantId = result.tenantId;
    if (result.tenantName !== undefined) this.tenantName = result.tenantName;
  }

  private forgetToken(): void {
    this.token = undefined;
    this.expires = undefined;
    this.serviceCatalog = undefined;
    this.user = undefined;
    this.authResponse = undefined;
  }

  private setSecrets(apiKey?: string, password?: string): void {
    if (apiKey !== undefined) {
      registerSecret(apiKey);
      this.apiKey = apiKey;
    }
    if (password !== undefined) {
      registerSecret(password);
      this.password = password;
    }
  }

  private clearSecrets(): void {
    this.apiKey = undefined;
    this.password = undefined;
  }
}
