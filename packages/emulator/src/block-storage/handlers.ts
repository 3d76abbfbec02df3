import { http } from "msw";
import { endpointOf } from "../arrival";
import { presentedToken } from "../auth-check";
import type { EmulatorContext } from "../context";
import { handled, jsonResponse } from "../respond";
import { CinderFault, cinderError } from "./cinder-errors";
import type { CinderRequest } from "./cinder-request";
import { cinderState, QUOTAS, VOLUME_TYPES } from "./model";
import { createSnapshot, deleteSnapshot, listSnapshots, showSnapshot, snapshotMetadata, updateSnapshot } from "./snapshot-routes";
import type { CinderVersion } from "./views";
import { createVolume, deleteVolume, listVolumes, showVolume, updateVolume, volumeMetadata } from "./volume-routes";

const VERSIONS: readonly CinderVersion[] = ["v1", "v2", "v3"];

/**
 * Cinder at `/<version>/<project>/…` of each region's block-storage endpoint: Rackspace's v1 paths
 * (`display_name`, 200 on create) and OpenStack's v2/v3 (`name`, 202, `*_links` paging). Volumes go
 * creating → available ↔ attaching / in-use / detaching → deleting on the emulator's clock;
 * snapshots creating → available; SATA/SSD types with Rackspace's size limits; quotas. Errors are
 * Cinder's `{"badRequest": {"code": 400, "message": …}}` bodies. Attach/detach arrive through
 * Nova's `os-volume_attachments` (`withVolumeAttachments`).
 */
export function cinderHandlers(ctx: EmulatorContext) {
  return [
    http.get("/", handled(ctx, (request) => jsonResponse(300, { versions: VERSIONS.map((v) => versionDoc(request, v)) }))),
    http.all("/:version/:tenantId/*", handled(ctx, (request) => route(ctx, request))),
  ];
}

function versionDoc(request: Request, id: CinderVersion) {
  const base = endpointOf(request).base.replace(/\/v[123]\/[^/]+$/, "");
  return { id: `${id}.0`, status: id === "v3" ? "CURRENT" : "DEPRECATED", links: [{ rel: "self", href: `${base}/${id}/` }] };
}

async function route(ctx: EmulatorContext, request: Request): Promise<Response> {
  const url = new URL(request.url);
  const [, version = "", tenantId = "", ...parts] = url.pathname.split("/").map((p) => decodeURIComponent(p));
  if (!VERSIONS.includes(version as CinderVersion)) return cinderError(404, "The resource could not be found.");
  const check = presentedToken(ctx, request);
  if (!check.ok) return jsonResponse(401, { unauthorized: { code: 401, message: "The request you have made requires authentication." } });
  if (tenantId !== check.token.tenantId) return cinderError(400, `Malformed request url: project_id '${tenantId}' does not match the token's project_id '${check.token.tenantId}'`);
  const region = endpointOf(request).region ?? ctx.regions[0]!;
  const r: CinderRequest = { ctx, request, url, cinder: cinderState(ctx.state).region(region), region, project: tenantId, version: version as CinderVersion };
  try {
    return await dispatch(r, parts);
  } catch (e) {
    if (e instanceof CinderFault) return cinderError(e.status, e.message);
    throw e;
  }
}

async function dispatch(r: CinderRequest, parts: string[]): Promise<Response> {
  const m = r.request.method;
  const [collection, id, sub, key, ...extra] = parts;
  const bad = () => new CinderFault(405, "The method is not allowed for this resource.");
  if (extra.length) throw new CinderFault(404, "The resource could not be found.");
  if (collection === "types") {
    if (m !== "GET") throw bad();
    const view = (t: (typeof VOLUME_TYPES)[number]) => ({ id: r.version === "v1" ? t.id : String(t.id), name: t.name, extra_specs: {}, ...(r.version === "v1" ? {} : { is_public: true, description: null }) });
    if (id === undefined) return jsonResponse(200, { volume_types: VOLUME_TYPES.map(view) });
    const t = VOLUME_TYPES.find((x) => String(x.id) === id);
    if (!t || sub !== undefined) throw new CinderFault(404, `Volume type ${id} could not be found.`);
    return jsonResponse(200, { volume_type: view(t) });
  }
  if (collection === "os-quota-sets" && id !== undefined && sub === undefined) {
    if (m !== "GET") throw bad();
    const usage = r.url.searchParams.get("usage") === "true";
    const vols = r.cinder.tenantVolumes(id);
    const used = { volumes: vols.length, gigabytes: vols.reduce((n, v) => n + v.size, 0), snapshots: r.cinder.tenantSnapshots(id).length };
    const set = Object.fromEntries(Object.entries(QUOTAS).map(([k, limit]) => [k, usage ? { limit, in_use: used[k as keyof typeof used], reserved: 0 } : limit]));
    return jsonResponse(200, { quota_set: { id, ...set } });
  }
  if (collection === "volumes") {
    if (id === undefined) {
      if (m === "GET") return listVolumes(r, false);
      if (m === "POST") return createVolume(r);
      throw bad();
    }
    if (id === "detail" && sub === undefined) {
      if (m === "GET") return listVolumes(r, true);
      throw bad();
    }
    if (sub === "metadata") return volumeMetadata(r, id, key);
    if (sub !== undefined) throw new CinderFault(404, "The resource could not be found.");
    if (m === "GET") return showVolume(r, id);
    if (m === "PUT") return updateVolume(r, id);
    if (m === "DELETE") return deleteVolume(r, id);
    throw bad();
  }
  if (collection === "snapshots") {
    if (id === undefined || (id === "detail" && sub === undefined)) {
      if (m === "GET") return listSnapshots(r);
      if (m === "POST" && id === undefined) return createSnapshot(r);
      throw bad();
    }
    if (sub === "metadata") return snapshotMetadata(r, id, key);
    if (sub !== undefined) throw new CinderFault(404, "The resource could not be found.");
    if (m === "GET") return showSnapshot(r, id);
    if (m === "PUT") return updateSnapshot(r, id);
    if (m === "DELETE") return deleteSnapshot(r, id);
    throw bad();
  }
  throw new CinderFault(404, "The resource could not be found.");
}
