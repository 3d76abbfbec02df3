import { BadRequest, type CallOptions, encodeSegment, jsonFor, markerPager, type NotFound, notFoundAs, type Paginated, ResourceFailed, sendFor, type ServiceClient, validate, ValidationError, waitUntil, waitUntilGone } from "@rax/core";
import { idSegment } from "@rax/core/zod-mini";
import * as z from "zod/mini";
import { apiVersion, displayKeys } from "../api-version";
import { detachVolume } from "../attachments/requests";
import { NoSuchSnapshot, NoSuchVolume, NoUniqueMatch, VolumeFailed, VolumeNotDeletable } from "../errors";
import { metadataInput, type Ref, ref } from "../ref";
import { deleteSnapshot, getSnapshot, listSnapshots } from "../snapshots/requests";
import { failureReason } from "../user-messages";
import type { VolumeApi } from "../volume-api";
import { listVolumeTypes } from "../volume-types/requests";
import {
  type CreateVolumeInput,
  checkRackspaceSize,
  createVolumeInput,
  type DeleteSnapshotsInput,
  deleteSnapshotsInput,
  type DeleteVolumeInput,
  deleteVolumeInput,
  type ListVolumesInput,
  listVolumesInput,
  metadataBody,
  toVolume,
  type UpdateVolumeInput,
  updateVolumeInput,
  type VolumeData,
  volumeBody,
  volumesBody,
} from "./models";

// One function per Cinder wire operation: validate before any request, send, turn a 404 into
// NoSuchVolume, return plain camelCase data.

const volumePath = (id: string, rest = "") => `volumes/${encodeSegment(id)}${rest}`;
const missing = (id: string) => (e: NotFound) => new NoSuchVolume(id, e);

/** GET /volumes/detail, page after page (`limit` + `marker`; v2/v3's `next` link says another page follows). */
export function listVolumes(client: ServiceClient, filters?: ListVolumesInput, o: CallOptions = {}): Paginated<VolumeData> {
  const f = validate(listVolumesInput(), filters, "filters") ?? {};
  const query = { status: f.status, name: f.name };
  return markerPager(
    async (marker, limit) => {
      const body = await client.json({ method: "GET", path: "volumes/detail", query: { ...query, limit, marker }, ...o }, volumesBody());
      // v1 sends no links: a full page (as many as asked) may have more after it.
      const more = body.volumes_links ? body.volumes_links.some((l) => l.rel === "next") : limit !== undefined && body.volumes.length >= limit;
      return { items: body.volumes, more };
    },
    { markerOf: (row) => row.id, pageSize: f.pageSize, limit: f.limit, marker: f.marker },
  ).map(toVolume);
}

/** GET /volumes/{id}. */
export async function getVolume(client: ServiceClient, volume: Ref, o: CallOptions = {}): Promise<VolumeData> {
  const id = validate(ref(), volume, "volume");
  const body = await notFoundAs(client.json({ method: "GET", path: volumePath(id), ...o }, volumeBody()), missing(id));
  return toVolume(body.volume);
}

/** The one volume named exactly `name` (v1 cannot filter by name: the listing is filtered here). */
export async function findVolume(client: ServiceClient, name: string, o: CallOptions = {}): Promise<VolumeData> {
  const n = validate(z.string().check(z.regex(/\S/, "must not be blank")), name, "name");
  const matches = (await listVolumes(client, {}, o).toArray()).filter((v) => v.name === n);
  if (matches.length === 1) return matches[0]!;
  if (matches.length > 1) throw new NoUniqueMatch("volumes", matches.map((v) => v.id));
  throw new NoSuchVolume(n, { in: client });
}

/**
 * POST /volumes → 200 on v1, 202 on v2/v3. A `volumeType` is checked against the cloud's types
 * (one GET /types) before the create, so a misspelt type is a `ValidationError`, not a 404 later.
 */
export async function createVolume(client: ServiceClient, input: CreateVolumeInput, o: CallOptions = {}): Promise<VolumeData> {
  const i = validate(createVolumeInput(), input, "volume");
  const v = apiVersion(client);
  // A volume from a snapshot or a clone takes its source's type; only a blank one gets the default.
  if (v === 1) checkRackspaceSize(i.size, i.volumeType, i.snapshot !== undefined || i.clone !== undefined);
  checkNotSmallerThanSource(input, i.size);
  if (i.volumeType !== undefined) {
    const types = await listVolumeTypes(client, o).toArray();
    const want = i.volumeType.toLowerCase();
    if (!types.some((t) => t.name.toLowerCase() === want || t.id === i.volumeType))
      throw new ValidationError("volume.volumeType", `must be one of ${types.map((t) => t.name).join(", ") || "(this cloud lists no volume types)"}`);
  }
  const k = displayKeys(v);
  const volume: Record<string, unknown> = {
    ...(i.size !== undefined ? { size: i.size } : {}),
    ...(i.name !== undefined ? { [k.name]: i.name } : {}),
    ...(i.description !== undefined ? { [k.description]: i.description } : {}),
    ...(i.volumeType !== undefined ? { volume_type: i.volumeType } : {}),
    ...(i.metadata !== undefined ? { metadata: i.metadata } : {}),
    ...(i.snapshot !== undefined ? { snapshot_id: i.snapshot } : {}),
    ...(i.clone !== undefined ? { source_volid: i.clone } : {}),
    ...(i.image !== undefined ? { imageRef: i.image } : {}),
    ...(i.availabilityZone !== undefined ? { availability_zone: i.availabilityZone } : {}),
  };
  const sent = jsonFor(client, { method: "POST", path: "volumes", json: { volume }, ...o }, v === 1 ? [200] : [202], volumeBody());
  const body = await notFoundAs(sent, (e) => sourceMissing(i, e));
  return toVolume(body.volume);
}

