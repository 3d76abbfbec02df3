import { createHash } from "node:crypto";
import { bodyChunks } from "../request-body";
import { emptyResponse, jsonResponse } from "../respond";
import { GlanceFault } from "./glance-errors";
import { type GlanceRequest, isObject, jsonBody } from "./glance-request";
import { imageView } from "./image-view";
import type { ImageRecord } from "./model";

const VISIBILITIES = ["public", "private", "shared", "community"];
// The keys Glance v2 sorts by (api/v2/images.py `_available_sort_keys`); real Glance answers 400 to any other.
const SORT_KEYS = ["name", "status", "container_format", "disk_format", "size", "id", "created_at", "updated_at"];
const DISK_FORMATS = ["ami", "ari", "aki", "vhd", "vhdx", "vmdk", "raw", "qcow2", "vdi", "iso", "ploop"];
const CONTAINER_FORMATS = ["ami", "ari", "aki", "bare", "ovf", "ova", "docker", "compressed"];
/** Attributes only Glance sets (403 "Attribute 'x' is read-only."). */
const READ_ONLY = ["id", "status", "owner", "size", "virtual_size", "checksum", "created_at", "updated_at", "self", "file", "schema", "direct_url", "locations", "os_hash_algo", "os_hash_value"];
const BASE = ["name", "visibility", "protected", "min_disk", "min_ram", "disk_format", "container_format", "tags", "os_hidden"];
const PATCH_TYPES = ["application/openstack-images-v2.1-json-patch", "application/openstack-images-v2.0-json-patch"];

export function visibleImage(r: GlanceRequest, id: string): ImageRecord {
  const img = r.glance.images.get(id);
  if (!img || !r.glance.canSee(img, r.project, r.admin)) throw new GlanceFault(404, `No image found with ID ${id}`);
  return img;
}

export function ownImage(r: GlanceRequest, id: string, action = "modify"): ImageRecord {
  const img = visibleImage(r, id);
  if (!r.admin && img.owner !== r.project) throw new GlanceFault(403, `You are not permitted to ${action} this image.`);
  return img;
}

