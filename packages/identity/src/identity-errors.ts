import { Forbidden, type HttpErrorInit, namedError, NotFound, Unauthorized } from "@rax/core";

/** The identity service rejected the credentials (POST …/tokens answered 401). */
export class AuthenticationFailed extends /* @__PURE__ */ namedError(Unauthorized, "AuthenticationFailed") {}

/**
 * A token was rejected and the session cannot get another: it was created from an existing token
 * (`authWithToken`), so it holds no credentials. Authenticate again yourself and call
 * `authWithToken` with the new token (as pyrax documents).
 */
export class TokenOnlySession extends /* @__PURE__ */ namedError(Unauthorized, "TokenOnlySession") {}

/** An identity admin call was refused (401/403), pyrax's `AuthorizationFailure`. */
export class AuthorizationFailure extends /* @__PURE__ */ namedError(Forbidden, "AuthorizationFailure") {}

/** Identity admin: no such user. */
export class UserNotFound extends /* @__PURE__ */ namedError(NotFound, "UserNotFound") {}

/** Identity admin: no such tenant (project). */
export class TenantNotFound extends /* @__PURE__ */ namedError(NotFound, "TenantNotFound") {}

/**
 * The token path of the Keystone version the session asked for does not exist on this server
 * (a `/v2.0` auth URL against a Keystone that serves only v3, as every Keystone since Queens).
 * Still a `NotFound` (404); the message says which versions the server offers and where.
 */
export class KeystoneVersionNotServed extends NotFound {
  static override readonly errorName: string = "KeystoneVersionNotServed";
  /** What the server's version document lists (`[{ id: "v3.14", href: "http://…/v3/" }]`), empty when it could not be read. */
  readonly offered: readonly { id: string; href?: string }[];
  constructor(init: HttpErrorInit, offered: readonly { id: string; href?: string }[]) {
    super(init);
    this.offered = offered;
  }
}
