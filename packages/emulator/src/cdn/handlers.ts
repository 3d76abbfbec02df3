import { http } from "msw";
import { endpointOf } from "../arrival";
import type { EmulatorContext } from "../context";
import { handled } from "../respond";
import { authorizeStorage } from "../object-store/access";
import { swiftError } from "../object-store/errors";
import { isExpired } from "../object-store/model";
import { readObject } from "../object-store/object-read";
import { parseTarget } from "../object-store/target";
import { DOT_MARKER_HEADER } from "../raw-request";
import { cdnAccountRoute, cdnContainerRoute, cdnPurgeRoute } from "./routes";

/** Cloud Files CDN management at `/v1/MossoCloudFS_<tenant>` of each region's CDN endpoint. */
export function cdnHandlers(ctx: EmulatorContext) {
  return [
    http.all(
      "/v1/*",
      handled(ctx, (request) => {
        const url = new URL(request.url);
        const target = parseTarget(url, endpointOf(request).region!, request.headers.get(DOT_MARKER_HEADER));
        if (target instanceof Response) return target;
        const r = authorizeStorage(ctx, request, url, target);
        if (r instanceof Response) return r;
        // CDN management is the account owner's; container ACLs do not reach it.
        if (!r.owner) return swiftError(r.actor ? 403 : 401);
        if (target.container === undefined) return cdnAccountRoute(ctx, r);
        if (target.object === undefined) return cdnContainerRoute(ctx, r, target.container);
        return cdnPurgeRoute(ctx, r, target.container, target.object);
      }),
    ),
  ];
}

/** The public side CDN management hands out: `/<id>/<object>` serves objects of CDN-enabled containers with no token. */
export function cdnContentHandlers(ctx: EmulatorContext) {
  return [
    http.all(
      "/:uriId/*",
      handled(ctx, (request) => {
        if (request.method !== "GET" && request.method !== "HEAD") return swiftError(405);
        const url = new URL(request.url);
        const [, rawId = "", ...rest] = url.pathname.split("/");
        const uriId = rawId.replace(/^(ssl|stream|ios)-/, "");
        const found = ctx.state.cdn.byUriId(uriId);
        if (!found || !found.record.enabled) return swiftError(404);
        const account = ctx.state.storage.findAccount(found.region, found.account);
        let objectName: string;
        try {
          objectName = decodeURIComponent(rest.join("/"));
        } catch {
          return swiftError(404);
        }
        const nowSeconds = ctx.state.clock.nowSeconds();
        const obj = account?.containers.get(found.record.name)?.objects.get(objectName);
        if (!account || !obj || isExpired(obj, nowSeconds)) return swiftError(404);
        const response = readObject(
          // Served to anyone once CDN-enabled: container ACLs do not apply (owner: true).
          { ctx, request, url, account, nowSeconds, owner: true, target: { region: found.region, account: found.account, swiftPath: "" } },
          found.record.name,
          obj,
        );
        response.headers.set("cache-control", `public, max-age=${found.record.ttl}`);
        return response;
      }),
    ),
  ];
}
