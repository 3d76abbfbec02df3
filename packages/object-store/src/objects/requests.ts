import { basename } from "node:path";
import { AbortError, errorFromResponse, InvalidResponse, type RaxResponse, startJob, ValidationError } from "@rax/core";
import { copyNotFound, goneOnRetry, objectNotFound } from "../not-found";
import { type Metadata, metadataFrom, metaHeaderName, metaHeaders, toWire } from "../metadata-headers";
import { containerName, encodeBodyPath, objectName, objectPath } from "../names";
import { checkBool, checkMetadataArg, checkObject, checkSignal, copyOptions, parseOptions, posInt, signalOption } from "../options";
import { parseBody } from "../response-body";
import { statusLineCode } from "../status-line";
import { OK } from "../success-status";
import { storage, type SwiftClient } from "../swift-client";
import { type DownloadOptions, downloadObject } from "../transfer/download";
import { sourceFromData, sourceFromFile } from "../transfer/object-source";
import { writeObject } from "../transfer/store-object";
import { withStoredContentType } from "../transfer/stored-content-type";
import { storeObjectOptionsSchema, storeOptions, uploadFileOptionsSchema } from "../transfer/store-options";
import { fetchOptions, openObject, readAll, rechunk } from "./fetch";
import { listObjectNames } from "./listing";
import {
  type BulkDeleteJob,
  type BulkDeleteProgress,
  type BulkDeleteResult,
  bulkDeleteOptionsSchema,
  headersKeptOnPost,
  type ObjectInfo,
  objectInfoFrom,
  swiftBulkBody,
} from "./models";
import { buildTempUrl, tempUrlOptions } from "./temp-url";

// One function per wire operation on objects. Each checks its own input (names, option schemas)
// before any request, so the namespace methods over them are one line each.

/** HEAD the object; `NoSuchObject` (or `NoSuchContainer`) if absent. */
export async function getObject(client: SwiftClient, container: unknown, name: unknown, signal?: AbortSignal): Promise<ObjectInfo> {
  const c = containerName(container);
  const n = objectName(name);
  try {
    const res = await storage(client, { method: "HEAD", ok: OK.headObject, path: objectPath(c, n), signal });
    await res.dump();
    return objectInfoFrom(c, n, res);
  } catch (e) {
    throw await objectNotFound(client, e, c, n, signal);
  }
}

/** `getObject` with the caller's options checked after the names (so an error names the first bad argument). */
export async function getObjectWithOptions(client: SwiftClient, container: unknown, name: unknown, options?: unknown): Promise<ObjectInfo> {
  const c = containerName(container);
  const n = objectName(name);
  return getObject(client, c, n, signalOption(options));
}

/** The object's metadata (HEAD): only the `X-Object-Meta-*` headers are read, no `ObjectInfo` is built. */
export async function getObjectMetadata(client: SwiftClient, container: unknown, name: unknown, options?: unknown): Promise<Metadata> {
  const c = containerName(container);
  const n = objectName(name);
  const signal = signalOption(options);
  try {
    const res = await storage(client, { method: "HEAD", ok: OK.headObject, path: objectPath(c, n), signal });
    await res.dump();
    return metadataFrom("Object", res.headers);
  } catch (e) {
    throw await objectNotFound(client, e, c, n, signal);
  }
}

/** PUT `data` as the object (segmented above `segmentSize`), MD5-checked. */
export async function storeObject(client: SwiftClient, container: unknown, name: unknown, data: unknown, options?: unknown): Promise<ObjectInfo> {
  const c = containerName(container);
  const n = objectName(name);
  const { options: o, headers } = storeOptions(storeObjectOptionsSchema(), options);
  return withStoredContentType(client, await writeObject(client, c, n, sourceFromData(data, o.size), o, headers), headers, o.signal);
}

/** Upload a local file; the object name defaults to the file's base name. */
export async function uploadFile(client: SwiftClient, container: unknown, path: unknown, options?: unknown): Promise<ObjectInfo> {
  const c = containerName(container);
  const { options: o, headers } = storeOptions(uploadFileOptionsSchema(), options);
  // pyrax's upload_file also took an open file object; here a stream or handle goes to storeObject.
  if (typeof path !== "string" || path.length === 0)
    throw new ValidationError(
      "path",
      path !== null && typeof path === "object" ? "must be a file path; to upload a stream or bytes, use storeObject(container, name, data)" : "must be a file path",
    );
  const { objName, ...rest } = o;
  const n = objectName(objName ?? basename(path), objName === undefined ? "path" : "options.objName");
  return withStoredContentType(client, await writeObject(client, c, n, await sourceFromFile(path), rest, headers), headers, o.signal);
}

