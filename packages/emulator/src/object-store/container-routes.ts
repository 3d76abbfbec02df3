import { emptyResponse, textResponse } from "../respond";
import { swiftError } from "./errors";
import { listEntries, parseListParams, renderListing } from "./listing";
import { applyMeta, mergedMetaProblem, metaChanges, metaHeaders, metaLimitProblem } from "./metadata";
import { listedSize, type Container, type StoredObject } from "./model";
import { containerNameProblem } from "./names";
import { containerStats } from "./stats";
import type { SwiftRequest } from "./swift-request";
import { httpDate, listingDate, xTimestamp } from "./timestamps";
import { listedContentType } from "./content-type";

/**
 * Container settings Swift keeps outside X-Container-Meta-*. Versioning
 * (X-Versions-Location, X-History-Location) is left out: the emulator does not
 * version objects, and Swift without versioned_writes does not keep them, which
 * is how clients (Swift's own tests among them) tell versioning is off.
 */
const SYS_HEADERS = ["x-container-read", "x-container-write", "x-container-sync-to", "x-container-sync-key"];

function applySysHeaders(container: Container, headers: Headers): void {
  for (const name of SYS_HEADERS) {
    const value = headers.get(name);
    if (value !== null) {
      if (value.trim() === "") container.sysHeaders.delete(name);
      else container.sysHeaders.set(name, value.trim());
    }
    if (headers.has(`x-remove-${name.slice(2)}`)) container.sysHeaders.delete(name);
  }
}

function containerHeaders(r: SwiftRequest, container: Container): Record<string, string> {
  r.ctx.state.storage.purgeExpired(container, r.nowSeconds);
  const stats = containerStats(container);
  return {
    "x-container-object-count": String(stats.count),
    "x-container-bytes-used": String(stats.bytes),
    "x-timestamp": xTimestamp(container.createdAt),
    "last-modified": httpDate(container.putAt),
    "x-storage-policy": "Policy-0",
    ...Object.fromEntries(container.sysHeaders),
    ...metaHeaders("container", container.meta),
  };
}

export async function containerRoute(r: SwiftRequest, name: string): Promise<Response> {
  const { request, url, account } = r;
  const existing = account.containers.get(name);
  switch (request.method) {
    case "PUT": {
      const bad = containerNameProblem(name);
      if (bad) return bad;
      const policy = request.headers.get("x-storage-policy");
      // One storage policy here, as /info says; an empty name means the default.
      if (policy !== null && policy.trim() !== "" && policy.trim().toLowerCase() !== "policy-0") return swiftError(400, `Invalid X-Storage-Policy '${policy.trim()}'`);
      const changes = metaChanges(request.headers, "container");
      const problem = metaLimitProblem(request.headers, "container") ?? mergedMetaProblem(existing?.meta ?? new Map(), changes);
      if (problem) return swiftError(400, problem);
      const now = r.ctx.state.clock.now();
      const container: Container = existing ?? {
        name,
        createdAt: now,
        putAt: now,
        meta: new Map(),
        sysHeaders: new Map(),
        objects: new Map(),
      };
      applyMeta(container.meta, changes);
      applySysHeaders(container, request.headers);
      container.putAt = now;
      account.containers.set(name, container);
      return existing
        ? textResponse(202, "<html><h1>Accepted</h1><p>The request is accepted for processing.</p></html>", undefined, "text/html; charset=UTF-8")
        : textResponse(201, "", undefined, "text/html; charset=UTF-8");
    }
    case "HEAD":
      if (!existing) return swiftError(404);
      return emptyResponse(204, { ...containerHeaders(r, existing), "content-type": "text/plain; charset=utf-8" });
    case "GET": {
      if (!existing) return swiftError(404);
      const params = parseListParams(url);
      if (params instanceof Response) return params;
      const headers = containerHeaders(r, existing);
      const entries = listEntries<StoredObject>(existing.objects, params);
      return renderListing(
        request,
        url,
        { tag: "container", name },
        entries,
        (objName, obj) => ({
          name: objName,
          hash: obj.etag,
          bytes: listedSize(obj),
          content_type: listedContentType(obj.contentType),
          last_modified: listingDate(obj.lastModified),
          ...(obj.slo ? { slo_etag: `"${obj.slo.etag}"` } : {}),
        }),
        headers,
      );
    }
    case "POST": {
      if (!existing) return swiftError(404);
      const changes = metaChanges(request.headers, "container");
      const problem = metaLimitProblem(request.headers, "container") ?? mergedMetaProblem(existing.meta, changes);
      if (problem) return swiftError(400, problem);
      applyMeta(existing.meta, changes);
      applySysHeaders(existing, request.headers);
      // A POST moves the container's put timestamp too (its Last-Modified).
      existing.putAt = r.ctx.state.clock.now();
      return emptyResponse(204, { "content-type": "text/html; charset=UTF-8" });
    }
    case "DELETE": {
      if (!existing) return swiftError(404);
      r.ctx.state.storage.purgeExpired(existing, r.nowSeconds);
      if (existing.objects.size > 0) return swiftError(409);
      account.containers.delete(name);
      return emptyResponse(204, { "content-type": "text/html; charset=UTF-8" });
    }
    default:
      return swiftError(405);
  }
}
