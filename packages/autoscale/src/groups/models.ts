import { lazy } from "@rax/core";
import * as z from "zod/mini";
import { type WireLink, wireLink } from "../paging";
import { createPolicyInput, type PolicyData, toPolicy, toWirePolicy, wirePolicy } from "../policies/models";
import { listShape } from "../paging";
import { cooldownInput, metadataInput, nameInput, ref } from "../ref";

// Wire shapes: reference autoscale.md, "Groups" (GET /groups, /groups/{id}, /state, /config, /launch).

export const wireState = lazy(() =>
  z.looseObject({
    active: z.optional(z.array(z.looseObject({ id: z.string(), links: z.optional(z.array(wireLink())) }))),
    activeCapacity: z.optional(z.number()),
    desiredCapacity: z.optional(z.number()),
    pendingCapacity: z.optional(z.number()),
    paused: z.optional(z.boolean()),
    name: z.optional(z.string()),
    status: z.optional(z.string()),
    errors: z.optional(z.array(z.looseObject({ message: z.optional(z.string()) }))),
  }),
);
export type WireState = z.output<ReturnType<typeof wireState>>;

export const wireGroupConfig = lazy(() =>
  z.looseObject({
    name: z.string(),
    cooldown: z.optional(z.number()),
    minEntities: z.optional(z.number()),
    maxEntities: z.nullish(z.number()),
    metadata: z.nullish(z.record(z.string(), z.string())),
  }),
);
export type WireGroupConfig = z.output<ReturnType<typeof wireGroupConfig>>;

const wireServerArgs = lazy(() =>
  z.looseObject({
    name: z.optional(z.string()),
    flavorRef: z.optional(z.union([z.string(), z.number()])),
    imageRef: z.nullish(z.string()),
    metadata: z.nullish(z.record(z.string(), z.string())),
    personality: z.nullish(z.array(z.looseObject({ path: z.string(), contents: z.string() }))),
    networks: z.nullish(z.array(z.looseObject({ uuid: z.string() }))),
    "OS-DCF:diskConfig": z.optional(z.string()),
    key_name: z.nullish(z.string()),
    config_drive: z.optional(z.boolean()),
    user_data: z.optional(z.string()),
  }),
);
const wireLoadBalancer = lazy(() => z.looseObject({ loadBalancerId: z.union([z.number(), z.string()]), port: z.optional(z.number()), type: z.optional(z.string()) }));

export const wireLaunchConfig = lazy(() =>
  z.looseObject({
    type: z.string(),
    args: z.looseObject({ server: z.optional(wireServerArgs()), loadBalancers: z.nullish(z.array(wireLoadBalancer())) }),
  }),
);
export type WireLaunchConfig = z.output<ReturnType<typeof wireLaunchConfig>>;

export const wireGroup = lazy(() =>
  z.looseObject({
    id: z.string(),
    links: z.optional(z.array(wireLink())),
    groupConfiguration: z.optional(wireGroupConfig()),
    launchConfiguration: z.optional(wireLaunchConfig()),
    scalingPolicies: z.optional(z.array(wirePolicy())),
    state: z.optional(wireState()),
  }),
);
export type WireGroup = z.output<ReturnType<typeof wireGroup>>;

export const groupBody = lazy(() => z.looseObject({ group: wireGroup() }));
export const groupsBody = lazy(() => z.looseObject({ groups: z.array(wireGroup()), groups_links: z.optional(z.array(wireLink())) }));
export const stateBody = lazy(() => z.looseObject({ group: wireState() }));
export const configBody = lazy(() => z.looseObject({ groupConfiguration: wireGroupConfig() }));
export const launchBody = lazy(() => z.looseObject({ launchConfiguration: wireLaunchConfig() }));