/**
 * The object's content: a Buffer; `{ meta, data }` with `includeMeta`; an async iterator of
 * `chunkSize`-byte Buffers with `chunkSize`.
 */
export async function fetchObject(
  client: SwiftClient,
  container: unknown,
  name: unknown,
  options?: unknown,
): Promise<Buffer | AsyncIterable<Buffer> | { meta: ObjectInfo; data: Buffer | AsyncIterable<Buffer> }> {
  const c = containerName(container);
  const n = objectName(name);
  const o = fetchOptions(options);
  if (o.chunkSize !== undefined) {
    // pyrax: include_meta with chunk_size → (meta, generator); the meta comes from the same GET.
    const { info, body } = await openObject(client, c, n, o);
    const chunks = rechunk(body, o.chunkSize);
    return o.includeMeta ? { meta: info, data: chunks } : chunks;
  }
  const { res, info, body } = await openObject(client, c, n, o);
  const data = body === res.body ? Buffer.from(await res.bytes()) : await readAll(body);
  return o.includeMeta ? { meta: info, data } : data;
}

/** The object's metadata and its body as a stream (read it or call `res.dump()`). */
export async function fetchObjectStream(client: SwiftClient, container: unknown, name: unknown, options?: unknown): Promise<{ meta: ObjectInfo; body: RaxResponse["body"] }> {
  const c = containerName(container);
  const n = objectName(name);
  const { info, body } = await openObject(client, c, n, fetchOptions(options));
  return { meta: info, body: body as RaxResponse["body"] };
}

/** Async iterator of `chunkSize`-byte Buffers from one streaming GET; input checked at the call. */
export function iterObjectChunks(client: SwiftClient, container: unknown, name: unknown, options: unknown): AsyncGenerator<Buffer> {
  const c = containerName(container);
  const n = objectName(name);
  const o = fetchOptions(options);
  const chunkSize = o.chunkSize;
  if (chunkSize === undefined) throw new ValidationError("options.chunkSize", "is required");
  return (async function* () {
    const { body } = await openObject(client, c, n, o);
    yield* rechunk(body, chunkSize);
  })();
}

/** The first `size` bytes (pyrax's `fetch_partial`). */
export async function fetchPartial(client: SwiftClient, container: unknown, name: unknown, size: unknown, options?: unknown): Promise<Buffer> {
  // Container and name first, so the error names the first bad argument.
  containerName(container);
  objectName(name);
  if (!posInt(size)) throw new ValidationError("size", "must be a positive integer");
  const signal = signalOption(options);
  return (await fetchObject(client, container, name, { size, signal })) as Buffer;
}

/** Download into `directory` via a temp file renamed once complete and MD5-checked. */
export async function downloadObjectTo(client: SwiftClient, container: unknown, name: unknown, directory: unknown, options?: unknown): Promise<string> {
  const c = containerName(container);
  const n = objectName(name);
  const o = checkObject(options, "options", ["structure", "verify", "signal"]) as DownloadOptions;
  checkBool(o.structure, "options.structure");
  checkBool(o.verify, "options.verify");
  return downloadObject(client, c, n, directory, o);
}

/** DELETE the object; `withSegments` also deletes a static large object's segments. */
export async function deleteObject(client: SwiftClient, container: unknown, name: unknown, options?: unknown): Promise<void> {
  const c = containerName(container);
  const n = objectName(name);
  const o = checkObject(options, "options", ["withSegments", "signal"]);
  const withSegments = checkBool(o.withSegments, "options.withSegments") ?? false;
  const signal = checkSignal(o.signal);
  try {
    const res = await storage(client, {
      method: "DELETE",
      // A manifest deleted with its segments answers 200 and a bulk-delete report; a plain object 204.
      ok: withSegments ? OK.deleteWithSegments : OK.delete,
      path: objectPath(c, n),
      query: withSegments ? { "multipart-manifest": "delete" } : undefined,
      headers: withSegments ? { accept: "application/json" } : undefined,
      signal,
    });
    if (res.status === 200) await checkSegmentsDeleted(res);
    else await res.dump();
  } catch (e) {
    // A 404 on a retry means an earlier attempt, whose answer was lost, deleted it: done.
    if (goneOnRetry(e)) return;
    throw await objectNotFound(client, e, c, n, signal);
  }
}

/**
 * The report of `DELETE ?multipart-manifest=delete` (Swift's bulk format, always HTTP 200): a
 * failure inside it is the server's status error, not success.
 */
