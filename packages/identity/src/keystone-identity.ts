import { HttpError, NotFound, type RaxResponse, ValidationError, registerSecret } from "@rax/core";
import { type AuthResult, parseV2Access, parseV3Token } from "./auth-result";
import { BaseIdentity, type IdentityOptions } from "./base-identity";
import { authenticationFailed, isTokenAttempt } from "./auth-attempt";
import { explainTokens404, notAKeystone } from "./keystone-versions";

export type KeystoneVersion = "2.0" | "3";

export interface KeystoneOptions extends IdentityOptions {
  /** "2.0" or "3". Default: from the endpoint path (`…/v2.0`, `…/v3`), else "3". */
  authVersion?: KeystoneVersion | "2" | "v2.0" | "v3";
  /** v3 user domain name (default "Default"), ignored when `userDomainId` is set. */
  userDomain?: string;
  userDomainId?: string;
  /** v3 domain of a project given by name (default "Default"), ignored when `projectDomainId` is set. */
  projectDomain?: string;
  projectDomainId?: string;
  /**
   * v3 application credential (what OpenStack dashboards hand out instead of a password): by
   * `applicationCredentialId`, or by `applicationCredentialName` with the user (`userId`, or
   * `username` + user domain). Takes the place of a password; the token is scoped by the credential.
   */
  applicationCredentialId?: string;
  applicationCredentialName?: string;
  applicationCredentialSecret?: string;
  /** v3 domain scope (instead of a project): by id, or by name. */
  domainId?: string;
  domainName?: string;
  /** v3 system scope: `"all"` (Keystone's only system). */
  systemScope?: string;
}

function normaliseVersion(v: string | undefined): KeystoneVersion | undefined {
  if (v === undefined) return undefined;
  const s = v.trim().toLowerCase().replace(/^v/, "");
  if (s === "2" || s === "2.0") return "2.0";
  if (s === "3" || s === "3.0") return "3";
  throw new ValidationError("authVersion", `expected "2.0" or "3", got "${v}"`);
}

/**
 * OpenStack Keystone, v2.0 (password or token, tenant by id or name) and v3 (password, token or
 * application credential; user by name + domain or by id; project scope by id or name + domain,
 * or domain / system scope). v3 takes the token from the `X-Subject-Token` header and the
 * endpoints from `token.catalog[].endpoints[]`.
 */
export class KeystoneIdentity extends BaseIdentity {
  // The class refers to itself, so the build emits it as `class _KeystoneIdentity`: this keeps its name
  // (non-enumerable, like a function's own; tests/packaging/export-names).
  static override get name(): string {
    return "KeystoneIdentity";
  }
  readonly identityType = "keystone" as const;
  readonly version: KeystoneVersion;
  userDomain?: string;
  userDomainId?: string;
  projectDomain?: string;
  projectDomainId?: string;
  applicationCredentialId?: string;
  applicationCredentialName?: string;
  domainId?: string;
  domainName?: string;
  systemScope?: string;
  readonly #base: string;
  #applicationCredentialSecret?: string;

  constructor(opts: KeystoneOptions = {}) {
    super(opts);
    const path = new URL(this.authEndpoint).pathname.replace(/\/+$/, "");
    const fromPath = /\/v3(\.\d+)?$/i.test(path) ? "3" : /\/v2(\.0)?$/i.test(path) ? "2.0" : undefined;
    const asked = normaliseVersion(opts.authVersion);
    if (asked && fromPath && asked !== fromPath) {
      throw new ValidationError("authVersion", `"${asked}" disagrees with the endpoint ${this.authEndpoint}`);
    }
    this.version = asked ?? fromPath ?? "3";
    // An unversioned endpoint ("http://keystone:5000") gets the version appended.
    this.#base = fromPath ? this.authEndpoint : `${this.authEndpoint}/${this.version === "3" ? "v3" : "v2.0"}`;
    this.userDomain = opts.userDomain;
    this.userDomainId = opts.userDomainId;
    this.projectDomain = opts.projectDomain;
    this.projectDomainId = opts.projectDomainId;
    this.applicationCredentialId = opts.applicationCredentialId;
    this.applicationCredentialName = opts.applicationCredentialName;
    this.domainId = opts.domainId;
    this.domainName = opts.domainName;
    this.systemScope = opts.systemScope;
    if (opts.applicationCredentialSecret !== undefined) {
      registerSecret(opts.applicationCredentialSecret);
      this.#applicationCredentialSecret = opts.applicationCredentialSecret;
    }
    const app = this.applicationCredentialId ?? this.applicationCredentialName;
    if (app !== undefined) {
      if (this.version !== "3") throw new ValidationError("applicationCredentialId", "application credentials need Keystone v3");
      if (this.#applicationCredentialSecret === undefined) {
        throw new ValidationError("applicationCredentialSecret", "required with an application credential");
      }
      if (this.applicationCredentialId === undefined && this.username === undefined && this.userId === undefined) {
        throw new ValidationError("applicationCredentialName", "an application credential given by name needs the user (username or userId)");
      }
    }
    const scopes = [this.tenantId ?? this.tenantName, this.domainId ?? this.domainName, this.systemScope].filter((v) => v !== undefined);
    if (scopes.length > 1) {
      throw new ValidationError("scope", "give one scope: a project (tenantId / tenantName), a domain (domainId / domainName) or systemScope");
    }
  }

