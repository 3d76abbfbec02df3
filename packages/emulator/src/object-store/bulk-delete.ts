import { BodyTooLarge, readBody } from "../request-body";
import { bulkResponse, type BulkResult } from "./bulk-result";
import { swiftError } from "./errors";
import { MAX_BULK_DELETES, MAX_CONTAINER_NAME_LENGTH, MAX_OBJECT_NAME_LENGTH } from "./limits";
import { isExpired } from "./model";
import type { SwiftRequest } from "./swift-request";

const MAX_BODY = MAX_BULK_DELETES * (MAX_CONTAINER_NAME_LENGTH + MAX_OBJECT_NAME_LENGTH + 2) * 3;

/**
 * `POST|DELETE /v1/<account>?bulk-delete`: one URL-encoded `/container/object`
 * or `/container` per line (the leading slash is optional, as pyrax omits it).
 */
export async function bulkDelete(r: SwiftRequest): Promise<Response> {
  let raw: Buffer;
  try {
    raw = await readBody(r.request, MAX_BODY);
  } catch (error) {
    if (error instanceof BodyTooLarge) return swiftError(413);
    throw error;
  }
  const lines = raw
    .toString("utf8")
    .split("\n")
    .map((l) => l.trim())
    .filter((l) => l !== "");
  const result: BulkResult = { deleted: 0, notFound: 0, errors: [] };
  if (lines.length > MAX_BULK_DELETES) {
    result.refused = { status: "413 Request Entity Too Large", body: `Maximum Bulk Deletes: ${MAX_BULK_DELETES} per request` };
    return bulkResponse(r.request, result);
  }
  for (const line of lines) {
    let name: string;
    try {
      name = decodeURIComponent(line);
    } catch {
      result.errors.push([line, "412 Precondition Failed"]);
      continue;
    }
    deleteOne(r, name, result);
  }
  return bulkResponse(r.request, result);
}

function deleteOne(r: SwiftRequest, name: string, result: BulkResult): void {
  const path = name.replace(/^\/+/, "");
  const cut = path.indexOf("/");
  const containerName = cut < 0 ? path : path.slice(0, cut);
  const objectName = cut < 0 ? "" : path.slice(cut + 1);
  const quoted = encodeURI(name);
  if (Buffer.byteLength(containerName) > MAX_CONTAINER_NAME_LENGTH || Buffer.byteLength(objectName) > MAX_OBJECT_NAME_LENGTH) {
    result.errors.push([quoted, "400 Bad Request"]);
    return;
  }
  const container = r.account.containers.get(containerName);
  if (!container) {
    result.notFound++;
    return;
  }
  if (objectName) {
    const obj = container.objects.get(objectName);
    if (!obj || isExpired(obj, r.nowSeconds)) {
      if (obj) container.objects.delete(objectName);
      result.notFound++;
      return;
    }
    container.objects.delete(objectName);
    result.deleted++;
    return;
  }
  r.ctx.state.storage.purgeExpired(container, r.nowSeconds);
  if (container.objects.size > 0) {
    result.errors.push([quoted, "409 Conflict"]);
    return;
  }
  r.account.containers.delete(containerName);
  result.deleted++;
}
