import type { RequestHandler } from "msw";
import { DEFAULT_REGIONS, type ServiceRegistration } from "./catalog";
import { autoscaleHandlers } from "./autoscale/handlers";
import { withVolumeAttachments } from "./block-storage/attachments";
import { cinderHandlers } from "./block-storage/handlers";
import { cdnContentHandlers, cdnHandlers } from "./cdn/handlers";
import { troveHandlers } from "./databases/handlers";
import { computeHandlers } from "./compute/handlers";
import { designateHandlers } from "./designate/handlers";
import { cloudDnsHandlers } from "./dns/handlers";
import type { EmulatorContext } from "./context";
import { routeToServices } from "./dispatch";
import { EndpointDirectory, type EndpointSlot, type Placement, type ServedEndpoint } from "./endpoints";
import { faultHandlers } from "./fault-handler";
import { FaultRegistry } from "./faults";
import { identityHandlers } from "./identity/handlers";
import { clbHandlers } from "./load-balancers/handlers";
import { monitoringHandlers } from "./monitoring/handlers";
import { glanceHandlers } from "./images/handlers";
import { DEFAULT_USER, storageAccountFor, type EmulatorUser, type EmulatorUserInput } from "./identity/users";
import { neutronHandlers } from "./networks/neutron";
import { withCloudNetworks } from "./networks/os-networksv2";
import { objectStoreHandlers } from "./object-store/handlers";
import { queuesHandlers } from "./queues/handlers";
import type { RequestLogEntry } from "./request-log";
import { EmulatorState } from "./state";

/**
 * The emulator's service registry: a service is one entry, its catalog entry and its handlers
 * together. To add one, write `src/<service>/handlers.ts` exporting `(ctx) => RequestHandler[]`
 * whose paths are the real service's, relative to its root (Nova: `http.get("/v2/:tenantId/servers", …)`),
 * and put it beside its definition here: `{ definition: { type: "compute", … }, handlers: computeHandlers }`.
 * The emulator gives each (service, region) its own origin (a port under `startEmulator`, a host
 * name under `createEmulator`), lists it in both catalogs, and routes requests to the handlers;
 * `endpointOf(request)` (from `./arrival`) tells a handler the region and base URL the request
 * came to. Requests no handler answers get a token check, then 501 (`fallback-handlers.ts`).
 */