/**
 * A volume from a snapshot or a clone cannot be smaller than its source (Cinder's 400; pyrax's
 * VolumeCloneTooSmall). When the source is given as an object carrying its size (a `Snapshot`, a
 * `Volume`), that is a `ValidationError` before any request.
 */
function checkNotSmallerThanSource(input: CreateVolumeInput, size: number | undefined): void {
  for (const field of ["snapshot", "clone"] as const) {
    const src = input[field] as unknown;
    const have = typeof src === "object" && src !== null ? (src as { size?: unknown }).size : undefined;
    if (size !== undefined && typeof have === "number" && size < have)
      throw new ValidationError("volume.size", `must be at least ${have} GB, the size of the ${field === "snapshot" ? "snapshot" : "volume cloned"}`);
  }
}

/**
 * Cinder's 404 to a create names the source it could not find ("Snapshot x could not be found." /
 * "Volume x could not be found."): the caller gets that source's NoSuch… error, not a bare NotFound.
 */
function sourceMissing(i: { snapshot?: string; clone?: string }, e: NotFound): NotFound {
  if (i.snapshot !== undefined && /snapshot/i.test(e.serverMessage)) return new NoSuchSnapshot(i.snapshot, e);
  if (i.clone !== undefined && /volume/i.test(e.serverMessage)) return new NoSuchVolume(i.clone, e);
  return e;
}

/** PUT /volumes/{id}: new name and/or description (nothing to change = no request, as pyrax). */
export async function updateVolume(client: ServiceClient, volume: Ref, changes: UpdateVolumeInput, o: CallOptions = {}): Promise<VolumeData> {
  const id = validate(ref(), volume, "volume");
  const c = validate(updateVolumeInput(), changes, "changes");
  if (c.name === undefined && c.description === undefined) return getVolume(client, id, o);
  const k = displayKeys(apiVersion(client));
  const json = { volume: { ...(c.name !== undefined ? { [k.name]: c.name } : {}), ...(c.description !== undefined ? { [k.description]: c.description } : {}) } };
  const body = await notFoundAs(jsonFor(client, { method: "PUT", path: volumePath(id), json, ...o }, [200], volumeBody()), missing(id));
  return toVolume(body.volume);
}

/** Deletes snapshots one at a time, each waited until gone (Cinder deletes one per volume at once). */
async function deleteSnapshotsInTurn(client: ServiceClient, snapshots: readonly { id: string }[], wait: { interval: number; timeout: number; signal?: AbortSignal }, o: CallOptions): Promise<void> {
  for (const s of snapshots) {
    await deleteSnapshot(client, s.id, o);
    await waitUntilGone(() => getSnapshot(client, s.id, o), { ...wait, failOn: ["error_deleting"] });
  }
}

/**
 * Every snapshot of the volume, deleted one at a time and waited until gone (pyrax
 * `vol.delete_all_snapshots()`); the volume itself stays. Returns how many were deleted.
 */
export async function deleteAllVolumeSnapshots(client: ServiceClient, volume: Ref, options?: DeleteSnapshotsInput, o: CallOptions = {}): Promise<number> {
  const id = validate(ref(), volume, "volume");
  const opts = validate(deleteSnapshotsInput(), options, "options") ?? {};
  const wait = { interval: opts.interval ?? 5000, timeout: opts.timeout ?? 10 * 60_000, ...(o.signal ? { signal: o.signal } : {}) };
  const snapshots = await listSnapshots(client, { volume: id }, o).toArray();
  await deleteSnapshotsInTurn(client, snapshots, wait, o);
  return snapshots.length;
}

/**
 * DELETE /volumes/{id} → 202, after checking the seed's rules: an attached volume, one with
 * snapshots, or one neither `available` nor `error` → `VolumeNotDeletable` saying why. With
 * `force`, pyrax's way: detach it (waiting until `available`), delete its snapshots one at a time
 * (Cinder deletes one per volume at once), then delete it.
 */
