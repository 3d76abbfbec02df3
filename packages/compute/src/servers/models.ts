import { lazy } from "@rax/core";
import * as z from "zod/mini";
import type { ServerFault } from "../errors";
import { metadataInput, ref } from "../ref";

// ---- wire (Nova v2 / v2.1 JSON, parsed leniently: unknown fields are kept in `raw`) ----

const idLink = lazy(() => z.looseObject({ id: z.pipe(z.union([z.string(), z.number()]), z.transform(String)) }));
const address = lazy(() => z.looseObject({ addr: z.string(), version: z.optional(z.number()) }));

export const wireServer = lazy(() => z.looseObject({
  id: z.string(),
  name: z.optional(z.string()),
  status: z.optional(z.string()),
  progress: z.nullish(z.number()),
  // Booted from a volume, Nova sends `"image": ""`.
  image: z.optional(z.union([idLink(), z.literal(""), z.null()])),
  flavor: z.optional(z.looseObject({ id: z.optional(z.pipe(z.union([z.string(), z.number()]), z.transform(String))) })),
  addresses: z.nullish(z.record(z.string(), z.array(address()))),
  metadata: z.nullish(z.record(z.string(), z.string())),
  key_name: z.nullish(z.string()),
  accessIPv4: z.nullish(z.string()),
  accessIPv6: z.nullish(z.string()),
  created: z.optional(z.string()),
  updated: z.optional(z.string()),
  hostId: z.nullish(z.string()),
  tenant_id: z.optional(z.string()),
  user_id: z.optional(z.string()),
  adminPass: z.optional(z.string()),
  fault: z.optional(z.looseObject({ code: z.optional(z.number()), message: z.optional(z.string()), details: z.optional(z.string()), created: z.optional(z.string()) })),
}));
export type WireServer = z.output<ReturnType<typeof wireServer>>;

export const serverBody = lazy(() => z.looseObject({ server: wireServer() }));
export const serversBody = lazy(() => z.looseObject({
  servers: z.array(wireServer()),
  servers_links: z.optional(z.array(z.looseObject({ rel: z.optional(z.string()), href: z.optional(z.string()) }))),
}));
export const addressesBody = lazy(() => z.looseObject({ addresses: z.record(z.string(), z.array(address())) }));
export const metadataBody = lazy(() => z.looseObject({ metadata: z.record(z.string(), z.string()) }));
export const metaItemBody = lazy(() => z.looseObject({ meta: z.record(z.string(), z.string()) }));

// ---- what callers get: plain camelCase data ----

export interface Address {
  addr: string;
  version?: number;
}

export interface ServerData {
  id: string;
  name: string;
  /** BUILD, ACTIVE, ERROR, REBOOT, RESIZE, VERIFY_RESIZE, SHUTOFF, … */
  status: string;
  /** 0–100 while building or resizing. */
  progress?: number;
  /** Undefined when booted from a volume. */
  image?: { id: string };
  flavor: { id: string };
  /** Nova's `addresses`: network label → addresses. */
  addresses: Record<string, Address[]>;
  /** pyrax's `server.networks`: network label → address strings. */
  networks: Record<string, string[]>;
  metadata: Record<string, string>;
  keyName?: string;
  accessIPv4?: string;
  accessIPv6?: string;
  created?: string;
  updated?: string;
  hostId?: string;
  tenantId?: string;
  userId?: string;
  /** `OS-DCF:diskConfig`: AUTO or MANUAL. */
  diskConfig?: string;
  /** `OS-EXT-STS:task_state`, e.g. `image_snapshot` (pyrax's "stuck" state). */
  taskState?: string;
  vmState?: string;
  powerState?: number;
  /** Why the server is in ERROR. */
  fault?: ServerFault;
  /** Every field Nova sent, as sent (never the admin password). */
  raw: Record<string, unknown>;
}

const str = (v: unknown): string | undefined => (typeof v === "string" && v !== "" ? v : undefined);

/**
 * `w` as plain data, built field by field in one object (this runs once per row of every listing
 * page: spreads of one-key objects and entry arrays were a visible share of a listing's CPU).
 * Takes a row the schema accepted or one `isWireServer` passed; ids given as numbers become strings.
 */
