import {
  type AuthSession,
  type DebugLevel,
  type DebugLogger,
  type ServiceClient,
  type ServiceClientOptions,
  Transport,
  type TransportOptions,
  ValidationError,
  createDebugLogger,
  registerSecret,
} from "@rax/core";
import type { AuthUser } from "./auth-result";
import type { BaseIdentity } from "./base-identity";
import type { CatalogService, ServiceCatalog } from "./catalog";
import { Config, type EnvVars } from "./config";
import { cloudOptions } from "./cloud-options";
import { CLIENT_OPTIONS, CONTEXT_OPTIONS, CREDENTIALS, checkOptions, checkValue } from "./context-input";
import { cloudFromOsEnv, findCloud } from "./clouds-yaml";
import { readCredentialFile } from "./credential-file";
import { type IdentityType, parseIdentityType } from "./identity-type";
import { type Keychain, readKeychainSecret } from "./keychain";
import { KeystoneIdentity, type KeystoneVersion } from "./keystone-identity";
import { RackspaceIdentity } from "./rackspace-identity";
import { serviceKey } from "./service-aliases";
import { INSPECT, printedForm } from "./printed-form";
import { type SettingName, type Settings, settingName } from "./settings";
import { type TokenStore, checkTokenStore } from "./token-store";
import { FileTokenStore } from "./token-store-file";
import { MemoryTokenStore } from "./token-store-memory";

export interface ContextOptions {
  /** "rackspace" or "keystone"; default: the identity_type setting / CLOUD_ID_TYPE. */
  identityType?: IdentityType;
  /** Config-file environment (section) to use; default: the config's default environment. */
  environment?: string;
  /** Environment variables (default `process.env`). */
  env?: EnvVars;
  /** Config file path, or false for none (default: RAX_CONFIG_FILE, ~/.rax.cfg, ~/.pyrax.cfg). */
  configFile?: string | false;
  /** Share settings with other contexts. */
  config?: Config;
  username?: string;
  /** Keystone v3: the user's id instead of name + domain. */
  userId?: string;
  apiKey?: string;
  password?: string;
  tenantId?: string;
  tenantName?: string;
  authEndpoint?: string;
  region?: string;
  authVersion?: KeystoneVersion | "2" | "v2.0" | "v3";
  userDomain?: string;
  userDomainId?: string;
  projectDomain?: string;
  projectDomainId?: string;
  verifySsl?: boolean;
  useServicenet?: boolean;
  /** Prefix for the User-Agent header (custom_user_agent). */
  userAgent?: string;
  /** Print redacted HTTP traffic (the debug setting): `true` one line per request, `"verbose"` headers and small bodies too. */
  debug?: DebugLevel;
  /** Where debug lines go (already redacted); default stderr when debug is on. */
  logger?: DebugLogger;
  /** Read username/api_key/password/tenant from a pyrax credential file. */
  credentialFile?: string;
  /** Re-authenticate this long before the token expires (ms, default 60 000). */
  refreshAheadMs?: number;
  transport?: Transport;
  transportOptions?: TransportOptions;
  /** Secret store for `keyringAuth` (default: keytar, loaded on demand). */
  keychain?: Keychain;
  /**
   * A cloud of clouds.yaml (+ secure.yaml) to take settings and credentials from; default
   * `OS_CLOUD`. Options given here win over the cloud's values.
   */
  cloud?: string;
  /** Keystone v3 application credential by id (or by name with the user), and its secret. */
  applicationCredentialId?: string;
  applicationCredentialName?: string;
  applicationCredentialSecret?: string;
  /** Keystone v3 domain scope instead of a project. */
  domainId?: string;
  domainName?: string;
  /** Keystone v3 system scope (`"all"`). */
  systemScope?: string;
  /** An existing token (OS_TOKEN, clouds.yaml `auth.token`): `authenticate()` uses it as `authWithToken` does. */
  token?: string;
  /** Catalog interface for every service: "internal" uses internal URLs unless a call says otherwise. */
  interface?: "public" | "internal";
  /**
   * Keep the token between processes or invocations (see `IdentityOptions.tokenStore`). Default:
   * the `RAX_TOKEN_STORE` variable — `memory` (one store for the process), `file` (a
   * `FileTokenStore` in the OS temp directory) or an absolute directory path — else none.
   */
  tokenStore?: TokenStore;
}