export const SERVICES: readonly ServiceRegistration[] = [
  {
    definition: { type: "identity", name: "keystone", slug: "identity", path: () => "/v3", global: true, home: true, listed: "v3" },
    handlers: identityHandlers,
  },
  { definition: { type: "compute", name: "cloudServersOpenStack", slug: "compute", path: (u) => `/v2/${u.tenantId}`, version: { id: "2", path: "/v2" } }, handlers: (ctx) => withVolumeAttachments(ctx, withCloudNetworks(ctx, computeHandlers(ctx))) },
  {
    definition: {
      type: "object-store",
      name: "cloudFiles",
      slug: "object-store",
      path: (u) => `/v1/${storageAccountFor(u.tenantId)}`,
      internal: true,
      tenantId: (u) => storageAccountFor(u.tenantId),
    },
    handlers: objectStoreHandlers,
  },
  {
    definition: {
      type: "rax:object-cdn",
      name: "cloudFilesCDN",
      slug: "cdn",
      path: (u) => `/v1/${storageAccountFor(u.tenantId)}`,
      tenantId: (u) => storageAccountFor(u.tenantId),
    },
    handlers: cdnHandlers,
  },
  // The public side of Cloud Files CDN: the URIs the CDN calls hand out (no catalog entry).
  { definition: { type: "rax:cdn-content", name: "cloudFilesCDNContent", slug: "cdn-content", path: () => "", global: true, listed: "none" }, handlers: cdnContentHandlers },
  { definition: { type: "rax:cdn", name: "rackCDN", slug: "rackcdn", path: (u) => `/v1.0/${u.tenantId}`, onlyRegions: ["DFW", "LON"] } },
  { definition: { type: "rax:dns", name: "cloudDNS", slug: "dns", path: (u) => `/v1.0/${u.tenantId}`, global: true }, handlers: cloudDnsHandlers },
  // OpenStack's Designate v2 (its own zones), listed only in Keystone v3's catalog at its bare root (as real Designate is listed).
  { definition: { type: "dns", name: "designate", slug: "designate", path: () => "", global: true, listed: "v3" }, handlers: designateHandlers },
  { definition: { type: "rax:load-balancer", name: "cloudLoadBalancers", slug: "load-balancers", path: (u) => `/v1.0/${u.tenantId}` }, handlers: clbHandlers },
  { definition: { type: "rax:autoscale", name: "autoscale", slug: "autoscale", path: (u) => `/v1.0/${u.tenantId}` }, handlers: autoscaleHandlers },
  { definition: { type: "rax:monitor", name: "cloudMonitoring", slug: "monitoring", path: (u) => `/v1.0/${u.tenantId}`, global: true }, handlers: monitoringHandlers },
  { definition: { type: "rax:queues", name: "cloudQueues", slug: "queues", path: (u) => `/v1/${u.tenantId}`, internal: true }, handlers: queuesHandlers },
  // OpenStack's Zaqar v2 over the same queues, listed only in Keystone v3's catalog at its bare root (as real Zaqar is listed).
  { definition: { type: "messaging", name: "zaqar", slug: "messaging", path: () => "", listed: "v3" }, handlers: queuesHandlers },
  { definition: { type: "image", name: "cloudImages", slug: "images", path: () => "/v2" }, handlers: glanceHandlers },
  { definition: { type: "network", name: "cloudNetworks", slug: "networks", path: () => "/v2.0" }, handlers: neutronHandlers },
  { definition: { type: "volume", name: "cloudBlockStorage", slug: "block-storage", path: (u) => `/v1/${u.tenantId}` }, handlers: cinderHandlers },
  // OpenStack's Cinder v3 over the same volumes, listed only in Keystone v3's catalog (as a real cloud lists it).
  { definition: { type: "volumev3", name: "cinderv3", slug: "volumev3", path: (u) => `/v3/${u.tenantId}`, listed: "v3" }, handlers: cinderHandlers },
  { definition: { type: "rax:database", name: "cloudDatabases", slug: "databases", path: (u) => `/v1.0/${u.tenantId}` }, handlers: troveHandlers },
  // OpenStack's Trove over the same instances, listed only in Keystone v3's catalog (as a real cloud lists it).
  { definition: { type: "database", name: "trove", slug: "trove", path: (u) => `/v1.0/${u.tenantId}`, listed: "v3" }, handlers: troveHandlers },
];

/**
 * Where services live. "endpoints" (default): each (service, region) at its own origin, with the
 * real service's paths (Swift `/v1/<account>` with `/info` at its root, Keystone `/v3` at the
 * emulator's root). "paths": everything on the emulator's one origin under `/<slug>/<REGION>`,
 * for a proxy in front that rewrites one origin (the home origin answers those prefixes in either layout).
 */
export type EmulatorLayout = "endpoints" | "paths";

export interface EmulatorOptions {
  /** The emulator's own URL (identity's root); default `http://emulator.rax.test`. startEmulator sets it to the server's address. */
  url?: string;
  /** Base URL advertised as internalURL (ServiceNet); default: `snet-` host names (see README). */
  internalUrl?: string;
  /** Regions in the catalog; default DFW, ORD, IAD, LON, SYD, HKG. The first is users' default region. */
  regions?: string[];
  /** Accounts to create; default one user `demo` / API key `demo-api-key` / password `demo-password`, tenant `123456`. */
  users?: EmulatorUserInput[];
  /** Default "endpoints": under createEmulator, each service and region at its own host name below `url`'s. */
  layout?: EmulatorLayout;
}