/** Where a group stands (pyrax `get_state()`): its servers and capacities. */
export interface GroupStateData {
  /** Ids of the group's active servers. */
  active: string[];
  activeCapacity: number;
  /** The number of servers the group is converging on. */
  desiredCapacity: number;
  /** Servers being built (positive) or deleted (negative). */
  pendingCapacity: number;
  /** Policies and webhooks do not run while paused. */
  paused: boolean;
  name?: string;
  /** Otter's `status` (ACTIVE, ERROR…) where it sends one. */
  status?: string;
  /** Why the group is in ERROR (Otter's `errors[].message`), when it is. */
  errors?: string[];
}

/** The group's own settings (pyrax `get_configuration()`). */
export interface GroupConfigData {
  name: string;
  cooldown: number;
  minEntities: number;
  maxEntities: number;
  metadata: Record<string, string>;
}

/**
 * A load balancer new servers join: a Cloud Load Balancer (`loadBalancerId` + `port`; `type` absent or
 * `CloudLoadBalancer`) or a RackConnect v3 pool (`type: "RackConnectV3"`, a string id, no port).
 */
export interface LoadBalancerRef {
  loadBalancerId: number | string;
  port?: number;
  type?: string;
}

/** What each new server is built from (pyrax `get_launch_config()`). */
export interface LaunchConfigData {
  /** `launch_server`. */
  type: string;
  /** Base name: Otter prefixes `as<8 hex>-`. */
  serverName: string;
  flavor: string;
  image: string;
  diskConfig?: string;
  metadata: Record<string, string>;
  /** Files written on each server (`contents` base64, as sent). */
  personality: Array<{ path: string; contents: string }>;
  networks: Array<{ uuid: string }>;
  loadBalancers: LoadBalancerRef[];
  keyName?: string;
  configDrive?: boolean;
  /** Base64, as sent. */
  userData?: string;
  /** The launch configuration as Otter sent it. */
  raw: Record<string, unknown>;
}

/** A scaling group: its configuration and state, flat as pyrax's `ScalingGroup` prints it. */
export interface ScalingGroupData extends GroupStateData {
  id: string;
  name: string;
  /** From the group's configuration; absent on listing rows (Otter lists id and state only: `reload()`). */
  cooldown?: number;
  minEntities?: number;
  maxEntities?: number;
  metadata?: Record<string, string>;
  launchConfig?: LaunchConfigData;
  policies?: PolicyData[];
  links: WireLink[];
  /** Every field Otter sent, as sent. */
  raw: Record<string, unknown>;
}

export function toState(w: WireState | undefined): GroupStateData {
  return {
    active: (w?.active ?? []).map((s) => s.id),
    activeCapacity: w?.activeCapacity ?? 0,
    desiredCapacity: w?.desiredCapacity ?? 0,
    pendingCapacity: w?.pendingCapacity ?? 0,
    paused: w?.paused ?? false,
    ...(w?.name !== undefined ? { name: w.name } : {}),
    ...(w?.status !== undefined ? { status: w.status } : {}),
    ...(w?.errors?.length ? { errors: w.errors.map((e) => e.message ?? "") } : {}),
  };
}

export function toConfig(w: WireGroupConfig): GroupConfigData {
  return { name: w.name, cooldown: w.cooldown ?? 0, minEntities: w.minEntities ?? 0, maxEntities: w.maxEntities ?? 0, metadata: { ...(w.metadata ?? {}) } };
}

export function toLaunchConfig(w: WireLaunchConfig): LaunchConfigData {
  const s = w.args.server ?? {};
  return {
    type: w.type,
    serverName: s.name ?? "",
    flavor: s.flavorRef === undefined ? "" : String(s.flavorRef),
    image: s.imageRef ?? "",
    ...(s["OS-DCF:diskConfig"] !== undefined ? { diskConfig: s["OS-DCF:diskConfig"] } : {}),
    metadata: { ...(s.metadata ?? {}) },
    personality: (s.personality ?? []).map((f) => ({ path: f.path, contents: f.contents })),
    networks: (s.networks ?? []).map((n) => ({ uuid: n.uuid })),
    loadBalancers: (w.args.loadBalancers ?? []).map((l) => ({ loadBalancerId: l.loadBalancerId, ...(l.port !== undefined ? { port: l.port } : {}), ...(l.type !== undefined ? { type: l.type } : {}) })),
    ...(s.key_name ? { keyName: s.key_name } : {}),
    ...(s.config_drive !== undefined ? { configDrive: s.config_drive } : {}),
    ...(s.user_data !== undefined ? { userData: s.user_data } : {}),
    raw: w,
  };
}

