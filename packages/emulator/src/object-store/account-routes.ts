import { emptyResponse } from "../respond";
import { bulkDelete } from "./bulk-delete";
import { swiftError } from "./errors";
import { listEntries, parseListParams, renderListing } from "./listing";
import { applyMeta, mergedMetaProblem, metaChanges, metaHeaders, metaLimitProblem } from "./metadata";
import type { Container } from "./model";
import { accountStats, containerStats } from "./stats";
import type { SwiftRequest } from "./swift-request";
import { listingDate, xTimestamp } from "./timestamps";

function accountHeaders(r: SwiftRequest): Record<string, string> {
  const stats = accountStats(r.ctx.state.storage, r.account, r.nowSeconds);
  return {
    "x-account-container-count": String(stats.containers),
    "x-account-object-count": String(stats.objects),
    "x-account-bytes-used": String(stats.bytes),
    "x-timestamp": xTimestamp(r.account.createdAt),
    ...metaHeaders("account", r.account.meta),
  };
}

export async function accountRoute(r: SwiftRequest): Promise<Response> {
  const { request, url } = r;
  const bulk = url.searchParams.has("bulk-delete");
  switch (request.method) {
    case "HEAD":
      return emptyResponse(204, { ...accountHeaders(r), "content-type": "text/plain; charset=utf-8" });
    case "GET": {
      const params = parseListParams(url);
      if (params instanceof Response) return params;
      const entries = listEntries<Container>(r.account.containers, params);
      return renderListing(
        request,
        url,
        { tag: "account", name: r.account.name },
        entries,
        (name, c) => {
          const stats = containerStats(c);
          return { name, count: stats.count, bytes: stats.bytes, last_modified: listingDate(c.putAt) };
        },
        accountHeaders(r),
      );
    }
    case "POST": {
      if (bulk) return bulkDelete(r);
      const changes = metaChanges(request.headers, "account");
      const problem = metaLimitProblem(request.headers, "account") ?? mergedMetaProblem(r.account.meta, changes);
      if (problem) return swiftError(400, problem);
      applyMeta(r.account.meta, changes);
      return emptyResponse(204, { "content-type": "text/html; charset=UTF-8" });
    }
    case "DELETE":
      if (bulk) return bulkDelete(r);
      return swiftError(403);
    case "PUT":
      return swiftError(403);
    default:
      return swiftError(405);
  }
}
