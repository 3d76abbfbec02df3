import { lazy, BadRequest, type CallOptions, encodeSegment, jsonFor, markerPager, NotFound, notFoundAs, type Paginated, registerSecret, sendFor, type ServiceClient, validate, ValidationError } from "@rax/core";
import * as z from "zod/mini";
import { InvalidVolumeResize, NoSuchBackup, NoSuchDatastore, NoSuchInstance, NoUniqueMatch } from "../errors";
import { flavorHref } from "../flavors/requests";
import { busyAs } from "./instance-busy";
import type { FlavorRef } from "../flavors/models";
import { type Ref, ref } from "../ref";
import {
  type CreateInstanceInput,
  createInstanceInput,
  type InstanceData,
  instanceBody,
  instancesBody,
  type ListInstancesInput,
  listInstancesInput,
  type RestoreInput,
  restoreInput,
  rootStatusBody,
  rootUserBody,
  toInstance,
  wireDatabase,
  wireUser,
} from "./models";

// One function per Trove wire operation: validate before any request, send, turn a 404 into
// NoSuchInstance (and a 422 on a busy instance into InstanceNotAvailable), return plain camelCase data.

export const instancePath = (id: string, rest = "") => `instances/${encodeSegment(id)}${rest}`;
const missing = (id: string) => (e: NotFound) => new NoSuchInstance(id, e);

/** GET /instances, page after page (`limit` + `marker`; a `next` link says another page follows). */
export function listInstances(client: ServiceClient, filters?: ListInstancesInput, o: CallOptions = {}): Paginated<InstanceData> {
  const f = validate(listInstancesInput(), filters, "filters") ?? {};
  return markerPager(
    async (marker, limit) => {
      const body = await client.json({ method: "GET", path: "instances", query: { limit, marker }, ...o }, instancesBody());
      return { items: body.instances, more: (body.links ?? []).some((l) => l.rel === "next") };
    },
    { markerOf: (row) => row.id, pageSize: f.pageSize, limit: f.limit, marker: f.marker },
  ).map(toInstance);
}

/** GET /instances/{id}. */
export async function getInstance(client: ServiceClient, instance: Ref, o: CallOptions = {}): Promise<InstanceData> {
  const id = validate(ref(), instance, "instance");
  const body = await notFoundAs(client.json({ method: "GET", path: instancePath(id), ...o }, instanceBody()), missing(id));
  return toInstance(body.instance);
}

/** The one instance named exactly `name` (Trove cannot filter by name: the listing is filtered here). */
export async function findInstance(client: ServiceClient, name: string, o: CallOptions = {}): Promise<InstanceData> {
  const n = validate(z.string().check(z.regex(/\S/, "must not be blank")), name, "name");
  const matches = (await listInstances(client, {}, o).toArray()).filter((i) => i.name === n);
  if (matches.length === 1) return matches[0]!;
  if (matches.length > 1) throw new NoUniqueMatch("instances", matches.map((i) => i.id));
  throw new NoSuchInstance(n, { in: client });
}

/**
 * POST /instances → 200 (Trove and Rackspace's docs), status BUILD. The flavor is resolved to its
 * URL first (one GET /flavors unless a `Flavor` is given); user passwords are registered as secrets
 * before they are sent.
 */
export async function createInstance(client: ServiceClient, input: CreateInstanceInput, o: CallOptions = {}): Promise<InstanceData> {
  const i = validate(createInstanceInput(), input, "instance");
  for (const u of i.users ?? []) registerSecret(u.password, "session");
  const flavorRef = await flavorHref(client, i.flavor, "instance.flavor", o);
  const instance = {
    name: i.name,
    flavorRef,
    volume: { size: i.volume },
    ...(i.databases ? { databases: i.databases.map(wireDatabase) } : {}),
    ...(i.users ? { users: i.users.map(wireUser) } : {}),
    ...(i.datastore ? { datastore: { type: i.datastore.type, version: i.datastore.version } } : {}),
  };
  const body = await datastoreRefused(jsonFor(client, { method: "POST", path: "instances", json: { instance }, ...o }, [200], instanceBody()), i.datastore);
  return toInstance(body.instance);
}

/** Trove's answers for a datastore it does not have (404 for the type, 400 for the version) → `NoSuchDatastore`. */
async function datastoreRefused<T>(p: Promise<T>, ds: { type: string; version: string } | undefined): Promise<T> {
  try {
    return await p;
  } catch (e) {
    if (ds && (e instanceof NotFound || e instanceof BadRequest) && /datastore/i.test(e.serverMessage) && /cannot be found|not found/i.test(e.serverMessage)) {
      throw new NoSuchDatastore(/version/i.test(e.serverMessage) ? `${ds.type} ${ds.version}` : ds.type, e);
    }
    throw e;
  }
}

