import * as z from "zod";
import {
  type AuthSession,
  type DebugLogger,
  type ServiceClient,
  type ServiceClientOptions,
  type Transport,
  type TransportOptions,
  ValidationError,
  createDebugLogger,
  registerSecret,
  validate,
} from "@rax/core";
import type { AuthUser } from "./auth-result";
import type { BaseIdentity } from "./base-identity";
import type { CatalogService, ServiceCatalog } from "./catalog";
import { Config, type EnvVars } from "./config";
import { readCredentialFile } from "./credential-file";
import { type IdentityType, parseIdentityType } from "./identity-type";
import { type Keychain, readKeychainSecret } from "./keychain";
import { KeystoneIdentity, type KeystoneVersion } from "./keystone-identity";
import { RackspaceIdentity } from "./rackspace-identity";
import { serviceKey } from "./service-aliases";
import type { SettingName, Settings } from "./settings";

const optString = z.string().trim().min(1, "must be a non-empty string").optional();

const contextOptionsSchema = z.looseObject({
  identityType: z.enum(["rackspace", "keystone"]).optional(),
  environment: optString,
  username: optString,
  userId: optString,
  apiKey: optString,
  password: optString,
  tenantId: optString,
  tenantName: optString,
  authEndpoint: z.url({ protocol: /^https?$/, error: "must be an http(s) URL" }).optional(),
  region: optString,
  authVersion: z.enum(["2.0", "2", "3", "v2.0", "v3"]).optional(),
  userDomain: optString,
  userDomainId: optString,
  projectDomain: optString,
  projectDomainId: optString,
  verifySsl: z.boolean().optional(),
  useServicenet: z.boolean().optional(),
  userAgent: z.string().optional(),
  debug: z.boolean().optional(),
  credentialFile: optString,
  refreshAheadMs: z.number().int().min(0).optional(),
});

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
  /** Print redacted HTTP traffic (the debug setting). */
  debug?: boolean;
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
}

export interface FromEnvironmentOptions extends ContextOptions {
  /** Authenticate before returning when credentials are available (default true). */
  authenticate?: boolean;
  signal?: AbortSignal;
}

/** A service client class: `new Cls(session, opts)`. */
export type ServiceClientClass<C> = (new (session: AuthSession, opts?: ServiceClientOptions) => C) & {
  readonly serviceType?: string;
  readonly serviceName?: string;
};

export interface ClientOptions {
  region?: string;
  /** Internal (ServiceNet) URL; default false, except object storage with use_servicenet. */
  internal?: boolean;
  /** Skip the catalog and use this base URL. */
  endpoint?: string;
}

const CONTEXT_ONLY = new Set(["env", "configFile", "config", "environment", "keychain", "transport", "transportOptions", "logger"]);

/**
 * One authenticated session with its settings, credentials and service clients. Create as many as
 * you like: each has its own token and catalog.
 */
export class Context {
  readonly config: Config;
  private readonly options: ContextOptions;
  private current!: BaseIdentity;
  private readonly clients = new Map<unknown, Map<string, unknown>>();

  constructor(options: ContextOptions = {}) {
    validate(contextOptionsSchema, omitContextOnly(options), "");
    this.options = { ...options };
    this.config =
      options.config ??
      new Config({
        ...(options.env ? { env: options.env } : {}),
        ...(options.configFile !== undefined ? { configFile: options.configFile } : {}),
      });
    if (options.environment !== undefined) this.config.setEnvironment(options.environment);
    this.current = this.buildIdentity();
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
    if (authenticate && ctx.identity.hasCredentials) await ctx.authenticate(signal);
    return ctx;
  }

  /** The identity (an AuthSession) behind this context. */
  get identity(): BaseIdentity {
    return this.current;
  }

  /** Same object as `identity`, typed as what service clients need. */
  get session(): AuthSession {
    return this.current;
  }

  get identityType(): IdentityType {
    return this.current.identityType;
  }