export function toServer(w: z.input<ReturnType<typeof wireServer>>): ServerData {
  let raw: Record<string, unknown> = w;
  if (w.adminPass !== undefined) {
    const { adminPass: _secret, ...rest } = w;
    raw = rest;
  }
  const addresses = (w.addresses ?? {}) as Record<string, Address[]>;
  const networks: Record<string, string[]> = {};
  for (const label in addresses) {
    const list = addresses[label]!;
    const addrs = new Array<string>(list.length);
    for (let i = 0; i < list.length; i++) addrs[i] = list[i]!.addr;
    networks[label] = addrs;
  }
  const s = { id: w.id, name: w.name ?? "", status: w.status ?? "UNKNOWN" } as ServerData;
  if (typeof w.progress === "number") s.progress = w.progress;
  if (w.image && typeof w.image === "object") s.image = { id: String(w.image.id) };
  const flavorId = w.flavor?.id;
  s.flavor = { id: flavorId === undefined ? "" : String(flavorId) };
  s.addresses = addresses;
  s.networks = networks;
  s.metadata = w.metadata ?? {};
  set(s, "keyName", str(w.key_name));
  set(s, "accessIPv4", str(w.accessIPv4));
  set(s, "accessIPv6", str(w.accessIPv6));
  set(s, "created", w.created);
  set(s, "updated", w.updated);
  set(s, "hostId", str(w.hostId));
  set(s, "tenantId", w.tenant_id);
  set(s, "userId", w.user_id);
  set(s, "diskConfig", str(w["OS-DCF:diskConfig"]));
  set(s, "taskState", str(w["OS-EXT-STS:task_state"]));
  set(s, "vmState", str(w["OS-EXT-STS:vm_state"]));
  const power = w["OS-EXT-STS:power_state"];
  if (typeof power === "number") s.powerState = power;
  if (w.fault !== undefined) s.fault = w.fault;
  s.raw = raw;
  return s;
}

/** Absent, not `undefined`: a printed or compared server shows only the fields Nova gave. */
function set<K extends keyof ServerData>(s: ServerData, key: K, value: ServerData[K] | undefined): void {
  if (value !== undefined) s[key] = value;
}

// ---- the listing's fast check ----
// A hand-written twin of `wireServer`, run on every row of every listing page (zod's generic walk
// was ~9% of a listing's CPU). It must accept exactly what the schema accepts; when it refuses a
// row, the schema re-checks the page to word the error (test/servers-list-rows.test.ts pins both).

type Row = Record<string, unknown>;
const isRow = (v: unknown): v is Row => typeof v === "object" && v !== null && !Array.isArray(v);
const isNumber = (v: unknown): v is number => typeof v === "number" && Number.isFinite(v);
const optString = (v: unknown) => v === undefined || typeof v === "string";
const nullishString = (v: unknown) => v == null || typeof v === "string";
const optNumber = (v: unknown) => v === undefined || isNumber(v);
const isId = (v: unknown) => typeof v === "string" || isNumber(v);

function isAddressMap(v: unknown): boolean {
  if (!isRow(v)) return false;
  for (const label in v) {
    const list = v[label];
    if (!Array.isArray(list)) return false;
    for (const a of list) if (!isRow(a) || typeof a.addr !== "string" || !optNumber(a.version)) return false;
  }
  return true;
}

function isStringMap(v: unknown): boolean {
  if (!isRow(v)) return false;
  for (const k in v) if (typeof v[k] !== "string") return false;
  return true;
}

function isFault(v: unknown): boolean {
  return isRow(v) && optNumber(v.code) && optString(v.message) && optString(v.details) && optString(v.created);
}

/** True when `wireServer` would accept `w`. */
export function isWireServer(w: unknown): w is z.input<ReturnType<typeof wireServer>> {
  if (!isRow(w) || typeof w.id !== "string") return false;
  const { image, flavor, progress, addresses, metadata, fault } = w;
  return (
    optString(w.name) &&
    optString(w.status) &&
    (progress == null || isNumber(progress)) &&
    (image == null || image === "" || (isRow(image) && isId(image.id))) &&
    (flavor === undefined || (isRow(flavor) && (flavor.id === undefined || isId(flavor.id)))) &&
    (addresses == null || isAddressMap(addresses)) &&
    (metadata == null || isStringMap(metadata)) &&
    nullishString(w.key_name) &&
    nullishString(w.accessIPv4) &&
    nullishString(w.accessIPv6) &&
    optString(w.created) &&
    optString(w.updated) &&
    nullishString(w.hostId) &&
    optString(w.tenant_id) &&
    optString(w.user_id) &&
    optString(w.adminPass) &&
    (fault === undefined || isFault(fault))
  );
}

/** True when `serversBody` would accept the page apart from its rows. */
export function isServersPage(body: unknown): body is { servers: unknown[]; servers_links?: { rel?: string; href?: string }[] } {
  if (!isRow(body) || !Array.isArray(body.servers)) return false;
  const links = body.servers_links;
  if (links === undefined) return true;
  if (!Array.isArray(links)) return false;
  for (const l of links) if (!isRow(l) || !optString(l.rel) || !optString(l.href)) return false;
  return true;
}

// ---- input ----

export const serverStatus = lazy(() => z.string().check(z.regex(/^[A-Z_]+$/i, "must be a Nova status such as ACTIVE or ERROR")));