export interface FromEnvironmentOptions extends ContextOptions {
  /** Authenticate before returning when credentials are available (default true). */
  authenticate?: boolean;
  signal?: AbortSignal;
}

/** A service client class: `new Cls(session, opts)`. */
export type ServiceClientClass<C, O extends ServiceClientOptions = ServiceClientOptions> = (new (session: AuthSession, opts?: O) => C) & {
  readonly serviceType?: string;
  readonly serviceName?: string;
  /**
   * Environment variables the client reads itself (Cloud Queues: `CLOUD_QUEUES_ID`): a context made with its own
   * `env` hands that object to the client as its `env` option, so the client reads the context's variables, not
   * `process.env`'s.
   */
  readonly environmentVariables?: readonly string[];
};

export interface ClientOptions {
  region?: string;
  /** Internal (ServiceNet) URL; default false, except object storage with use_servicenet. */
  internal?: boolean;
  /** Skip the catalog and use this base URL. */
  endpoint?: string;
}

const CONTEXT_ONLY = new Set(["env", "configFile", "config", "environment", "keychain", "transport", "transportOptions", "logger", "tokenStore"]);

/** `RAX_TOKEN_STORE=memory`: one store shared by every context of the process. */
let processTokenStore: MemoryTokenStore | undefined;

/** The `tokenStore` option, else the one `RAX_TOKEN_STORE` names. */
function tokenStoreFrom(option: unknown, env: EnvVars): TokenStore | undefined {
  if (option !== undefined) return checkTokenStore(option);
  const v = nonEmpty(env.RAX_TOKEN_STORE)?.trim();
  if (v === undefined) return undefined;
  if (v.toLowerCase() === "memory") return (processTokenStore ??= new MemoryTokenStore());
  if (v.toLowerCase() === "file") return new FileTokenStore();
  if (!/^(\/|[A-Za-z]:[\\/]|\\\\)/.test(v)) {
    throw new ValidationError("RAX_TOKEN_STORE", 'expected "memory", "file" or an absolute directory path');
  }
  return new FileTokenStore({ dir: v });
}

/** Whether pyrax's own sources hold credentials (then OS_* variables are not consulted). */
function pyraxCredentials(o: ContextOptions, env: EnvVars, config: Config): boolean {
  if (o.username || o.userId || o.apiKey || o.password || o.credentialFile || o.token || o.applicationCredentialSecret) return true;
  if (nonEmpty(env.CLOUD_USERNAME) || nonEmpty(env.CLOUD_API_KEY) || nonEmpty(env.CLOUD_PASSWORD) || nonEmpty(env.RAX_CREDENTIAL_FILE)) return true;
  return config.getSetting("keyringUsername") !== undefined;
}

/**
 * Options from the selected clouds.yaml cloud, else from OS_* variables when pyrax's sources hold
 * no credentials. The environment (OS_CLOUD, OS_*) is not consulted when the code itself says who
 * authenticates where (credentials, identity type or auth endpoint): mixing the two would pair,
 * say, a Rackspace identity with a Keystone URL.
 */
function cloudSourced(o: ContextOptions, env: EnvVars, config: Config): Partial<ContextOptions> {
  if (o.cloud !== undefined) return cloudOptions(findCloud(o.cloud, { env }), `clouds.yaml cloud "${o.cloud}"`);
  if (o.identityType !== undefined || o.authEndpoint !== undefined || o.username || o.userId || o.apiKey || o.password || o.token) return {};
  const name = nonEmpty(env.OS_CLOUD);
  if (name !== undefined) return cloudOptions(findCloud(name, { env }), `clouds.yaml cloud "${name}" (OS_CLOUD)`);
  if (pyraxCredentials(o, env, config)) return {};
  const fromEnv = cloudFromOsEnv(env);
  return fromEnv ? cloudOptions(fromEnv, "OS_* variables") : {};
}