  get authenticated(): boolean {
    return this.current.authenticated;
  }
  get token(): string | undefined {
    return this.current.token;
  }
  get expires(): Date | undefined {
    return this.current.expires;
  }
  get tenantId(): string | undefined {
    return this.current.tenantId;
  }
  get tenantName(): string | undefined {
    return this.current.tenantName;
  }
  get user(): AuthUser | undefined {
    return this.current.user;
  }
  get regions(): string[] {
    return this.current.regions;
  }
  /** The region setting, else the user's default region, else undefined. */
  get defaultRegion(): string | undefined {
    return this.current.region ?? this.current.user?.defaultRegion;
  }
  get serviceCatalog(): ServiceCatalog | undefined {
    return this.current.serviceCatalog;
  }
  /** Catalog services (empty before authentication). */
  get services(): readonly CatalogService[] {
    return this.current.serviceCatalog?.services ?? [];
  }

  get username(): string | undefined {
    return this.current.username;
  }
  set username(v: string | undefined) {
    this.current.setCredentials({ username: v });
  }
  set password(v: string) {
    this.current.setCredentials({ password: v });
  }
  set apiKey(v: string) {
    this.current.setCredentials({ apiKey: v });
  }

  /**
   * pyrax `set_credentials(username, password)`: the secret is an API key for Rackspace and a
   * password for Keystone. The object form says which.
   */
  setCredentials(username: string, secret: string): void;
  setCredentials(c: { username?: string; userId?: string; apiKey?: string; password?: string }): void;
  setCredentials(a: string | { username?: string; userId?: string; apiKey?: string; password?: string }, secret?: string): void {
    if (typeof a === "string") {
      validate(z.string().min(1), a, "username");
      validate(z.string().min(1, "must be a non-empty string"), secret, "secret");
      const s = secret as string;
      this.current.setCredentials(this.identityType === "rackspace" ? { username: a, apiKey: s } : { username: a, password: s });
      return;
    }
    validate(
      z.object({ username: optString, userId: optString, apiKey: optString, password: optString }),
      a,
      "",
    );
    this.current.setCredentials(a);
  }

  /** Read credentials from a pyrax credential file (`[rackspace_cloud]` or `[keystone]`). */
  setCredentialFile(path: string): void {
    const c = readCredentialFile(path, this.identityType);
    this.current.setCredentials({ username: c.username, apiKey: c.apiKey, password: c.password });
    if (c.tenantId) this.current.tenantId = c.tenantId;
    if (c.tenantName) this.current.tenantName = c.tenantName;
  }

  /**
   * Credentials from the OS keychain (service "pyrax", as pyrax stores them) for `username` or the
   * keyring_username setting; then authenticate (unless `authenticate: false`). Needs `keytar`.
   */
  async keyringAuth(username?: string, o: { authenticate?: boolean; signal?: AbortSignal } = {}): Promise<this> {
    const user = username ?? (this.getSetting("keyringUsername") as string | undefined);
    const secret = await readKeychainSecret(user, this.options.keychain);
    this.current.setCredentials(
      this.identityType === "rackspace" ? { username: user, apiKey: secret } : { username: user, password: secret },
    );
    if (o.authenticate !== false) await this.authenticate(o.signal);
    return this;
  }

  /** Authenticate with the stored credentials. */
  async authenticate(signal?: AbortSignal): Promise<this> {
    await this.current.authenticate(signal);
    return this;
  }

  /** Use a token obtained elsewhere (no automatic re-authentication). */
  async authWithToken(token: string, o: { tenantId?: string; tenantName?: string; signal?: AbortSignal } = {}): Promise<this> {
    await this.current.authWithToken(token, o);
    return this;
  }

  /** The URL of a service (type, pyrax name or alias) in a region, public or internal. */
  getEndpoint(type: string, o: { region?: string; internal?: boolean; name?: string } = {}): string {
    return this.current.endpoint({ type, ...o });
  }

  /**
   * `new Cls(session, opts)`, cached per (class, region, internal, endpoint) so repeated calls
   * share one client. Works before authentication: the endpoint resolves on first use.
   */
  client<C extends ServiceClient>(Cls: ServiceClientClass<C>, o: ClientOptions = {}): C {
    validate(
      z.object({ region: optString, internal: z.boolean().optional(), endpoint: z.url().optional() }),
      o,
      "",
    );
    let internal = o.internal;
    if (internal === undefined && this.current.useServicenet && Cls.serviceType && serviceKey(Cls.serviceType) === "object_store") {
      internal = true;
    }
    const region = o.region ?? this.current.region;
    const key = `${region?.toUpperCase() ?? ""}|${internal ? "internal" : "public"}|${o.endpoint ?? ""}`;
    let byKey = this.clients.get(Cls);
    if (!byKey) {
      byKey = new Map();
      this.clients.set(Cls, byKey);
    }
    let c = byKey.get(key) as C | undefined;
    if (!c) {
      const opts: ServiceClientOptions = {};
      if (region !== undefined) opts.region = region;
      if (internal !== undefined) opts.internal = internal;
      if (o.endpoint !== undefined) opts.endpoint = o.endpoint;
      c = new Cls(this.current, opts);
      byKey.set(key, c);
    }
    return c;
  }

