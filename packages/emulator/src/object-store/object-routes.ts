import { emptyResponse, textResponse } from "../respond";
import { swiftError } from "./errors";
import { metaChanges, metaLimitProblem } from "./metadata";
import { isExpired, type Container } from "./model";
import { copyAccount, copyObject, parseCopyPath } from "./object-copy";
import { deleteAtFrom, ifDeleteAtProblem, manifestHeaderProblem, storedHeadersFrom } from "./object-headers";
import { readObject } from "./object-read";
import { putCopy, putObject } from "./object-write";
import { deleteSlo } from "./slo";
import type { SwiftRequest } from "./swift-request";

export async function objectRoute(r: SwiftRequest, containerName: string, name: string): Promise<Response> {
  const container = r.account.containers.get(containerName);
  const { request } = r;
  // A copy reads its source first: a refused or missing source answers before a missing destination.
  if (!container && request.method === "PUT" && request.headers.get("x-copy-from") !== null) return putCopy(r, containerName, name);
  if (!container) return swiftError(404);
  if (request.method === "PUT") return putObject(r, container, name);

  const obj = container.objects.get(name);
  if (obj && isExpired(obj, r.nowSeconds)) container.objects.delete(name);
  const live = obj && !isExpired(obj, r.nowSeconds) ? obj : undefined;

  switch (request.method) {
    case "GET":
    case "HEAD":
      return live ? readObject(r, containerName, live) : swiftError(404);
    case "POST":
      return live ? postObject(r, container, name) : swiftError(404);
    case "DELETE": {
      // Swift reads X-If-Delete-At before it looks for the object.
      const bad = ifDeleteAtProblem(request.headers, live?.deleteAt);
      if (bad && bad.status === 400) return bad;
      if (!live) return swiftError(404);
      if (bad) return bad;
      if (live.slo && r.url.searchParams.get("multipart-manifest") === "delete") return deleteSlo(r, container, live);
      container.objects.delete(name);
      return emptyResponse(204, { "content-type": "text/html; charset=UTF-8" });
    }
    case "COPY": {
      const destination = request.headers.get("destination");
      const to = destination === null ? undefined : parseCopyPath(destination);
      if (!to) return swiftError(412, "Destination header must be of the form <container name>/<object name>");
      const toAccount = copyAccount(r, "destination-account");
      if (toAccount instanceof Response) return toAccount;
      return copyObject(r, { container: containerName, object: name }, { ...to, ...(toAccount ? { account: toAccount } : {}) });
    }
    default:
      return swiftError(405);
  }
}

/**
 * Object POST replaces ALL user metadata and the stored headers
 * (Content-Disposition, Content-Encoding, X-Object-Manifest, X-Delete-At...)
 * with what the request carries — Swift semantics, which pyrax works around
 * by merging before it posts.
 */
function postObject(r: SwiftRequest, container: Container, name: string): Response {
  const h = r.request.headers;
  const obj = container.objects.get(name)!;
  const problem = metaLimitProblem(h, "object");
  if (problem) return swiftError(400, problem);
  const deleteAt = deleteAtFrom(h, r.nowSeconds);
  if (deleteAt instanceof Response) return deleteAt;
  const manifestProblem = manifestHeaderProblem(h);
  if (manifestProblem) return manifestProblem;
  obj.meta = metaChanges(h, "object").set;
  obj.headers = storedHeadersFrom(h);
  if (deleteAt === undefined) delete obj.deleteAt;
  else obj.deleteAt = deleteAt;
  const contentType = h.get("content-type");
  if (contentType) obj.contentType = contentType;
  obj.lastModified = r.ctx.state.clock.now();
  return textResponse(202, "<html><h1>Accepted</h1><p>The request is accepted for processing.</p></html>", undefined, "text/html; charset=UTF-8");
}