/** GET /v2/images: filters, default visibility rules, sorting, `limit`/`marker` and a `next` link. */
export function listImages(r: GlanceRequest): Response {
  const q = r.url.searchParams;
  const visibility = q.get("visibility");
  if (visibility !== null && ![...VISIBILITIES, "all"].includes(visibility)) throw new GlanceFault(400, `Invalid visibility value: ${visibility}`);
  // Glance does not check `status` (an unknown one matches nothing).
  const status = q.get("status");
  const memberStatus = q.get("member_status") ?? "accepted";
  if (!["accepted", "pending", "rejected", "all"].includes(memberStatus)) throw new GlanceFault(400, `Invalid status value: ${memberStatus}`);
  const sortKey = q.get("sort_key") ?? "created_at";
  if (!SORT_KEYS.includes(sortKey)) throw new GlanceFault(400, `Invalid sort key: ${sortKey}. It should be one of the following: ${SORT_KEYS.join(", ")}.`);
  const sortDir = q.get("sort_dir") ?? "desc";
  if (sortDir !== "asc" && sortDir !== "desc") throw new GlanceFault(400, `Invalid sort direction: ${sortDir}`);
  const limitText = q.get("limit");
  const limit = limitText === null ? 25 : Number(limitText);
  if (!Number.isInteger(limit) || limit < 0) throw new GlanceFault(400, "limit param must be an integer");
  const sizeMin = q.get("size_min") === null ? undefined : Number(q.get("size_min"));
  const sizeMax = q.get("size_max") === null ? undefined : Number(q.get("size_max"));
  if ((sizeMin !== undefined && !Number.isFinite(sizeMin)) || (sizeMax !== undefined && !Number.isFinite(sizeMax))) throw new GlanceFault(400, "size_min and size_max must be integers");
  const dateCmp = (key: string) => {
    const raw = q.get(key);
    if (raw === null) return () => true;
    const m = /^(gt|gte|lt|lte|eq|neq):(.+)$/.exec(raw) ?? [raw, "eq", raw];
    const at = Date.parse(m[2]!);
    if (Number.isNaN(at)) throw new GlanceFault(400, `Unable to filter on a ${key} with an invalid date: ${m[2]}`);
    const op = m[1]!;
    return (v: number) => (op === "gt" ? v > at : op === "gte" ? v >= at : op === "lt" ? v < at : op === "lte" ? v <= at : op === "neq" ? v !== at : v === at);
  };
  const created = dateCmp("created_at");
  const updated = dateCmp("updated_at");
  const tags = q.getAll("tag");
  const reserved = new Set(["visibility", "status", "member_status", "sort_key", "sort_dir", "limit", "marker", "size_min", "size_max", "created_at", "updated_at", "tag", "name", "owner", "sort"]);
  const propFilters = [...q].filter(([k]) => !reserved.has(k));

  let rows = [...r.glance.images.values()].filter((img) => {
    if (!r.glance.canSee(img, r.project, r.admin)) return false;
    const member = img.members.get(r.project);
    const mine = img.owner === r.project;
    if ((visibility === null || visibility === "all") && r.admin) {
      // Glance shows an admin every image unless a visibility is asked for.
    } else if (visibility === null || visibility === "all") {
      // Default listing: public, your own, and images shared with you that you accepted (community only if yours).
      if (img.visibility === "community" && !mine) return false;
      if (!mine && img.visibility !== "public" && img.visibility !== "community") {
        if (!member || (memberStatus !== "all" && member.status !== memberStatus)) return false;
      }
    } else {
      if (img.visibility !== visibility) return false;
      if (visibility === "shared" && !mine && member && memberStatus !== "all" && member.status !== memberStatus) return false;
    }
    if (q.has("name") && img.name !== q.get("name")) return false;
    if (q.has("owner") && img.owner !== q.get("owner")) return false;
    if (status !== null && img.status !== status) return false;
    const size = img.data?.length;
    if (sizeMin !== undefined && (size === undefined || size < sizeMin)) return false;
    if (sizeMax !== undefined && (size === undefined || size > sizeMax)) return false;
    if (!created(img.created) || !updated(img.updated)) return false;
    if (!tags.every((t) => img.tags.has(t))) return false;
    return propFilters.every(([k, v]) => String((imageView(img) as Record<string, unknown>)[k]) === v);
  });
  rows.sort((a, b) => {
    const va = (imageView(a) as Record<string, unknown>)[sortKey];
    const vb = (imageView(b) as Record<string, unknown>)[sortKey];
    const c = va === vb ? 0 : va === null || va === undefined ? -1 : vb === null || vb === undefined ? 1 : va < vb ? -1 : 1;
    return (sortDir === "asc" ? c : -c) || (a.id < b.id ? 1 : -1);
  });
  const marker = q.get("marker");
  if (marker !== null) {
    const at = rows.findIndex((i) => i.id === marker);
    if (at < 0) throw new GlanceFault(400, `No image found with ID ${marker}`); // Glance 25's words for an unknown marker
    rows = rows.slice(at + 1);
  }
  const page = rows.slice(0, Math.min(limit, 1000));
  const body: Record<string, unknown> = { images: page.map(imageView), first: `/v2/images${firstQuery(q)}`, schema: "/v2/schemas/images" };
  if (page.length > 0 && page.length === Math.min(limit, 1000)) {
    const next = new URLSearchParams(q);
    next.set("marker", page.at(-1)!.id);
    next.set("limit", String(limit));
    body.next = `/v2/images?${next}`;
  }
  return jsonResponse(200, body);
}

function firstQuery(q: URLSearchParams): string {
  const first = new URLSearchParams(q);
  first.delete("marker");
  const s = first.toString();
  return s ? `?${s}` : "";
}

/** POST /v2/images → 201, status `queued`, visibility `shared` unless given. */
export async function createImage(r: GlanceRequest): Promise<Response> {
  const b = await jsonBody(r);
  if (!isObject(b)) throw new GlanceFault(400, "Body expected in request.");
  for (const k of READ_ONLY) if (k !== "id" && k in b) throw new GlanceFault(403, `Attribute '${k}' is read-only.`);
  const init = applyBase(b, undefined);
  if (init.visibility === "public" && !r.admin) throw new GlanceFault(403, "You are not authorized to complete publicize_image action.");
  if (typeof b.id === "string" && r.glance.images.has(b.id)) throw new GlanceFault(409, `Image with identifier ${b.id} already exists!`);
  const img = r.glance.newImage(r.project, init);
  if (typeof b.id === "string") {
    r.glance.images.delete(img.id);
    img.id = b.id;
    r.glance.images.set(img.id, img);
  }
  for (const [k, v] of Object.entries(b)) if (!BASE.includes(k) && k !== "id") img.props.set(k, checkProp(k, v));
  return jsonResponse(201, imageView(img), { location: `${new URL(r.request.url).origin}/v2/images/${img.id}` });
}

