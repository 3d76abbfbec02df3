import { presentedToken } from "../auth-check";
import type { EmulatorContext } from "../context";
import { storageAccountFor, type EmulatorUser } from "../identity/users";
import { aclAllows, isOperator, type AclAccess, type StorageActor } from "./acl";
import { swiftError } from "./errors";
import { pyQuote } from "./header-text";
import { TEMP_URL_METHODS } from "./limits";
import type { Account } from "./model";
import type { SwiftRequest } from "./swift-request";
import type { StorageTarget } from "./target";
import { checkTempUrl } from "./temp-url";

/** The user whose project owns a storage account, if any. */
function accountOwner(ctx: EmulatorContext, accountName: string): EmulatorUser | undefined {
  return ctx.state.users.list().find((u) => storageAccountFor(u.tenantId) === accountName);
}

/** The account a request names, created on first use as Swift's account autocreate does. */
export function storageAccount(ctx: EmulatorContext, region: string, name: string): Account | undefined {
  const owner = accountOwner(ctx, name);
  return owner ? ctx.state.storage.account(region, name, owner.tenantId) : undefined;
}

/** Swift's 401 names the account as its realm (swob's www_authenticate), %-escaped. */
function unauthorized(accountName: string): Response {
  const response = swiftError(401);
  response.headers.set("www-authenticate", `Swift realm="${pyQuote(accountName)}"`);
  return response;
}

/** 401 without a valid token, 403 with one. */
function refusal(actor: StorageActor | undefined, accountName: string): Response {
  return actor ? swiftError(403) : unauthorized(accountName);
}

/** Whether `actor` owns `account`: a token for its project with an operator role. */
export function ownsAccount(actor: StorageActor | undefined, account: Account): boolean {
  return actor !== undefined && actor.tenantId === account.tenantId && isOperator(actor);
}

/** What the request may do in an account besides what owning it allows (ACLs); undefined = allowed. */
export function deniedIn(r: Pick<SwiftRequest, "actor" | "request">, account: Account, container: string | undefined, access: AclAccess): Response | undefined {
  if (ownsAccount(r.actor, account)) return undefined;
  const grantable = container !== undefined && aclAllows(account.containers.get(container), access, r.actor, r.request.headers.get("referer"));
  if (grantable) return undefined;
  return refusal(r.actor, account.name);
}

function aclAccessFor(method: string, target: StorageTarget): AclAccess | undefined {
  if (target.container === undefined) return undefined;
  if (target.object === undefined) return method === "GET" || method === "HEAD" ? "list" : undefined;
  // COPY reads this object; the write is checked at the destination (object-copy.ts).
  if (method === "GET" || method === "HEAD" || method === "COPY") return "read";
  if (method === "PUT" || method === "POST" || method === "DELETE") return "write";
  return undefined;
}

/**
 * Authorises a Swift request the way the proxy's tempurl + keystoneauth do: a
 * temp-URL signature for object requests that carry one; else the account's
 * owner (a token for its project with an operator role) may do anything, and
 * anyone else — another project's user, or no token at all — what the
 * container's ACLs grant. Refusals are 401 without a valid token, 403 with one.
 */
export function authorizeStorage(ctx: EmulatorContext, request: Request, url: URL, target: StorageTarget): SwiftRequest | Response {
  const nowSeconds = ctx.state.clock.nowSeconds();
  if (url.searchParams.has("temp_url_sig")) {
    const allowed = (TEMP_URL_METHODS as readonly string[]).includes(request.method);
    const account = accountOwner(ctx, target.account) ? ctx.state.storage.findAccount(target.region, target.account) : undefined;
    if (!allowed || !account || !target.container || !target.object) return swiftError(401, "401 Unauthorized: Temp URL invalid\n");
    const container = account.containers.get(target.container);
    const grant = checkTempUrl(url, request.method, target.swiftPath, target.object, account, container, nowSeconds);
    if (!grant) return swiftError(401, "401 Unauthorized: Temp URL invalid\n");
    // Swift's tempurl will not let an anonymous writer create large objects or symlinks.
    if (request.method !== "GET" && request.method !== "HEAD")
      for (const header of ["X-Object-Manifest", "X-Symlink-Target"])
        if (request.headers.has(header)) return swiftError(400, `The header '${header}' is not allowed in this tempurl`);
    return { ctx, request, url, target, account, nowSeconds, grant, owner: true };
  }
  const check = presentedToken(ctx, request);
  let actor: StorageActor | undefined;
  if (check.ok && check.token.tenantId !== "") {
    const user = ctx.state.users.byId(check.token.userId);
    const project = ctx.state.users.list().find((u) => u.tenantId === check.token.tenantId);
    if (user) actor = { user, tenantId: check.token.tenantId, tenantName: project?.tenantName ?? check.token.tenantId };
  }
  const account = storageAccount(ctx, target.region, target.account);
  if (!account) return refusal(actor, target.account);
  const r: SwiftRequest = { ctx, request, url, target, account, nowSeconds, owner: ownsAccount(actor, account), ...(actor ? { actor } : {}) };
  if (r.owner) return r;
  const access = aclAccessFor(request.method, target);
  const denied = access ? deniedIn(r, account, target.container, access) : refusal(actor, account.name);
  return denied ?? r;
}
