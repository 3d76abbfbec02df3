import type { RequestHandler } from "msw";
import type { EmulatorContext } from "./context";
import type { EmulatorUser } from "./identity/users";
import type { ServiceDefinition } from "./service-definition";

export type { ServiceDefinition } from "./service-definition";

export const DEFAULT_REGIONS = ["DFW", "ORD", "IAD", "LON", "SYD", "HKG"] as const;

/**
 * One service in the emulator's registry: its catalog entry and the msw handlers that answer it.
 *
 * Handler paths are relative to the service's root (`/v2.1/:tenantId/servers`, `/v1/*`, `/info`),
 * exactly as the real service's URLs read: the emulator routes a request to one service by the
 * origin (and, in the "paths" layout, the `/<slug>/<REGION>` prefix) it arrived at, strips any
 * prefix, and runs that service's handlers with `baseUrl` set to the endpoint's origin. Read the
 * region (and which interface) a request came in on with `endpointOf(request)`.
 * `handlers` omitted, or none of them answering: the token is checked, then 501.
 */
export interface ServiceRegistration {
  definition: ServiceDefinition;
  handlers?: (ctx: EmulatorContext) => RequestHandler[];
}

export interface CatalogEndpoint {
  region?: string;
  tenantId: string;
  publicURL: string;
  internalURL?: string;
  versionId?: string;
  versionInfo?: string;
  versionList?: string;
}

export interface CatalogService {
  type: string;
  name: string;
  endpoints: CatalogEndpoint[];
}

/** The v2.0-shaped catalog for one user; v3 renders it differently (identity/v3.ts). */
export function buildCatalog(ctx: EmulatorContext, user: EmulatorUser, flavour: "v2" | "v3" = "v2"): CatalogService[] {
  const listed = ctx.endpoints.services.filter((s) => s.listed === undefined || (s.listed === "v3" && flavour === "v3"));
  // A service with no endpoint in the configured regions (Rackspace CDN outside DFW/LON) is left
  // out, as Keystone builds its catalog from endpoints.
  return listed.filter((service) => ctx.endpoints.regionsOf(service).length > 0).map((service) => {
    const endpoints = ctx.endpoints.regionsOf(service).map((region): CatalogEndpoint => {
      const base = ctx.endpoints.base(service.slug, region, "public");
      const endpoint: CatalogEndpoint = {
        ...(region ? { region } : {}),
        tenantId: service.tenantId ? service.tenantId(user) : user.tenantId,
        publicURL: `${base}${service.path(user)}`,
      };
      if (service.internal) endpoint.internalURL = `${ctx.endpoints.base(service.slug, region, "internal")}${service.path(user)}`;
      if (service.version) {
        endpoint.versionId = service.version.id;
        endpoint.versionInfo = `${base}${service.version.path}`;
        endpoint.versionList = `${base}/`;
      }
      return endpoint;
    });
    return { type: service.type, name: service.name, endpoints };
  });
}
