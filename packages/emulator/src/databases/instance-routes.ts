import { randomBytes } from "node:crypto";
import { jsonResponse } from "../respond";
import { DATASTORES, FLAVORS, type FlavorRecord, MAX_VOLUME_GB, type SchemaRecord, type UserRecord } from "./model";
import { schemaFrom, userFrom } from "./schema-user-rules";
import { badRequest, resourceNotFound, TroveFault } from "./trove-errors";
import { accepted, entity, isObject, jsonBody, page, type TroveRequest } from "./trove-request";
import { flavorView, instanceView, links } from "./views";

/** A `flavorRef`: an id, or a URL ending in one (Trove's get_id_from_href). Unknown → Trove's 400. */
export function flavorFrom(ref: unknown): FlavorRecord {
  if ((typeof ref !== "string" || ref === "") && typeof ref !== "number") throw badRequest("Validation error: instance['flavorRef'] is not valid under any of the given schemas");
  const id = String(ref).replace(/\/+$/, "").split("/").pop() ?? "";
  const f = FLAVORS.find((x) => String(x.id) === id);
  if (!f) throw badRequest(`Resource ${id} cannot be found.`);
  return f;
}

export function listFlavors(r: TroveRequest): Response {
  return jsonResponse(200, { flavors: FLAVORS.map((f) => flavorView(r.base, f)) });
}

export function showFlavor(r: TroveRequest, id: string): Response {
  const f = FLAVORS.find((x) => String(x.id) === id);
  if (!f) throw resourceNotFound(id);
  return jsonResponse(200, { flavor: flavorView(r.base, f) });
}

function datastoreView(r: TroveRequest, d: (typeof DATASTORES)[number]) {
  return {
    id: d.id,
    name: d.name,
    links: links(r.base, `datastores/${d.id}`),
    versions: d.versions.map((v) => versionView(r, d, v)),
    default_version: d.versions[0]!.id,
  };
}

/** The guest image every version names (the emulator boots no guest). */
const GUEST_IMAGE = "7f0e0000-0000-4000-8000-00000000d0b1";

function versionView(r: TroveRequest, d: (typeof DATASTORES)[number], v: (typeof DATASTORES)[number]["versions"][number]) {
  const shown = { id: v.id, name: v.name, version: v.name, links: links(r.base, `datastores/versions/${v.id}`), datastore: d.id };
  // Trove 18 shows a version's packaging (active, packages, image, image_tags) to admins only.
  return r.admin ? { ...shown, active: true, packages: "", image: GUEST_IMAGE, image_tags: [] } : shown;
}

/** The datastore named or numbered `id`, or Trove's 404. */
function datastoreOf(id: string): (typeof DATASTORES)[number] {
  const d = DATASTORES.find((x) => x.id === id || x.name === id);
  if (!d) throw new TroveFault(404, `Datastore '${id}' cannot be found.`);
  return d;
}

/** GET /datastores, /datastores/{id|name}, …/versions, …/versions/{id|name} (an unknown version: Trove's 400). */
export function datastores(r: TroveRequest, id?: string, sub?: string, version?: string): Response {
  if (id === undefined) return jsonResponse(200, { datastores: DATASTORES.map((d) => datastoreView(r, d)) });
  const d = datastoreOf(id);
  if (sub === undefined) return jsonResponse(200, { datastore: datastoreView(r, d) });
  if (sub !== "versions") throw new TroveFault(404, "The resource could not be found.");
  if (version === undefined) return jsonResponse(200, { versions: d.versions.map((v) => versionView(r, d, v)) });
  const v = d.versions.find((x) => x.id === version || x.name === version);
  if (!v) throw badRequest(`Datastore version '${version}' cannot be found.`);
  return jsonResponse(200, { version: versionView(r, d, v) });
}

const view = (r: TroveRequest, i: Parameters<typeof instanceView>[1], detail = true) => ({ ...instanceView(r.base, i, detail), region: r.region });

/** GET /instances (and /instances/detail, every field): by id, Trove's limit/marker paging. */
export function listInstances(r: TroveRequest, detail = false): Response {
  const rows = r.trove.tenantInstances(r.project);
  const body = page(r, rows, (i) => i.id, "instances");
  return jsonResponse(200, { ...body, instances: (body.instances as typeof rows).map((i) => view(r, i, detail)) });
}

