import { Forbidden, NotFound, Unauthorized } from "@rax/core";

/** The identity service rejected the credentials (POST …/tokens answered 401). */
export class AuthenticationFailed extends Unauthorized {
  static override readonly errorName: string = "AuthenticationFailed";
}

/**
 * A token was rejected and the session cannot get another: it was created from an existing token
 * (`authWithToken`), so it holds no credentials. Authenticate again yourself and call
 * `authWithToken` with the new token (as pyrax documents).
 */
export class TokenOnlySession extends Unauthorized {
  static override readonly errorName: string = "TokenOnlySession";
}

/** An identity admin call was refused (401/403), pyrax's `AuthorizationFailure`. */
export class AuthorizationFailure extends Forbidden {
  static override readonly errorName: string = "AuthorizationFailure";
}

/** Identity admin: no such user. */
export class UserNotFound extends NotFound {
  static override readonly errorName: string = "UserNotFound";
}

/** Identity admin: no such tenant (project). */
export class TenantNotFound extends NotFound {
  static override readonly errorName: string = "TenantNotFound";
}
