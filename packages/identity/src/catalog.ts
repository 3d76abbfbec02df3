import { NoEndpointForService, ValidationError } from "@rax/core";
import { serviceKey } from "./service-aliases";

/** One endpoint of a catalog service. A missing `region` means the endpoint serves every region. */
export interface CatalogEndpoint {
  region?: string;
  publicUrl?: string;
  internalUrl?: string;
  adminUrl?: string;
  tenantId?: string;
  /** The endpoint as the server sent it (v2 entry, or the v3 entries merged per region). */
  raw: Record<string, unknown>;
}

export interface CatalogService {
  /** Catalog type as sent: `compute`, `object-store`, `rax:dns`. */
  type: string;
  /** Catalog name as sent: `cloudServersOpenStack`, `nova`. */
  name?: string;
  /** Normalised key: `compute`, `object_store`, `dns`. */
  key: string;
  endpoints: CatalogEndpoint[];
}

export interface EndpointQuery {
  /** Catalog type, pyrax service key or alias: `object-store`, `object_store`, `swift`, `cloudfiles`. */
  type: string;
  /** Preferred catalog name (`cloudFiles`); other services of the type are used when none has it. */
  name?: string;
  region?: string;
  /** Internal (ServiceNet) URL instead of the public one. */
  internal?: boolean;
}

export interface RegionFallbacks {
  /** The `region` setting: used when the query names none, and must exist. */
  configuredRegion?: string;
  /** The user's default region (Rackspace `RAX-AUTH:defaultRegion`): used when the service has it. */
  userDefaultRegion?: string;
}

export interface ResolvedEndpoint {
  url: string;
  /** The region the URL serves (the chosen region for region-less endpoints, if one was chosen). */
  region?: string;
  service: CatalogService;
}

function str(v: unknown): string | undefined {
  return typeof v === "string" && v !== "" ? v : undefined;
}

function obj(v: unknown): Record<string, unknown> | undefined {
  return v !== null && typeof v === "object" && !Array.isArray(v) ? (v as Record<string, unknown>) : undefined;
}

function compact<T extends object>(o: T): T {
  for (const k of Object.keys(o) as (keyof T)[]) if (o[k] === undefined) delete o[k];
  return o;
}

/**
 * Catalog types OpenStack now registers a service under, by the service key the seed's names map
 * to: Zaqar is `messaging` (not Cloud Queues' `rax:queues`), Cinder `block-storage` then `volumev3`
 * (Zed's catalog has no `volume`). Tried in order only when the key itself has no entry.
 */
const SUCCESSOR_TYPES: Readonly<Record<string, readonly string[]>> = {
  queues: ["messaging"],
  volume: ["block_storage", "volumev3"],
};

/**
 * The services and endpoints a token may use. Built from a v2.0 `access.serviceCatalog` or a v3
 * `token.catalog`; answers "which URL for this service, region and interface", choosing the region
 * as pyrax does and saying what exists when the answer is "none".
 */
export class ServiceCatalog {
  // The class refers to itself, so the build emits it as `class _ServiceCatalog`: this keeps its name
  // (non-enumerable, like a function's own; tests/packaging/export-names).
  static get name(): string {
    return "ServiceCatalog";
  }
  readonly services: readonly CatalogService[];

  constructor(services: CatalogService[]) {
    this.services = services;
  }

  /** From v2.0 `access.serviceCatalog` (Rackspace and Keystone v2.0). Unknown fields are kept in `raw`. */
  static fromV2(catalog: unknown): ServiceCatalog {
    const services: CatalogService[] = [];
    for (const entry of Array.isArray(catalog) ? catalog : []) {
      const e = obj(entry);
      const type = str(e?.type);
      if (!e || !type) continue;
      const endpoints: CatalogEndpoint[] = [];
      for (const ep of Array.isArray(e.endpoints) ? e.endpoints : []) {
        const raw = obj(ep);
        if (!raw) continue;
        endpoints.push(
          compact({
            region: str(raw.region),
            publicUrl: str(raw.publicURL),
            internalUrl: str(raw.internalURL) ?? str(raw.privateURL),
            adminUrl: str(raw.adminURL),
            tenantId: str(raw.tenantId),
            raw,
          }),
        );
      }
      services.push(compact({ type, name: str(e.name), key: serviceKey(type), endpoints }));
    }
    return new ServiceCatalog(services);
  }

  /** From v3 `token.catalog`: one endpoint per region, `interface` public/internal/admin mapped to URLs. */
  static fromV3(catalog: unknown): ServiceCatalog {
    const services: CatalogService[] = [];
    for (const entry of Array.isArray(catalog) ? catalog : []) {
      const e = obj(entry);
      const type = str(e?.type);
      if (!e || !type) continue;
      const byRegion = new Map<string, CatalogEndpoint>();
      for (const ep of Array.isArray(e.endpoints) ? e.endpoints : []) {
        const raw = obj(ep);
        const url = str(raw?.url);
        if (!raw || !url) continue;
        const region = str(raw.region_id) ?? str(raw.region);
        const slot: CatalogEndpoint = byRegion.get(region ?? "") ?? compact({ region, raw: {} });
        const iface = str(raw.interface)?.toLowerCase();
        if (iface === "public") slot.publicUrl = url;
        else if (iface === "internal") slot.internalUrl = url;
        else if (iface === "admin") slot.adminUrl = url;
        slot.raw[iface ?? "unknown"] = raw;
        byRegion.set(region ?? "", slot);
      }
      services.push(compact({ type, name: str(e.name), key: serviceKey(type), endpoints: [...byRegion.values()] }));
    }
    return new ServiceCatalog(services);
  }