  /** Credentials include an application credential (which needs no password). */
  override get hasCredentials(): boolean {
    if (this.#applicationCredentialSecret !== undefined && !this.tokenOnly) return true;
    return super.hasCredentials;
  }

  override copyCredentialsTo(other: BaseIdentity): void {
    super.copyCredentialsTo(other);
    if (other instanceof KeystoneIdentity && this.#applicationCredentialSecret !== undefined && !this.tokenOnly) {
      other.applicationCredentialId ??= this.applicationCredentialId;
      other.applicationCredentialName ??= this.applicationCredentialName;
      other.#applicationCredentialSecret ??= this.#applicationCredentialSecret;
    }
  }

  override clearCredentials(): void {
    super.clearCredentials();
    this.#applicationCredentialSecret = undefined;
  }

  protected override storeKeyScope(): Record<string, string | undefined> {
    return {
      userDomain: this.userDomain,
      userDomainId: this.userDomainId,
      projectDomain: this.projectDomain,
      projectDomainId: this.projectDomainId,
      domainId: this.domainId,
      domainName: this.domainName,
      systemScope: this.systemScope,
      applicationCredentialId: this.applicationCredentialId,
      applicationCredentialName: this.applicationCredentialName,
      applicationCredentialSecret: this.#applicationCredentialSecret,
    };
  }

  get adminVersion(): KeystoneVersion {
    return this.version;
  }

  /** The versioned identity base URL (`…/v2.0` or `…/v3`). */
  get identityUrl(): string {
    return this.#base;
  }

  tokensUrl(): string {
    return this.version === "3" ? `${this.#base}/auth/tokens` : `${this.#base}/tokens`;
  }

  /** A 404 from the token path usually means the server does not serve this version: say so. */
  protected override async postTokens(json: unknown, signal?: AbortSignal): Promise<{ res: RaxResponse; body: unknown }> {
    try {
      return await super.postTokens(json, signal);
    } catch (e) {
      if (!(e instanceof NotFound)) throw (e instanceof HttpError && notAKeystone(e, this.tokensUrl())) || e;
      const explained = await explainTokens404(e, {
        transport: this.transport,
        authEndpoint: this.authEndpoint,
        version: this.version,
        ...(signal ? { signal } : {}),
      });
      // Keystone v3 answers its own 404 ("Could not recognize Fernet token") to a token it does not
      // know, has revoked or let expire: for the caller a refused credential, not a missing
      // resource. A 404 that means a wrong URL was made a KeystoneVersionNotServed above.
      if (explained === e && isTokenAttempt(json)) throw authenticationFailed(e, json);
      throw explained;
    }
  }

  protected async performAuth(signal?: AbortSignal): Promise<AuthResult> {
    const { apiKey, password } = this.credentials();
    const secret = password ?? apiKey;
    if (this.version === "2.0") {
      if (!this.username) throw new ValidationError("username", "required for Keystone v2.0 authentication");
      const auth: Record<string, unknown> = { passwordCredentials: { username: this.username, password: secret } };
      this.addV2Tenant(auth, this);
      const { res, body } = await this.postTokens({ auth }, signal);
      return parseV2Access(res, body);
    }
    if (this.#applicationCredentialSecret !== undefined) return this.#postApplicationCredential(signal);
    if (!this.username && !this.userId) throw new ValidationError("username", "required for Keystone v3 authentication");
    const user: Record<string, unknown> = this.userId
      ? { id: this.userId, password: secret }
      : { name: this.username, domain: this.domainRef(this.userDomainId, this.userDomain), password: secret };
    return this.postV3({ methods: ["password"], password: { user } }, this, signal);
  }

  protected async performTokenAuth(
    token: string,
    tenant: { tenantId?: string; tenantName?: string },
    signal?: AbortSignal,
  ): Promise<AuthResult> {
    if (this.version === "2.0") {
      const auth: Record<string, unknown> = { token: { id: token } };
      this.addV2Tenant(auth, tenant);
      const { res, body } = await this.postTokens({ auth }, signal);
      return parseV2Access(res, body);
    }
    return this.postV3({ methods: ["token"], token: { id: token } }, tenant, signal);
  }

  private addV2Tenant(auth: Record<string, unknown>, t: { tenantId?: string; tenantName?: string }): void {
    if (t.tenantId) auth.tenantId = t.tenantId;
    else if (t.tenantName) auth.tenantName = t.tenantName;
  }

  private domainRef(id: string | undefined, name: string | undefined): Record<string, string> {
    return id ? { id } : { name: name ?? "Default" };
  }

  /** An application credential carries its own project: Keystone refuses any other scope with it. */
  #postApplicationCredential(signal?: AbortSignal): Promise<AuthResult> {
    const cred: Record<string, unknown> = { secret: this.#applicationCredentialSecret };
    if (this.applicationCredentialId) cred.id = this.applicationCredentialId;
    else {
      cred.name = this.applicationCredentialName;
      cred.user = this.userId
        ? { id: this.userId }
        : { name: this.username, domain: this.domainRef(this.userDomainId, this.userDomain) };
    }
    return this.postV3({ methods: ["application_credential"], application_credential: cred }, {}, signal, false);
  }

  private async postV3(
    identity: Record<string, unknown>,
    t: { tenantId?: string; tenantName?: string },
    signal?: AbortSignal,
    scoped = true,
  ): Promise<AuthResult> {
    const auth: Record<string, unknown> = { identity };
    if (!scoped) {
      // no scope: the application credential's project
    } else if (t.tenantId) auth.scope = { project: { id: t.tenantId } };
    else if (t.tenantName) {
      auth.scope = {
        project: { name: t.tenantName, domain: this.domainRef(this.projectDomainId, this.projectDomain) },
      };
    } else if (this.domainId) auth.scope = { domain: { id: this.domainId } };
    else if (this.domainName) auth.scope = { domain: { name: this.domainName } };
    else if (this.systemScope) auth.scope = { system: { [this.systemScope]: true } };
    const { res, body } = await this.postTokens({ auth }, signal);
    return parseV3Token(res, body);
  }
}
