import { Forbidden, namedError, NotFound, Unauthorized } from "@rax/core";

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
