import { lazy } from "@rax/core";
import * as z from "zod/mini";

// ---- wire: Glance v2 images are bare objects; custom properties sit beside the standard ones ----

export const wireImage = lazy(() => z.looseObject({
  id: z.string(),
  name: z.nullish(z.string()),
  status: z.optional(z.string()),
  visibility: z.optional(z.string()),
  owner: z.nullish(z.string()),
  size: z.nullish(z.number()),
  virtual_size: z.nullish(z.number()),
  min_disk: z.optional(z.number()),
  min_ram: z.optional(z.number()),
  disk_format: z.nullish(z.string()),
  container_format: z.nullish(z.string()),
  checksum: z.nullish(z.string()),
  tags: z.optional(z.array(z.string())),
  protected: z.optional(z.boolean()),
  created_at: z.optional(z.string()),
  updated_at: z.optional(z.string()),
}));
export type WireImage = z.output<ReturnType<typeof wireImage>>;

export const imagesBody = lazy(() => z.looseObject({ images: z.array(wireImage()), next: z.nullish(z.string()), first: z.optional(z.string()) }));

/** Fields Glance describes itself; everything else on an image is a custom property. */
const STANDARD = new Set([
  "id", "name", "status", "visibility", "owner", "size", "virtual_size", "min_disk", "min_ram", "disk_format", "container_format",
  "checksum", "tags", "protected", "created_at", "updated_at", "self", "file", "schema", "locations", "direct_url", "os_hidden",
  "os_hash_algo", "os_hash_value", "stores",
]);

export interface ImageData {
  id: string;
  name: string;
  /** queued, saving, active, killed, deleted, pending_delete, importing, uploading, deactivated. */
  status: string;
  /** public, private, shared, community. */
  visibility: string;
  owner?: string;
  /** Bytes of image data (absent until there is data). */
  size?: number;
  minDisk: number;
  minRam: number;
  diskFormat?: string;
  containerFormat?: string;
  checksum?: string;
  tags: string[];
  protected: boolean;
  createdAt?: string;
  updatedAt?: string;
  /** Custom properties (`os_type`, `com.rackspace__1__…`, `org.openstack__1__os_distro`, your own). */
  properties: Record<string, unknown>;
  /** Every field Glance sent, as sent. */
  raw: Record<string, unknown>;
}

export function toImage(w: WireImage): ImageData {
  const properties: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(w)) if (!STANDARD.has(k)) properties[k] = v;
  return {
    id: w.id,
    name: w.name ?? "",
    status: w.status ?? "unknown",
    visibility: w.visibility ?? "private",
    ...(w.owner ? { owner: w.owner } : {}),
    ...(typeof w.size === "number" ? { size: w.size } : {}),
    minDisk: w.min_disk ?? 0,
    minRam: w.min_ram ?? 0,
    ...(w.disk_format ? { diskFormat: w.disk_format } : {}),
    ...(w.container_format ? { containerFormat: w.container_format } : {}),
    ...(w.checksum ? { checksum: w.checksum } : {}),
    tags: w.tags ?? [],
    protected: w.protected ?? false,
    ...(w.created_at ? { createdAt: w.created_at } : {}),
    ...(w.updated_at ? { updatedAt: w.updated_at } : {}),
    properties,
    raw: { ...w },
  };
}

// ---- input ----

export const VISIBILITIES = ["public", "private", "shared", "community", "all"] as const;
export const STATUSES = ["queued", "saving", "active", "killed", "deleted", "pending_delete", "importing", "uploading", "deactivated"] as const;
// What Glance's v2 API sorts by (the seed says "any other attribute"): real Glance 25 answers 400 "Invalid sort
// key … must be one of" these to every other one tried (virtual_size, min_disk, min_ram, owner, visibility, protected).
export const SORT_KEYS = ["name", "status", "container_format", "disk_format", "size", "id", "created_at", "updated_at"] as const;

const date = lazy(() => z.union([z.pipe(z.date(), z.transform((d) => d.toISOString())), z.iso.datetime({ offset: true })], { error: "must be a Date or an ISO 8601 date-time" }));
const range = lazy(() => z
  .strictObject({ gt: z.optional(date()), gte: z.optional(date()), lt: z.optional(date()), lte: z.optional(date()), eq: z.optional(date()), neq: z.optional(date()) }).check(z.refine((o) => Object.values(o).filter((v) => v !== undefined).length === 1, "give exactly one of gt, gte, lt, lte, eq, neq (Glance takes one comparison per date field)")));
const bytes = lazy(() => z.int().check(z.gte(0)));

export const listImagesInput = lazy(() => z.optional(z
  .strictObject({
    name: z.optional(z.string().check(z.minLength(1))),
    visibility: z.optional(z.enum(VISIBILITIES, { error: `must be one of ${VISIBILITIES.join(", ")}` })),
    memberStatus: z.optional(z.enum(["accepted", "pending", "rejected", "all"], { error: "must be accepted, pending, rejected or all" })),
    owner: z.optional(z.string().check(z.minLength(1))),
    /** Images carrying this tag (or all of these tags). */
    tag: z.optional(z.union([z.string().check(z.minLength(1)), z.array(z.string().check(z.minLength(1))).check(z.minLength(1))])),
    status: z.optional(z.enum(STATUSES, { error: `must be one of ${STATUSES.join(", ")}` })),
    /** Bytes, inclusive. */
    sizeMin: z.optional(bytes()),
    sizeMax: z.optional(bytes()),
    /** One comparison: `{ gte: new Date("2024-01-01") }`. */
    createdAt: z.optional(range()),
    updatedAt: z.optional(range()),
    sortKey: z.optional(z.enum(SORT_KEYS, { error: `must be one of ${SORT_KEYS.join(", ")}` })),
    sortDir: z.optional(z.enum(["asc", "desc"], { error: 'must be "asc" or "desc"' })),
    /** Images per request (Glance's default is 25, its cap usually 1000). */
    pageSize: z.optional(z.int().check(z.gte(1), z.lte(1000))),
    /** Stop after this many images in all. */
    limit: z.optional(z.int().check(z.gte(1))),
    /** Start after this image id. */
    marker: z.optional(z.string().check(z.minLength(1))),
  }).check(z.refine((o) => o.sizeMin === undefined || o.sizeMax === undefined || o.sizeMin <= o.sizeMax, { path: ["sizeMax"], message: "must not be below sizeMin" }))));
