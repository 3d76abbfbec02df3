import { http } from "msw";
import { endpointOf } from "../arrival";
import { DOT_MARKER_HEADER } from "../raw-request";
import type { EmulatorContext } from "../context";
import { handled } from "../respond";
import { authorizeStorage } from "./access";
import { accountRoute } from "./account-routes";
import { containerRoute } from "./container-routes";
import { swiftInfo } from "./info";
import { objectRoute } from "./object-routes";
import { corsPreflight, withCors } from "./cors";
import { swiftError } from "./errors";
import { extractArchive } from "./extract-archive";
import { parseTarget, type StorageTarget } from "./target";
import { foldWsgiHeaderNames } from "./wsgi-headers";

/**
 * Cloud Files / Swift at `/v1/MossoCloudFS_<tenant>` of each region's endpoint, `/info` at its root.
 * One msw handler per URL family; within it the path is split the way a
 * Swift proxy splits it (decode first, then container / object).
 */
async function route(ctx: EmulatorContext, request: Request, url: URL, target: StorageTarget): Promise<Response> {
  // Bulk sits before auth in Swift's pipeline: each entry's subrequest is authorised on its own.
  if (request.method === "PUT" && url.searchParams.has("extract-archive")) return extractArchive(request, url, target, (q, u, t) => route(ctx, q, u, t));
  const r = authorizeStorage(ctx, request, url, target);
  if (r instanceof Response) return r;
  if (target.container === undefined) return accountRoute(r);
  if (target.object === undefined) return containerRoute(r, target.container);
  return objectRoute(r, target.container, target.object);
}

export function objectStoreHandlers(ctx: EmulatorContext) {
  return [
    http.get("/info", handled(ctx, () => swiftInfo())),
    // A path with the version alone names nothing: Swift's 412.
    http.all("/v1", handled(ctx, () => swiftError(412, "Bad URL"))),
    http.all(
      "/v1/*",
      handled(ctx, async (received) => {
        const request = foldWsgiHeaderNames(received);
        const url = new URL(request.url);
        const target = parseTarget(url, endpointOf(received).region!, received.headers.get(DOT_MARKER_HEADER));
        if (target instanceof Response) return target;
        if (request.method === "OPTIONS") return corsPreflight(ctx, request, target);
        return withCors(ctx, request, target, await route(ctx, request, url, target));
      }),
    ),
  ];
}