async function checkSegmentsDeleted(res: RaxResponse): Promise<void> {
  const answer = await res.json();
  if (answer === undefined) return;
  const parsed = parseBody(res, answer, swiftBulkBody(), "large-object delete result");
  const status = parsed["Response Status"] ?? "200 OK";
  if (status.startsWith("2")) return;
  // A failed report whose status line has no code is still a failure: the server's (500, ServerError).
  throw errorFromResponse({ status: statusLineCode(status) ?? 500, headers: res.headers, body: answer, method: res.method, url: res.url });
}

async function postObject(client: SwiftClient, container: string, name: string, headers: Record<string, string>, signal?: AbortSignal): Promise<void> {
  try {
    const res = await storage(client, { method: "POST", ok: OK.postObject, path: objectPath(container, name), headers, signal });
    await res.dump();
  } catch (e) {
    throw await objectNotFound(client, e, container, name, signal);
  }
}

/** The object's metadata headers as they came (wire form), to send back unchanged. */
function userMetaHeaders(info: ObjectInfo): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(info.headers)) if (k.startsWith("x-object-meta-")) out[k] = v;
  return out;
}

/**
 * Swift's object POST replaces the whole metadata set, so merging (the default, as in pyrax)
 * reads the current set first. Either way the content type, expiry and manifest are re-sent.
 */
export async function setObjectMetadata(client: SwiftClient, container: unknown, name: unknown, meta: unknown, options?: unknown): Promise<void> {
  const c = containerName(container);
  const n = objectName(name);
  checkMetadataArg(meta);
  const o = checkObject(options, "options", ["clear", "signal"]);
  const clear = checkBool(o.clear, "options.clear") ?? false;
  const signal = checkSignal(o.signal);
  const update = metaHeaders("Object", meta);
  const info = await getObject(client, c, n, signal);
  const merged = { ...headersKeptOnPost(info), ...(clear ? {} : userMetaHeaders(info)), ...update };
  // An empty value means "remove" for account/container metadata; mirror that for objects.
  for (const [k, v] of Object.entries(merged)) if (k.startsWith("x-object-meta-") && v === "") delete merged[k];
  await postObject(client, c, n, merged, signal);
}

export async function removeObjectMetadataKey(client: SwiftClient, container: unknown, name: unknown, key: unknown, options?: unknown): Promise<void> {
  const c = containerName(container);
  const n = objectName(name);
  if (typeof key !== "string" || key.length === 0) throw new ValidationError("key", "must be a non-empty string");
  const header = metaHeaderName("Object", key, "key");
  const signal = signalOption(options);
  const info = await getObject(client, c, n, signal);
  const merged = { ...headersKeptOnPost(info), ...userMetaHeaders(info) };
  delete merged[header];
  await postObject(client, c, n, merged, signal);
}

/** Expire the object in `seconds` and keep its metadata (pyrax's version wiped it). */
export async function deleteObjectInSeconds(client: SwiftClient, container: unknown, name: unknown, seconds: unknown, options?: unknown): Promise<void> {
  const c = containerName(container);
  const n = objectName(name);
  if (!posInt(seconds)) throw new ValidationError("seconds", "must be a positive integer");
  const signal = signalOption(options);
  const info = await getObject(client, c, n, signal);
  const headers: Record<string, string> = { ...headersKeptOnPost(info), ...userMetaHeaders(info), "x-delete-after": String(seconds) };
  delete headers["x-delete-at"];
  await postObject(client, c, n, headers, signal);
}

/**
 * Server-side copy: `PUT` the destination with `X-Copy-From` (no bytes pass through the client).
 * `manifest` copies a large object's manifest (`?multipart-manifest=get`) rather than its joined
 * bytes; a plain object is copied alike either way.
 */
async function putCopy(client: SwiftClient, t: CopyTarget, manifest = false): Promise<void> {
  const { c: container, n: name, nc: newContainer, nn: newName, contentType, signal } = t;
  try {
    const res = await storage(client, {
      method: "PUT",
      ok: OK.putObject,
      path: objectPath(newContainer, newName),
      query: manifest ? { "multipart-manifest": "get" } : undefined,
      headers: {
        "x-copy-from": objectPath(container, name),
        "content-length": "0",
        "content-type": contentType === undefined ? undefined : toWire(contentType),
      },
      signal,
    });
    await res.dump();
  } catch (e) {
    throw await copyNotFound(client, e, { container, name }, newContainer, signal);
  }
}

interface CopyTarget {
  c: string;
  n: string;
  nc: string;
  nn: string;
  contentType?: string;
  signal?: AbortSignal;
}

