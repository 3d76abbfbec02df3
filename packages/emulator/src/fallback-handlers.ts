import { http } from "msw";
import { findEndpoint } from "./arrival";
import { presentedToken } from "./auth-check";
import type { EmulatorContext } from "./context";
import { handled, jsonResponse } from "./respond";

/**
 * What a service endpoint answers when no handler of its service did (or it has none yet): the
 * token is still checked, so re-auth flows can be tested against any service, then 501.
 */
export function fallbackHandlers(ctx: EmulatorContext) {
  return [
    http.all(
      "*",
      handled(ctx, (request) => {
        const found = findEndpoint(ctx, request);
        if (!found || found.endpoint.service.home) return undefined;
        const check = presentedToken(ctx, request);
        if (!check.ok) return jsonResponse(401, { unauthorized: { code: 401, message: "No valid token provided. Please use the 'X-Auth-Token' header with a valid token." } });
        const { slug } = found.endpoint.service;
        return jsonResponse(501, { notImplemented: { code: 501, message: `The emulator does not implement ${slug} ${request.method} ${found.path} yet.` } });
      }),
    ),
  ];
}
