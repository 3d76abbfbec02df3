import { http } from "msw";
import { endpointOf } from "../arrival";
import { presentedToken } from "../auth-check";
import type { EmulatorContext } from "../context";
import { handled, jsonResponse } from "../respond";
import { GlanceFault, glanceError } from "./glance-errors";
import type { GlanceRequest } from "./glance-request";
import { createImage, deleteImage, imageFile, listImages, patchImage, tag, visibleImage } from "./image-routes";
import { imageView } from "./image-view";
import { members } from "./members";
import { glanceState } from "./model";
import { tasks } from "./tasks";

/**
 * Glance v2 at each region's `image` endpoint (`/v2/…`): images with filters, sorting and `next`
 * links, JSON-patch updates (415 for another media type), tags, members, image data, and
 * Rackspace's import/export tasks (pending → processing → success/failure on the emulator's clock,
 * reading from and writing to the emulator's Cloud Files). Errors are webob's, as Glance's are.
 */
export function glanceHandlers(ctx: EmulatorContext) {
  return [
    http.get("/", handled(ctx, (request) => jsonResponse(300, { versions: [versionDoc(request)] }))),
    http.get("/versions", handled(ctx, (request) => jsonResponse(200, { versions: [versionDoc(request)] }))),
    http.all("/v2/*", handled(ctx, (request) => route(ctx, request))),
  ];
}

function versionDoc(request: Request) {
  const base = endpointOf(request).base.replace(/\/v2$/, "");
  return { id: "v2.9", status: "CURRENT", links: [{ rel: "self", href: `${base}/v2/` }] };
}

const SCHEMAS = ["image", "images", "member", "members", "task", "tasks"];

async function route(ctx: EmulatorContext, request: Request): Promise<Response> {
  const check = presentedToken(ctx, request);
  if (!check.ok) return jsonResponse(401, { error: { code: 401, title: "Unauthorized", message: "The request you have made requires authentication." } }, { "www-authenticate": `Keystone uri="${ctx.publicUrl}/v3"` });
  const url = new URL(request.url);
  let parts: string[];
  try {
    // The catalog URL already ends in /v2 (Rackspace's does); a client written for a bare Glance URL
    // (`http://host:9292`) appends another: serve `/v2/v2/…` as `/v2/…`.
    parts = url.pathname.replace(/^\/v2(?=\/v2(\/|$))/, "").split("/").slice(2).map(decodeURIComponent);
  } catch {
    return glanceError(request, 404, "The resource could not be found.");
  }
  const region = endpointOf(request).region ?? ctx.regions[0]!;
  const glance = glanceState(ctx.state).region(region);
  glance.settle();
  const user = ctx.state.users.byId(check.token.userId);
  const r: GlanceRequest = { ctx, request, url, glance, region, project: check.token.tenantId, admin: user?.roles.some((x) => x.name === "admin") ?? false };
  const m = request.method;
  const [collection, id, sub, item, ...extra] = parts;
  try {
    if (extra.length) throw new GlanceFault(404, "The resource could not be found.");
    if (collection === "images") {
      if (id === undefined || id === "") {
        if (m === "GET" || m === "HEAD") return listImages(r);
        if (m === "POST") return await createImage(r);
        throw new GlanceFault(405, "The method is not allowed for this resource.");
      }
      if (sub === undefined) {
        if (m === "GET" || m === "HEAD") return jsonResponse(200, imageView(visibleImage(r, id)));
        if (m === "PATCH") return await patchImage(r, id);
        if (m === "DELETE") return deleteImage(r, id);
        throw new GlanceFault(405, "The method is not allowed for this resource.");
      }
      if (sub === "tags" && item !== undefined) return tag(r, id, item);
      if (sub === "members") return await members(r, id, item);
      if (sub === "file" && item === undefined) return await imageFile(r, id);
    }
    if (collection === "tasks" && sub === undefined) {
      // Stock Glance's policy keeps the tasks API to admins (tasks_api_access); Rackspace's Cloud
      // Images opens it to its accounts (their roles are Rackspace's, `compute:default` …).
      const rackspace = user?.roles.some((x) => x.name.includes(":")) ?? false;
      if (!r.admin && !rackspace) throw new GlanceFault(403, "You are not authorized to complete tasks_api_access action.");
      return await tasks(r, id === "" ? undefined : id);
    }
    if (collection === "schemas" && id !== undefined && SCHEMAS.includes(id) && sub === undefined)
      return jsonResponse(200, { name: id, properties: {}, links: [{ rel: "describedby", href: `{schema}` }] });
    throw new GlanceFault(404, "The resource could not be found.");
  } catch (e) {
    if (e instanceof GlanceFault) return glanceError(request, e.status, e.message);
    throw e;
  }
}