export const listServersInput = lazy(() => z.optional(z.strictObject({
  /** Nova treats it as a regular expression; `find` matches exactly. */
  name: z.optional(z.string().check(z.minLength(1))),
  status: z.optional(serverStatus()),
  image: z.optional(ref()),
  flavor: z.optional(ref()),
  /** ISO 8601 date, or a Date: servers changed since (deleted ones included). */
  changesSince: z.optional(z.union([z.pipe(z.date(), z.transform((d) => d.toISOString())), z.iso.datetime({ offset: true })])),
  /** Servers per request (Nova caps it, 1000 on Rackspace). */
  pageSize: z.optional(z.int().check(z.gte(1), z.lte(1000))),
  /** Stop after this many servers in all. */
  limit: z.optional(z.int().check(z.gte(1))),
  /** Start after this server id. */
  marker: z.optional(z.string().check(z.minLength(1))),
})));
export type ListServersInput = z.input<ReturnType<typeof listServersInput>>;

const MAX_FILES = 5;
const MAX_FILE_BYTES = 10_240; // Nova's injected_file_content_bytes quota
const MAX_PATH = 255; // Nova's injected_file_path_length quota
const MAX_USER_DATA = 65_535; // bytes of base64, Nova's column size

const bytes = lazy(() => z.union([z.string(), z.instanceof(Uint8Array)], { error: "must be a string or a Uint8Array" }));
const byteLength = (v: string | Uint8Array) => (typeof v === "string" ? Buffer.byteLength(v) : v.byteLength);
const base64 = (v: string | Uint8Array) => Buffer.from(v).toString("base64");

const files = lazy(() => z.pipe(
  z.record(
    z.string().check(z.minLength(1), z.maxLength(MAX_PATH, `must be at most ${MAX_PATH} characters`), z.startsWith("/", "must be an absolute path")),
    bytes().check(z.refine((v) => byteLength(v) <= MAX_FILE_BYTES, `must be at most ${MAX_FILE_BYTES} bytes`)),
  ).check(z.refine((o) => Object.keys(o).length <= MAX_FILES, `at most ${MAX_FILES} files`)),
  z.transform((o) => Object.entries(o).map(([path, contents]) => ({ path, contents: base64(contents) }))),
));


/** One network for the new server: an id, or pyrax's nic dict (`{"net-id": …}`), or Nova's `{uuid, fixed_ip, port}`. */
const network = lazy(() => z.pipe(
  z.union([
    z.string().check(z.minLength(1)),
    z.strictObject({
      uuid: z.optional(z.string().check(z.minLength(1))),
      "net-id": z.optional(z.string().check(z.minLength(1))),
      id: z.optional(z.string().check(z.minLength(1))),
      fixedIp: z.optional(z.string().check(z.minLength(1))),
      fixed_ip: z.optional(z.string().check(z.minLength(1))),
      "v4-fixed-ip": z.optional(z.string().check(z.minLength(1))),
      "v6-fixed-ip": z.optional(z.string().check(z.minLength(1))),
      port: z.optional(z.string().check(z.minLength(1))),
      "port-id": z.optional(z.string().check(z.minLength(1))),
    }),
  ]),
  z.transform((n) => {
    if (typeof n === "string") return { uuid: n };
    const uuid = n.uuid ?? n["net-id"] ?? n.id;
    const fixed = n.fixedIp ?? n.fixed_ip ?? n["v4-fixed-ip"] ?? n["v6-fixed-ip"];
    const port = n.port ?? n["port-id"];
    return { ...(uuid ? { uuid } : {}), ...(fixed ? { fixed_ip: fixed } : {}), ...(port ? { port } : {}) };
  }),
).check(z.refine((n) => n.uuid !== undefined || n.port !== undefined, "needs a network id or a port")));

