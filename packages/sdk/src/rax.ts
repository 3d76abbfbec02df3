import { NotAuthenticated, ValidationError, type ServiceClient } from "@rax/core";
import { Context, serviceKey, type FromEnvironmentOptions } from "@rax/identity";
import { SERVICE_NAMES, SERVICES, type ServiceClientFor, type ServiceKey, type ServiceKeyOf, type ServiceName } from "./services";

/** `rax.ORD.compute`: every service's client in one region. */
export type RegionServices = { readonly [N in ServiceName]: ServiceClientFor<ServiceKeyOf<N>> };
/** Services with one endpoint for every region (pyrax: `pyrax.cloud_dns`, `pyrax.cloud_monitoring`). */
const REGIONLESS = new Set<ServiceKey>(["dns", "monitor"]);
type RegionlessKey = "dns" | "monitor";
/** The names (keys and aliases) of the regionless services. */
type RegionlessName = { [N in ServiceName]: ServiceKeyOf<N> extends RegionlessKey ? N : never }[ServiceName];

/** `rax.compute.ORD`: one service's client in every region. */
export type ServiceRegions<K extends ServiceKey> = { readonly [R in RackspaceRegion]: ServiceClientFor<K> } & {
  readonly [region: string]: ServiceClientFor<K> | undefined;
};

/**
 * A `Context` with pyrax's shortcuts: `rax.ORD.compute` and `rax.compute.ORD` are the same
 * client, and `rax.getClient("nova", "ORD", { public: false })` takes any service alias.
 * `rax.getEndpoint(name)` answers the URL the client of that name uses.
 */
export type Rax = Context & {
  getClient<N extends ServiceName>(service: N, region?: string, o?: { public?: boolean }): ServiceClientFor<ServiceKeyOf<N>>;
  getClient(service: string, region?: string, o?: { public?: boolean }): ServiceClient;
} & { readonly [N in Exclude<ServiceName, RegionlessName>]: ServiceRegions<ServiceKeyOf<N>> } & {
  /** Regionless: `rax.dns` is the client itself; `rax.dns.ORD` and `rax.ORD.dns` reach the same endpoint. */
  readonly [N in RegionlessName]: ServiceClientFor<ServiceKeyOf<N>> & ServiceRegions<ServiceKeyOf<N>>;
} & { readonly [R in RackspaceRegion]: RegionServices } & {
  readonly [region: string]: RegionServices | undefined;
};

/** Rackspace's regions are typed; any other region name works through index access (`rax["RegionOne"]`). */
export type RackspaceRegion = "DFW" | "ORD" | "IAD" | "LON" | "SYD" | "HKG";

/**
 * Keys that libraries and runtimes probe on any object (promise resolution, test matchers, React,
 * Immutable, inspection, event emitters). The proxy answers them as "not here", never as a region
 * or a service, so awaiting, printing or asserting on a context works.
 */
const PROBED_KEYS = new Set([
  "then",
  "catch",
  "finally",
  "toJSON",
  "inspect",
  "constructor",
  "prototype",
  "valueOf",
  "toString",
  "toLocaleString",
  "asymmetricMatch",
  "nodeType",
  "tagName",
  "length",
  "size",
  "_events",
  "domain",
]);

function isProbe(prop: string | symbol): boolean {
  return typeof prop === "symbol" || PROBED_KEYS.has(prop) || prop.startsWith("$$") || prop.startsWith("@@") || prop.startsWith("__");
}

/**
 * identity's `serviceKey()`, then the umbrella's names: `block_storage` is one of them and not an
 * identity alias, because `block-storage` is also Cinder v3's own catalog type, which identity must
 * keep apart from v1's `volume`; here it only picks the client class.
 */
const NAMED: ReadonlyMap<string, ServiceKey> = new Map(
  Object.entries(SERVICE_NAMES).flatMap(([key, names]) => names.map((n): [string, ServiceKey] => [n, key as ServiceKey])),
);

function shortcutKey(name: string): string {
  const key = serviceKey(name);
  return NAMED.get(key) ?? key;
}

function resolveService(name: string): ServiceKey {
  const key = shortcutKey(name);
  if (!Object.hasOwn(SERVICES, key)) {
    throw new ValidationError("service", `unknown service "${name}"; known: ${Object.keys(SERVICES).join(", ")}`);
  }
  return key as ServiceKey;
}

function knownService(name: string): ServiceKey | undefined {
  const key = shortcutKey(name);
  return Object.hasOwn(SERVICES, key) ? (key as ServiceKey) : undefined;
}

function getClient(ctx: Context, service: string, region?: string, o: { public?: boolean } = {}): ServiceClient {
  const Cls = SERVICES[resolveService(service)];
  return ctx.client(Cls as never, {
    ...(region !== undefined ? { region } : {}),
    ...(o.public === false ? { internal: true } : {}),
  }) as ServiceClient;
}