export function showInstance(r: TroveRequest, id: string): Response {
  return jsonResponse(200, { instance: view(r, r.trove.requireInstance(r.project, id)) });
}

function volumeSizeFrom(volume: unknown): number {
  if (!isObject(volume) || volume.size === undefined) throw badRequest("Volume size was not specified.");
  const size = typeof volume.size === "string" && /^\d+$/.test(volume.size) ? Number(volume.size) : volume.size;
  if (typeof size !== "number" || !Number.isInteger(size) || size <= 0) throw badRequest(volumeSizeError("instance['volume']['size']", volume.size));
  if (size > MAX_VOLUME_GB) throw new TroveFault(413, `Volume 'size' cannot exceed maximum of ${MAX_VOLUME_GB} GB, ${size} cannot be accepted.`);
  return size;
}

/** POST /instances → 200 BUILD: flavor, volume, databases, users, datastore, or a restorePoint. */
export async function createInstance(r: TroveRequest): Promise<Response> {
  const e = entity(await jsonBody(r), "instance");
  if (typeof e.name !== "string" || e.name === "") throw badRequest("Validation error: instance 'name' is a required property");
  const flavor = flavorFrom(e.flavorRef);
  const volumeSize = volumeSizeFrom(e.volume);
  let datastore = { type: DATASTORES[0]!.name, version: DATASTORES[0]!.versions[0]!.name };
  if (e.datastore !== undefined) {
    if (!isObject(e.datastore)) throw badRequest("Validation error: instance['datastore'] is not of type 'object'");
    const d = datastoreOf(String((e.datastore as Record<string, unknown>).type));
    const wanted = (e.datastore as Record<string, unknown>).version;
    const v = wanted === undefined ? d.versions[0]! : d.versions.find((x) => x.name === wanted || x.id === wanted);
    if (!v) throw badRequest(`Datastore version '${String(wanted)}' cannot be found.`);
    datastore = { type: d.name, version: v.name };
  }
  let schemas: SchemaRecord[] = [];
  let users: UserRecord[] = [];
  if (e.restorePoint !== undefined) {
    const ref = isObject(e.restorePoint) ? e.restorePoint.backupRef : undefined;
    if (typeof ref !== "string" || ref === "") throw badRequest("Validation error: instance['restorePoint'] 'backupRef' is a required property");
    const id = ref.replace(/\/+$/, "").split("/").pop()!;
    const b = r.trove.backup(r.project, id);
    // Trove 18's words: the generic "Resource", not "Backup" (real Trove, 2026-12-03).
    if (!b) throw new TroveFault(404, `Resource ${id} cannot be found.`);
    if (b.status !== "COMPLETED") throw badRequest(`The backup ${id} is not in a state that allows restore: ${b.status}.`);
    schemas = b.databases.map((s) => ({ ...s }));
    users = b.users.map((u) => ({ ...u, databases: new Set(u.databases) }));
  } else {
    const dbs = e.databases === undefined ? [] : e.databases;
    if (!Array.isArray(dbs)) throw badRequest("Validation error: instance['databases'] is not of type 'array'");
    schemas = dbs.map((d, n) => schemaFrom(d, `databases[${n}]`));
    const us = e.users === undefined ? [] : e.users;
    if (!Array.isArray(us)) throw badRequest("Validation error: instance['users'] is not of type 'array'");
    users = us.map((u, n) => userFrom(u, `users[${n}]`));
  }
  const i = r.trove.createInstance(r.project, { name: e.name, flavorId: flavor.id, volumeSize, datastore }, schemas, users);
  // The create answer comes before Trove has made the volume: no volume_id yet (a GET right after has one).
  return jsonResponse(200, { instance: { ...view(r, i), volume_id: null } });
}

