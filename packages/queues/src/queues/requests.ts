import { type CallOptions, lazy, linkPager, type NotFound, type Paginated, validate, ValidationError } from "@rax/core";
import * as z from "zod/mini";
import { DuplicateQueue, NoSuchQueue } from "../errors";
import { sendQueues } from "../send";
import { pageLimits } from "../limits";
import { type QueuesApi, queuesPath, requireClientIdOnV2 } from "../queues-api";
import { type QueueRef, queueName, queueNameOf } from "../ref";
import { bodyOrEmpty, paramFromHref } from "../wire";
import {
  type CreateQueueInput,
  createQueueInput,
  type ListQueuesInput,
  listQueuesInput,
  metadataBody,
  type QueueData,
  type QueueStats,
  queuesBody,
  type SetMetadataInput,
  setMetadataInput,
  statsBody,
  toQueue,
  toStats,
} from "./models";

const missing = (name: string) => (e: NotFound) => new NoSuchQueue(name, e);
const metadataObject = lazy(() => z.record(z.string(), z.unknown(), { error: "must be a JSON object" }));

/**
 * GET /queues?limit&marker[&detailed=true], page after page by the `next` link's marker. 204 (v1)
 * or an empty page ends the walk; v2 offers a `next` link after every non-empty page.
 */
export function listQueues(client: QueuesApi, filters?: ListQueuesInput, o: CallOptions = {}, name?: string): Paginated<QueueData> {
  const f = validate(listQueuesInput(), filters, "filters") ?? {};
  // The page size limit depends on the API version, known from the catalog: checked once the
  // client is ready (before the first listing request) when it was not at the call.
  const sizeFor = (): number => {
    const pages = pageLimits(client.apiVersion);
    if (f.pageSize !== undefined && f.pageSize > pages.queues.max) throw new ValidationError("filters.pageSize", `must be at most ${pages.queues.max}`);
    return f.pageSize ?? pages.queues.default;
  };
  // Asked without starting authentication: a listing is lazy, and a started one nobody awaits would be an unhandled rejection.
  let size = client.isReady ? sizeFor() : undefined;
  return linkPager(
    async (marker, want) => {
      const ready = client.ready(o.signal);
      if (ready) await ready;
      size ??= sizeFor();
      requireClientIdOnV2(client);
      const limit = want === undefined ? size : Math.min(size, want);
      const query = { limit, marker: marker ?? f.marker, detailed: f.detailed ? "true" : undefined, name };
      const res = await sendQueues(client, { method: "GET", path: queuesPath(client), query, ...o, success: [200, 204] });
      const body = await bodyOrEmpty(res, queuesBody());
      if (!body || body.queues.length === 0) return { items: [] };
      const next = body.links?.find((l) => l.rel === "next")?.href;
      const nextMarker = next ? paramFromHref(next, "marker") : undefined;
      // A short page is the last one: v2 offers a `next` link even then, which would cost an empty request.
      return { items: body.queues.map(toQueue), next: body.queues.length < limit ? undefined : nextMarker };
    },
    { limit: f.limit },
  );
}

/**
 * Whether the queue exists. v1: HEAD /queues/{name} (204 / 404). v2 answers every name (queues are
 * created lazily), so the listing is asked, filtered by name, instead.
 */
export async function queueExists(client: QueuesApi, queue: QueueRef, o: CallOptions = {}): Promise<boolean> {
  const name = queueNameOf(queue);
  const ready = client.ready(o.signal);
  if (ready) await ready;
  if (client.apiVersion === 1) {
    const res = await sendQueues(client, { method: "HEAD", path: queuesPath(client, name), expectStatus: [404], ...o, success: [204, 200, 404] });
    await res.dump();
    return res.status !== 404;
  }
  // Names sort, so the exact name comes before any longer name it prefixes: stop once past it.
  for await (const q of listQueues(client, undefined, o, name)) {
    if (q.name === name) return true;
    if (q.name > name) return false;
  }
  return false;
}

/** The queue as a `QueueData` (v2 with its metadata), or `NoSuchQueue`. */
export async function getQueue(client: QueuesApi, queue: QueueRef, o: CallOptions = {}): Promise<QueueData> {
  const name = queueNameOf(queue);
  if (!(await queueExists(client, name, o))) throw new NoSuchQueue(name, { in: client });
  const ready = client.ready(o.signal);
  if (ready) await ready;
  if (client.apiVersion === 1) return { name, href: `/v1/queues/${name}`, raw: {} };
  const metadata = await getQueueMetadata(client, name, o);
  return { name, href: `/v2/queues/${name}`, metadata, raw: { name, metadata } };
}

/**
 * PUT /queues/{name}: 201 created; 204 means it was already there → `DuplicateQueue` (pyrax
 * checks first, which races; the status says it in one request). v2 takes metadata in the PUT.
 */
