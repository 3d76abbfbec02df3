import { NotFound, type RaxResponse, ValidationError, httpErrorInit } from "@rax/core";
import { type AuthResult, parseV2Access } from "./auth-result";
import { BaseIdentity, type IdentityOptions } from "./base-identity";
import { ServiceCatalog } from "./catalog";

/** Rackspace Cloud Identity v2.0 (pyrax `AUTH_ENDPOINT`). */
export const RACKSPACE_AUTH_ENDPOINT = "https://identity.api.rackspacecloud.com/v2.0/";

/**
 * Rackspace Cloud Identity: API key (`RAX-KSKEY:apiKeyCredentials`) or password authentication,
 * and authentication with an existing token. An API key wins when both are set.
 */
export class RackspaceIdentity extends BaseIdentity {
  readonly identityType = "rackspace" as const;
  readonly adminVersion = "2.0" as const;

  constructor(opts: IdentityOptions = {}) {
    super(opts, RACKSPACE_AUTH_ENDPOINT);
  }

  get identityUrl(): string {
    return this.authEndpoint;
  }

  tokensUrl(): string {
    return `${this.authEndpoint}/tokens`;
  }

  /**
   * A 404 from the token path means the URL is not a Rackspace (v2.0) identity service: most often
   * the `/v2.0` is missing, or the URL is an OpenStack Keystone (v3 only since Queens), which needs
   * identity_type "keystone". The server's own 404 says neither.
   */
  protected override async postTokens(json: unknown, signal?: AbortSignal): Promise<{ res: RaxResponse; body: unknown }> {
    try {
      return await super.postTokens(json, signal);
    } catch (e) {
      if (!(e instanceof NotFound)) throw e;
      throw new NotFound(
        httpErrorInit(
          e,
          `No Rackspace identity token path at ${this.tokensUrl()} (404: ${e.serverMessage}): ` +
            `identity_type "rackspace" takes the identity service's v2.0 URL (default ${RACKSPACE_AUTH_ENDPOINT}); ` +
            'for an OpenStack Keystone set identity_type "keystone" with its /v3 URL',
        ),
      );
    }
  }

  /** The body POSTed to /tokens (holds secrets: never log it unredacted). */
  protected credentialsBody(): Record<string, unknown> {
    if (!this.username) throw new ValidationError("username", "required for Rackspace authentication");
    const { apiKey, password } = this.credentials();
    const auth: Record<string, unknown> = apiKey
      ? { "RAX-KSKEY:apiKeyCredentials": { username: this.username, apiKey } }
      : { passwordCredentials: { username: this.username, password } };
    if (this.tenantId) auth.tenantId = this.tenantId;
    else if (this.tenantName) auth.tenantName = this.tenantName;
    return { auth };
  }

  protected async performAuth(signal?: AbortSignal): Promise<AuthResult> {
    const { res, body } = await this.postTokens(this.credentialsBody(), signal);
    return parseV2Access(res, body);
  }

  protected async performTokenAuth(
    token: string,
    tenant: { tenantId?: string; tenantName?: string },
    signal?: AbortSignal,
  ): Promise<AuthResult> {
    const first = await this.tokenCall(token, tenant, signal);
    // A token scoped to the compute tenant gets no Cloud Files endpoints: pyrax asks again for the
    // tenant of the user's `object-store:default` role and merges that catalog.
    const filesTenant = first.user.roles.find((r) => r.name === "object-store:default")?.tenantId;
    const hasFiles = first.catalog.services.some((s) => s.key === "object_store");
    if (!filesTenant || hasFiles || filesTenant === first.tenantId) return first;
    const files = await this.tokenCall(token, { tenantId: filesTenant }, signal);
    return { ...first, catalog: new ServiceCatalog([...first.catalog.services, ...files.catalog.services]) };
  }

  private async tokenCall(
    token: string,
    tenant: { tenantId?: string; tenantName?: string },
    signal?: AbortSignal,
  ): Promise<AuthResult> {
    const auth: Record<string, unknown> = { token: { id: token } };
    if (tenant.tenantId) auth.tenantId = tenant.tenantId;
    else if (tenant.tenantName) auth.tenantName = tenant.tenantName;
    const { res, body } = await this.postTokens({ auth }, signal);
    return parseV2Access(res, body);
  }
}
