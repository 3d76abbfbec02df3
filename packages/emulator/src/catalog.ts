import type { EmulatorContext } from "./context";
import { storageAccountFor, type EmulatorUser } from "./identity/users";

export const DEFAULT_REGIONS = ["DFW", "ORD", "IAD", "LON", "SYD", "HKG"] as const;

interface ServiceDefinition {
  type: string;
  name: string;
  /** First path segment the emulator serves the service under. */
  slug: string;
  /** Path after `/<slug>[/<REGION>]`, given the user. */
  path(user: EmulatorUser): string;
  /** Global services (DNS, Monitoring) have one endpoint without a region. */
  global?: boolean;
  /** Only these regions (Rackspace CDN is fronted from DFW and LON). */
  onlyRegions?: string[];
  /** Advertises an internalURL (ServiceNet) as Cloud Files and Queues do. */
  internal?: boolean;
  tenantId?(user: EmulatorUser): string;
  version?: { id: string; path: string };
}

/**
 * The 13 Rackspace services of reference/*.md "Endpoint" sections. Only
 * identity, Cloud Files and Cloud Files CDN have behaviour behind them; the
 * rest answer 501 once the token checks pass.
 */
export const SERVICES: readonly ServiceDefinition[] = [
  { type: "compute", name: "cloudServersOpenStack", slug: "compute", path: (u) => `/v2/${u.tenantId}`, version: { id: "2", path: "/v2" } },
  {
    type: "object-store",
    name: "cloudFiles",
    slug: "object-store",
    path: (u) => `/v1/${storageAccountFor(u.tenantId)}`,
    internal: true,
    tenantId: (u) => storageAccountFor(u.tenantId),
  },
  {
    type: "rax:object-cdn",
    name: "cloudFilesCDN",
    slug: "cdn",
    path: (u) => `/v1/${storageAccountFor(u.tenantId)}`,
    tenantId: (u) => storageAccountFor(u.tenantId),
  },
  { type: "rax:cdn", name: "rackCDN", slug: "rackcdn", path: (u) => `/v1.0/${u.tenantId}`, onlyRegions: ["DFW", "LON"] },
  { type: "rax:dns", name: "cloudDNS", slug: "dns", path: (u) => `/v1.0/${u.tenantId}`, global: true },
  { type: "rax:load-balancer", name: "cloudLoadBalancers", slug: "load-balancers", path: (u) => `/v1.0/${u.tenantId}` },
  { type: "rax:autoscale", name: "autoscale", slug: "autoscale", path: (u) => `/v1.0/${u.tenantId}` },
  { type: "rax:monitor", name: "cloudMonitoring", slug: "monitoring", path: (u) => `/v1.0/${u.tenantId}`, global: true },
  { type: "rax:queues", name: "cloudQueues", slug: "queues", path: (u) => `/v1/${u.tenantId}`, internal: true },
  { type: "image", name: "cloudImages", slug: "images", path: () => "/v2" },
  { type: "network", name: "cloudNetworks", slug: "networks", path: () => "/v2.0" },
  { type: "volume", name: "cloudBlockStorage", slug: "block-storage", path: (u) => `/v1/${u.tenantId}` },
  { type: "rax:database", name: "cloudDatabases", slug: "databases", path: (u) => `/v1.0/${u.tenantId}` },
];

export const SERVICE_SLUGS: ReadonlySet<string> = new Set(SERVICES.map((s) => s.slug));

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
export function buildCatalog(ctx: EmulatorContext, user: EmulatorUser): CatalogService[] {
  return SERVICES.map((service) => {
    const regions = service.global
      ? [undefined]
      : ctx.regions.filter((r) => !service.onlyRegions || service.onlyRegions.includes(r));
    const endpoints = regions.map((region): CatalogEndpoint => {
      const prefix = `/${service.slug}${region ? `/${region}` : ""}`;
      const endpoint: CatalogEndpoint = {
        ...(region ? { region } : {}),
        tenantId: service.tenantId ? service.tenantId(user) : user.tenantId,
        publicURL: `${ctx.publicUrl}${prefix}${service.path(user)}`,
      };
      if (service.internal) endpoint.internalURL = `${ctx.internalUrl}${prefix}${service.path(user)}`;
      if (service.version) {
        endpoint.versionId = service.version.id;
        endpoint.versionInfo = `${ctx.publicUrl}${prefix}${service.version.path}`;
        endpoint.versionList = `${ctx.publicUrl}${prefix}/`;
      }
      return endpoint;
    });
    return { type: service.type, name: service.name, endpoints };
  });
}
