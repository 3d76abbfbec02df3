import type { EmulatorContext } from "../context";
import { emptyResponse } from "../respond";
import { storageAccount } from "./access";
import { swiftError } from "./errors";
import type { Container } from "./model";
import type { StorageTarget } from "./target";

// In the order real Swift 2.30 lists them in `Allow` (checked for objects; containers and accounts alike).
const OBJECT_METHODS = ["GET", "PUT", "HEAD", "OPTIONS", "DELETE", "POST", "COPY"];
const CONTAINER_METHODS = ["GET", "PUT", "HEAD", "OPTIONS", "DELETE", "POST"];
const ACCOUNT_METHODS = ["GET", "HEAD", "OPTIONS", "POST"];

/** Response headers a CORS reader may see (Swift's simple and swift-specific ones). */
const EXPOSED = ["cache-control", "content-language", "content-type", "expires", "last-modified", "pragma", "etag", "x-timestamp", "x-trans-id", "x-openstack-request-id"];

function allowedOrigins(container: Container | undefined): string[] {
  return (container?.meta.get("access-control-allow-origin") ?? "").split(" ").filter(Boolean);
}

function originAllowed(container: Container | undefined, origin: string): boolean {
  const allowed = allowedOrigins(container);
  return allowed.includes(origin) || allowed.includes("*");
}

function containerOf(ctx: EmulatorContext, target: StorageTarget): Container | undefined {
  if (target.container === undefined) return undefined;
  return storageAccount(ctx, target.region, target.account)?.containers.get(target.container);
}

/**
 * OPTIONS, which Swift answers without a token: 200 with `Allow`; for a CORS
 * preflight (an Origin), the container's X-Container-Meta-Access-Control-*
 * decide — an origin or method it does not allow is 401.
 */
export function corsPreflight(ctx: EmulatorContext, request: Request, target: StorageTarget): Response {
  const methods = target.object !== undefined ? OBJECT_METHODS : target.container !== undefined ? CONTAINER_METHODS : ACCOUNT_METHODS;
  const headers: Record<string, string> = { allow: methods.join(", "), "content-type": "text/html; charset=UTF-8" };
  const origin = request.headers.get("origin");
  if (!origin || target.container === undefined) return emptyResponse(200, headers);
  const container = containerOf(ctx, target);
  if (!originAllowed(container, origin) || !methods.includes(request.headers.get("access-control-request-method") ?? "")) {
    const refused = swiftError(401);
    refused.headers.set("allow", headers.allow!);
    return refused;
  }
  const vary: string[] = [];
  if (allowedOrigins(container).join(" ") === "*") headers["access-control-allow-origin"] = "*";
  else {
    headers["access-control-allow-origin"] = origin;
    vary.push("Origin");
  }
  const maxAge = container?.meta.get("access-control-max-age");
  if (maxAge !== undefined) headers["access-control-max-age"] = maxAge;
  headers["access-control-allow-methods"] = methods.join(", ");
  const requested = [...new Set((request.headers.get("access-control-request-headers") ?? "").split(",").map((h) => h.trim()).filter(Boolean))];
  if (requested.length) {
    headers["access-control-allow-headers"] = requested.join(", ");
    vary.push("Access-Control-Request-Headers");
  }
  if (vary.length) headers.vary = vary.join(", ");
  return emptyResponse(200, headers);
}

/**
 * The CORS headers Swift adds to an answer for a request with an Origin
 * (strict mode: only for an origin the container allows).
 */
export function withCors(ctx: EmulatorContext, request: Request, target: StorageTarget, response: Response): Response {
  const origin = request.headers.get("origin");
  if (!origin || target.container === undefined || response.type === "error") return response;
  const container = containerOf(ctx, target);
  if (!originAllowed(container, origin)) return response;
  const h = response.headers;
  if (!h.has("access-control-expose-headers")) {
    const exposed = new Set(EXPOSED);
    h.forEach((_value, name) => {
      if (name.startsWith("x-container-meta") || name.startsWith("x-object-meta")) exposed.add(name);
    });
    for (const extra of (container?.meta.get("access-control-expose-headers") ?? "").split(" ")) if (extra.trim()) exposed.add(extra.trim().toLowerCase());
    h.set("access-control-expose-headers", [...exposed].join(", "));
  }
  if (!h.has("access-control-allow-origin")) {
    if (allowedOrigins(container).join(" ") === "*") h.set("access-control-allow-origin", "*");
    else {
      h.set("access-control-allow-origin", origin);
      h.set("vary", h.has("vary") ? `${h.get("vary")}, Origin` : "Origin");
    }
  }
  return response;
}