function copyTarget(container: unknown, name: unknown, newContainer: unknown, options: unknown): CopyTarget {
  const c = containerName(container);
  const n = objectName(name);
  const nc = containerName(newContainer, "newContainer");
  const o = checkObject(copyOptions(options), "options", ["newObjName", "contentType", "signal"]);
  const nn = o.newObjName === undefined ? n : objectName(o.newObjName, "options.newObjName");
  if (o.contentType !== undefined && (typeof o.contentType !== "string" || /[\r\n]/.test(o.contentType)))
    throw new ValidationError("options.contentType", "must be a string");
  return { c, n, nc, nn, contentType: o.contentType as string | undefined, signal: checkSignal(o.signal) };
}

/** Server-side copy (`X-Copy-From`); the new object keeps the name unless `newObjName`. Returns the copy's HEAD. */
export async function copyObject(client: SwiftClient, container: unknown, name: unknown, newContainer: unknown, options?: unknown): Promise<ObjectInfo> {
  const t = copyTarget(container, name, newContainer, options);
  await putCopy(client, t);
  return getObject(client, t.nc, t.nn, t.signal);
}

/**
 * Copy, then delete the original. A large object moves as its manifest: the segments stay where
 * they are, now referenced from the new name (a copy of its bytes would leave them orphaned and
 * fail over 5 GiB).
 */
export async function moveObject(client: SwiftClient, container: unknown, name: unknown, newContainer: unknown, options?: unknown): Promise<ObjectInfo> {
  const t = copyTarget(container, name, newContainer, options);
  await putCopy(client, t, true);
  const moved = await getObject(client, t.nc, t.nn, t.signal);
  if (t.nc !== t.c || t.nn !== t.n) await deleteObject(client, t.c, t.n, { signal: t.signal });
  return moved;
}

/**
 * A new Content-Type by POST, with the metadata, expiry and DLO manifest re-sent (a POST replaces
 * them). pyrax copied the object onto itself instead: a copy reads a large object's joined
 * segments, so it came back a plain object (its segments orphaned, and over 5 GiB it failed).
 */
export async function changeObjectContentType(client: SwiftClient, container: unknown, name: unknown, contentType: unknown, options?: unknown): Promise<void> {
  const c = containerName(container);
  const n = objectName(name);
  if (typeof contentType !== "string" || contentType.length === 0 || /[\r\n]/.test(contentType))
    throw new ValidationError("contentType", "must be a non-empty string");
  const signal = signalOption(options);
  const info = await getObject(client, c, n, signal);
  // The HEAD and the POST share the signal: one fired between them stops the POST from being sent.
  await postObject(client, c, n, { ...headersKeptOnPost(info), ...userMetaHeaders(info), "content-type": toWire(contentType) }, signal);
}

/**
 * A temporary URL for the object, signed with `key` or the one `signingKey` finds (asked only
 * once the input is known good). `options` may be just the number of seconds, as in pyrax.
 */
export async function getTempUrl(client: SwiftClient, container: unknown, name: unknown, options: unknown, signingKey: (signal?: AbortSignal) => Promise<string>): Promise<string> {
  const c = containerName(container);
  const n = objectName(name);
  const o = tempUrlOptions(options);
  return buildTempUrl(client.endpoint, c, n, o.key ?? (await signingKey(o.signal)), o);
}

/**
 * Bulk-delete every object in the container (one full listing, then batches). The signal stops
 * the listing (AbortError) or, once deleting, the batches as `bulkDelete` does: a batch in flight
 * rejects with AbortError, and between batches it stops with the counts deleted so far.
 */
export async function deleteAllObjects(client: SwiftClient, container: unknown, options?: unknown): Promise<BulkDeleteResult> {
  const c = containerName(container);
  const signal = signalOption(options);
  return deleteInBatches(client, c, await listObjectNames(client, c, { fullListing: true, signal }), { signal });
}

// ---- bulk delete: Swift's bulk middleware, one request per batch of names ----

/** `/container/object`, each segment percent-encoded, as Swift's bulk middleware expects. */
export function bulkDeleteLine(container: string, name: string): string {
  return `/${encodeURIComponent(container)}/${encodeBodyPath(name)}`;
}