export function toGroup(w: WireGroup): ScalingGroupData {
  const state = toState(w.state);
  const c = w.groupConfiguration;
  return {
    id: w.id,
    ...state,
    name: c?.name ?? state.name ?? "",
    ...(c ? { cooldown: c.cooldown ?? 0, minEntities: c.minEntities ?? 0, maxEntities: c.maxEntities ?? 0, metadata: { ...(c.metadata ?? {}) } } : {}),
    ...(w.launchConfiguration ? { launchConfig: hideRaw(toLaunchConfig(w.launchConfiguration)) } : {}),
    ...(w.scalingPolicies ? { policies: w.scalingPolicies.map((p) => toPolicy(w.id, p)) } : {}),
    links: w.links ?? [],
    raw: w,
  };
}

/** `raw` stays readable but leaves printing, so a group prints its launch configuration once. */
function hideRaw<T extends { raw: unknown }>(o: T): T {
  Object.defineProperty(o, "raw", { value: o.raw, enumerable: false, configurable: true, writable: true });
  return o;
}

// ---- input ----

// z.int as a check (not the z.int() schema), so a non-number keeps zod's own "expected number" message.
const entities = lazy(() => z.number().check(z.int("must be a whole number of servers"), z.gte(0, "must be 0 or more"), z.lte(1000, "must be at most 1000 (Otter's limit)")));

/** Text or bytes; sent base64-encoded, as pyrax encodes personality files and user data. */
const base64able = lazy(() => z.union([z.string(), z.instanceof(Uint8Array)], { error: "must be a string or bytes" }));

const personalityInput = lazy(() => z.array(z.strictObject({ path: z.string().check(z.minLength(1), z.maxLength(255)), contents: base64able() })).check(z.maxLength(5, "at most 5 files (Nova's limit)")));

/**
 * A network by uuid, or an object with `uuid`, `net-id` (what `networks.getServerNetworks()` returns,
 * pyrax's `get_server_networks`) or `id` (a Cloud Networks network).
 */
const networkInput = lazy(() =>
  z.union(
    [
      z.pipe(z.string().check(z.minLength(1)), z.transform((uuid) => ({ uuid }))),
      z.pipe(z.object({ uuid: z.string().check(z.minLength(1)) }), z.transform((n) => ({ uuid: n.uuid }))),
      z.pipe(z.object({ "net-id": z.string().check(z.minLength(1)) }), z.transform((n) => ({ uuid: n["net-id"] }))),
      z.pipe(z.object({ id: z.string().check(z.minLength(1)) }), z.transform((n) => ({ uuid: n.id }))),
    ],
    { error: "must be a network uuid or an object with uuid, net-id or id" },
  ),
);

// Otter's schema: a Cloud Load Balancer id is an integer (or, for old clients, a string with no whitespace).
const lbId = lazy(() => z.union([z.int().check(z.positive()), z.string().check(z.regex(/^\S+$/, "must be an id with no whitespace"))]));
const port = lazy(() => z.int().check(z.gte(1), z.lte(65_535)));
/**
 * `[id, port]` (pyrax's tuple), `{ loadBalancerId, port }` (Otter's, `type: "CloudLoadBalancer"`
 * optional), `{ id, port }` (a load balancer object), or a RackConnect v3 pool
 * `{ loadBalancerId, type: "RackConnectV3" }` (Otter's other kind: a string id, no port).
 */
