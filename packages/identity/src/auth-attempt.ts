import { type HttpError, httpErrorInit } from "@rax/core";
import { AuthenticationFailed } from "./identity-errors";

/**
 * The identity service refused a token request (`e`, its 401 — or Keystone v3's 404 for a token it
 * does not recognise) as `AuthenticationFailed`, saying what was sent and what to do next.
 */
export function authenticationFailed(e: HttpError, json: unknown): AuthenticationFailed {
  const what = describeAuthAttempt(json);
  const head = isTokenAttempt(json)
    ? `The token was not accepted (${e.serverMessage}): it is unknown, expired or revoked; get a new token and call authWithToken again`
    : `Incorrect/unauthorized credentials received (${e.serverMessage})`;
  return new AuthenticationFailed(httpErrorInit(e, what ? `${head}; sent: ${what}` : head));
}

/** A request that authenticates with an existing token (v2.0 `auth.token`, v3 method `token`). */
export function isTokenAttempt(json: unknown): boolean {
  const auth = record(record(json).auth);
  const methods = record(auth.identity).methods;
  return "token" in auth || (Array.isArray(methods) && methods.includes("token"));
}

/**
 * What a token request asked for, in words, for the message of a refused authentication. Keystone
 * answers the same 401 to a wrong password, an unknown user and a project the user has no role on,
 * so the message names what was sent (user, domains, project) for the user to check. Only named,
 * non-secret fields are read: passwords, API keys, tokens and application-credential secrets of
 * the body never reach the text.
 */
export function describeAuthAttempt(json: unknown): string {
  const auth = record(record(json).auth);
  const parts: string[] = [];
  if ("identity" in auth) {
    const identity = record(auth.identity);
    const methods = Array.isArray(identity.methods) ? identity.methods : [];
    if (methods.includes("password")) parts.push(`user ${ref(record(record(identity.password).user))}`);
    else if (methods.includes("application_credential")) {
      const cred = record(identity.application_credential);
      parts.push(
        typeof cred.id === "string"
          ? `application credential ${JSON.stringify(cred.id)}`
          : `application credential ${JSON.stringify(cred.name)} of user ${ref(record(cred.user))}`,
      );
    } else if (methods.includes("token")) parts.push("a token");
    const scope = record(auth.scope);
    if ("project" in scope) parts.push(`project ${ref(record(scope.project))}`);
    else if ("domain" in scope) parts.push(`domain ${ref(record(scope.domain))}`);
    else if ("system" in scope) parts.push("system scope");
  } else {
    const user = record(auth["RAX-KSKEY:apiKeyCredentials"] ?? auth.passwordCredentials);
    if (typeof user.username === "string") {
      parts.push(`user ${JSON.stringify(user.username)} with ${"RAX-KSKEY:apiKeyCredentials" in auth ? "an API key" : "a password"}`);
    } else if ("token" in auth) parts.push("a token");
    if (typeof auth.tenantId === "string") parts.push(`tenant id ${JSON.stringify(auth.tenantId)}`);
    else if (typeof auth.tenantName === "string") parts.push(`tenant ${JSON.stringify(auth.tenantName)}`);
  }
  return parts.join(", ");
}

function record(v: unknown): Record<string, unknown> {
  return v !== null && typeof v === "object" ? (v as Record<string, unknown>) : {};
}

/** `"demo" in domain "Default"`, or `id "ab12…"` — a v3 user / project / domain reference. */
function ref(r: Record<string, unknown>): string {
  const own = typeof r.id === "string" ? `id ${JSON.stringify(r.id)}` : JSON.stringify(typeof r.name === "string" ? r.name : "?");
  const domain = record(r.domain);
  if (typeof domain.id === "string") return `${own} in domain id ${JSON.stringify(domain.id)}`;
  if (typeof domain.name === "string") return `${own} in domain ${JSON.stringify(domain.name)}`;
  return own;
}
