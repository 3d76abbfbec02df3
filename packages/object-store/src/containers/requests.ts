import { ValidationError } from "@rax/core";
import { deleteInBatches } from "../objects/requests";
import { asNoSuchContainer } from "../errors";
import { countHeader } from "../count-headers";
import { goneOnRetry } from "../not-found";
import type { ContainerInfo } from "./models";
import { headerValue, type Metadata, metadataFrom, metaHeaderName, metaHeaders } from "../metadata-headers";
import { containerName, containerPath } from "../names";
import { checkBool, checkMetadataArg, checkObject, checkSignal, signalOption } from "../options";
import { walkObjects } from "../objects/listing";
import { type CdnAttributes, getCdnAttributes } from "../cdn/requests";
import { OK } from "../success-status";
import { storage, type SwiftClient } from "../swift-client";

// One function per wire operation on containers; each checks its own input before any request.

/** HEAD the container; `NoSuchContainer` if absent. */
export async function getContainer(client: SwiftClient, container: unknown, signal?: AbortSignal): Promise<ContainerInfo> {
  const name = containerName(container);
  try {
    const res = await storage(client, { method: "HEAD", ok: OK.head, path: containerPath(name), signal });
    await res.dump();
    return {
      name,
      objectCount: countHeader(res, "x-container-object-count"),
      bytesUsed: countHeader(res, "x-container-bytes-used"),
      metadata: metadataFrom("Container", res.headers),
      headers: res.headers,
    };
  } catch (e) {
    throw asNoSuchContainer(e, name);
  }
}

/** The container's HEAD and, with `{ cdn: true }`, its CDN attributes. */
export async function getContainerAndCdn(client: SwiftClient, container: unknown, options?: unknown): Promise<{ info: ContainerInfo; cdn?: CdnAttributes }> {
  const name = containerName(container);
  const o = checkObject(options, "options", ["cdn", "signal"]);
  const withCdn = checkBool(o.cdn, "options.cdn") ?? false;
  const signal = checkSignal(o.signal);
  const info = await getContainer(client, name, signal);
  return withCdn ? { info, cdn: await getCdnAttributes(client, name, { signal }) } : { info };
}

/** PUT is idempotent in Swift (201 created, 202 already there), so "create" doubles as "get or create". */
export async function createContainer(client: SwiftClient, container: unknown, options?: unknown): Promise<ContainerInfo> {
  const name = containerName(container, "name");
  const { metadata, signal: s } = checkObject(options, "options", ["metadata", "signal"]);
  const headers = metadata === undefined ? {} : metaHeaders("Container", metadata, "options.metadata");
  const signal = checkSignal(s);
  const res = await storage(client, { method: "PUT", ok: OK.putContainer, path: containerPath(name), headers, signal });
  await res.dump();
  return getContainer(client, name, signal);
}

/** DELETE the container; with `deleteObjects: true` its objects are bulk-deleted first. */
export async function deleteContainer(client: SwiftClient, container: unknown, options?: unknown): Promise<void> {
  const name = containerName(container);
  const o = checkObject(options, "options", ["deleteObjects", "signal"]);
  const deleteObjects = checkBool(o.deleteObjects, "options.deleteObjects") ?? false;
  const signal = checkSignal(o.signal);
  if (deleteObjects) {
    const names: string[] = [];
    for await (const row of walkObjects(client, name, { signal })) names.push(row.name);
    if (names.length > 0) await deleteInBatches(client, name, names, { signal });
  }
  try {
    // After a batch cut short by the signal this rejects with AbortError (the container is not empty).
    const res = await storage(client, { method: "DELETE", ok: OK.delete, path: containerPath(name), signal });
    await res.dump();
  } catch (e) {
    if (goneOnRetry(e)) return;
    throw asNoSuchContainer(e, name);
  }
}

async function postContainer(client: SwiftClient, name: string, headers: Record<string, string>, signal?: AbortSignal): Promise<void> {
  try {
    const res = await storage(client, { method: "POST", ok: OK.post, path: containerPath(name), headers, signal });
    await res.dump();
  } catch (e) {
    throw asNoSuchContainer(e, name);
  }
}

export async function getContainerMetadata(client: SwiftClient, container: unknown, options?: unknown): Promise<Metadata> {
  const name = containerName(container);
  return (await getContainer(client, name, signalOption(options))).metadata;
}

/** Add (default) or, with `clear: true`, replace the container's metadata. */
export async function setContainerMetadata(client: SwiftClient, container: unknown, meta: unknown, options?: unknown): Promise<void> {
  const name = containerName(container);
  checkMetadataArg(meta);
  const o = checkObject(options, "options", ["clear", "signal"]);
  const clear = checkBool(o.clear, "options.clear") ?? false;
  const signal = checkSignal(o.signal);
  const headers = metaHeaders("Container", meta);
  if (clear) {
    const existing = (await getContainer(client, name, signal)).metadata;
    for (const key of Object.keys(existing)) {
      const h = `x-container-meta-${key}`;
      if (!(h in headers)) headers[h] = "";
    }
  }
  await postContainer(client, name, headers, signal);
}

export async function removeContainerMetadataKey(client: SwiftClient, container: unknown, key: unknown, options?: unknown): Promise<void> {
  const name = containerName(container);
  if (typeof key !== "string") throw new ValidationError("key", "must be a string");
  const header = metaHeaderName("Container", key, "key");
  await postContainer(client, name, { [header]: "" }, signalOption(options));
}

/**
 * Static-website pages are container metadata read by Swift's staticweb middleware on the
 * storage endpoint (pyrax sent them to the CDN endpoint, where they have no effect).
 */
export async function setWebPage(client: SwiftClient, container: unknown, which: "index" | "error", page: unknown, options?: unknown): Promise<void> {
  const name = containerName(container);
  if (typeof page !== "string" || page.length === 0 || /[\r\n\0]/.test(page))
    throw new ValidationError("page", "must be a non-empty object name");
  const headers = { [`x-container-meta-web-${which}`]: headerValue(page, "page") };
  await postContainer(client, name, headers, signalOption(options));
}
