import { emptyResponse, jsonResponse } from "../respond";
import { badRequest, CinderFault, notFound } from "./cinder-errors";
import { type CinderRequest, displayField, entity, isObject, jsonBody, metadataOf, page } from "./cinder-request";
import { VOLUME_TYPES, type VolumeRecord } from "./model";
import { volumeView } from "./views";

const DELETABLE = ["available", "error", "error_restoring", "error_extending", "error_managing"];

/** GET /volumes and /volumes/detail: newest first, `status` and `name` filters, limit/marker. */
export function listVolumes(r: CinderRequest, detail: boolean): Response {
  let rows = r.cinder.tenantVolumes(r.project);
  const status = r.url.searchParams.get("status");
  if (status) rows = rows.filter((v) => v.status === status);
  const name = r.url.searchParams.get("name") ?? r.url.searchParams.get("display_name");
  if (name) rows = rows.filter((v) => v.name === name);
  const p = page(r, rows);
  const views = p.rows.map((v) => (detail ? volumeView(v, r.version) : { id: v.id, ...(r.version === "v1" ? { display_name: v.name } : { name: v.name }), links: [] }));
  return jsonResponse(200, { volumes: views, ...(p.links ? { volumes_links: p.links } : {}) });
}

function typeOf(raw: unknown) {
  if (raw === undefined || raw === null) return VOLUME_TYPES[0]!;
  const t = VOLUME_TYPES.find((x) => x.name.toLowerCase() === String(raw).toLowerCase() || String(x.id) === String(raw));
  if (!t) throw notFound(`Volume type with name ${String(raw)} could not be found.`);
  return t;
}

/** POST /volumes: 200 on v1, 202 on v2/v3; from a snapshot, a clone, or an image. */
export async function createVolume(r: CinderRequest): Promise<Response> {
  const e = entity(await jsonBody(r), "volume");
  const snapshot = e.snapshot_id ? r.cinder.snapshot(r.project, String(e.snapshot_id)) : undefined;
  if (e.snapshot_id && !snapshot) throw notFound(`Snapshot ${String(e.snapshot_id)} could not be found.`);
  if (snapshot && snapshot.status !== "available") throw badRequest(`Invalid snapshot: Originating snapshot status must be one of 'available' values`);
  const source = e.source_volid ? r.cinder.volume(r.project, String(e.source_volid)) : undefined;
  if (e.source_volid && !source) throw notFound(`Volume ${String(e.source_volid)} could not be found.`);
  if (source && !["available", "in-use"].includes(source.status)) throw badRequest(`Invalid volume: Source volume status must be available or in-use`);
  if (e.imageRef !== undefined && e.imageRef !== null && (typeof e.imageRef !== "string" || e.imageRef === "")) throw badRequest("Invalid input received: imageRef must be an image id");
  const origin = snapshot ? r.cinder.volume(r.project, snapshot.volumeId) : source;
  const type = typeOf(e.volume_type ?? origin?.type);
  let size: number;
  if (e.size === undefined || e.size === null) {
    if (!snapshot && !source) throw badRequest("Invalid input received: size is required");
    size = (snapshot ?? source)!.size;
  } else {
    size = typeof e.size === "string" && /^\d+$/.test(e.size) ? Number(e.size) : (e.size as number);
    if (!Number.isInteger(size) || size <= 0) throw badRequest(`Invalid input received: Volume size '${String(e.size)}' must be an integer and greater than 0`);
  }
  if (snapshot && size < snapshot.size) throw badRequest(`Invalid input received: Volume size ${size}GB cannot be smaller than the snapshot size ${snapshot.size}GB. They must be >= original snapshot size.`);
  if (source && size < source.size) throw badRequest("Invalid input received: Clones currently must be >= original volume size.");
  if (size < type.min || size > type.max) throw badRequest(`Invalid input received: ${type.name} volumes must be between ${type.min} and ${type.max} GB, not ${size} GB.`);
  const v = r.cinder.createVolume(r.project, {
    name: displayField(e, "name", r.version) ?? "",
    description: displayField(e, "description", r.version) ?? "",
    size,
    type: type.name,
    snapshotId: snapshot?.id ?? null,
    sourceVolid: source?.id ?? null,
    imageId: typeof e.imageRef === "string" ? e.imageRef : null,
    metadata: metadataOf(e.metadata),
  });
  return jsonResponse(r.version === "v1" ? 200 : 202, { volume: volumeView(v, r.version) });
}

