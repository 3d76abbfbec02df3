import { NotAuthenticated, ValidationError, type ServiceClient } from "@rax/core";
import { Context, serviceKey, type FromEnvironmentOptions } from "@rax/identity";
import { SERVICES, type ServiceClientFor, type ServiceKey } from "./services";

/** `rax.ORD.compute`: every service's client in one region. */
export type RegionServices = { readonly [K in ServiceKey]: ServiceClientFor<K> };
/** `rax.compute.ORD`: one service's client in every region. */
export type ServiceRegions<K extends ServiceKey> = { readonly [R in RackspaceRegion]: ServiceClientFor<K> } & {
  readonly [region: string]: ServiceClientFor<K> | undefined;
};

/**
 * A `Context` with pyrax's shortcuts: `rax.ORD.compute` and `rax.compute.ORD` are the same
 * client, and `rax.getClient("nova", "ORD", { public: false })` takes any service alias.
 */
export type Rax = Context & {
  getClient<K extends ServiceKey>(service: K, region?: string, o?: { public?: boolean }): ServiceClientFor<K>;
  getClient(service: string, region?: string, o?: { public?: boolean }): ServiceClient;
} & { readonly [K in ServiceKey]: ServiceRegions<K> } & { readonly [R in RackspaceRegion]: RegionServices } & {
  readonly [region: string]: RegionServices | undefined;
};

/** Rackspace's regions are typed; any other region name works through index access (`rax["RegionOne"]`). */
export type RackspaceRegion = "DFW" | "ORD" | "IAD" | "LON" | "SYD" | "HKG";

function resolveService(name: string): ServiceKey {
  const key = serviceKey(name);
  if (!(key in SERVICES)) {
    throw new ValidationError("service", `unknown service "${name}"; known: ${Object.keys(SERVICES).join(", ")}`);
  }
  return key as ServiceKey;
}

function getClient(ctx: Context, service: string, region?: string, o: { public?: boolean } = {}): ServiceClient {
  const Cls = SERVICES[resolveService(service)];
  return ctx.client(Cls as never, {
    ...(region !== undefined ? { region } : {}),
    ...(o.public === false ? { internal: true } : {}),
  }) as ServiceClient;
}

function knownRegion(ctx: Context, name: string): string | undefined {
  if (!ctx.authenticated) return undefined;
  return ctx.regions.find((r) => r.toLowerCase() === name.toLowerCase());
}

function requireAuth(ctx: Context, what: string): void {
  if (!ctx.authenticated) {
    throw new NotAuthenticated(`authenticate the context before using the ${what} shortcut`);
  }
}

function regionView(ctx: Context, region: string): RegionServices {
  return new Proxy({} as RegionServices, {
    get(_t, prop) {
      if (typeof prop !== "string") return undefined;
      return getClient(ctx, prop, region);
    },
  });
}

function serviceView(ctx: Context, service: ServiceKey): ServiceRegions<ServiceKey> {
  return new Proxy({} as ServiceRegions<ServiceKey>, {
    get(_t, prop) {
      if (typeof prop !== "string") return undefined;
      requireAuth(ctx, `${service}.${prop}`);
      const region = knownRegion(ctx, prop);
      if (!region) {
        throw new ValidationError("region", `unknown region "${prop}"; this account has: ${ctx.regions.join(", ") || "(none)"}`);
      }
      return getClient(ctx, service, region);
    },
  });
}

/** Wraps a context with the shortcuts; the context itself is unchanged and still usable. */
export function withShortcuts(ctx: Context): Rax {
  return new Proxy(ctx, {
    get(target, prop, receiver) {
      if (prop === "getClient") {
        return (service: string, region?: string, o?: { public?: boolean }) => getClient(target, service, region, o);
      }
      if (typeof prop !== "string" || prop in target) {
        const v = Reflect.get(target, prop, target);
        return typeof v === "function" ? v.bind(target) : v;
      }
      let key: string | undefined;
      try {
        key = resolveService(prop);
      } catch {
        key = undefined;
      }
      if (key) return serviceView(target, key as ServiceKey);
      requireAuth(target, prop);
      const region = knownRegion(target, prop);
      if (region) return regionView(target, region);
      void receiver;
      return undefined;
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