const loadBalancerInput = lazy(() =>
  z.union(
    [
      z.pipe(z.tuple([lbId(), port()]), z.transform(([loadBalancerId, p]): LoadBalancerRef => ({ loadBalancerId, port: p }))),
      z.pipe(z.strictObject({ loadBalancerId: z.string().check(z.regex(/^\S+$/)), type: z.literal("RackConnectV3") }), z.transform((l): LoadBalancerRef => ({ loadBalancerId: l.loadBalancerId, type: l.type }))),
      z.pipe(z.object({ loadBalancerId: lbId(), port: port(), type: z.optional(z.literal("CloudLoadBalancer")) }), z.transform((l): LoadBalancerRef => ({ loadBalancerId: l.loadBalancerId, port: l.port, ...(l.type ? { type: l.type } : {}) }))),
      z.pipe(z.object({ id: lbId(), port: port() }), z.transform((l): LoadBalancerRef => ({ loadBalancerId: l.id, port: l.port }))),
    ],
    { error: "must be [id, port], { loadBalancerId, port }, { id, port } or { loadBalancerId, type: \"RackConnectV3\" }" },
  ),
);
/** Otter's schema: at most 5 load balancers (`maxItems`), no two the same (`uniqueItems`). */
function fewDistinctLoadBalancers(lbs: LoadBalancerRef[], ctx: z.core.$RefinementCtx): void {
  if (lbs.length > 5) ctx.addIssue({ code: "custom", path: [], message: `lists ${lbs.length} load balancers: at most 5 (Otter's limit)` });
  const seen = new Set<string>();
  for (const [i, l] of lbs.entries()) {
    const key = JSON.stringify([String(l.loadBalancerId), l.port ?? null, l.type ?? "CloudLoadBalancer"]);
    if (seen.has(key)) ctx.addIssue({ code: "custom", path: [i], message: `lists load balancer ${l.loadBalancerId}${l.port ? ` port ${l.port}` : ""} twice` });
    seen.add(key);
  }
}
/** pyrax takes one `(id, port)` tuple or a list of them; the list's rules are checked on what either becomes. */
const loadBalancersInput = lazy(() =>
  z.pipe(
    z.union([z.pipe(z.tuple([lbId(), port()]), z.transform(([loadBalancerId, p]): LoadBalancerRef[] => [{ loadBalancerId, port: p }])), z.array(loadBalancerInput())], {
      error: "must be [id, port] or a list of load balancers",
    }),
    z.custom<LoadBalancerRef[]>().check(z.superRefine(fewDistinctLoadBalancers)),
  ),
);

/** Rackspace's ServiceNet: the network Cloud Load Balancers reach servers on. */
export const SERVICE_NET = "11111111-1111-1111-1111-111111111111";

/**
 * Otter's rule (`validate_launch_config_servicenet`): servers that join a Cloud Load Balancer need
 * ServiceNet, so a launch configuration that lists its networks and a CLB must list ServiceNet.
 */
export function serviceNetMissing(networks: ReadonlyArray<{ uuid: string }> | null | undefined, lbs: ReadonlyArray<{ type?: string }> | null | undefined): boolean {
  const clb = (lbs ?? []).some((l) => (l.type ?? "CloudLoadBalancer") === "CloudLoadBalancer");
  return clb && networks != null && !networks.some((n) => n.uuid === SERVICE_NET);
}
const SERVICE_NET_MESSAGE = `must include ServiceNet (${SERVICE_NET}) when servers join a Cloud Load Balancer (Otter refuses otherwise)`;

/**
 * Server metadata, as Nova (and Otter's launch schema after it) takes it: keys of 1–255 letters,
 * digits, spaces and `-_:.`, string values of at most 255 characters.
 */
export const serverMetadataInput = lazy(() =>
  z.record(
    z.string().check(z.regex(/^[-a-zA-Z0-9_:. ]{1,255}$/, "keys must be 1–255 letters, digits, spaces or -_:. (Nova's rule)")),
    z.string({ error: "must be a string (server metadata holds strings only)" }).check(z.maxLength(255, "must be at most 255 characters")),
  ),
);