export async function createQueue(client: QueuesApi, queue: string, options?: CreateQueueInput, o: CallOptions = {}): Promise<QueueData> {
  const name = validate(queueName(), queue, "name");
  const i = validate(createQueueInput(), options, "options") ?? {};
  const ready = client.ready(o.signal);
  if (ready) await ready;
  requireClientIdOnV2(client);
  const json = client.apiVersion === 2 ? (i.metadata ?? {}) : undefined;
  const res = await sendQueues(client, { method: "PUT", path: queuesPath(client, name), ...(json ? { json } : {}), ...o, success: [201, 204] });
  await res.dump();
  if (res.status === 204) throw new DuplicateQueue(name);
  if (client.apiVersion === 1 && i.metadata) await setQueueMetadata(client, name, i.metadata, { clear: true }, o);
  const version = client.apiVersion === 1 ? "v1" : "v2";
  return { name, href: res.headers.location ?? `/${version}/queues/${name}`, ...(i.metadata ? { metadata: { ...i.metadata } } : {}), raw: {} };
}

/** DELETE /queues/{name} → 204 (v2 answers 204 for a queue that never existed, too). */
export async function deleteQueue(client: QueuesApi, queue: QueueRef, o: CallOptions = {}): Promise<void> {
  const name = queueNameOf(queue);
  const ready = client.ready(o.signal);
  if (ready) await ready;
  requireClientIdOnV2(client);
  const res = await sendQueues(client, { method: "DELETE", path: queuesPath(client, name), ...o, success: [204] }, missing(name));
  await res.dump();
}

/** GET /queues/{name}/stats: claimed, free and total counts, and the oldest and newest message. */
export async function getQueueStats(client: QueuesApi, queue: QueueRef, o: CallOptions = {}): Promise<QueueStats> {
  const name = queueNameOf(queue);
  const ready = client.ready(o.signal);
  if (ready) await ready;
  requireClientIdOnV2(client);
  const res = await sendQueues(client, { method: "GET", path: queuesPath(client, name, "stats"), ...o, success: [200] }, missing(name));
  return toStats((await bodyOrEmpty(res, statsBody()))!);
}

/** v1: GET /queues/{name}/metadata. v2: GET /queues/{name} (which also shows Zaqar's reserved `_…` keys). */
export async function getQueueMetadata(client: QueuesApi, queue: QueueRef, o: CallOptions = {}): Promise<Record<string, unknown>> {
  const name = queueNameOf(queue);
  const ready = client.ready(o.signal);
  if (ready) await ready;
  requireClientIdOnV2(client);
  const path = client.apiVersion === 1 ? queuesPath(client, name, "metadata") : queuesPath(client, name);
  const res = await sendQueues(client, { method: "GET", path, ...o, success: [200] }, missing(name));
  return { ...(await bodyOrEmpty(res, metadataBody()))! };
}

/**
 * Sets metadata: merged into what is there, or (`clear: true`) replacing it. v1 has only a
 * whole-object PUT, so a merge reads first (as pyrax does); v2 sends JSON-patch `add`s (and, to
 * clear, `remove`s of the user keys not kept). Returns the metadata as it now is.
 */
export async function setQueueMetadata(client: QueuesApi, queue: QueueRef, metadata: Record<string, unknown>, options?: SetMetadataInput, o: CallOptions = {}): Promise<Record<string, unknown>> {
  const name = queueNameOf(queue);
  const meta = validate(metadataObject(), metadata, "metadata");
  const { clear = false } = validate(setMetadataInput(), options, "options") ?? {};
  const ready = client.ready(o.signal);
  if (ready) await ready;
  requireClientIdOnV2(client);
  if (client.apiVersion === 1) {
    const json = clear ? meta : { ...(await getQueueMetadata(client, name, o)), ...meta };
    const res = await sendQueues(client, { method: "PUT", path: queuesPath(client, name, "metadata"), json, ...o, success: [204] }, missing(name));
    await res.dump();
    return json;
  }
  const current = clear ? await getQueueMetadata(client, name, o) : {};
  const pointer = (k: string) => `/metadata/${k.replace(/~/g, "~0").replace(/\//g, "~1")}`;
  const patch = [
    ...Object.keys(current)
      .filter((k) => !k.startsWith("_") && !(k in meta))
      .map((k) => ({ op: "remove", path: pointer(k) })),
    ...Object.entries(meta).map(([k, value]) => ({ op: "add", path: pointer(k), value })),
  ];
  const res = await sendQueues(client, { method: "PATCH", path: queuesPath(client, name), body: JSON.stringify(patch), headers: { "content-type": "application/openstack-messaging-v2.0-json-patch", ...o.headers }, signal: o.signal, timeout: o.timeout, success: [200] }, missing(name));
  return { ...(await bodyOrEmpty(res, metadataBody()))! };
}
