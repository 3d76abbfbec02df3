import type { ServiceDefinition } from "./service-definition";

export type EndpointInterface = "public" | "internal";

/** One place a service answers: a service in one region (or global), over one interface. */
export interface ServedEndpoint {
  readonly service: ServiceDefinition;
  /** Undefined for global services (DNS, Monitoring, identity). */
  readonly region: string | undefined;
  readonly interface: EndpointInterface;
  /** The service's root, no trailing slash: `http://127.0.0.1:41234`, or `http://127.0.0.1:40000/object-store/DFW` in the "paths" layout. */
  readonly base: string;
}

/** Where a URL lands: the endpoint, and the path as the service itself sees it (prefix stripped). */
export interface Resolved {
  endpoint: ServedEndpoint;
  /** The URL path below the endpoint's root, starting with "/". */
  path: string;
}

export interface Placement {
  public: string;
  internal: string;
}

/** A (service, region) pair the catalog lists: each gets its own origin in the "endpoints" layout. */
export interface EndpointSlot {
  service: ServiceDefinition;
  region: string | undefined;
}

const key = (slug: string, region: string | undefined) => (region ? `${slug}/${region}` : slug);
const trim = (url: string) => url.replace(/\/+$/, "");

/**
 * The emulator's map between services and URLs, both ways: the catalog asks it for each
 * endpoint's base URL, the router asks it which endpoint a request arrived at. Bases are placed
 * once the server knows its ports (startEmulator) or the host names it answers to (createEmulator).
 */
export class EndpointDirectory {
  private readonly placed = new Map<string, Placement>();
  /** origin → [path prefix, endpoint], longest prefix first. */
  private byOrigin = new Map<string, Array<[string, ServedEndpoint]>>();
  private home: Placement = { public: "", internal: "" };

  constructor(
    readonly services: readonly ServiceDefinition[],
    readonly regions: readonly string[],
  ) {
    const slugs = new Set<string>();
    for (const s of services) {
      if (slugs.has(s.slug)) throw new TypeError(`two services registered as "${s.slug}"`);
      slugs.add(s.slug);
    }
  }

  regionsOf(service: ServiceDefinition): Array<string | undefined> {
    if (service.global) return [undefined];
    return this.regions.filter((r) => !service.onlyRegions || service.onlyRegions.includes(r));
  }

  /** Every (service, region) that is not served at home: one origin each in the "endpoints" layout. */
  slots(): EndpointSlot[] {
    return this.services.filter((s) => !s.home).flatMap((service) => this.regionsOf(service).map((region) => ({ service, region })));
  }

  /** The emulator's own URL (identity), and where each slot lives. Call again to move them. */
  place(home: Placement, where: (slot: EndpointSlot) => Placement): void {
    this.home = { public: trim(home.public), internal: trim(home.internal) };
    this.placed.clear();
    for (const slot of this.slots()) {
      const p = where(slot);
      this.placed.set(key(slot.service.slug, slot.region), { public: trim(p.public), internal: trim(p.internal) });
    }
    this.index();
  }

  /** Base URL (no trailing slash) of a service in a region over an interface. */
  base(slug: string, region: string | undefined, iface: EndpointInterface = "public"): string {
    const service = this.services.find((s) => s.slug === slug);
    if (!service) throw new TypeError(`no service "${slug}" in the emulator`);
    if (service.home) return this.home[iface];
    const placement = this.placed.get(key(slug, service.global ? undefined : region));
    if (!placement) throw new TypeError(`service "${slug}" has no endpoint in region ${region ?? "(global)"}`);
    return placement[iface];
  }

  /** Every endpoint, public and internal. */
  list(): ServedEndpoint[] {
    const out: ServedEndpoint[] = [];
    for (const service of this.services) {
      for (const region of service.home ? [undefined] : this.regionsOf(service)) {
        out.push({ service, region, interface: "public", base: this.base(service.slug, region, "public") });
        if (service.internal || service.home) out.push({ service, region, interface: "internal", base: this.base(service.slug, region, "internal") });
      }
    }
    return out;
  }

  /** Which endpoint a URL addresses, or undefined when it is none of the emulator's. */
  resolve(url: URL): Resolved | undefined {
    const candidates = this.byOrigin.get(url.origin) ?? this.byPort(url);
    if (!candidates) return undefined;
    const path = url.pathname;
    for (const [prefix, endpoint] of candidates) {
      if (prefix === "" || path === prefix || path.startsWith(`${prefix}/`)) {
        const rest = path.slice(prefix.length);
        return { endpoint, path: rest.startsWith("/") ? rest : `/${rest}` };
      }
    }
    return undefined;
  }

  /** A server reached under a name of its own choosing (0.0.0.0, a LAN address): the port alone decides. */
  private byPort(url: URL): Array<[string, ServedEndpoint]> | undefined {
    if (!url.port) return undefined;
    for (const [origin, list] of this.byOrigin) if (new URL(origin).port === url.port) return list;
    return undefined;
  }

  private index(): void {
    const byOrigin = new Map<string, Array<[string, ServedEndpoint]>>();
    const add = (base: string, endpoint: ServedEndpoint) => {
      const url = new URL(base);
      const prefix = trim(url.pathname);
      const list = byOrigin.get(url.origin) ?? [];
      if (!list.some(([p]) => p === prefix)) list.push([prefix, endpoint]);
      byOrigin.set(url.origin, list);
    };
    for (const endpoint of this.list()) add(endpoint.base, endpoint);
    // The home origin also answers every service under `/<slug>[/<REGION>]` (the "paths" layout,
    // kept in the other layout for URLs written before it) and identity under `/identity`.
    for (const iface of ["public", "internal"] as const) {
      const home = this.home[iface];
      for (const service of this.services) {
        if (service.home) {
          add(`${home}/${service.slug}`, { service, region: undefined, interface: iface, base: home });
          continue;
        }
        if (iface === "internal" && !service.internal) continue;
        for (const region of this.regionsOf(service)) {
          add(`${home}/${key(service.slug, region)}`, { service, region, interface: iface, base: this.base(service.slug, region, iface) });
        }
      }
    }
    for (const list of byOrigin.values()) list.sort((a, b) => b[0].length - a[0].length);
    this.byOrigin = byOrigin;
  }
}