/**
 * One name, one service: for a service the umbrella has a client for, the endpoint is the one
 * that client uses (Cloud Networks may answer from Neutron or from the compute endpoint); other
 * names go to the catalog.
 */
function getEndpoint(ctx: Context, type: string, o: { region?: string; internal?: boolean; name?: string } = {}): string {
  if (o.name === undefined && knownService(type)) {
    return getClient(ctx, type, o.region, o.internal ? { public: false } : {}).endpoint;
  }
  return ctx.getEndpoint(type, o);
}

function requireAuth(ctx: Context, what: string): void {
  if (!ctx.authenticated) {
    throw new NotAuthenticated(`authenticate the context before using the ${what} shortcut`);
  }
}

/** The account's spelling of `name`, or the ValidationError both shortcut orders give. */
function region(ctx: Context, name: string): string {
  const found = ctx.regions.find((r) => r.toLowerCase() === name.toLowerCase());
  if (!found) {
    throw new ValidationError("region", `unknown region "${name}"; this account has: ${ctx.regions.join(", ") || "(none)"}`);
  }
  return found;
}

function regionView(ctx: Context, region: string): RegionServices {
  return new Proxy({} as RegionServices, {
    get(_t, prop) {
      if (isProbe(prop)) return undefined;
      return getClient(ctx, prop as string, region);
    },
    set(_t, prop) {
      throw viewIsNotAClient(prop, `rax.${region}`, `rax.${region}.<service>`);
    },
  });
}

/** `rax.compute`, read as `rax.<name>` (`name`: the key or alias the caller wrote). */
function serviceView(ctx: Context, service: ServiceKey, name: string): ServiceRegions<ServiceKey> {
  return new Proxy({} as ServiceRegions<ServiceKey>, {
    get(_t, prop) {
      if (isProbe(prop)) return undefined;
      requireAuth(ctx, `${service}.${String(prop)}`);
      return getClient(ctx, service, region(ctx, prop as string));
    },
    set(_t, prop) {
      throw viewIsNotAClient(prop, `rax.${name}`, `rax.<region>.${name}`);
    },
  });
}

/**
 * A view is made anew on each read and holds nothing: a property set on it (pyrax's
 * `pyrax.cloud_blockstorage.http_log_debug = True` ported as `rax.blockStorage.httpLogDebug = true`)
 * would vanish without effect, so it is refused, naming where it belongs.
 */
function viewIsNotAClient(prop: string | symbol, view: string, client: string): ValidationError {
  const name = String(prop);
  return new ValidationError(name, `${view} is a view over clients, not a client: set ${name} on a client (${client}.${name})`);
}

/** `rax.dns`: the client itself, which also answers region names (`rax.dns.ORD`) as the other services do. */
function regionlessView(ctx: Context, service: ServiceKey): ServiceClient {
  requireAuth(ctx, service);
  const client = getClient(ctx, service);
  return new Proxy(client, {
    get(target, prop) {
      if (typeof prop === "string" && !(prop in target) && !isProbe(prop) && ctx.regions.some((r) => r.toLowerCase() === prop.toLowerCase())) {
        return getClient(ctx, service, region(ctx, prop));
      }
      return memberOf(target, prop);
    },
  });
}

/**
 * A member read through a view, run on the object itself (whose #private fields a proxy receiver
 * could not reach). `constructor` is the class, not a method: bound, it would lose its statics
 * (`serviceType`) and its name (`util.inspect` printed "bound CloudDNS"), and `=== CloudDNS` failed.
 */
function memberOf(target: object, prop: string | symbol): unknown {
  const v: unknown = Reflect.get(target, prop, target);
  return typeof v === "function" && prop !== "constructor" ? v.bind(target) : v;
}

/** Wraps a context with the shortcuts; the context itself is unchanged and still usable. */
export function withShortcuts(ctx: Context): Rax {
  const own: Record<string, unknown> = {
    getClient: (service: string, region?: string, o?: { public?: boolean }) => getClient(ctx, service, region, o),
    getEndpoint: (type: string, o?: { region?: string; internal?: boolean; name?: string }) => getEndpoint(ctx, type, o),
  };
  return new Proxy(ctx, {
    get(target, prop) {
      if (typeof prop === "string" && Object.hasOwn(own, prop)) return own[prop];
      // The context's own members, symbols, and keys other code probes objects for.
      if (typeof prop !== "string" || prop in target || isProbe(prop)) return memberOf(target, prop);
      const service = knownService(prop);
      if (service) return REGIONLESS.has(service) ? regionlessView(target, service) : serviceView(target, service, prop);
      requireAuth(target, prop);
      return regionView(target, region(target, prop));
    },
  }) as Rax;
}

/**
 * pyrax's `create_context()` + `authenticate()` in one call, with shortcuts: settings come from the
 * config file, a credential file, `CLOUD_*` variables and the keychain, then explicit options.
 */
export async function connect(options: FromEnvironmentOptions = {}): Promise<Rax> {
  return withShortcuts(await Context.fromEnvironment(options));
}