export type ListImagesInput = z.input<ReturnType<typeof listImagesInput>>;

/** Glance's query for validated filters (dates as `created_at=gte:<iso>`). */
export function toListQuery(f: NonNullable<z.output<ReturnType<typeof listImagesInput>>>): Record<string, string | number | string[] | undefined> {
  const cmp = (r?: Record<string, string | undefined>) => {
    const [op, v] = Object.entries(r ?? {}).find(([, x]) => x !== undefined) ?? [];
    return op ? `${op}:${v}` : undefined;
  };
  return {
    name: f.name,
    visibility: f.visibility,
    member_status: f.memberStatus,
    owner: f.owner,
    tag: typeof f.tag === "string" ? [f.tag] : f.tag,
    status: f.status,
    size_min: f.sizeMin,
    size_max: f.sizeMax,
    created_at: cmp(f.createdAt),
    updated_at: cmp(f.updatedAt),
    sort_key: f.sortKey,
    sort_dir: f.sortDir,
  };
}

/** Properties only Glance sets: a patch touching them is refused (403), so rax refuses it first. */
const READ_ONLY = new Set(["id", "status", "owner", "size", "virtual_size", "checksum", "created_at", "updated_at", "self", "file", "schema", "direct_url", "locations", "os_hash_algo", "os_hash_value"]);
const CAMEL: Record<string, string> = { minDisk: "min_disk", minRam: "min_ram", diskFormat: "disk_format", containerFormat: "container_format", osDistro: "os_distro", osVersion: "os_version" };

/** `{ name: "new", minRam: 512, my_prop: "x", old_prop: null }`: camelCase standard names or wire names; `null` removes a property. */
export const updateImageInput = lazy(() => z.pipe(z
  .record(z.string().check(z.minLength(1)), z.unknown()), z.transform((o) => Object.fromEntries(Object.entries(o).map(([k, v]) => [CAMEL[k] ?? k, v])))).check(z.superRefine((o, ctx) => {
    if (Object.keys(o).length === 0) ctx.addIssue({ code: "custom", message: "give at least one property to change" });
    for (const k of Object.keys(o)) if (READ_ONLY.has(k)) ctx.addIssue({ code: "custom", path: [k], message: "is set by Glance and cannot be changed" });
    if (o.visibility !== undefined && !["public", "private", "shared", "community"].includes(String(o.visibility)))
      ctx.addIssue({ code: "custom", path: ["visibility"], message: "must be public, private, shared or community" });
    if (o.tags !== undefined && !(Array.isArray(o.tags) && o.tags.every((t) => typeof t === "string"))) ctx.addIssue({ code: "custom", path: ["tags"], message: "must be an array of strings" });
  })));
export type UpdateImageInput = Record<string, unknown>;

const diskFormat = lazy(() => z.enum(["ami", "ari", "aki", "vhd", "vhdx", "vmdk", "raw", "qcow2", "vdi", "iso", "ploop"], { error: "must be a Glance disk format (raw, qcow2, vhd, vmdk, iso, …)" }));
const containerFormat = lazy(() => z.enum(["ami", "ari", "aki", "bare", "ovf", "ova", "docker", "compressed"], { error: "must be a Glance container format (bare, ovf, ova, …)" }));

export const createImageInput = lazy(() => z.strictObject({
  name: z.string().check(z.minLength(1), z.maxLength(255)),
  diskFormat: z.optional(diskFormat()),
  containerFormat: z.optional(containerFormat()),
  visibility: z.optional(z.enum(["public", "private", "shared", "community"], { error: "must be public, private, shared or community" })),
  minDisk: z.optional(z.int().check(z.gte(0))),
  minRam: z.optional(z.int().check(z.gte(0))),
  protected: z.optional(z.boolean()),
  tags: z.optional(z.array(z.string().check(z.minLength(1)))),
  /** Your own properties (string values). */
  properties: z.optional(z.record(z.string().check(z.minLength(1)), z.string())),
}));
export type CreateImageInput = z.input<ReturnType<typeof createImageInput>>;

export function toCreateBody(i: z.output<ReturnType<typeof createImageInput>>): Record<string, unknown> {
  return {
    ...i.properties,
    name: i.name,
    ...(i.diskFormat ? { disk_format: i.diskFormat } : {}),
    ...(i.containerFormat ? { container_format: i.containerFormat } : {}),
    ...(i.visibility ? { visibility: i.visibility } : {}),
    ...(i.minDisk !== undefined ? { min_disk: i.minDisk } : {}),
    ...(i.minRam !== undefined ? { min_ram: i.minRam } : {}),
    ...(i.protected !== undefined ? { protected: i.protected } : {}),
    ...(i.tags ? { tags: i.tags } : {}),
  };
}
