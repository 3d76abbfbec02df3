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
  SharedReauth,
  redactUrl,
  registerSecret,
} from "@rax/core";
import type { AuthResult, AuthUser } from "./auth-result";
import type { EndpointQuery, ResolvedEndpoint, ServiceCatalog } from "./catalog";
import { loadIdentitySchemas } from "./config-parsers";
import { IdentityAdminClient } from "./identity-admin";
import { authenticationFailed } from "./auth-attempt";
import { AuthenticationFailed, TokenOnlySession } from "./identity-errors";
import { type TokenStore, checkTokenStore, fromStoredToken, tokenStoreKey, tokenStoreWarning, toStoredToken } from "./token-store";
import { INSPECT, printedForm } from "./printed-form";
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
  /**
   * Re-authenticate this long before the token expires (ms; default 60 000). A token from
   * `tokenStore` is used only while more than this is left.
   */
  refreshAheadMs?: number;
  /**
   * Where the token (with its expiry and catalog) is kept between processes or invocations: a
   * session with credentials looks there before authenticating and saves every new token there.
   * See `MemoryTokenStore`, `FileTokenStore`, or bring your own (`TokenStore`).
   */
  tokenStore?: TokenStore;
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
 * refresh ahead of expiry, one shared re-authentication for concurrent 401s (core's
 * `SharedReauth`), endpoint resolution. Subclasses only say how to POST to their token endpoint.
 *
 * Secrets (API key, password, token, the raw token response) live in `#private` fields, so
 * `console.log`, `util.inspect`, `JSON.stringify` and `structuredClone` of an identity (or of
 * anything holding one) never show them; the printed form shows user, region, endpoint and
 * whether the session is authenticated.
 */
export abstract class BaseIdentity implements AuthSession {
  // The class refers to itself (waitFor/currentToken), so the build emits it as `class _BaseIdentity`: this keeps its
  // name (tests/packaging/export-names).
  static get name(): string {
    return "BaseIdentity";
  }
  abstract readonly identityType: "rackspace" | "keystone";
  readonly authEndpoint: string;
  username?: string;
  userId?: string;
  tenantId?: string;
  tenantName?: string;
  /** The `region` setting. */
  region?: string;
  useServicenet: boolean;
  expires?: Date;
  serviceCatalog?: ServiceCatalog;
  user?: AuthUser;