export async function deleteVolume(client: VolumeApi, volume: Ref, options?: DeleteVolumeInput, o: CallOptions = {}): Promise<void> {
  const id = validate(ref(), volume, "volume");
  const opts = validate(deleteVolumeInput(), options, "options") ?? {};
  const wait = { interval: opts.interval ?? 5000, timeout: opts.timeout ?? 10 * 60_000, ...(o.signal ? { signal: o.signal } : {}) };
  let vol = await getVolume(client, id, o);
  const snapshots = await listSnapshots(client, { volume: id }, o).toArray();
  if (opts.force) {
    // A volume already `detaching` (a detach just sent, as `vol.detach(); vol.delete({ force })` does) still
    // lists its attachment; detaching it again is Cinder's 400, so it is only waited for.
    if (vol.status !== "detaching") for (const a of vol.attachments) await detachVolume(client, id, a.serverId, o);
    if (vol.attachments.length || vol.status === "detaching") {
      try {
        vol = await waitUntil(() => getVolume(client, id, o), "status", ["available"], { ...wait, failOn: ["error"] });
      } catch (e) {
        // The same error a wait on the volume gives (with Cinder's reason), not core's bare ResourceFailed.
        if (e instanceof ResourceFailed) throw new VolumeFailed(e.resource as VolumeData, "available", undefined, await failureReason(client, id, o));
        throw e;
      }
    }
    await deleteSnapshotsInTurn(client, snapshots, wait, o);
  } else {
    // "reserved" is Cinder v3's first attach step (before "attaching"); no attachment is listed yet.
    if (vol.attachments.length || vol.status === "in-use" || vol.status === "attaching" || vol.status === "reserved")
      throw new VolumeNotDeletable(id, "attached", `it is attached to server ${vol.attachments.map((a) => a.serverId).join(", ") || "(attaching)"}; detach it first or pass force`);
    if (snapshots.length) throw new VolumeNotDeletable(id, "snapshots", `it has ${snapshots.length} snapshot(s) (${snapshots.map((s) => s.id).join(", ")}); delete them first or pass force`);
    if (vol.status !== "available" && vol.status !== "error") throw new VolumeNotDeletable(id, "status", `its status is ${vol.status}; it must be available or error`);
  }
  try {
    const res = await notFoundAs(sendFor(client, { method: "DELETE", path: volumePath(id), ...o }, [202]), missing(id));
    await res.dump();
  } catch (e) {
    // The state changed between the check and the delete: Cinder's 400 says which rule.
    if (e instanceof BadRequest) {
      const reason = /snapshot/i.test(e.serverMessage) ? "snapshots" : /attach|in-use/i.test(e.serverMessage) ? "attached" : "status";
      throw new VolumeNotDeletable(id, reason, e.serverMessage, { cause: e });
    }
    throw e;
  }
}

/** GET /volumes/{id}/metadata. */
export async function getVolumeMetadata(client: ServiceClient, volume: Ref, o: CallOptions = {}): Promise<Record<string, string>> {
  const id = validate(ref(), volume, "volume");
  return (await notFoundAs(client.json({ method: "GET", path: volumePath(id, "/metadata"), ...o }, metadataBody()), missing(id))).metadata;
}

/** POST /volumes/{id}/metadata: merges `metadata` into the volume's; returns all of it. */
export async function setVolumeMetadata(client: ServiceClient, volume: Ref, metadata: Record<string, string>, o: CallOptions = {}): Promise<Record<string, string>> {
  const id = validate(ref(), volume, "volume");
  const m = validate(metadataInput(), metadata, "metadata");
  return (await notFoundAs(jsonFor(client, { method: "POST", path: volumePath(id, "/metadata"), json: { metadata: m }, ...o }, [200], metadataBody()), missing(id))).metadata;
}

/** PUT /volumes/{id}/metadata: replaces all of it. */
export async function replaceVolumeMetadata(client: ServiceClient, volume: Ref, metadata: Record<string, string>, o: CallOptions = {}): Promise<Record<string, string>> {
  const id = validate(ref(), volume, "volume");
  const m = validate(metadataInput(), metadata, "metadata");
  return (await notFoundAs(jsonFor(client, { method: "PUT", path: volumePath(id, "/metadata"), json: { metadata: m }, ...o }, [200], metadataBody()), missing(id))).metadata;
}

/** DELETE /volumes/{id}/metadata/{key} → 200, one request per key. */
export async function deleteVolumeMetadata(client: ServiceClient, volume: Ref, keys: string | string[], o: CallOptions = {}): Promise<void> {
  const id = validate(ref(), volume, "volume");
  // Each key is a path segment (`/metadata/{key}`): not blank, no "/" (Cinder decodes "%2F" before routing).
  const list = validate(z.array(idSegment()).check(z.minLength(1)), Array.isArray(keys) ? keys : [keys], "keys");
  for (const key of list) {
    const res = await notFoundAs(sendFor(client, { method: "DELETE", path: volumePath(id, `/metadata/${encodeSegment(key)}`), ...o }, [200]), missing(id));
    await res.dump();
  }
}