/** DELETE /instances/{id} → 202: SHUTDOWN, then gone. */
export function deleteInstance(r: TroveRequest, id: string): Response {
  const i = r.trove.requireInstance(r.project, id);
  if (i.status === "SHUTDOWN") throw new TroveFault(422, `Instance ${id} is not currently available for an action to be performed (instance status was ${i.status}).`);
  r.trove.transition(i, "SHUTDOWN", "SHUTDOWN", r.trove.trove.timings.delete, () => {
    i.goneAt = r.trove.now;
  });
  return accepted();
}

/** POST /instances/{id}/action: restart, resize (flavorRef), resize (volume.size). */
export async function instanceAction(r: TroveRequest, id: string): Promise<Response> {
  const body = await jsonBody(r);
  const i = r.trove.requireInstance(r.project, id);
  const t = r.trove.trove.timings;
  if (isObject(body.restart)) {
    r.trove.activeInstance(r.project, id);
    r.trove.transition(i, "REBOOT", "ACTIVE", t.restart);
    return accepted();
  }
  if (isObject(body.resize)) {
    const rs = body.resize;
    if (rs.volume !== undefined) {
      const size = isObject(rs.volume) ? rs.volume.size : undefined;
      if (typeof size !== "number" || !Number.isInteger(size) || size <= 0) throw badRequest(volumeSizeError("resize['volume']['size']", size));
      if (size <= i.volumeSize) throw badRequest(`The new volume 'size' must be larger than the current volume size of '${i.volumeSize}'.`);
      if (size > MAX_VOLUME_GB) throw new TroveFault(413, `Volume 'size' cannot exceed maximum of ${MAX_VOLUME_GB} GB, ${size} cannot be accepted.`);
      r.trove.activeInstance(r.project, id);
      r.trove.transition(i, "RESIZE", "ACTIVE", t.resize, r.trove.trove.resizeReverts ? undefined : () => (i.volumeSize = size));
      return accepted();
    }
    if (rs.flavorRef !== undefined) {
      r.trove.activeInstance(r.project, id);
      const f = flavorFrom(rs.flavorRef);
      if (f.id === i.flavorId) throw badRequest(`The new flavor id must be different than the current flavor id of '${i.flavorId}'.`);
      r.trove.transition(i, "RESIZE", "ACTIVE", t.resize, r.trove.trove.resizeReverts ? undefined : () => (i.flavorId = f.id));
      return accepted();
    }
    throw badRequest("Validation error: resize is not valid under any of the given schemas");
  }
  throw badRequest("Invalid instance action: the body must hold one of restart, resize.");
}

/** POST /instances/{id}/root → 200 with a new root password; GET → `{"rootEnabled": bool}`. */
export function enableRoot(r: TroveRequest, id: string): Response {
  const i = r.trove.guestReady(r.project, id);
  i.rootEnabled = true;
  return jsonResponse(200, { user: { name: "root", password: randomBytes(12).toString("base64url") } });
}

export function rootStatus(r: TroveRequest, id: string): Response {
  return jsonResponse(200, { rootEnabled: r.trove.guestReady(r.project, id).rootEnabled });
}


/** Python's repr of a JSON value, as jsonschema puts it in its messages (`'two'`, `True`, `None`). */
function pyRepr(v: unknown): string {
  if (typeof v === "string") return `'${v.replace(/\\/g, "\\\\").replace(/'/g, "\\'")}'`;
  if (v === true) return "True";
  if (v === false) return "False";
  if (v === null || v === undefined) return "None";
  return JSON.stringify(v);
}

/**
 * Trove 18's volume size schema is `oneOf: [{type: integer, minimum: 1}, {type: string, pattern: ^0*[1-9]+[0-9]*$}]`;
 * its 400 names the value, then why each branch refused it (`0 is less than the minimum of 1; 0 is not of type 'string'`).
 */
export function volumeSizeError(path: string, value: unknown): string {
  const v = pyRepr(value);
  const asInteger = typeof value === "number" && Number.isInteger(value) ? `${v} is less than the minimum of 1` : `${v} is not of type 'integer'`;
  const asString = typeof value === "string" ? `${v} does not match '^0*[1-9]+[0-9]*$'` : `${v} is not of type 'string'`;
  return `Validation error: ${path} ${v} is not valid under any of the given schemas; ${asInteger}; ${asString}`;
}
