import { emptyResponse, jsonResponse } from "../respond";
import { badRequest, CinderFault, notFound } from "./cinder-errors";
import { allTenantsOf, type CinderRequest, displayField, entity, isObject, jsonBody, metadataOf, page, pyRepr, schemaError, sizeOf } from "./cinder-request";
import { DEFAULT_TYPE, type VolumeRecord } from "./model";
import { emptyAnswer, resourceLinks, type VolumeViewOptions, volumeView } from "./views";

const DELETABLE = ["available", "error", "error_restoring", "error_extending", "error_managing"];
const SORT_KEYS = ["id", "name", "status", "size", "created_at", "updated_at", "availability_zone", "bootable", "volume_type", "display_name", "user_id", "project_id"];

/** The view options of this request (`extended`: show and detail). */
export const viewOptions = (r: CinderRequest, extended: boolean): VolumeViewOptions => ({
  base: r.base,
  admin: r.admin,
  extended,
  minor: r.minor,
  typeId: (name) => {
    const t = r.cinder.types.find((x) => x.name === name);
    return t ? String(t.id) : null;
  },
});

/** A volume the caller may see: its own project's, or (admin) any project's. Else Cinder's 404. */
export function visibleVolume(r: CinderRequest, id: string): VolumeRecord {
  const found = r.cinder.volumeFor(r.project, r.admin, id);
  if (!found) throw notFound(`Volume ${id} could not be found.`);
  return found;
}

function sortValue(v: VolumeRecord, key: string): string | number {
  switch (key) {
    case "name":
    case "display_name":
      return v.name ?? "";
    case "size":
      return v.size;
    case "created_at":
      return v.created;
    case "updated_at":
      return v.updated ?? 0;
    case "volume_type":
      return v.type;
    case "project_id":
      return v.tenantId;
    case "user_id":
      return v.userId ?? "";
    case "bootable":
      return String(v.bootable ?? v.imageId !== null);
    case "availability_zone":
      return "nova";
    default:
      return String((v as unknown as Record<string, unknown>)[key] ?? "");
  }
}

/** `sort=name:asc,size` or `sort_key=name&sort_dir=asc` (not both); default created_at desc. */
function sortOf(r: CinderRequest, allowed: readonly string[]): Array<{ key: string; dir: "asc" | "desc" }> {
  const q = r.url.searchParams;
  const sort = q.get("sort");
  if (sort !== null && (q.has("sort_key") || q.has("sort_dir"))) throw badRequest("Invalid input received: The 'sort_key' and 'sort_dir' parameters are deprecated and cannot be used with the 'sort' parameter.");
  const keys = sort !== null
    ? sort.split(",").map((x) => {
        const [key = "", dir = "desc"] = x.trim().split(":");
        return { key, dir };
      })
    : (q.get("sort_key") ?? "created_at").split(",").map((key, i) => ({ key, dir: (q.get("sort_dir") ?? "desc").split(",")[i] ?? "desc" }));
  for (const k of keys) {
    if (!allowed.includes(k.key)) throw badRequest("Invalid input received: Invalid sort key");
    if (k.dir !== "asc" && k.dir !== "desc") throw badRequest("Invalid input received: Unknown sort direction, must be 'desc' or 'asc'");
  }
  return keys as Array<{ key: string; dir: "asc" | "desc" }>;
}

