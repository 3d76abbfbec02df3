import { ValidationError } from "@rax/core";
import { deleteInBatches } from "../objects/requests";
import { asNoSuchContainer } from "../errors";
import { countHeader } from "../count-headers";
import { goneOnRetry } from "../not-found";
import type { ContainerInfo } from "./models";
import { headerValue, type Metadata, metadataFrom, metaHeaderName, metaHeaders } from "../metadata-headers";
import { containerPath } from "../names";
import { walkObjects } from "../objects/listing";
import { OK } from "../success-status";
import { storage, type SwiftClient } from "../swift-client";


export async function getContainer(client: SwiftClient, name: string, signal?: AbortSignal): Promise<ContainerInfo> {
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

/** PUT is idempotent in Swift (201 created, 202 already there), so "create" doubles as "get or create". */
export async function createContainer(client: SwiftClient, name: string, metadata: unknown): Promise<ContainerInfo> {
  const headers = metadata === undefined ? {} : metaHeaders("Container", metadata, "options.metadata");
  const res = await storage(client, { method: "PUT", ok: OK.putContainer, path: containerPath(name), headers });
  await res.dump();
  return getContainer(client, name);
}

export async function deleteContainer(client: SwiftClient, name: string, deleteObjects: boolean, batchSize?: number): Promise<void> {
  if (deleteObjects) {
    const names: string[] = [];
    for await (const row of walkObjects(client, name, {})) names.push(row.name);
    if (names.length > 0) await deleteInBatches(client, name, names, { batchSize });
  }
  try {
    const res = await storage(client, { method: "DELETE", ok: OK.delete, path: containerPath(name) });
    await res.dump();
  } catch (e) {
    if (goneOnRetry(e)) return;
    throw asNoSuchContainer(e, name);
  }
}

async function postContainer(client: SwiftClient, name: string, headers: Record<string, string>): Promise<void> {
  try {
    const res = await storage(client, { method: "POST", ok: OK.post, path: containerPath(name), headers });
    await res.dump();
  } catch (e) {
    throw asNoSuchContainer(e, name);
  }
}

export async function setContainerMetadata(client: SwiftClient, name: string, meta: unknown, clear: boolean): Promise<void> {
  const headers = metaHeaders("Container", meta);
  if (clear) {
    const existing = (await getContainer(client, name)).metadata;
    for (const key of Object.keys(existing)) {
      const h = `x-container-meta-${key}`;
      if (!(h in headers)) headers[h] = "";
    }
  }
  await postContainer(client, name, headers);
}

export async function removeContainerMetadataKey(client: SwiftClient, name: string, key: unknown): Promise<void> {
  if (typeof key !== "string") throw new ValidationError("key", "must be a string");
  await postContainer(client, name, { [metaHeaderName("Container", key, "key")]: "" });
}

/**
 * Static-website pages are container metadata read by Swift's staticweb middleware on the
 * storage endpoint (pyrax sent them to the CDN endpoint, where they have no effect).
 */
export async function setWebPage(client: SwiftClient, name: string, which: "index" | "error", page: unknown): Promise<void> {
  if (typeof page !== "string" || page.length === 0 || /[\r\n\0]/.test(page))
    throw new ValidationError("page", "must be a non-empty object name");
  await postContainer(client, name, { [`x-container-meta-web-${which}`]: headerValue(page, "page") });
}
