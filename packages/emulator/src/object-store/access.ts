import { presentedToken } from "../auth-check";
import type { EmulatorContext } from "../context";
import { storageAccountFor } from "../identity/users";
import { swiftError } from "./errors";
import { TEMP_URL_METHODS } from "./limits";
import type { SwiftRequest } from "./swift-request";
import type { StorageTarget } from "./target";
import { checkTempUrl } from "./temp-url";

/**
 * Authorises a Swift (or CDN management) request: a temp-URL signature for
 * object requests that carry one, else a live token scoped to the tenant
 * that owns the account. Missing / unknown / expired / revoked tokens → 401;
 * someone else's account → 403.
 */
export function authorizeStorage(ctx: EmulatorContext, request: Request, url: URL, target: StorageTarget): SwiftRequest | Response {
  const nowSeconds = ctx.state.clock.nowSeconds();
  const owner = ctx.state.users.list().find((u) => storageAccountFor(u.tenantId) === target.account);
  if (url.searchParams.has("temp_url_sig")) {
    const allowed = (TEMP_URL_METHODS as readonly string[]).includes(request.method);
    const account = owner ? ctx.state.storage.findAccount(target.region, target.account) : undefined;
    if (!allowed || !account || !target.container || !target.object) return swiftError(401, "401 Unauthorized: Temp URL invalid\n");
    const container = account.containers.get(target.container);
    const grant = checkTempUrl(url, request.method, target.swiftPath, target.object, account, container, nowSeconds);
    if (!grant) return swiftError(401, "401 Unauthorized: Temp URL invalid\n");
    return { ctx, request, url, target, account, nowSeconds, grant };
  }
  const check = presentedToken(ctx, request);
  if (!check.ok || check.token.tenantId === "") return swiftError(401);
  if (!owner || owner.tenantId !== check.token.tenantId) return swiftError(403);
  const account = ctx.state.storage.account(target.region, target.account, owner.tenantId);
  return { ctx, request, url, target, account, nowSeconds };
}
