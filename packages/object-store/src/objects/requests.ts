import { ValidationError } from "@rax/core";
import { copyNotFound, goneOnRetry, objectNotFound } from "../not-found";
import { metaHeaderName, metaHeaders, toWire } from "../metadata-headers";
import { objectPath } from "../names";
import { headersKeptOnPost, type ObjectInfo, objectInfoFrom } from "./models";
import { checkSegmentsDeleted } from "./bulk-delete";
import { OK } from "../success-status";
import { storage, type SwiftClient } from "../swift-client";

export async function getObject(client: SwiftClient, container: string, name: string, signal?: AbortSignal): Promise<ObjectInfo> {
  try {
    const res = await storage(client, { method: "HEAD", ok: OK.headObject, path: objectPath(container, name), signal });
    await res.dump();
    return objectInfoFrom(container, name, res);
  } catch (e) {
    throw await objectNotFound(client, e, container, name);
  }
}

export async function deleteObject(client: SwiftClient, container: string, name: string, withSegments = false): Promise<void> {
  try {
    const res = await storage(client, {
      method: "DELETE",
      // A manifest deleted with its segments answers 200 and a bulk-delete report; a plain object 204.
      ok: withSegments ? OK.deleteWithSegments : OK.delete,
      path: objectPath(container, name),
      query: withSegments ? { "multipart-manifest": "delete" } : undefined,
      headers: withSegments ? { accept: "application/json" } : undefined,
    });
    if (res.status === 200) await checkSegmentsDeleted(res);
    else await res.dump();
  } catch (e) {
    // A 404 on a retry means an earlier attempt, whose answer was lost, deleted it: done.
    if (goneOnRetry(e)) return;
    throw await objectNotFound(client, e, container, name);
  }
}

async function postObject(client: SwiftClient, container: string, name: string, headers: Record<string, string>): Promise<void> {
  try {
    const res = await storage(client, { method: "POST", ok: OK.postObject, path: objectPath(container, name), headers });
    await res.dump();
  } catch (e) {
    throw await objectNotFound(client, e, container, name);
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
export async function setObjectMetadata(client: SwiftClient, container: string, name: string, meta: unknown, clear: boolean): Promise<void> {
  const update = metaHeaders("Object", meta);
  const info = await getObject(client, container, name);
  const merged = { ...headersKeptOnPost(info), ...(clear ? {} : userMetaHeaders(info)), ...update };
  // An empty value means "remove" for account/container metadata; mirror that for objects.
  for (const [k, v] of Object.entries(merged)) if (k.startsWith("x-object-meta-") && v === "") delete merged[k];
  await postObject(client, container, name, merged);
}

export async function removeObjectMetadataKey(client: SwiftClient, container: string, name: string, key: unknown): Promise<void> {
  if (typeof key !== "string") throw new ValidationError("key", "must be a string");
  const header = metaHeaderName("Object", key, "key");
  const info = await getObject(client, container, name);
  const merged = { ...headersKeptOnPost(info), ...userMetaHeaders(info) };
  delete merged[header];
  await postObject(client, container, name, merged);
}

/** Expire the object in `seconds` and keep its metadata (pyrax's version wiped it). */
export async function deleteObjectInSeconds(client: SwiftClient, container: string, name: string, seconds: number): Promise<void> {
  const info = await getObject(client, container, name);
  const headers: Record<string, string> = { ...headersKeptOnPost(info), ...userMetaHeaders(info), "x-delete-after": String(seconds) };
  delete headers["x-delete-at"];
  await postObject(client, container, name, headers);
}

export interface CopyResult {
  etag?: string;
  lastModified?: string;
}

/** Server-side copy: `PUT` the destination with `X-Copy-From` (no bytes pass through the client). */
export async function copyObject(
  client: SwiftClient,
  container: string,
  name: string,
  newContainer: string,
  newName: string,
  contentType?: string,
): Promise<CopyResult> {
  try {
    const res = await storage(client, {
      method: "PUT",
      ok: OK.putObject,
      path: objectPath(newContainer, newName),
      headers: {
        "x-copy-from": objectPath(container, name),
        "content-length": "0",
        "content-type": contentType === undefined ? undefined : toWire(contentType),
      },
    });
    await res.dump();
    return { etag: res.headers.etag?.replace(/"/g, ""), lastModified: res.headers["last-modified"] };
  } catch (e) {
    throw await copyNotFound(client, e, { container, name }, newContainer);
  }
}