/** An emulator without a server: state plus msw handlers to mount in your own `setupServer`. */
export interface Emulator {
  readonly url: string;
  /** Rackspace / Keystone v2.0 base (POST `${authUrl}/tokens`). */
  readonly authUrl: string;
  /** Keystone v3 base (POST `${keystoneUrl}/auth/tokens`). */
  readonly keystoneUrl: string;
  readonly internalUrl: string;
  readonly handlers: RequestHandler[];
  readonly state: EmulatorState;
  readonly faults: FaultRegistry;
  /** Every request answered, oldest first: method, path (no query), status, service, region. */
  readonly requests: RequestLogEntry[];
  readonly users: EmulatorUser[];
  readonly regions: readonly string[];
  readonly layout: EmulatorLayout;
  /** Every endpoint the emulator serves (public and internal), with its base URL. */
  endpoints(): ServedEndpoint[];
  /** Base URL of a service (by slug or catalog type) in a region: `emu.endpoint("object-store", "ORD")`. */
  endpoint(service: string, region?: string, iface?: "public" | "internal"): string;
  clearRequests(): void;
}

const CONTEXT = Symbol("rax-emulator-context");

/** Every handler, in the order they must run: faults first, then the router to each service. */
export function createEmulatorHandlers(ctx: EmulatorContext, services: readonly ServiceRegistration[] = SERVICES): RequestHandler[] {
  const router = routeToServices(ctx, services);
  return [...faultHandlers(ctx, () => [router]), router];
}

/** Host names for the "endpoints" layout without a server: `object-store.ord.<host>`, `snet-object-store.ord.<host>`. */
function hostPlacement(home: URL, internal: URL | undefined, slot: EndpointSlot): Placement {
  const label = `${slot.service.slug}${slot.region ? `.${slot.region.toLowerCase()}` : ""}`;
  const at = (u: URL, prefix: string) => `${u.protocol}//${prefix}${label}.${u.host}`;
  return { public: at(home, ""), internal: internal ? at(internal, "") : at(home, "snet-") };
}

/** Prefixes for the "paths" layout: `<url>/object-store/ORD`. */
export function pathPlacement(publicUrl: string, internalUrl: string, slot: EndpointSlot): Placement {
  const suffix = `/${slot.service.slug}${slot.region ? `/${slot.region}` : ""}`;
  return { public: `${publicUrl}${suffix}`, internal: `${internalUrl}${suffix}` };
}

export function createEmulator(options: EmulatorOptions = {}): Emulator {
  const regions = options.regions?.length ? [...options.regions] : [...DEFAULT_REGIONS];
  const layout = options.layout ?? "endpoints";
  const state = new EmulatorState(regions[0]!);
  for (const user of options.users?.length ? options.users : [DEFAULT_USER]) state.users.add(user);
  const url = (options.url ?? "http://emulator.rax.test").replace(/\/+$/, "");
  const internalUrl = (options.internalUrl ?? url).replace(/\/+$/, "");
  const endpoints = new EndpointDirectory(
    SERVICES.map((s) => s.definition),
    regions,
  );
  const ctx: EmulatorContext = { state, faults: new FaultRegistry(), requests: [], regions, endpoints, publicUrl: url, internalUrl };
  const home = new URL(url);
  const internal = options.internalUrl ? new URL(internalUrl) : undefined;
  endpoints.place({ public: url, internal: internalUrl }, (slot) =>
    layout === "paths" ? pathPlacement(url, internalUrl, slot) : hostPlacement(home, internal, slot),
  );
  const handlers = createEmulatorHandlers(ctx);
  return {
    get url() {
      return ctx.publicUrl;
    },
    get authUrl() {
      return `${ctx.publicUrl}/v2.0`;
    },
    get keystoneUrl() {
      return `${ctx.publicUrl}/v3`;
    },
    get internalUrl() {
      return ctx.internalUrl;
    },
    handlers,
    state,
    faults: ctx.faults,
    requests: ctx.requests,
    get users() {
      return state.users.list();
    },
    regions,
    layout,
    endpoints: () => endpoints.list(),
    endpoint: (service, region, iface = "public") => {
      const def = endpoints.services.find((s) => s.slug === service || s.type === service);
      if (!def) throw new TypeError(`no service "${service}" in the emulator`);
      return endpoints.base(def.slug, region ?? (def.global ? undefined : regions[0]), iface);
    },
    clearRequests: () => {
      ctx.requests.length = 0;
    },
    // Kept reachable for startEmulator, which learns the URLs after listening.
    [CONTEXT]: ctx,
  } as Emulator;
}

export function contextOf(emulator: Emulator): EmulatorContext {
  return (emulator as unknown as Record<symbol, EmulatorContext>)[CONTEXT]!;
}