  #transport: Transport;
  #ownsTransport: boolean;
  #token?: string;
  #authResponse?: unknown;
  #apiKey?: string;
  #password?: string;
  /** Set by `authWithToken`: nothing to re-authenticate with. */
  #tokenOnly = false;
  readonly #refreshAheadMs: number;
  protected readonly now: () => number;
  #authedAt = 0;
  readonly #reauth: SharedReauth;
  #admin?: IdentityAdminClient;
  readonly #store?: TokenStore;
  /** The store key, fixed at first use: authenticating fills in tenantId, which must not move the key. */
  #storeKey?: string;
  /** The token held came from the store (not from this session's own authentication). */
  #tokenFromStore = false;

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
    this.#refreshAheadMs = opts.refreshAheadMs ?? DEFAULT_REFRESH_AHEAD_MS;
    this.now = opts.now ?? Date.now;
    this.#setSecrets(opts.apiKey, opts.password);
    this.#store = checkTokenStore(opts.tokenStore);
    this.#ownsTransport = !opts.transport;
    this.#transport =
      opts.transport ??
      new Transport({
        ...opts.transportOptions,
        ...(opts.userAgent !== undefined ? { userAgent: opts.userAgent } : {}),
        ...(opts.verifySsl !== undefined ? { verifySsl: opts.verifySsl } : {}),
        ...(opts.logger ? { logger: opts.logger } : {}),
      });
    // The shared attempt ignores any one caller's signal: the others still want the token.
    this.#reauth = new SharedReauth(
      () => this.#token,
      async () => {
        if (this.#token === undefined && this.#store) {
          const stored = await this.#loadStored();
          if (stored !== undefined) return stored;
        }
        let result: AuthResult;
        try {
          result = await this.performAuth();
        } catch (e) {
          // Identity refused the credentials after the stored token was rejected: neither is any use.
          if (this.#tokenFromStore && e instanceof AuthenticationFailed) await this.#storeCall("delete");
          throw e;
        }
        this.#accept(result);
        await this.#storeCall("set", result);
        return result.token;
      },
    );
  }

  /** The transport every request of this session (and of clients built on it) goes through. */
  get transport(): Transport {
    return this.#transport;
  }

  /**
   * Send this session's requests (and those of every client built on it) through `transport`
   * from now on, keeping the token. The previous transport is closed once its requests finish
   * if this session created it. Used when settings such as `debug` change.
   */
  useTransport(transport: Transport, o: { owned?: boolean } = {}): void {
    const old = this.#transport;
    const ownedOld = this.#ownsTransport;
    this.#transport = transport;
    this.#ownsTransport = o.owned ?? false;
    if (ownedOld && old !== transport) void old.close();
  }

  /** The current token (undefined before authentication). */
  get token(): string | undefined {
    return this.#token;
  }

  /** The last token response body (it holds the token: do not log it). */
  get authResponse(): unknown {
    return this.#authResponse;
  }

  /** True once a token is held. */
  get authenticated(): boolean {
    return this.#token !== undefined;
  }

  /** True for a session made by `authWithToken`: it cannot get a new token by itself. */
  get tokenOnly(): boolean {
    return this.#tokenOnly;
  }

  /** Whether the session can get a new token by itself. */
  get hasCredentials(): boolean {
    return !this.#tokenOnly && (this.username !== undefined || this.userId !== undefined) && this.secret() !== undefined;
  }

  /** Regions in the service catalog. */
  get regions(): string[] {
    return this.serviceCatalog?.regions ?? [];
  }

  /**
   * The region a service client uses when it is given none: the `region` setting only. Without
   * it the client leaves the choice to `endpoint()`, which follows the documented order (account
   * default region when the service has it, else the service's only region), so a service offered
   * only outside the account's default region still resolves.
   */
  get defaultRegion(): string | undefined {
    return this.region;
  }

  /**
   * The key of this session's token in its `tokenStore`: a hash of identity type, token URL, user,
   * scope and secret (none of them readable from it). Undefined for a session without credentials.
   */
  get tokenStoreKey(): string | undefined {
    if (this.#storeKey !== undefined) return this.#storeKey;
    if (!this.hasCredentials) return undefined;
    return tokenStoreKey({
      identityType: this.identityType,
      tokensUrl: this.tokensUrl(),
      username: this.username,
      userId: this.userId,
      tenantId: this.tenantId,
      tenantName: this.tenantName,
      apiKey: this.#apiKey,
      password: this.#password,
      ...this.storeKeyScope(),
    });
  }

  /** The store this session reads and saves its token in (see `tokenStore`). */
  get tokenStore(): TokenStore | undefined {
    return this.#store;
  }

  /** Replace the credentials (and forget any token made from the old ones). */
  setCredentials(c: { username?: string; userId?: string; apiKey?: string; password?: string }): void {
    this.#forgetToken();
    this.#storeKey = undefined;
    if (c.username !== undefined) this.username = c.username;
    if (c.userId !== undefined) this.userId = c.userId;
    this.#setSecrets(c.apiKey, c.password);
    this.#tokenOnly = false;
  }

  /**
   * Give `other` this session's user and secrets (never its token): how a context moves to a new
   * identity type or endpoint without the secrets ever leaving private fields.
   */
  copyCredentialsTo(other: BaseIdentity): void {
    if (this.#tokenOnly) return;
    other.setCredentials({
      ...(this.username !== undefined ? { username: this.username } : {}),
      ...(this.userId !== undefined ? { userId: this.userId } : {}),
      ...(this.#apiKey !== undefined ? { apiKey: this.#apiKey } : {}),
      ...(this.#password !== undefined ? { password: this.#password } : {}),
    });
  }

  /** Authenticate now with the stored credentials (again, if already authenticated). */
  async authenticate(signal?: AbortSignal): Promise<void> {
    if (!this.hasCredentials) {
      throw new NotAuthenticated(
        this.#tokenOnly
          ? "this session was created from a token and holds no credentials; call authWithToken with a new token"
          : `no credentials: set username and ${this.identityType === "rackspace" ? "apiKey (or password)" : "password"}`,
      );
    }
    await this.#reauth.run(this.#token as string, signal);
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
    this.#forgetToken();
    this.#clearSecrets();
    this.#tokenOnly = true;
    const tenant = {
      tenantId: opts.tenantId ?? (opts.tenantName === undefined ? this.tenantId : undefined),
      tenantName: opts.tenantName ?? (opts.tenantId === undefined ? this.tenantName : undefined),
    };
    const result = await this.performTokenAuth(token, tenant, opts.signal);
    this.#accept(result);
  }

  /** A valid token: authenticates lazily, refreshes ahead of expiry when credentials are held. */
  async getToken(signal?: AbortSignal): Promise<string> {
    const token = this.#token;
    if (token === undefined) {
      if (this.#tokenOnly) throw new NotAuthenticated("the session's token was cleared; call authWithToken again");
      await this.authenticate(signal);
      return this.#token as unknown as string;
    }
    if (this.hasCredentials && this.#expiresSoon()) return this.reauthenticate(token, signal);
    return token;
  }

  /**
   * The token, when one is held and not due for refresh: service clients send it without awaiting
   * `getToken` per request. Undefined (so `getToken` is awaited) before authentication, inside the
   * refresh window, or when a subclass or a wrapper (`Object.create(identity)`) brings its own
   * `getToken`, which then decides.
   */
  currentToken(): string | undefined {
    if (this.getToken !== BaseIdentity.prototype.getToken || !(#token in this)) return undefined;
    const token = this.#token;
    if (token === undefined || (this.hasCredentials && this.#expiresSoon())) return undefined;
    return token;
  }

  /**
   * A fresh token after `staleToken` was rejected. Concurrent callers share one authentication; a
   * caller whose stale token was already replaced gets the new token without another request.
   */
  async reauthenticate(staleToken: string, signal?: AbortSignal): Promise<string> {
    const current = this.#token;
    if (!this.hasCredentials && (current === undefined || current === staleToken)) {
      throw new TokenOnlySession({
        status: 401,
        method: "POST",
        url: redactUrl(this.tokensUrl()),
        message: this.#tokenOnly
          ? "The token was rejected and this session was created with authWithToken, so it cannot re-authenticate; get a new token and call authWithToken again"
          : "The token was rejected and this session holds no credentials to re-authenticate with",
      });
    }
    return this.#reauth.run(staleToken, signal);
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

  /** What printing this identity shows: nothing secret. */
  toJSON(): Record<string, unknown> {
    return printedForm({
      identityType: this.identityType,
      authEndpoint: this.authEndpoint,
      username: this.username,
      userId: this.userId,
      tenantId: this.tenantId,
      tenantName: this.tenantName,
      region: this.region,
      authenticated: this.authenticated,
      tokenOnly: this.#tokenOnly || undefined,
      expires: this.expires?.toISOString(),
    });
  }

  [INSPECT](depth: number, options: object, inspect: (v: unknown, o: object) => string): string {
    return `${this.constructor.name} ${inspect(this.toJSON(), options)}`;
  }

  /** Forget token, catalog and credentials (pyrax `clear_credentials`). A stored token stays in its store. */
  clearCredentials(): void {
    this.#forgetToken();
    this.#storeKey = undefined;
    this.#clearSecrets();
    this.#tokenOnly = false;
    this.username = undefined;
    this.userId = undefined;
  }

  /** Close the transport this identity created (a shared one is left open). */
  async close(): Promise<void> {
    if (this.#ownsTransport) await this.#transport.close();
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

  /** The identity admin client (tenants, users, roles, credentials, tokens). */
  get admin(): IdentityAdminClient {
    this.#admin ??= new IdentityAdminClient(this);
    return this.#admin;
  }

  // pyrax exposes the admin calls on the identity object; these delegate to `admin`. They are
  // prototype methods (not per-instance arrow functions) so an identity stays structured-cloneable.
  getExtensions(...a: Parameters<IdentityAdminClient["getExtensions"]>): ReturnType<IdentityAdminClient["getExtensions"]> {
    return this.admin.getExtensions(...a);
  }
  listTenants(...a: Parameters<IdentityAdminClient["listTenants"]>): ReturnType<IdentityAdminClient["listTenants"]> {
    return this.admin.listTenants(...a);
  }
  createTenant(...a: Parameters<IdentityAdminClient["createTenant"]>): ReturnType<IdentityAdminClient["createTenant"]> {
    return this.admin.createTenant(...a);
  }
  updateTenant(...a: Parameters<IdentityAdminClient["updateTenant"]>): ReturnType<IdentityAdminClient["updateTenant"]> {
    return this.admin.updateTenant(...a);
  }
  deleteTenant(...a: Parameters<IdentityAdminClient["deleteTenant"]>): ReturnType<IdentityAdminClient["deleteTenant"]> {
    return this.admin.deleteTenant(...a);
  }
  listUsers(...a: Parameters<IdentityAdminClient["listUsers"]>): ReturnType<IdentityAdminClient["listUsers"]> {
    return this.admin.listUsers(...a);
  }
  getUser(...a: Parameters<IdentityAdminClient["getUser"]>): ReturnType<IdentityAdminClient["getUser"]> {
    return this.admin.getUser(...a);
  }
  createUser(...a: Parameters<IdentityAdminClient["createUser"]>): ReturnType<IdentityAdminClient["createUser"]> {
    return this.admin.createUser(...a);
  }
  updateUser(...a: Parameters<IdentityAdminClient["updateUser"]>): ReturnType<IdentityAdminClient["updateUser"]> {
    return this.admin.updateUser(...a);
  }
  deleteUser(...a: Parameters<IdentityAdminClient["deleteUser"]>): ReturnType<IdentityAdminClient["deleteUser"]> {
    return this.admin.deleteUser(...a);
  }
  listRolesForUser(...a: Parameters<IdentityAdminClient["listRolesForUser"]>): ReturnType<IdentityAdminClient["listRolesForUser"]> {
    return this.admin.listRolesForUser(...a);
  }
  listCredentials(...a: Parameters<IdentityAdminClient["listCredentials"]>): ReturnType<IdentityAdminClient["listCredentials"]> {
    return this.admin.listCredentials(...a);
  }
  resetApiKey(...a: Parameters<IdentityAdminClient["resetApiKey"]>): ReturnType<IdentityAdminClient["resetApiKey"]> {
    return this.admin.resetApiKey(...a);
  }
  listRoles(...a: Parameters<IdentityAdminClient["listRoles"]>): ReturnType<IdentityAdminClient["listRoles"]> {
    return this.admin.listRoles(...a);
  }
  getRole(...a: Parameters<IdentityAdminClient["getRole"]>): ReturnType<IdentityAdminClient["getRole"]> {
    return this.admin.getRole(...a);
  }
  addRoleToUser(...a: Parameters<IdentityAdminClient["addRoleToUser"]>): ReturnType<IdentityAdminClient["addRoleToUser"]> {
    return this.admin.addRoleToUser(...a);
  }
  deleteRoleFromUser(...a: Parameters<IdentityAdminClient["deleteRoleFromUser"]>): ReturnType<IdentityAdminClient["deleteRoleFromUser"]> {
    return this.admin.deleteRoleFromUser(...a);
  }
  validateToken(...a: Parameters<IdentityAdminClient["validateToken"]>): ReturnType<IdentityAdminClient["validateToken"]> {
    return this.admin.validateToken(...a);
  }
  checkToken(...a: Parameters<IdentityAdminClient["checkToken"]>): ReturnType<IdentityAdminClient["checkToken"]> {
    return this.admin.checkToken(...a);
  }
  revokeToken(...a: Parameters<IdentityAdminClient["revokeToken"]>): ReturnType<IdentityAdminClient["revokeToken"]> {
    return this.admin.revokeToken(...a);
  }
  getTokenEndpoints(...a: Parameters<IdentityAdminClient["getTokenEndpoints"]>): ReturnType<IdentityAdminClient["getTokenEndpoints"]> {
    return this.admin.getTokenEndpoints(...a);
  }

  /** The API key and password, for subclasses building a token request body. */
  protected credentials(): { apiKey?: string; password?: string } {
    return { apiKey: this.#apiKey, password: this.#password };
  }

  /** What besides user, tenant and secret tells one way of authenticating from another (Keystone: domains, scope, application credential). */
  protected storeKeyScope(): Record<string, string | undefined> {
    return {};
  }

  protected secret(): string | undefined {
    return this.#apiKey ?? this.#password;
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
      const sent = this.#transport.request(req);
      // The parse of the answer needs zod: load it while the request is out. Its failure is
      // reported by that parse (same promise); the catch only keeps a failed request from leaving
      // it unhandled.
      loadIdentitySchemas().catch(() => undefined);
      const res = await sent;
      const body = await res.json();
      return { res, body };
    } catch (e) {
      if (e instanceof Unauthorized && !(e instanceof AuthenticationFailed)) throw authenticationFailed(e, json);
      throw e;
    }
  }

  #expiresSoon(): boolean {
    return this.#expiresSoonAt(this.expires, this.#authedAt);
  }

  #expiresSoonAt(expires: Date | undefined, authedAt: number): boolean {
    if (!expires) return false;
    const remaining = expires.getTime() - this.now();
    // A token that lives less than twice the window (short-lived test tokens) is refreshed at half-life.
    const lifetime = expires.getTime() - authedAt;
    const window = Math.min(this.#refreshAheadMs, Math.max(0, lifetime / 2));
    return remaining <= window;
  }

  /** A usable token from the store (now held by this session), or undefined: then authenticate. */
  async #loadStored(): Promise<string | undefined> {
    const key = (this.#storeKey ??= this.tokenStoreKey);
    if (key === undefined || !this.#store) return undefined;
    let value: unknown;
    try {
      value = await this.#store.get(key);
    } catch (e) {
      tokenStoreWarning("could not read this session's token; authenticating instead", e);
      return undefined;
    }
    if (value === undefined || value === null) return undefined;
    const found = fromStoredToken(value);
    if ("problem" in found) {
      tokenStoreWarning(`ignored what the store holds for this session (${found.problem}); authenticating instead`);
      return undefined;
    }
    if (this.#expiresSoonAt(found.result.expires, found.issuedAt)) return undefined;
    this.#accept(found.result, found.issuedAt);
    this.#tokenFromStore = true;
    return found.result.token;
  }

  /** Save or delete this session's token in its store; a failing store is a warning. */
  async #storeCall(op: "set" | "delete", result?: AuthResult): Promise<void> {
    const key = (this.#storeKey ??= this.tokenStoreKey);
    if (key === undefined || !this.#store) return;
    try {
      if (op === "set") await this.#store.set(key, toStoredToken(result as AuthResult, this.#authedAt));
      else await this.#store.delete(key);
    } catch (e) {
      tokenStoreWarning(op === "set" ? "could not save the new token" : "could not delete the rejected token", e);
    }
  }

  #accept(result: AuthResult, authedAt = this.now()): void {
    // Old tokens stay registered: requests still in flight with them may log them.
    registerSecret(result.token);
    this.#token = result.token;
    this.#tokenFromStore = false;
    this.expires = result.expires;
    this.#authedAt = authedAt;
    this.serviceCatalog = result.catalog;
    this.user = result.user;
    this.#authResponse = result.raw;
    if (result.tenantId !== undefined) this.tenantId = result.tenantId;
    if (result.tenantName !== undefined) this.tenantName = result.tenantName;
  }

  #forgetToken(): void {
    this.#token = undefined;
    this.expires = undefined;
    this.serviceCatalog = undefined;
    this.user = undefined;
    this.#authResponse = undefined;
  }

  #setSecrets(apiKey?: string, password?: string): void {
    if (apiKey !== undefined) {
      registerSecret(apiKey);
      this.#apiKey = apiKey;
    }
    if (password !== undefined) {
      registerSecret(password);
      this.#password = password;
    }
  }

  #clearSecrets(): void {
    this.#apiKey = undefined;
    this.#password = undefined;
  }
}