/** Context options that set a setting: they win over the config file until `setSetting` changes it. */
const OPTION_FOR_SETTING: Partial<Record<SettingName, keyof ContextOptions>> = {
  identityType: "identityType",
  authEndpoint: "authEndpoint",
  region: "region",
  tenantId: "tenantId",
  tenantName: "tenantName",
  customUserAgent: "userAgent",
  debug: "debug",
  verifySsl: "verifySsl",
  useServicenet: "useServicenet",
  authVersion: "authVersion",
  userDomain: "userDomain",
  projectDomain: "projectDomain",
};

/** Settings the transport is built from: a change means a new transport (same token). */
const TRANSPORT_SETTINGS = new Set<SettingName>(["debug", "verifySsl", "customUserAgent"]);
/** Settings that decide who authenticates where: a change means a new identity (next call re-authenticates). */
const IDENTITY_SETTINGS = new Set<SettingName>([
  "identityType",
  "authEndpoint",
  "tenantId",
  "tenantName",
  "authVersion",
  "userDomain",
  "projectDomain",
]);

/**
 * One authenticated session with its settings, credentials and service clients. Create as many as
 * you like: each has its own token and catalog.
 *
 * Credentials and the token live in the identity's private fields; printing a context shows its
 * user, environment, region, auth endpoint and whether it is authenticated, nothing secret.
 */
export class Context {
  // The class refers to itself, so the build emits it as `class _Context`: this keeps its name
  // (non-enumerable, like a function's own; tests/packaging/export-names).
  static get name(): string {
    return "Context";
  }
  readonly #config: Config;
  readonly #options: ContextOptions;
  #current!: BaseIdentity;
  /** Settings changed since the identity was built: it is rebuilt on next use. */
  #identityStale = false;
  /** Credentials were given after construction (setCredentials, keychain …): a rebuilt identity keeps them. */
  #credentialsSetInCode = false;
  /** The transport this context built (undefined when the caller passed one in). */
  #ownTransport?: Transport;
  readonly #clients = new Map<unknown, Map<string, unknown>>();
  readonly #tokenStore?: TokenStore;