/** `metadata={"k":"v"}` (a JSON or Python-style dict): every pair must match. */
function metadataFilter(raw: string): Record<string, string> {
  try {
    const parsed: unknown = JSON.parse(raw.replace(/'/g, '"'));
    if (isObject(parsed)) return Object.fromEntries(Object.entries(parsed).map(([k, v]) => [k, String(v)]));
  } catch {
    // fall through
  }
  throw badRequest(`Invalid input received: Invalid filter: metadata=${raw}`);
}

/** Rows in the request's sort order (stable: rows come newest first, so ties stay that way). */
export function sortRows<T>(r: CinderRequest, rows: T[], allowed: readonly string[], value: (row: T, key: string) => string | number): T[] {
  const keys = sortOf(r, allowed);
  return [...rows].sort((a, b) => {
    for (const { key, dir } of keys) {
      const x = value(a, key);
      const y = value(b, key);
      if (x !== y) return (x < y ? -1 : 1) * (dir === "asc" ? 1 : -1);
    }
    return 0;
  });
}

/** GET /volumes/summary (3.12; metadata from 3.36): count, total size and every metadata value of the filtered volumes. */
export function volumeSummary(r: CinderRequest): Response {
  if (r.minor < 12) throw notFound("The resource could not be found.");
  // Real Cinder sums the whole project here: a metadata filter does not narrow the summary.
  const rows = allTenantsOf(r, "strict") ? r.cinder.allVolumes() : r.cinder.tenantVolumes(r.project);
  const metadata: Record<string, string[]> = {};
  // Values in the order the volumes were made (Cinder's database order).
  for (const v of [...rows].reverse()) for (const [k, x] of Object.entries(v.metadata)) if (!(metadata[k] ??= []).includes(x)) metadata[k]!.push(x);
  return jsonResponse(200, { "volume-summary": { total_size: rows.reduce((n, v) => n + v.size, 0), total_count: rows.length, ...(r.minor >= 36 ? { metadata } : {}) } });
}

/** The caller's volumes (an admin's all_tenants: every project's) after the status, name and metadata filters. */
function filteredVolumes(r: CinderRequest): VolumeRecord[] {
  const q = r.url.searchParams;
  const allTenants = allTenantsOf(r, "strict");
  let rows = allTenants ? r.cinder.allVolumes() : r.cinder.tenantVolumes(r.project);
  const project = q.get("project_id");
  if (allTenants && project) rows = rows.filter((v) => v.tenantId === project);
  const status = q.get("status");
  if (status) rows = rows.filter((v) => v.status === status);
  const name = q.get("name") ?? q.get("display_name");
  if (name) rows = rows.filter((v) => v.name === name);
  const meta = q.get("metadata");
  if (meta !== null && r.version !== "v1") {
    const want = metadataFilter(meta);
    rows = rows.filter((v) => Object.entries(want).every(([k, x]) => v.metadata[k] === x));
  }
  return rows;
}

/** GET /volumes and /volumes/detail: status, name, metadata filters, all_tenants (admin), sort, limit/marker. */
export function listVolumes(r: CinderRequest, detail: boolean): Response {
  const q = r.url.searchParams;
  let rows = filteredVolumes(r);
  if (r.version !== "v1") rows = sortRows(r, rows, SORT_KEYS, sortValue);
  const count = rows.length;
  const p = page(r, rows);
  const views = p.rows.map((v) =>
    detail ? volumeView(v, r.version, viewOptions(r, true)) : { id: v.id, ...(r.version === "v1" ? { display_name: v.name ?? "" } : { name: v.name, links: resourceLinks(r.base, "volumes", v.id) }) },
  );
  const withCount = r.minor >= 45 && ["true", "True", "1"].includes(q.get("with_count") ?? "");
  return jsonResponse(200, { volumes: views, ...(p.links?.length ? { volumes_links: p.links } : {}), ...(withCount ? { count } : {}) });
}

function typeOf(r: CinderRequest, raw: unknown) {
  const types = r.cinder.types.filter((t) => r.version !== "v1" || !t.v3Only);
  if (raw === undefined || raw === null) return r.version === "v1" ? types[0]! : r.cinder.types.find((t) => t.name === DEFAULT_TYPE)!;
  const t = types.find((x) => x.name.toLowerCase() === String(raw).toLowerCase() || String(x.id) === String(raw));
  if (!t) throw notFound(`Volume type with name ${String(raw)} could not be found.`);
  return t;
}

/** POST /volumes: 200 on v1, 202 on v2/v3; from a snapshot, a clone, or an image. */
export async function createVolume(r: CinderRequest): Promise<Response> {
  const e = entity(await jsonBody(r), "volume");
  const snapshot = e.snapshot_id ? r.cinder.snapshotFor(r.project, r.admin, String(e.snapshot_id)) : undefined;
  if (e.snapshot_id && !snapshot) throw notFound(`Snapshot ${String(e.snapshot_id)} could not be found.`);
  if (snapshot && snapshot.status !== "available") throw badRequest(`Invalid snapshot: Originating snapshot status must be one of 'available' values`);
  const source = e.source_volid ? r.cinder.volumeFor(r.project, r.admin, String(e.source_volid)) : undefined;
  if (e.source_volid && !source) throw notFound(`Volume ${String(e.source_volid)} could not be found.`);
  if (source && !["available", "in-use"].includes(source.status)) throw badRequest(`Invalid volume: Source volume status must be available or in-use`);
  if (e.imageRef !== undefined && e.imageRef !== null && (typeof e.imageRef !== "string" || e.imageRef === "")) throw badRequest("Invalid input received: imageRef must be an image id");
  const origin = snapshot ? r.cinder.volume(snapshot.tenantId, snapshot.volumeId) : source;
  let size: number;
  if (e.size === undefined || e.size === null) {
    if (!snapshot && !source) throw badRequest(r.version === "v1" ? "Invalid input received: size is required" : "The server could not comply with the request since it is either malformed or otherwise incorrect.");
    size = (snapshot ?? source)!.size;
  } else if (r.version === "v1") {
    size = typeof e.size === "string" && /^\d+$/.test(e.size) ? Number(e.size) : (e.size as number);
    if (!Number.isInteger(size) || size <= 0) throw badRequest(`Invalid input received: Volume size '${String(e.size)}' must be an integer and greater than 0`);
  } else {
    size = sizeOf("size", e.size);
  }
  const name = displayField(e, "name", r.version);
  const description = displayField(e, "description", r.version);
  const metadata = metadataOf(e.metadata);
  const type = typeOf(r, e.volume_type ?? origin?.type);
  // Current Cinder's words (real Cinder, 2026-12-03: the size quoted); Rackspace's older v1 said "Clones currently
  // must be >= original volume size." for a clone, the text pyrax turns into VolumeCloneTooSmall.
  if (snapshot && size < snapshot.size) throw badRequest(`Invalid input received: Volume size '${size}'GB cannot be smaller than the snapshot size ${snapshot.size}GB. They must be >= original snapshot size.`);
  if (source && size < source.size)
    throw badRequest(r.version === "v1" ? "Invalid input received: Clones currently must be >= original volume size." : `Invalid input received: Volume size '${size}'GB cannot be smaller than original volume size ${source.size}GB. They must be >= original volume size.`);
  if (size < type.min || size > type.max) throw badRequest(`Invalid input received: ${type.name} volumes must be between ${type.min} and ${type.max} GB, not ${size} GB.`);
  const v = r.cinder.createVolume(r.project, {
    name: name ?? (r.version === "v1" ? "" : null),
    description: description ?? (r.version === "v1" ? "" : null),
    userId: r.userId,
    size,
    type: type.name,
    snapshotId: snapshot?.id ?? null,
    sourceVolid: source?.id ?? null,
    imageId: typeof e.imageRef === "string" ? e.imageRef : null,
    metadata,
    // The scheduler places a volume on the backend its type names (extra spec volume_backend_name).
    ...(type.extraSpecs.volume_backend_name !== undefined ? { backend: type.extraSpecs.volume_backend_name } : {}),
  });
  return jsonResponse(r.version === "v1" ? 200 : 202, { volume: volumeView(v, r.version, viewOptions(r, false)) });
}

export function showVolume(r: CinderRequest, id: string): Response {
  return jsonResponse(200, { volume: volumeView(visibleVolume(r, id), r.version, viewOptions(r, true)) });
}

const UPDATABLE = ["name", "description", "display_name", "display_description", "metadata"];

/** PUT /volumes/{id}: name, description, metadata. */
export async function updateVolume(r: CinderRequest, id: string): Promise<Response> {
  const v = visibleVolume(r, id);
  const e = entity(await jsonBody(r), "volume");
  const extra = Object.keys(e).filter((k) => !UPDATABLE.includes(k));
  if (r.version !== "v1" && extra.length) throw schemaError("volume", e, `Additional properties are not allowed (${extra.map((k) => `'${k}'`).join(", ")} ${extra.length > 1 ? "were" : "was"} unexpected)`);
  const name = displayField(e, "name", r.version);
  const description = displayField(e, "description", r.version);
  if (name !== undefined) v.name = name;
  if (description !== undefined) v.description = description;
  if (e.metadata !== undefined) v.metadata = metadataOf(e.metadata);
  v.updated = r.cinder.now;
  return jsonResponse(200, { volume: volumeView(v, r.version, viewOptions(r, false)) });
}

/** DELETE /volumes/{id} → 202: not attached, no snapshots, available or error. */
export function deleteVolume(r: CinderRequest, id: string): Response {
  const v = visibleVolume(r, id);
  const snaps = r.cinder.tenantSnapshots(v.tenantId).filter((s) => s.volumeId === v.id);
  // Rackspace's v1 names the snapshots; OpenStack's Cinder folds them into one message.
  if (snaps.length && r.version === "v1") throw badRequest(`Invalid volume: Volume still has ${snaps.length} dependent snapshots.`);
  if (snaps.length || v.attachment || !DELETABLE.includes(v.status))
    throw badRequest(
      "Invalid volume: Volume status must be available or error or error_restoring or error_extending or error_managing and must not be migrating, attached, belong to a group, have snapshots, awaiting a transfer, or be disassociated from snapshots after volume transfer.",
    );
  r.cinder.transition(v, "deleting", "deleting", r.cinder.cinder.timings.delete, () => {
    v.goneAt = r.cinder.now;
  });
  return r.version === "v1" ? emptyResponse(202) : emptyAnswer(202, "html");
}

/** /volumes/{id}/metadata[/{key}]. */
export async function volumeMetadata(r: CinderRequest, id: string, key: string | undefined): Promise<Response> {
  const v: VolumeRecord = visibleVolume(r, id);
  return metadataRoute(r, v.metadata, (m) => (v.metadata = m), key, "Volume", v.id);
}

/** The metadata routes Cinder shares between volumes and snapshots. */
export async function metadataRoute(r: CinderRequest, current: Record<string, string>, store: (m: Record<string, string>) => void, key: string | undefined, what: string, id: string): Promise<Response> {
  const m = r.request.method;
  const noKey = () => notFound(r.version === "v1" ? `${what} metadata key ${key} could not be found.` : `${what} ${id} has no metadata with key ${key}.`);
  if (key === undefined) {
    if (m === "GET") return jsonResponse(200, { metadata: current });
    if (m === "POST" || m === "PUT") {
      const body = await jsonBody(r);
      if (body.metadata === undefined) throw badRequest("'metadata' is a required property");
      if (!isObject(body.metadata)) throw schemaError("metadata", body.metadata, `${pyRepr(body.metadata)} is not of type 'object'`);
      const next = metadataOf(body.metadata);
      store(m === "POST" ? { ...current, ...next } : next);
      return jsonResponse(200, { metadata: m === "POST" ? { ...current, ...next } : next });
    }
  } else {
    if (m === "GET") {
      if (!(key in current)) throw noKey();
      return jsonResponse(200, { meta: { [key]: current[key] } });
    }
    if (m === "PUT") {
      const body = await jsonBody(r);
      if (isObject(body.meta) && Object.keys(body.meta).length > 1) throw schemaError("meta", body.meta, `${pyRepr(body.meta)} has too many properties`);
      const meta = metadataOf(body.meta);
      if (Object.keys(meta).length !== 1 || !(key in meta)) throw badRequest("Request body and URI mismatch");
      store({ ...current, ...meta });
      return jsonResponse(200, { meta });
    }
    if (m === "DELETE") {
      if (!(key in current)) throw noKey();
      const { [key]: _gone, ...rest } = current;
      store(rest);
      return r.version === "v1" ? emptyResponse(200) : emptyAnswer(200, "html");
    }
  }
  throw new CinderFault(405, "The method is not allowed for this resource.");
}
