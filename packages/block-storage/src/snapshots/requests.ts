import { BadRequest, type CallOptions, Conflict, encodeSegment, jsonFor, markerPager, type NotFound, notFoundAs, type Paginated, sendFor, type ServiceClient, validate } from "@rax/core";
import { apiVersion, displayKeys } from "../api-version";
import { NoSuchSnapshot, NoSuchVolume, SnapshotNotAvailable, VolumeNotAvailable } from "../errors";
import { metadataInput, type Ref, ref } from "../ref";
import { metadataBody } from "../volumes/models";
import {
  type CreateSnapshotInput,
  createSnapshotInput,
  type ListSnapshotsInput,
  listSnapshotsInput,
  type SnapshotData,
  snapshotBody,
  snapshotsBody,
  toSnapshot,
  type UpdateSnapshotInput,
  updateSnapshotInput,
} from "./models";

const snapshotPath = (id: string, rest = "") => `snapshots/${encodeSegment(id)}${rest}`;
const missing = (id: string) => (e: NotFound) => new NoSuchSnapshot(id, e);

/** GET /snapshots/detail, page after page; `volume` filters (on the server where it can, and here). */
export function listSnapshots(client: ServiceClient, filters?: ListSnapshotsInput, o: CallOptions = {}): Paginated<SnapshotData> {
  const f = validate(listSnapshotsInput(), filters, "filters") ?? {};
  const query = { status: f.status, volume_id: f.volume };
  return markerPager(
    async (marker, limit) => {
      const body = await client.json({ method: "GET", path: "snapshots/detail", query: { ...query, limit, marker }, ...o }, snapshotsBody());
      const rows = body.snapshots.map(toSnapshot);
      // Cinder v1 ignores volume_id; the rows are filtered here too (a filtered page may be short, so paging goes by links or an empty page).
      const items = f.volume ? rows.filter((s) => s.volumeId === f.volume) : rows;
      const more = body.snapshots_links ? body.snapshots_links.some((l) => l.rel === "next") : limit !== undefined && body.snapshots.length >= limit;
      return { items, more: more && body.snapshots.length > 0 };
    },
    { markerOf: (row) => row.id, pageSize: f.pageSize, limit: f.limit, marker: f.marker },
  );
}

/** GET /snapshots/{id}. */
export async function getSnapshot(client: ServiceClient, snapshot: Ref, o: CallOptions = {}): Promise<SnapshotData> {
  const id = validate(ref(), snapshot, "snapshot");
  const body = await notFoundAs(client.json({ method: "GET", path: snapshotPath(id), ...o }, snapshotBody()), missing(id));
  return toSnapshot(body.snapshot);
}

/**
 * POST /snapshots → 200 on Rackspace's v1 (its docs say 201), 202 on v2/v3. An attached volume
 * without `force`, or a busy one → `VolumeNotAvailable`; a volume that does not exist → `NoSuchVolume`.
 */
export async function createSnapshot(client: ServiceClient, volume: Ref, options?: CreateSnapshotInput, o: CallOptions = {}): Promise<SnapshotData> {
  const volumeId = validate(ref(), volume, "volume");
  const i = validate(createSnapshotInput(), options, "snapshot") ?? {};
  const v = apiVersion(client);
  const k = displayKeys(v);
  const json = { snapshot: { volume_id: volumeId, force: i.force ?? false, ...(i.name !== undefined ? { [k.name]: i.name } : {}), ...(i.description !== undefined ? { [k.description]: i.description } : {}) } };
  try {
    const body = await notFoundAs(jsonFor(client, { method: "POST", path: "snapshots", json, ...o }, v === 1 ? [200, 201] : [202], snapshotBody()), (e) => new NoSuchVolume(volumeId, e));
    return toSnapshot(body.snapshot);
  } catch (e) {
    if (e instanceof BadRequest || e instanceof Conflict) throw new VolumeNotAvailable(volumeId, e);
    throw e;
  }
}

/** PUT /snapshots/{id}: new name and/or description. */
export async function updateSnapshot(client: ServiceClient, snapshot: Ref, changes: UpdateSnapshotInput, o: CallOptions = {}): Promise<SnapshotData> {
  const id = validate(ref(), snapshot, "snapshot");
  const c = validate(updateSnapshotInput(), changes, "changes");
  const k = displayKeys(apiVersion(client));
  const json = { snapshot: { ...(c.name !== undefined ? { [k.name]: c.name } : {}), ...(c.description !== undefined ? { [k.description]: c.description } : {}) } };
  const body = await notFoundAs(jsonFor(client, { method: "PUT", path: snapshotPath(id), json, ...o }, [200], snapshotBody()), missing(id));
  return toSnapshot(body.snapshot);
}

/** DELETE /snapshots/{id} → 202. Cinder refuses (400) a snapshot that is not `available` or `error`: `SnapshotNotAvailable`. */
export async function deleteSnapshot(client: ServiceClient, snapshot: Ref, o: CallOptions = {}): Promise<void> {
  const id = validate(ref(), snapshot, "snapshot");
  try {
    const res = await notFoundAs(sendFor(client, { method: "DELETE", path: snapshotPath(id), ...o }, [202]), missing(id));
    await res.dump();
  } catch (e) {
    // Cinder's words: "Invalid snapshot: Snapshot status must be available or error …" (the status rule).
    if (e instanceof BadRequest && /status/i.test(e.serverMessage)) throw new SnapshotNotAvailable(id, e);
    throw e;
  }
}

/** GET /snapshots/{id}/metadata. */
export async function getSnapshotMetadata(client: ServiceClient, snapshot: Ref, o: CallOptions = {}): Promise<Record<string, string>> {
  const id = validate(ref(), snapshot, "snapshot");
  return (await notFoundAs(client.json({ method: "GET", path: snapshotPath(id, "/metadata"), ...o }, metadataBody()), missing(id))).metadata;
}

/** POST /snapshots/{id}/metadata: merges `metadata` in; returns all of it. */
export async function setSnapshotMetadata(client: ServiceClient, snapshot: Ref, metadata: Record<string, string>, o: CallOptions = {}): Promise<Record<string, string>> {
  const id = validate(ref(), snapshot, "snapshot");
  const m = validate(metadataInput(), metadata, "metadata");
  return (await notFoundAs(jsonFor(client, { method: "POST", path: snapshotPath(id, "/metadata"), json: { metadata: m }, ...o }, [200], metadataBody()), missing(id))).metadata;
}