/** POST /instances with `restorePoint`: a new instance from a backup (pyrax `restore_backup`); a backup not there → `NoSuchBackup`. */
export async function restoreBackup(client: ServiceClient, backup: Ref, input: RestoreInput, o: CallOptions = {}): Promise<InstanceData> {
  const id = validate(ref(), backup, "backup");
  const i = validate(restoreInput(), input, "instance");
  const flavorRef = await flavorHref(client, i.flavor, "instance.flavor", o);
  const instance = { name: i.name, flavorRef, volume: { size: i.volume }, restorePoint: { backupRef: id } };
  // Trove 18 answers a backup it does not have with 404 "Resource <id> cannot be found." (no word "backup").
  const sent = jsonFor(client, { method: "POST", path: "instances", json: { instance }, ...o }, [200], instanceBody());
  const body = await notFoundAs(sent, (e) => (e.serverMessage.includes(id) || /backup/i.test(e.serverMessage) ? new NoSuchBackup(id, e) : e));
  return toInstance(body.instance);
}

/** DELETE /instances/{id} → 202. */
export async function deleteInstance(client: ServiceClient, instance: Ref, o: CallOptions = {}): Promise<void> {
  const id = validate(ref(), instance, "instance");
  const res = await busyAs(notFoundAs(sendFor(client, { method: "DELETE", path: instancePath(id), ...o }, [202]), missing(id)), id);
  await res.dump();
}

async function action(client: ServiceClient, id: string, json: unknown, o: CallOptions): Promise<void> {
  const res = await busyAs(notFoundAs(sendFor(client, { method: "POST", path: instancePath(id, "/action"), json, ...o }, [202]), missing(id)), id);
  await res.dump();
}

/** POST /instances/{id}/action `{"restart": {}}` → 202 (status REBOOT, then ACTIVE). */
export async function restartInstance(client: ServiceClient, instance: Ref, o: CallOptions = {}): Promise<void> {
  const id = validate(ref(), instance, "instance");
  await action(client, id, { restart: {} }, o);
}

/**
 * POST /instances/{id}/action `{"resize": {"flavorRef"}}` → 202: a new flavor (RAM), status RESIZE.
 * The flavor the instance already has is Trove's 400 ("The new flavor id must be different…"); when
 * the current flavor is known (an `Instance` carries it) that is a `ValidationError` on `flavor` first.
 */
export async function resizeInstance(client: ServiceClient, instance: Ref, flavor: FlavorRef, o: CallOptions = {}): Promise<string> {
  const id = validate(ref(), instance, "instance");
  const flavorRef = await flavorHref(client, flavor, "flavor", o);
  const current = typeof instance === "object" ? (instance as { flavorId?: unknown }).flavorId : undefined;
  const flavorId = decodeURIComponent(flavorRef.replace(/\/+$/, "").split("/").pop() ?? "");
  if (typeof current === "string" && flavorId === current)
    throw new ValidationError("flavor", `is the instance's current flavor (${current}); resize to a different one`);
  await action(client, id, { resize: { flavorRef } }, o);
  return flavorId;
}

export const volumeSize = lazy(() => z.number().check(z.int("must be a whole number of GB"), z.positive("must be at least 1 GB")));

/**
 * POST /instances/{id}/action `{"resize": {"volume": {"size"}}}` → 202. A volume only grows: when
 * the current size is known (an `Instance` carries it) and the new one is not larger, or the service
 * says so, `InvalidVolumeResize` (pyrax's check).
 */
export async function resizeVolume(client: ServiceClient, instance: Ref, size: number, o: CallOptions = {}): Promise<void> {
  const id = validate(ref(), instance, "instance");
  const want = validate(volumeSize(), size, "size");
  const current = typeof instance === "object" ? (instance as { volume?: { size?: unknown } }).volume?.size : undefined;
  if (typeof current === "number" && want <= current) throw new InvalidVolumeResize(current, want);
  try {
    await action(client, id, { resize: { volume: { size: want } } }, o);
  } catch (e) {
    if (e instanceof BadRequest && /larger than the current/i.test(e.serverMessage)) {
      const m = /current volume size of '?(\d+)/i.exec(e.serverMessage);
      throw new InvalidVolumeResize(m ? Number(m[1]) : undefined, want, { cause: e });
    }
    throw e;
  }
}


/** POST /instances/{id}/root → 200 `{"user": {"name": "root", "password"}}`; the password is registered as a secret. */
export async function enableRootUser(client: ServiceClient, instance: Ref, o: CallOptions = {}): Promise<{ name: string; password: string }> {
  const id = validate(ref(), instance, "instance");
  const body = await busyAs(notFoundAs(jsonFor(client, { method: "POST", path: instancePath(id, "/root"), ...o }, [200], rootUserBody()), missing(id)), id);
  registerSecret(body.user.password, "session");
  return { name: body.user.name, password: body.user.password };
}

/** GET /instances/{id}/root → `{"rootEnabled": bool}` (pyrax `root_user_status`). */
export async function rootUserStatus(client: ServiceClient, instance: Ref, o: CallOptions = {}): Promise<boolean> {
  const id = validate(ref(), instance, "instance");
  const body = await busyAs(notFoundAs(client.json({ method: "GET", path: instancePath(id, "/root"), ...o }, rootStatusBody()), missing(id)), id);
  return body.rootEnabled === true || body.rootEnabled === "true" || body.rootEnabled === "True";
}