export const createServerInput = lazy(() => z
  .strictObject({
    name: z.string().check(z.minLength(1), z.maxLength(255)),
    /** Image id or object; leave out only when booting from a volume (`blockDeviceMapping`). */
    image: z.optional(ref()),
    flavor: ref(),
    /**
     * String pairs (pyrax `meta`; `metadata` is accepted too). How many is the cloud's quota
     * (`limits.absolute.maxServerMeta`: 128 on stock Nova), so Nova answers a 403 beyond it, not rax.
     */
    meta: z.optional(metadataInput()),
    metadata: z.optional(metadataInput()),
    /** Up to 5 files, path → text or bytes, each ≤ 10 KiB (pyrax `files`; Nova `personality`). */
    files: z.optional(files()),
    personality: z.optional(files()),
    keyName: z.optional(z.string().check(z.minLength(1))),
    /** Network ids or nic dicts; pyrax's `nics` is accepted too. */
    networks: z.optional(z.array(network())),
    nics: z.optional(z.array(network())),
    diskConfig: z.optional(z.enum(["AUTO", "MANUAL"])),
    /** A root password of your choosing (a secret: never logged). */
    adminPass: z.optional(z.string().check(z.minLength(1))),
    userData: z.optional(
      z.pipe(bytes(), z.transform((v: z.output<ReturnType<typeof bytes>>) => base64(v)))
        .check(z.refine((b) => b.length <= MAX_USER_DATA, `must be at most ${MAX_USER_DATA} bytes once base64-encoded`)),
    ),
    configDrive: z.optional(z.boolean()),
    availabilityZone: z.optional(z.string().check(z.minLength(1))),
    /** Security group names. */
    securityGroups: z.optional(z.array(z.string().check(z.minLength(1)))),
    schedulerHints: z.optional(z.record(z.string(), z.unknown())),
    /** Nova's `block_device_mapping_v2` entries, sent as given (boot from volume). */
    blockDeviceMapping: z.optional(z.array(z.record(z.string(), z.unknown())).check(z.minLength(1))),
    minCount: z.optional(z.int().check(z.gte(1))),
    maxCount: z.optional(z.int().check(z.gte(1))),
  })
  .check(
    z.refine((o) => o.image !== undefined || o.blockDeviceMapping !== undefined, { path: ["image"], message: "is required (unless booting from a volume with blockDeviceMapping)" }),
    z.refine((o) => !(o.meta && o.metadata), { path: ["metadata"], message: "give meta or metadata, not both" }),
    z.refine((o) => !(o.files && o.personality), { path: ["personality"], message: "give files or personality, not both" }),
    z.refine((o) => !(o.networks && o.nics), { path: ["nics"], message: "give networks or nics, not both" }),
  ));
export type CreateServerInput = z.input<ReturnType<typeof createServerInput>>;

/** The `POST /servers` body for validated input. */
export function toCreateBody(i: z.output<ReturnType<typeof createServerInput>>): Record<string, unknown> {
  const server: Record<string, unknown> = { name: i.name, imageRef: i.image ?? "", flavorRef: i.flavor };
  const metadata = i.meta ?? i.metadata;
  if (metadata) server.metadata = metadata;
  const personality = i.files ?? i.personality;
  if (personality) server.personality = personality;
  const networks = i.networks ?? i.nics;
  if (networks) server.networks = networks;
  if (i.keyName) server.key_name = i.keyName;
  if (i.diskConfig) server["OS-DCF:diskConfig"] = i.diskConfig;
  if (i.adminPass) server.adminPass = i.adminPass;
  if (i.userData) server.user_data = i.userData;
  if (i.configDrive !== undefined) server.config_drive = i.configDrive;
  if (i.availabilityZone) server.availability_zone = i.availabilityZone;
  if (i.securityGroups) server.security_groups = i.securityGroups.map((name) => ({ name }));
  if (i.blockDeviceMapping) server.block_device_mapping_v2 = i.blockDeviceMapping;
  if (i.minCount !== undefined) server.min_count = i.minCount;
  if (i.maxCount !== undefined) server.max_count = i.maxCount;
  return { server, ...(i.schedulerHints ? { "os:scheduler_hints": i.schedulerHints } : {}) };
}

export const updateServerInput = lazy(() => z.strictObject({ name: z.string().check(z.minLength(1), z.maxLength(255)) }));
export type UpdateServerInput = z.input<ReturnType<typeof updateServerInput>>;

// ---- action input ----

export const rebootType = lazy(() => z.enum(["SOFT", "HARD"], { error: 'must be "SOFT" or "HARD"' }));

export const rebuildServerInput = lazy(() => z.strictObject({
  name: z.optional(z.string().check(z.minLength(1), z.maxLength(255))),
  adminPass: z.optional(z.string().check(z.minLength(1))),
  diskConfig: z.optional(z.enum(["AUTO", "MANUAL"])),
  meta: z.optional(metadataInput()),
  /** Files written into the rebuilt server, as at create (pyrax `rebuild(…, files=)`; Nova `personality`). */
  files: z.optional(files()),
  preserveEphemeral: z.optional(z.boolean()),
}));
export type RebuildServerInput = z.input<ReturnType<typeof rebuildServerInput>>;

export const resizeServerInput = lazy(() => z.strictObject({ diskConfig: z.optional(z.enum(["AUTO", "MANUAL"])) }));
export type ResizeServerInput = z.input<ReturnType<typeof resizeServerInput>>;

/** Rescue with your own rescue password and/or rescue image. */
export const rescueServerInput = lazy(() => z.strictObject({ adminPass: z.optional(z.string().check(z.minLength(1))), image: z.optional(ref()) }));
export type RescueServerInput = z.input<ReturnType<typeof rescueServerInput>>;

export const resetStateInput = lazy(() => z.pipe(
  z.pipe(z.string(), z.transform((s) => s.toLowerCase())),
  z.enum(["active", "error"], { error: 'must be "active" or "error"' }),
));