const flavorInput = lazy(() =>
  z.union([z.string().check(z.minLength(1)), z.pipe(z.number(), z.transform(String)), z.pipe(z.object({ id: z.union([z.string().check(z.minLength(1)), z.number()]) }), z.transform((f) => String(f.id)))], {
    error: "must be a flavor id or an object with an id",
  }),
);

/** The server settings of a launch configuration (pyrax's names, camelCased). */
const launchFields = lazy(() => ({
    serverName: z.string().check(z.minLength(1), z.maxLength(255)),
    flavor: flavorInput(),
    image: ref(),
    /** `AUTO` (the whole disk) or `MANUAL` (the image's size). */
    diskConfig: z.optional(z.enum(["AUTO", "MANUAL"])),
    /** Server metadata. */
    metadata: z.optional(serverMetadataInput()),
    personality: z.optional(personalityInput()),
    networks: z.optional(z.array(networkInput())),
    loadBalancers: z.optional(loadBalancersInput()),
    keyName: z.optional(z.string().check(z.minLength(1), z.maxLength(255))),
    configDrive: z.optional(z.boolean()),
    userData: z.optional(base64able()),
}));

const checkBounds = (g: { minEntities?: number; maxEntities?: number }, ctx: z.core.$RefinementCtx) => {
  if (g.minEntities !== undefined && g.maxEntities !== undefined && g.minEntities > g.maxEntities)
    ctx.addIssue({ code: "custom", path: ["minEntities"], message: `must not exceed maxEntities (${g.maxEntities})` });
};

/** A new group: its configuration, launch configuration and policies in one call (pyrax `create`). */
export const createGroupInput = lazy(() =>
  z
    .strictObject({
      name: nameInput(),
      cooldown: cooldownInput(),
      minEntities: entities(),
      maxEntities: entities(),
      /** Group metadata (pyrax `group_metadata`); `metadata` is the servers'. */
      groupMetadata: z.optional(metadataInput()),
      /** Only `launch_server`. */
      launchConfigType: z.optional(z.literal("launch_server")),
      ...launchFields(),
      scalingPolicies: z.optional(z.array(createPolicyInput()).check(z.maxLength(100, "at most 100 policies per group"))),
    })
    .check(
      z.superRefine(checkBounds),
      z.superRefine((g, ctx) => {
        if (serviceNetMissing(g.networks, g.loadBalancers)) ctx.addIssue({ code: "custom", path: ["networks"], message: SERVICE_NET_MESSAGE });
      }),
    ),
);
export type CreateGroupInput = z.input<ReturnType<typeof createGroupInput>>;

/** Changes to a group's configuration; what is not given keeps its value. `metadata` replaces the group's. */
export const updateGroupInput = lazy(() =>
  z
    .strictObject({ name: z.optional(nameInput()), cooldown: z.optional(cooldownInput()), minEntities: z.optional(entities()), maxEntities: z.optional(entities()), metadata: z.optional(metadataInput()) })
    .check(z.superRefine(checkBounds)),
);
export type UpdateGroupInput = z.input<ReturnType<typeof updateGroupInput>>;

/** The whole configuration after changes: min ≤ max checked against the merged values. */
export const groupConfigInput = lazy(() =>
  z
    .strictObject({ name: nameInput(), cooldown: cooldownInput(), minEntities: entities(), maxEntities: entities(), metadata: metadataInput() })
    .check(z.superRefine(checkBounds)),
);

/** Changes to the launch configuration; `metadata` replaces the servers' metadata (`updateLaunchMetadata` merges). */
export const updateLaunchInput = lazy(() =>
  z.strictObject({
    serverName: z.optional(launchFields().serverName),
    flavor: z.optional(flavorInput()),
    image: z.optional(ref()),
    diskConfig: launchFields().diskConfig,
    metadata: launchFields().metadata,
    personality: launchFields().personality,
    networks: launchFields().networks,
    loadBalancers: launchFields().loadBalancers,
    keyName: launchFields().keyName,
    configDrive: launchFields().configDrive,
    userData: launchFields().userData,
  }),
);
export type UpdateLaunchInput = z.input<ReturnType<typeof updateLaunchInput>>;