  /** Every region any service names, in catalog order. */
  get regions(): string[] {
    const seen = new Map<string, string>();
    for (const s of this.services)
      for (const ep of s.endpoints) if (ep.region && !seen.has(ep.region.toUpperCase())) seen.set(ep.region.toUpperCase(), ep.region);
    return [...seen.values()];
  }

  /**
   * Services matching a type/alias (and preferring `name`), best first: a vendor-prefixed type
   * (`rax:dns`) before a plain one (Rackspace's Managed DNS `dns`), and never first-generation
   * `cloudServers` unless asked for by name.
   */
  candidates(type: string, name?: string): CatalogService[] {
    const wanted = serviceKey(type);
    const typeLower = type.trim().toLowerCase();
    const nameLower = name?.toLowerCase();
    let found = this.services.filter(
      (s) => s.key === wanted || s.type.toLowerCase() === typeLower || s.name?.toLowerCase() === typeLower,
    );
    // The seed's names (queues, marconi, volume, cloud_blockstorage) against a catalog that has only
    // the newer OpenStack types: take those, and only then, so a catalog with both keeps each apart.
    if (found.length === 0) {
      for (const successor of SUCCESSOR_TYPES[wanted] ?? []) {
        found = this.services.filter((s) => s.key === successor);
        if (found.length > 0) break;
      }
    }
    // First-generation Cloud Servers speaks a different API; the "cloudservers" alias means Nova.
    if (nameLower !== "cloudservers") {
      found = found.filter((s) => !(s.key === "compute" && s.name?.toLowerCase() === "cloudservers"));
    }
    const rank = (s: CatalogService): number =>
      (nameLower && s.name?.toLowerCase() === nameLower ? 0 : 2) + (s.type.includes(":") ? 0 : 1);
    return found.map((s, i) => ({ s, i })).sort((a, b) => rank(a.s) - rank(b.s) || a.i - b.i).map((x) => x.s);
  }

  /** Resolve a URL; see `resolve`. */
  url(q: EndpointQuery, fallbacks: RegionFallbacks = {}): string {
    return this.resolve(q, fallbacks).url;
  }

  /**
   * Region choice: `q.region` → `configuredRegion` → `userDefaultRegion` (when the service has it)
   * → the service's only region. Regions compare case-insensitively; region-less endpoints serve
   * every region. Throws `NoEndpointForService` (listing what exists) or, when the region is
   * ambiguous, `ValidationError` on `region` listing the regions to choose from.
   */
  resolve(q: EndpointQuery, fallbacks: RegionFallbacks = {}): ResolvedEndpoint {
    const services = this.candidates(q.type, q.name);
    if (services.length === 0) {
      const have = this.services.map((s) => (s.name ? `${s.type} (${s.name})` : s.type));
      throw new NoEndpointForService(
        q,
        `No service "${q.type}" in the service catalog; it has: ${have.length ? have.join(", ") : "nothing"}`,
      );
    }
    const all = services.flatMap((s) => s.endpoints.map((ep) => ({ s, ep })));
    const regions = uniqueRegions(all.map((x) => x.ep.region));
    const label = `"${q.type}"`;

    const inRegion = (region: string) => {
      const r = region.toUpperCase();
      const exact = all.filter((x) => x.ep.region?.toUpperCase() === r);
      return exact.length > 0 ? exact : all.filter((x) => x.ep.region === undefined);
    };

    let region: string | undefined;
    let matches: typeof all | undefined;
    const requested = q.region ?? fallbacks.configuredRegion;
    if (requested !== undefined) {
      matches = inRegion(requested);
      if (matches.length === 0) {
        const source = q.region !== undefined ? "" : " (from the region setting)";
        throw new NoEndpointForService(
          { ...q, region: requested },
          `Service ${label} has no endpoint in region "${requested}"${source}; its regions: ${regions.join(", ") || "none"}`,
        );
      }
      region = matches[0]?.ep.region ?? requested;
    } else {
      if (fallbacks.userDefaultRegion) {
        const m = inRegion(fallbacks.userDefaultRegion);
        if (m.length > 0) {
          matches = m;
          region = m[0]?.ep.region ?? fallbacks.userDefaultRegion;
        }
      }
      if (!matches) {
        if (regions.length > 1) {
          throw new ValidationError(
            "region",
            `service ${label} is offered in ${regions.join(", ")}; pass { region } or set the region setting`,
          );
        }
        region = regions[0];
        matches = region === undefined ? all : inRegion(region);
      }
    }

    const pick = matches.find((x) => (q.internal ? x.ep.internalUrl : x.ep.publicUrl));
    if (!pick) {
      const kind = q.internal ? "internal" : "public";
      const withKind = uniqueRegions(
        all.filter((x) => (q.internal ? x.ep.internalUrl : x.ep.publicUrl)).map((x) => x.ep.region ?? "(all regions)"),
      );
      throw new NoEndpointForService(
        { ...q, region },
        `Service ${label} has no ${kind} URL${region ? ` in region "${region}"` : ""}; ${kind} URLs exist in: ${
          withKind.join(", ") || "no region"
        }`,
      );
    }
    const url = (q.internal ? pick.ep.internalUrl : pick.ep.publicUrl) as string;
    return compact({ url, region, service: pick.s });
  }
}

function uniqueRegions(list: (string | undefined)[]): string[] {
  const seen = new Map<string, string>();
  for (const r of list) if (r !== undefined && !seen.has(r.toUpperCase())) seen.set(r.toUpperCase(), r);
  return [...seen.values()];
}