async function deleteBatch(client: SwiftClient, container: string, names: string[], signal?: AbortSignal): Promise<BulkDeleteResult> {
  const body = `${names.map((n) => bulkDeleteLine(container, n)).join("\n")}\n`;
  const res = await storage(client, {
    method: "DELETE",
    ok: OK.bulkDelete,
    path: "",
    query: { "bulk-delete": "true" },
    headers: { "content-type": "text/plain", accept: "application/json" },
    body,
    signal,
  });
  const answer = await res.json();
  if (answer === undefined)
    throw new InvalidResponse({ status: res.status, method: "DELETE", url: res.url, snippet: "", requestId: res.requestId }, "bulk delete returned no JSON result");
  const parsed = parseBody(res, answer, swiftBulkBody(), "bulk delete result");
  const status = parsed["Response Status"] ?? `${res.status}`;
  const errors = Array.isArray(parsed.Errors) ? parsed.Errors.map((e) => [String(e[0]), String(e[1])] as [string, string]) : [];
  if (!status.startsWith("200") && errors.length === 0) errors.push([parsed["Response Body"] ?? "", status]);
  return { deleted: parsed["Number Deleted"] ?? 0, notFound: parsed["Number Not Found"] ?? 0, status, errors };
}

/**
 * Delete checked `names` from `container` in batches, summing pyrax's result dictionary across
 * them. Stops between batches once `signal` fires, returning what was deleted so far.
 */
export async function deleteInBatches(
  client: SwiftClient,
  container: string,
  names: string[],
  o: { batchSize?: number; signal?: AbortSignal; progress?: (p: BulkDeleteProgress) => void } = {},
): Promise<BulkDeleteResult> {
  const size = o.batchSize ?? client.defaults.bulkDeleteBatchSize;
  const total: BulkDeleteResult = { deleted: 0, notFound: 0, status: "200 OK", errors: [] };
  for (let i = 0; i < names.length && !o.signal?.aborted; i += size) {
    const batch = names.slice(i, i + size);
    const r = await deleteBatch(client, container, batch, o.signal);
    total.deleted += r.deleted;
    total.notFound += r.notFound;
    total.errors.push(...r.errors);
    if (total.status.startsWith("200") && !r.status.startsWith("200")) total.status = r.status;
    o.progress?.({ done: i + batch.length, total: names.length, deleted: total.deleted, notFound: total.notFound });
  }
  return total;
}

interface BulkDeleteInput {
  c: string;
  names: string[];
  async: boolean;
  batchSize?: number;
  signal?: AbortSignal;
}

function bulkDeleteInput(container: unknown, names: unknown, options: unknown): BulkDeleteInput {
  const c = containerName(container);
  if (!Array.isArray(names)) throw new ValidationError("names", "must be a list of object names");
  // Names travel in the body, where '.' and '..' segments are legal.
  const list = names.map((n, i) => objectName(n, `names.${i}`, true));
  const o = options === undefined ? {} : parseOptions(bulkDeleteOptionsSchema(), options, "options");
  return { c, names: list, async: o.async ?? false, batchSize: o.batchSize, signal: o.signal };
}

/** Delete many objects with one request per `batchSize` names (an empty list sends nothing). */
export async function bulkDelete(client: SwiftClient, container: unknown, names: unknown, options?: unknown): Promise<BulkDeleteResult> {
  const i = bulkDeleteInput(container, names, options);
  // Fired before the first batch: nothing was asked of the server, so no counts to report (the
  // batches' loop would stop at once and call that a "200 OK" of nothing deleted).
  if (i.signal?.aborted) throw new AbortError(undefined, { cause: i.signal.reason, attempts: 0 });
  return deleteInBatches(client, i.c, i.names, i);
}

/**
 * The same as a `BulkDeleteJob`, returned at once (bad input throws at once). `abort()` stops it
 * between batches: the job then reads "aborted" with the partial counts as its result.
 */
export function startBulkDelete(client: SwiftClient, container: unknown, names: unknown, options?: unknown): BulkDeleteJob {
  const i = bulkDeleteInput(container, names, options);
  const job = startJob<BulkDeleteResult, BulkDeleteProgress>(
    (ctx) => deleteInBatches(client, i.c, i.names, { batchSize: i.batchSize, signal: ctx.signal, progress: ctx.progress }),
    { signal: i.signal },
  );
  const done = Promise.resolve(job);
  // Callers may only poll `completed`: an unwatched failure stays on the job, not the process.
  done.catch(() => undefined);
  return Object.defineProperties(job, {
    completed: { get: () => job.status !== "running", enumerable: false },
    results: { get: () => (job.status === "succeeded" ? job.result : undefined), enumerable: false },
    done: { value: done, enumerable: false },
  }) as BulkDeleteJob;
}

/** Whether the options ask for the background form. */
export const wantsJob = (options: unknown): boolean => (options as { async?: unknown } | undefined)?.async === true;