export function showVolume(r: CinderRequest, id: string): Response {
  return jsonResponse(200, { volume: volumeView(r.cinder.requireVolume(r.project, id), r.version) });
}

/** PUT /volumes/{id}: name, description, metadata. */
export async function updateVolume(r: CinderRequest, id: string): Promise<Response> {
  const v = r.cinder.requireVolume(r.project, id);
  const e = entity(await jsonBody(r), "volume");
  const name = displayField(e, "name", r.version);
  const description = displayField(e, "description", r.version);
  if (name !== undefined) v.name = name;
  if (description !== undefined) v.description = description;
  if (e.metadata !== undefined) v.metadata = metadataOf(e.metadata);
  return jsonResponse(200, { volume: volumeView(v, r.version) });
}

/** DELETE /volumes/{id} → 202: not attached, no snapshots, available or error. */
export function deleteVolume(r: CinderRequest, id: string): Response {
  const v = r.cinder.requireVolume(r.project, id);
  const snaps = r.cinder.tenantSnapshots(r.project).filter((s) => s.volumeId === v.id);
  if (snaps.length) throw badRequest(`Invalid volume: Volume still has ${snaps.length} dependent snapshots.`);
  if (v.attachment || !DELETABLE.includes(v.status))
    throw badRequest("Invalid volume: Volume status must be available or error or error_restoring or error_extending or error_managing and must not be migrating, attached, belong to a group, have snapshots or be disassociated from snapshots after volume transfer.");
  r.cinder.transition(v, "deleting", "deleting", r.cinder.cinder.timings.delete, () => {
    v.goneAt = r.cinder.now;
  });
  return emptyResponse(202);
}

/** /volumes/{id}/metadata[/{key}]. */
export async function volumeMetadata(r: CinderRequest, id: string, key: string | undefined): Promise<Response> {
  const v: VolumeRecord = r.cinder.requireVolume(r.project, id);
  return metadataRoute(r, v.metadata, (m) => (v.metadata = m), key, "Volume");
}

/** The metadata routes Cinder shares between volumes and snapshots. */
export async function metadataRoute(r: CinderRequest, current: Record<string, string>, store: (m: Record<string, string>) => void, key: string | undefined, what: string): Promise<Response> {
  const m = r.request.method;
  if (key === undefined) {
    if (m === "GET") return jsonResponse(200, { metadata: current });
    if (m === "POST" || m === "PUT") {
      const body = await jsonBody(r);
      if (!isObject(body.metadata)) throw badRequest("Malformed request body");
      const next = metadataOf(body.metadata);
      store(m === "POST" ? { ...current, ...next } : next);
      return jsonResponse(200, { metadata: m === "POST" ? { ...current, ...next } : next });
    }
  } else {
    if (m === "GET") {
      if (!(key in current)) throw notFound(`${what} metadata key ${key} could not be found.`);
      return jsonResponse(200, { meta: { [key]: current[key] } });
    }
    if (m === "PUT") {
      const body = await jsonBody(r);
      const meta = metadataOf(body.meta);
      if (Object.keys(meta).length !== 1 || !(key in meta)) throw badRequest("Request body and URI mismatch");
      store({ ...current, ...meta });
      return jsonResponse(200, { meta });
    }
    if (m === "DELETE") {
      if (!(key in current)) throw notFound(`${what} metadata key ${key} could not be found.`);
      const { [key]: _gone, ...rest } = current;
      store(rest);
      return emptyResponse(200);
    }
  }
  throw new CinderFault(405, "The method is not allowed for this resource.");
}
