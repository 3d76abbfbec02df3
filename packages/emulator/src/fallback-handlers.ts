import { http } from "msw";
import { presentedToken } from "./auth-check";
import { SERVICE_SLUGS } from "./catalog";
import type { EmulatorContext } from "./context";
import { handled, jsonResponse } from "./respond";
import { serviceOf } from "./request-log";

/**
 * Services that are in the catalog but have no behaviour yet still check the
 * token (so re-auth flows can be tested against any of them), then say 501.
 */
export function fallbackHandlers(ctx: EmulatorContext) {
  return [
    http.all(
      "*/:service/*",
      handled(ctx, (request) => {
        const service = serviceOf(new URL(request.url).pathname);
        if (!SERVICE_SLUGS.has(service)) return undefined;
        const check = presentedToken(ctx, request);
        if (!check.ok) return jsonResponse(401, { unauthorized: { code: 401, message: "No valid token provided. Please use the 'X-Auth-Token' header with a valid token." } });
        return jsonResponse(501, { notImplemented: { code: 501, message: `The emulator does not implement ${service} yet.` } });
      }),
    ),
  ];
}