function checkProp(k: string, v: unknown): unknown {
  if (k.length > 255) throw new GlanceFault(400, `Provided object does not match schema 'image': '${k}' is too long`);
  if (v !== null && typeof v !== "string") throw new GlanceFault(400, `Provided object does not match schema 'image': ${JSON.stringify(v)} is not of type 'string'`);
  return v;
}

/** Validates the standard fields of a create body or a patch value into record fields. */
function applyBase(b: Record<string, unknown>, img: ImageRecord | undefined): Partial<ImageRecord> {
  const out: Partial<ImageRecord> = {};
  const bad = (k: string, why: string) => new GlanceFault(400, `Provided object does not match schema 'image': ${why}\n\nFailed validating '${k}'`);
  if ("name" in b) {
    if (b.name !== null && (typeof b.name !== "string" || b.name.length > 255)) throw bad("name", `${JSON.stringify(b.name)} is not of type 'null', 'string'`);
    out.name = b.name as string | null;
  }
  if ("visibility" in b) {
    if (!VISIBILITIES.includes(String(b.visibility))) throw bad("visibility", `'${String(b.visibility)}' is not one of ${JSON.stringify(VISIBILITIES)}`);
    out.visibility = b.visibility as ImageRecord["visibility"];
  }
  if ("protected" in b) {
    if (typeof b.protected !== "boolean") throw bad("protected", `${JSON.stringify(b.protected)} is not of type 'boolean'`);
    out.protected = b.protected;
  }
  for (const [k, field] of [
    ["min_disk", "minDisk"],
    ["min_ram", "minRam"],
  ] as const) {
    if (!(k in b)) continue;
    if (!Number.isInteger(b[k]) || (b[k] as number) < 0) throw bad(k, `${JSON.stringify(b[k])} is not of type 'integer'`);
    out[field] = b[k] as number;
  }
  if ("disk_format" in b) {
    if (b.disk_format !== null && !DISK_FORMATS.includes(String(b.disk_format))) throw bad("disk_format", `'${String(b.disk_format)}' is not one of ${JSON.stringify(DISK_FORMATS)}`);
    out.diskFormat = b.disk_format as string | null;
  }
  if ("container_format" in b) {
    if (b.container_format !== null && !CONTAINER_FORMATS.includes(String(b.container_format))) throw bad("container_format", `'${String(b.container_format)}' is not one of ${JSON.stringify(CONTAINER_FORMATS)}`);
    out.containerFormat = b.container_format as string | null;
  }
  if ("tags" in b) {
    if (!Array.isArray(b.tags) || !b.tags.every((t) => typeof t === "string")) throw bad("tags", `${JSON.stringify(b.tags)} is not of type 'array'`);
    out.tags = new Set(b.tags as string[]);
  }
  void img;
  return out;
}