  /** Forget token, catalog, credentials and cached clients (pyrax `clear_credentials`). */
  clearCredentials(): void {
    this.current.clearCredentials();
    this.clients.clear();
  }

  /** Alias of `clearCredentials`. */
  logout(): void {
    this.clearCredentials();
  }

  listEnvironments(): string[] {
    return this.config.listEnvironments();
  }
  getEnvironment(): string {
    return this.config.getEnvironment();
  }
  /** Switch environment: credentials, token and clients are dropped, as in pyrax. */
  setEnvironment(name: string): void {
    this.config.setEnvironment(name);
    const old = this.current;
    this.current = this.buildIdentity({ keepCredentials: false });
    this.clients.clear();
    void old.close();
  }
  getSetting<K extends SettingName>(key: K, env?: string): Settings[K];
  getSetting(key: string, env?: string): unknown;
  getSetting(key: string, env?: string): unknown {
    return this.config.getSetting(key, env);
  }
  /** Set a setting in code; `region` and `useServicenet` apply to this context at once. */
  setSetting(key: string, value: unknown, env?: string): void {
    this.config.setSetting(key, value, env);
    if (env === undefined || env === this.config.getEnvironment()) {
      this.current.region = this.config.getSetting("region");
      this.current.useServicenet = this.config.getSetting("useServicenet") ?? false;
    }
  }

  /** Close the transport this context created. */
  async close(): Promise<void> {
    await this.current.close();
  }

  private buildIdentity(o: { keepCredentials?: boolean } = {}): BaseIdentity {
    const opt = this.options;
    const env = opt.env ?? process.env;
    const s = (k: SettingName): unknown => this.config.getSetting(k);
    const identityType = parseIdentityType(opt.identityType ?? s("identityType"), opt.identityType ? "identityType" : "identity_type");
    const keep = o.keepCredentials !== false;

    // Credentials: explicit → credential file → CLOUD_* environment variables.
    let username = keep ? opt.username : undefined;
    let apiKey = keep ? opt.apiKey : undefined;
    let password = keep ? opt.password : undefined;
    let tenantId = opt.tenantId ?? (s("tenantId") as string | undefined);
    let tenantName = opt.tenantName ?? (s("tenantName") as string | undefined);
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

    // verifySsl false: core's transport emits the RAX_INSECURE_TLS warning.
    const verifySsl = opt.verifySsl ?? (s("verifySsl") as boolean | undefined);
    const debug = opt.debug ?? (s("debug") as boolean | undefined) ?? false;
    const logger = opt.logger ?? (debug ? createDebugLogger({ enabled: true }) : undefined);
    const userAgent = opt.userAgent ?? (s("customUserAgent") as string | undefined);

    const common = {
      authEndpoint: opt.authEndpoint ?? (s("authEndpoint") as string | undefined),
      username,
      userId: keep ? opt.userId : undefined,
      apiKey,
      password,
      tenantId,
      tenantName,
      region: opt.region ?? (s("region") as string | undefined),
      useServicenet: opt.useServicenet ?? (s("useServicenet") as boolean | undefined),
      refreshAheadMs: opt.refreshAheadMs,
      transport: opt.transport,
      transportOptions: opt.transportOptions,
      userAgent,
      verifySsl,
      logger: debug || opt.logger ? logger : undefined,
    };
    if (identityType === "rackspace") return new RackspaceIdentity(dropUndefined(common));
    return new KeystoneIdentity(
      dropUndefined({
        ...common,
        authVersion: opt.authVersion ?? (s("authVersion") as KeystoneVersion | undefined),
        userDomain: opt.userDomain ?? (s("userDomain") as string | undefined),
        userDomainId: opt.userDomainId,
        projectDomain: opt.projectDomain ?? (s("projectDomain") as string | undefined),
        projectDomainId: opt.projectDomainId,
      }),
    );
  }
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