  constructor(options: ContextOptions = {}) {
    checkOptions(CONTEXT_OPTIONS, omitContextOnly(options), "");
    // pyrax's create_context(env="name") picks a config environment; here `env` is the variables, and
    // a name given there would be read as an empty set of variables with the default environment.
    const env: unknown = options.env;
    if (env !== undefined && (typeof env !== "object" || env === null || Array.isArray(env))) {
      throw new ValidationError(
        "env",
        typeof env === "string"
          ? `is the environment variables (an object); to use the config environment "${env}", pass environment: "${env}" (pyrax's create_context(env=…))`
          : "must be an object of environment variables",
      );
    }
    this.#tokenStore = tokenStoreFrom(options.tokenStore, options.env ?? process.env);
    this.#config =
      options.config ??
      new Config({
        ...(options.env ? { env: options.env } : {}),
        ...(options.configFile !== undefined ? { configFile: options.configFile } : {}),
      });
    if (options.environment !== undefined) this.#config.setEnvironment(options.environment);
    // A clouds.yaml cloud (or the OS_* variables) counts as options given in code; explicit ones win.
    const sourced = cloudSourced(options, options.env ?? process.env, this.#config);
    this.#options = { ...sourced, ...dropUndefined({ ...options }) };
    // A logger passed in means "log to it" unless debug says otherwise; a debug setting already on
    // (CLOUD_DEBUG=verbose, `debug = verbose` in the file) keeps its level.
    if (options.logger && options.debug === undefined && !this.#config.getSetting("debug")) this.#options.debug = true;
    this.#current = this.#buildIdentity();
  }

  /**
   * A context configured from the config file, a credential file (`credentialFile` or
   * RAX_CREDENTIAL_FILE), CLOUD_USERNAME / CLOUD_API_KEY / CLOUD_PASSWORD and, when only a
   * keyring_username is known, the keychain; authenticated unless `authenticate: false` or no
   * credentials were found.
   */
  static async fromEnvironment(options: FromEnvironmentOptions = {}): Promise<Context> {
    const { authenticate = true, signal, ...rest } = options;
    const env = rest.env ?? process.env;
    const credentialFile = rest.credentialFile ?? env.RAX_CREDENTIAL_FILE;
    const ctx = new Context({ ...rest, ...(credentialFile ? { credentialFile } : {}) });
    const id = ctx.identity;
    if (!id.hasCredentials && ctx.getSetting("keyringUsername") && !rest.username) {
      await ctx.keyringAuth(undefined, { authenticate: false });
    }
    if (authenticate && (ctx.identity.hasCredentials || ctx.#options.token !== undefined)) await ctx.authenticate(signal);
    return ctx;
  }

  /**
   * A context for a cloud of clouds.yaml (+ secure.yaml), as `openstack --os-cloud <name>` would
   * use it; authenticated unless `authenticate: false`. Same as `fromEnvironment({ cloud: name })`.
   */
  static fromCloud(name: string, options: FromEnvironmentOptions = {}): Promise<Context> {
    checkValue("text", name, "cloud");
    return Context.fromEnvironment({ ...options, cloud: name });
  }

  /** Settings by environment (shared with other contexts when passed in as `config`). */
  get config(): Config {
    return this.#config;
  }

  /** The identity (an AuthSession) behind this context. */
  get identity(): BaseIdentity {
    if (this.#identityStale) this.#rebuildIdentity();
    return this.#current;
  }

  /** Same object as `identity`, typed as what service clients need. */
  get session(): AuthSession {
    return this.identity;
  }

  get identityType(): IdentityType {
    return this.identity.identityType;
  }

  get authenticated(): boolean {
    return this.identity.authenticated;
  }
  get token(): string | undefined {
    return this.identity.token;
  }
  get expires(): Date | undefined {
    return this.identity.expires;
  }
  get tenantId(): string | undefined {
    return this.identity.tenantId;
  }
  get tenantName(): string | undefined {
    return this.identity.tenantName;
  }
  get user(): AuthUser | undefined {
    return this.identity.user;
  }
  get regions(): string[] {
    return this.identity.regions;
  }
  /** The region setting, else the user's default region, else undefined. */
  get defaultRegion(): string | undefined {
    const id = this.identity;
    return id.region ?? id.user?.defaultRegion;
  }
  get serviceCatalog(): ServiceCatalog | undefined {
    return this.identity.serviceCatalog;
  }
  /** Catalog services (empty before authentication). */
  get services(): readonly CatalogService[] {
    return this.identity.serviceCatalog?.services ?? [];
  }

  get username(): string | undefined {
    return this.identity.username;
  }
  set username(v: string | undefined) {
    this.#setCredentials({ username: v });
  }
  set password(v: string) {
    this.#setCredentials({ password: v });
  }
  set apiKey(v: string) {
    this.#setCredentials({ apiKey: v });
  }

  /**
   * pyrax `set_credentials(username, password)`: the secret is an API key for Rackspace and a
   * password for Keystone. The object form says which.
   */
  setCredentials(username: string, secret: string): void;
  setCredentials(c: { username?: string; userId?: string; apiKey?: string; password?: string }): void;
  setCredentials(a: string | { username?: string; userId?: string; apiKey?: string; password?: string }, secret?: string): void {
    if (typeof a === "string") {
      checkValue("filled", a, "username");
      checkValue("filled", secret, "secret");
      const s = secret as string;
      this.#setCredentials(this.identityType === "rackspace" ? { username: a, apiKey: s } : { username: a, password: s });
      return;
    }
    checkOptions(CREDENTIALS, a, "");
    this.#setCredentials(a);
  }

  /** Read credentials from a pyrax credential file (`[rackspace_cloud]` or `[keystone]`). */
  setCredentialFile(path: string): void {
    const c = readCredentialFile(path, this.identityType);
    const id = this.identity;
    this.#setCredentials({ username: c.username, apiKey: c.apiKey, password: c.password });
    if (c.tenantId) id.tenantId = c.tenantId;
    if (c.tenantName) id.tenantName = c.tenantName;
  }

  /**
   * Credentials from the OS keychain (service "pyrax", as pyrax stores them) for `username` or the
   * keyring_username setting; then authenticate (unless `authenticate: false`). Needs `keytar`.
   */
  async keyringAuth(username?: string, o: { authenticate?: boolean; signal?: AbortSignal } = {}): Promise<this> {
    const user = username ?? (this.getSetting("keyringUsername") as string | undefined);
    const secret = await readKeychainSecret(user, this.#options.keychain);
    this.#setCredentials(
      this.identityType === "rackspace" ? { username: user, apiKey: secret } : { username: user, password: secret },
    );
    if (o.authenticate !== false) await this.authenticate(o.signal);
    return this;
  }

  /**
   * Authenticate with the stored credentials; a context given only a `token` (OS_TOKEN,
   * clouds.yaml `auth.token`) uses it as `authWithToken` does.
   */
  async authenticate(signal?: AbortSignal): Promise<this> {
    const id = this.identity;
    const token = this.#options.token;
    if (!id.hasCredentials && token !== undefined && !id.tokenOnly) {
      await id.authWithToken(token, {
        ...(id.tenantId !== undefined ? { tenantId: id.tenantId } : id.tenantName !== undefined ? { tenantName: id.tenantName } : {}),
        ...(signal ? { signal } : {}),
      });
      return this;
    }
    await id.authenticate(signal);
    return this;
  }

  /** Use a token obtained elsewhere (no automatic re-authentication). */
  async authWithToken(token: string, o: { tenantId?: string; tenantName?: string; signal?: AbortSignal } = {}): Promise<this> {
    await this.identity.authWithToken(token, o);
    return this;
  }

  /**
   * The URL of a service (type, pyrax name or alias) in a region, public or internal. Without a
   * region: the region setting → the account's default region (when the service has it) → the
   * service's only region → a `ValidationError` listing its regions.
   */
  getEndpoint(type: string, o: { region?: string; internal?: boolean; name?: string } = {}): string {
    const internal = o.internal ?? (this.#options.interface === "internal" ? true : undefined);
    return this.identity.endpoint({ type, ...o, ...(internal !== undefined ? { internal } : {}) });
  }

  /**
   * `new Cls(session, opts)`, cached per (class, region, internal, endpoint) so repeated calls
   * share one client. Works before authentication: the endpoint resolves on first use, choosing
   * the region as `getEndpoint` does.
   */
  client<C extends ServiceClient, O extends ServiceClientOptions = ServiceClientOptions>(
    Cls: ServiceClientClass<C, O>,
    o: ClientOptions & Omit<O, keyof ServiceClientOptions> = {} as ClientOptions & Omit<O, keyof ServiceClientOptions>,
  ): C {
    // The service's own options (object storage's segmentSize, …) pass through to its
    // constructor, which checks them; they are part of the cache key.
    const { region: _r, internal: _i, endpoint: _e, ...serviceOptions } = o as ClientOptions & Record<string, unknown>;
    checkOptions(CLIENT_OPTIONS, o, "");
    const id = this.identity;
    let internal = o.internal ?? (this.#options.interface === "internal" ? true : undefined);
    if (internal === undefined && id.useServicenet && Cls.serviceType && serviceKey(Cls.serviceType) === "object_store") {
      internal = true;
    }
    const region = o.region ?? id.region;
    const extra = Object.keys(serviceOptions).length === 0 ? "" : JSON.stringify(serviceOptions, Object.keys(serviceOptions).sort());
    const key = `${region?.toUpperCase() ?? ""}|${internal ? "internal" : "public"}|${o.endpoint ?? ""}|${extra}`;
    let byKey = this.#clients.get(Cls);
    if (!byKey) {
      byKey = new Map();
      this.#clients.set(Cls, byKey);
    }
    let c = byKey.get(key) as C | undefined;
    if (!c) {
      const opts: ServiceClientOptions = { ...serviceOptions };
      if (region !== undefined) opts.region = region;
      if (internal !== undefined) opts.internal = internal;
      if (o.endpoint !== undefined) opts.endpoint = o.endpoint;
      if (Cls.environmentVariables?.length && this.#options.env !== undefined && !("env" in serviceOptions)) (opts as { env?: EnvVars }).env = this.#options.env;
      c = new Cls(id, opts as O);
      // The context's logger is where a client's own `httpLogDebug` writes too (this turns nothing on).
      if (this.#options.logger !== undefined) c.setHttpDebug(undefined, this.#options.logger);
      byKey.set(key, c);
    }
    return c;
  }

  /** Forget token, catalog, credentials and cached clients (pyrax `clear_credentials`). */
  clearCredentials(): void {
    this.identity.clearCredentials();
    this.#clients.clear();
  }

  /** Alias of `clearCredentials`. */
  logout(): void {
    this.clearCredentials();
  }

  listEnvironments(): string[] {
    return this.#config.listEnvironments();
  }
  getEnvironment(): string {
    return this.#config.getEnvironment();
  }
  /** Switch environment: credentials, token and clients are dropped, as in pyrax. */
  setEnvironment(name: string): void {
    this.#config.setEnvironment(name);
    // The new environment's debug / verify_ssl / custom_user_agent need a transport of their own.
    const oldTransport = this.#ownTransport;
    this.#ownTransport = undefined;
    this.#current = this.#buildIdentity({ keepCredentials: false });
    this.#identityStale = false;
    this.#credentialsSetInCode = false;
    this.#clients.clear();
    void oldTransport?.close();
  }

  /**
   * A setting's value as this context uses it: an option given to `createContext` (until
   * `setSetting` changes it), else the config file, the `CLOUD_*` variable or the default. With
   * `env`, the value in that config environment.
   */
  getSetting<K extends SettingName>(key: K, env?: string): Settings[K];
  getSetting(key: string, env?: string): unknown;
  getSetting(key: string, env?: string): unknown {
    if (env === undefined || this.#isCurrentEnvironment(env)) {
      const name = settingName(key);
      const opt = name && OPTION_FOR_SETTING[name];
      if (opt && this.#options[opt] !== undefined) {
        const v = this.#options[opt];
        return name === "identityType" ? parseIdentityType(v, "identityType") : v;
      }
    }
    return this.#config.getSetting(key, env);
  }

  /**
   * Set a setting in code (pyrax `set_setting`); it reaches this context at once:
   * - `region`, `use_servicenet`: the next clients and endpoints;
   * - `debug`, `verify_ssl`, `custom_user_agent`: every request from now on, also of clients made
   *   before (same token). Refused when the context sends through a transport you passed in;
   * - `identity_type`, `auth_endpoint`, `tenant_id`, `tenant_name`, `auth_version`, `user_domain`,
   *   `project_domain`: a new identity with the same credentials, which authenticates on the next
   *   call; clients made before keep the old session.
   * Other keys (another package's settings) are stored as given.
   */
  setSetting(key: string, value: unknown, env?: string): void {
    const name = settingName(key);
    if (env !== undefined && !this.#isCurrentEnvironment(env)) {
      this.#config.setSetting(key, value, env);
      return;
    }
    if (name && TRANSPORT_SETTINGS.has(name) && this.#options.transport) {
      throw new ValidationError(
        key,
        `this context sends its requests through a transport you passed in (the "transport" option), so it cannot change ${key}; build that transport with the setting you want`,
      );
    }
    if (name === "identityType" && value !== undefined && value !== null) parseIdentityType(value, key);
    if (name === "authEndpoint" && value !== undefined && value !== null) checkEndpoint(value, key);
    this.#config.setSetting(key, value);
    if (!name) return;
    const opt = OPTION_FOR_SETTING[name];
    if (opt) delete this.#options[opt];
    const id = this.#current;
    if (name === "region") id.region = this.#config.getSetting("region");
    else if (name === "useServicenet") id.useServicenet = this.#config.getSetting("useServicenet") ?? false;
    else if (TRANSPORT_SETTINGS.has(name)) this.#replaceTransport();
    else if (IDENTITY_SETTINGS.has(name)) {
      this.#identityStale = true;
      this.#clients.clear();
    }
  }

  /**
   * pyrax `set_http_debug(on)`: the redacted HTTP log on or off for this context's requests;
   * `"verbose"` also logs headers and JSON/text bodies (pyrax's log showed requests and responses).
   * A client whose own `httpLogDebug` is set (pyrax's per-service `http_log_debug`) keeps it.
   */
  setHttpDebug(on: boolean | "verbose"): void {
    this.setSetting("debug", on);
  }

  /** Close the transport this context created. */
  async close(): Promise<void> {
    await this.#current.close();
    await this.#ownTransport?.close();
  }

  /** What printing the context shows: nothing secret. */
  toJSON(): Record<string, unknown> {
    const id = this.#current;
    return printedForm({
      identityType: id.identityType,
      environment: this.#config.getEnvironment(),
      username: id.username,
      userId: id.userId,
      tenantId: id.tenantId,
      region: id.region ?? id.user?.defaultRegion,
      authEndpoint: id.authEndpoint,
      authenticated: id.authenticated && !this.#identityStale,
    });
  }

  [INSPECT](depth: number, options: object, inspect: (v: unknown, o: object) => string): string {
    return `Context ${inspect(this.toJSON(), options)}`;
  }

  #isCurrentEnvironment(env: string): boolean {
    const current = this.#config.getEnvironment();
    if (env === current) return true;
    return (env === "default" || env === "settings") && current === this.#config.defaultEnvironment;
  }

  /** A setting as this context uses it (an option given to createContext wins). */
  #setting(name: SettingName): unknown {
    return this.getSetting(name);
  }

  /** The transport for this context's requests: the caller's, or one built from the settings. */
  #transport(): Transport {
    if (this.#options.transport) return this.#options.transport;
    this.#ownTransport ??= this.#newTransport();
    return this.#ownTransport;
  }

  #newTransport(): Transport {
    const opt = this.#options;
    const setting = this.#setting("debug");
    const debug = setting === "verbose" ? "verbose" : Boolean(setting);
    const userAgent = this.#setting("customUserAgent") as string | undefined;
    // verifySsl false: core's transport emits the RAX_INSECURE_TLS warning.
    const verifySsl = this.#setting("verifySsl") as boolean | undefined;
    return new Transport({
      ...opt.transportOptions,
      ...(userAgent !== undefined ? { userAgent } : {}),
      ...(verifySsl !== undefined ? { verifySsl } : {}),
      // The context decides: the transport must not turn logging on from process.env by itself.
      debug,
      ...(debug ? { logger: opt.logger ?? createDebugLogger({ enabled: true }) } : {}),
    });
  }

  #replaceTransport(): void {
    const old = this.#ownTransport;
    this.#ownTransport = this.#newTransport();
    this.#current.useTransport(this.#ownTransport);
    // Requests already sent finish on the old transport; close() waits for them.
    void old?.close();
  }

  #setCredentials(c: { username?: string; userId?: string; apiKey?: string; password?: string }): void {
    this.identity.setCredentials(c);
    this.#credentialsSetInCode = true;
  }

  #rebuildIdentity(): void {
    const old = this.#current;
    const next = this.#buildIdentity();
    // Credentials from options, a credential file or CLOUD_* are read again for the new identity
    // (a credential file's [keystone] section for Keystone); ones given later in code carry over.
    if (this.#credentialsSetInCode || !next.hasCredentials) old.copyCredentialsTo(next);
    this.#current = next;
    this.#identityStale = false;
  }

  #buildIdentity(o: { keepCredentials?: boolean } = {}): BaseIdentity {
    const opt = this.#options;
    const env = opt.env ?? process.env;
    const s = (k: SettingName): unknown => this.#setting(k);
    const identityType = parseIdentityType(s("identityType"), opt.identityType ? "identityType" : "identity_type");
    const keep = o.keepCredentials !== false;

    // Credentials: explicit → credential file → CLOUD_* environment variables.
    let username = keep ? opt.username : undefined;
    let apiKey = keep ? opt.apiKey : undefined;
    let password = keep ? opt.password : undefined;
    let tenantId = s("tenantId") as string | undefined;
    let tenantName = s("tenantName") as string | undefined;
    if (keep && opt.credentialFile && !apiKey && !password) {
      const c = readCredentialFile(opt.credentialFile, identityType);
      username ??= c.username;
      apiKey = c.apiKey;
      password = c.password;
      tenantId ??= c.tenantId;
      tenantName ??= c.tenantName;
    }
    if (!apiKey && !password) {
      username ??= nonEmpty(env.CLOUD_USERNAME);
      apiKey = nonEmpty(env.CLOUD_API_KEY);
      password = nonEmpty(env.CLOUD_PASSWORD);
    }
    registerSecret(apiKey);
    registerSecret(password);

    const common = {
      authEndpoint: s("authEndpoint") as string | undefined,
      username,
      userId: keep ? opt.userId : undefined,
      apiKey,
      password,
      tenantId,
      tenantName,
      region: s("region") as string | undefined,
      useServicenet: s("useServicenet") as boolean | undefined,
      refreshAheadMs: opt.refreshAheadMs,
      tokenStore: this.#tokenStore,
      transport: this.#transport(),
    };
    if (identityType === "rackspace") return new RackspaceIdentity(dropUndefined(common));
    return new KeystoneIdentity(
      dropUndefined({
        ...common,
        authVersion: s("authVersion") as KeystoneVersion | undefined,
        userDomain: s("userDomain") as string | undefined,
        userDomainId: opt.userDomainId,
        projectDomain: s("projectDomain") as string | undefined,
        projectDomainId: opt.projectDomainId,
        applicationCredentialId: keep ? opt.applicationCredentialId : undefined,
        applicationCredentialName: keep ? opt.applicationCredentialName : undefined,
        applicationCredentialSecret: keep ? opt.applicationCredentialSecret : undefined,
        domainId: opt.domainId,
        domainName: opt.domainName,
        systemScope: opt.systemScope,
      }),
    );
  }
}

function checkEndpoint(value: unknown, field: string): void {
  let ok = false;
  try {
    const u = new URL(String(value));
    ok = u.protocol === "http:" || u.protocol === "https:";
  } catch {
    ok = false;
  }
  if (!ok) throw new ValidationError(field, "must be an absolute http(s) URL");
}

/** pyrax `create_context(...)`: an unauthenticated context. */
export function createContext(options: ContextOptions = {}): Context {
  return new Context(options);
}

function nonEmpty(v: string | undefined): string | undefined {
  return v === undefined || v.trim() === "" ? undefined : v;
}

function dropUndefined<T extends Record<string, unknown>>(o: T): T {
  for (const k of Object.keys(o)) if (o[k] === undefined) delete o[k];
  return o;
}

function omitContextOnly(o: ContextOptions): Record<string, unknown> {
  if (o === null || typeof o !== "object") throw new ValidationError("options", "expected an object");
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(o)) if (!CONTEXT_ONLY.has(k)) out[k] = v;
  return out;
}