type LaunchOut = z.output<ReturnType<typeof updateLaunchInput>>;

/** Paging, and `detailed`: fetch each listed group's configuration too (one GET per group). */
export const listGroupsInput = lazy(() => z.optional(z.strictObject({ ...listShape(), detailed: z.optional(z.boolean()) })));
export type ListGroupsInput = z.input<ReturnType<typeof listGroupsInput>>;

/** `force`: delete the group's servers too (Otter's `?force=true`). */
export const deleteGroupInput = lazy(() => z.optional(z.strictObject({ force: z.optional(z.boolean()) })));

/** `replace` (default true): build a new server in its place; false lowers the desired capacity. `purge`: delete it in Nova too. */
export const deleteServerInput = lazy(() => z.optional(z.strictObject({ replace: z.optional(z.boolean()), purge: z.optional(z.boolean()) })));
export type DeleteServerInput = z.input<ReturnType<typeof deleteServerInput>>;

const base64 = (v: string | Uint8Array) => Buffer.from(typeof v === "string" ? Buffer.from(v, "utf8") : v).toString("base64");

/** The `args.server` keys a set of launch settings writes; keys not given are left out. */
export function toWireServer(l: LaunchOut): Record<string, unknown> {
  return {
    ...(l.serverName !== undefined ? { name: l.serverName } : {}),
    // The reference: flavorRef is sent as a string, imageRef as the image id.
    ...(l.flavor !== undefined ? { flavorRef: l.flavor } : {}),
    ...(l.image !== undefined ? { imageRef: l.image } : {}),
    ...(l.diskConfig !== undefined ? { "OS-DCF:diskConfig": l.diskConfig } : {}),
    ...(l.metadata !== undefined ? { metadata: l.metadata } : {}),
    ...(l.personality !== undefined ? { personality: l.personality.map((f) => ({ path: f.path, contents: base64(f.contents) })) } : {}),
    ...(l.networks !== undefined ? { networks: l.networks } : {}),
    ...(l.keyName !== undefined ? { key_name: l.keyName } : {}),
    ...(l.configDrive !== undefined ? { config_drive: l.configDrive } : {}),
    ...(l.userData !== undefined ? { user_data: base64(l.userData) } : {}),
  };
}

/** pyrax `_create_body`: groupConfiguration + launchConfiguration + scalingPolicies (metadata always sent). */
export function toCreateBody(i: z.output<ReturnType<typeof createGroupInput>>): Record<string, unknown> {
  return {
    groupConfiguration: { name: i.name, cooldown: i.cooldown, minEntities: i.minEntities, maxEntities: i.maxEntities, metadata: i.groupMetadata ?? {} },
    launchConfiguration: {
      type: i.launchConfigType ?? "launch_server",
      args: { server: { metadata: {}, ...toWireServer(i) }, ...(i.loadBalancers?.length ? { loadBalancers: i.loadBalancers } : {}) },
    },
    scalingPolicies: (i.scalingPolicies ?? []).map(toWirePolicy),
  };
}

/** The launch configuration after `changes`, over the current one as Otter sent it (unknown keys kept). */
export function mergeLaunch(current: WireLaunchConfig, changes: LaunchOut): Record<string, unknown> {
  const { loadBalancers, ...server } = changes;
  const args: Record<string, unknown> = { ...current.args, server: { metadata: {}, ...(current.args.server ?? {}), ...toWireServer(server) } };
  if (loadBalancers !== undefined) args.loadBalancers = loadBalancers;
  if (args.loadBalancers === null) delete args.loadBalancers;
  return { ...current, args };
}
