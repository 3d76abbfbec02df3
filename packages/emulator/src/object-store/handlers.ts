import { http } from "msw";
import type { EmulatorContext } from "../context";
import { handled } from "../respond";
import { authorizeStorage } from "./access";
import { accountRoute } from "./account-routes";
import { containerRoute } from "./container-routes";
import { swiftInfo } from "./info";
import { objectRoute } from "./object-routes";
import { parseTarget } from "./target";
import { foldWsgiHeaderNames } from "./wsgi-headers";

/**
 * Cloud Files / Swift at `/object-store/<REGION>/v1/MossoCloudFS_<tenant>`.
 * One msw handler per URL family; within it the path is split the way a
 * Swift proxy splits it (decode first, then container / object).
 */
export function objectStoreHandlers(ctx: EmulatorContext) {
  return [
    http.get("*/object-store/:region/info", handled(ctx, () => swiftInfo())),
    http.all(
      "*/object-store/:region/v1/*",
      handled(ctx, (received) => {
        const request = foldWsgiHeaderNames(received);
        const url = new URL(request.url);
        const target = parseTarget(ctx, url);
        if (target instanceof Response) return target;
        const r = authorizeStorage(ctx, request, url, target);
        if (r instanceof Response) return r;
        if (target.container === undefined) return accountRoute(r);
        if (target.object === undefined) return containerRoute(r, target.container);
        return objectRoute(r, target.container, target.object);
      }),
    ),
  ];
}