/** PATCH /v2/images/{id}: JSON patch in Glance's media type (415 otherwise). */
export async function patchImage(r: GlanceRequest, id: string): Promise<Response> {
  const type = (r.request.headers.get("content-type") ?? "").split(";")[0]!.trim().toLowerCase();
  if (!PATCH_TYPES.includes(type)) throw new GlanceFault(415, `Unsupported Content-Type`);
  const img = ownImage(r, id);
  const ops = await jsonBody(r);
  if (!Array.isArray(ops)) throw new GlanceFault(400, "Request body must be a JSON array of operation objects.");
  for (const op of ops) {
    if (!isObject(op) || typeof op.op !== "string" || typeof op.path !== "string") throw new GlanceFault(400, "Operation objects must contain exactly one member named \"add\", \"remove\", or \"replace\".");
    const key = op.path.replace(/^\//, "").replace(/~1/g, "/").replace(/~0/g, "~");
    if (READ_ONLY.includes(key)) throw new GlanceFault(403, `Attribute '${key}' is read-only.`);
    if (!["add", "replace", "remove"].includes(op.op)) throw new GlanceFault(400, `Invalid operation: \`${op.op}\`: Unable to find '${op.op}' in JSON Schema change`);
    if (BASE.includes(key)) {
      if (op.op === "remove") throw new GlanceFault(403, `Attribute '${key}' is reserved.`);
      const change = applyBase({ [key]: op.value }, img);
      if (change.visibility === "public" && !r.admin) throw new GlanceFault(403, "You are not authorized to complete publicize_image action.");
      Object.assign(img, change);
      continue;
    }
    // Glance 25 treats `add` of an existing property as a replace (200); replace/remove of a missing one is 409.
    const has = img.props.has(key);
    if ((op.op === "replace" || op.op === "remove") && !has) throw new GlanceFault(409, `Property ${key} does not exist.`);
    if (op.op === "remove") img.props.delete(key);
    else img.props.set(key, checkProp(key, op.value));
  }
  img.updated = r.glance.now;
  return jsonResponse(200, imageView(img));
}

/** DELETE /v2/images/{id} → 204; 403 when protected or not yours. */
export function deleteImage(r: GlanceRequest, id: string): Response {
  const img = ownImage(r, id, "delete");
  if (img.protected) throw new GlanceFault(403, `Image ${id} is protected and cannot be deleted.`);
  r.glance.images.delete(id);
  return emptyResponse(204);
}

/** PUT /v2/images/{id}/tags/{tag} → 204 (idempotent); DELETE → 204, 404 for a tag it lacks; a non-ASCII tag mangled as Glance does. */
export function tag(r: GlanceRequest, id: string, decoded: string): Response {
  // Glance (WSGI) reads the path's bytes as Latin-1: `/tags/b%C3%BCcher` is stored as "bÃ¼cher".
  const name = Buffer.from(decoded, "utf8").toString("latin1");
  const img = ownImage(r, id);
  if (r.request.method === "PUT") {
    if (name.length > 255) throw new GlanceFault(400, "Tag too long");
    img.tags.add(name);
  } else if (r.request.method === "DELETE") {
    // Glance 25 raises a bare HTTPNotFound here (glance/api/v2/image_tags.py): webob's default words.
    if (!img.tags.delete(name)) throw new GlanceFault(404, "The resource could not be found.");
  } else throw new GlanceFault(405, "The method is not allowed for this resource.");
  img.updated = r.glance.now;
  return emptyResponse(204);
}

/** PUT /v2/images/{id}/file (octet-stream, only while queued) → 204; GET → 200 bytes, 204 without data. */
export async function imageFile(r: GlanceRequest, id: string): Promise<Response> {
  const m = r.request.method;
  if (m === "GET" || m === "HEAD") {
    const img = visibleImage(r, id);
    if (!img.data) return emptyResponse(204);
    return new Response(new Uint8Array(img.data), {
      status: 200,
      headers: { "content-type": "application/octet-stream", "content-length": String(img.data.length), ...(img.checksum ? { "content-md5": img.checksum } : {}) },
    });
  }
  if (m !== "PUT") throw new GlanceFault(405, "The method is not allowed for this resource.");
  const img = ownImage(r, id);
  const type = (r.request.headers.get("content-type") ?? "").split(";")[0]!.trim().toLowerCase();
  if (type !== "application/octet-stream") throw new GlanceFault(415, `Content type '${type}' not supported`);
  const unset = [img.diskFormat ? "" : "disk_format", img.containerFormat ? "" : "container_format"].filter(Boolean);
  if (unset.length) throw new GlanceFault(400, `Properties ${unset.join(", ")} must be set prior to saving data.`);
  if (img.status !== "queued") throw new GlanceFault(409, `Image status transition from ${img.status} to saving is not allowed`);
  const parts: Buffer[] = [];
  for await (const c of bodyChunks(r.request)) parts.push(c);
  const data = Buffer.concat(parts);
  img.data = data;
  img.checksum = createHash("md5").update(data).digest("hex");
  img.sha512 = createHash("sha512").update(data).digest("hex");
  img.status = "active";
  img.updated = r.glance.now;
  return emptyResponse(204);
}
