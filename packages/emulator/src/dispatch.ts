import { getResponse, http, type RequestHandler } from "msw";
import { markArrival } from "./arrival";
import type { ServiceRegistration } from "./catalog";
import type { EmulatorContext } from "./context";
import { fallbackHandlers } from "./fallback-handlers";
import { withUrl } from "./request-body";

/**
 * One msw handler that routes every request to the service whose endpoint it addresses, with
 * any `/<slug>/<REGION>` prefix stripped, so each service's handlers see the real service's paths.
 */
export function routeToServices(ctx: EmulatorContext, registrations: readonly ServiceRegistration[]): RequestHandler {
  const bySlug = new Map<string, RequestHandler[]>();
  for (const r of registrations) bySlug.set(r.definition.slug, r.handlers ? r.handlers(ctx) : []);
  const fallback = fallbackHandlers(ctx);
  return http.all("*", async ({ request }) => {
    const url = new URL(request.url);
    const found = ctx.endpoints.resolve(url);
    if (!found) return undefined;
    const { endpoint, path } = found;
    const routed = path === url.pathname ? request : withUrl(request, `${url.origin}${path}${url.search}`);
    markArrival(routed, endpoint);
    const handlers = bySlug.get(endpoint.service.slug) ?? [];
    const response = await getResponse(handlers, routed, { baseUrl: url.origin });
    if (response || endpoint.service.home) return response;
    return getResponse(fallback, routed, { baseUrl: url.origin });
  });
}
