import { http } from "msw";
import { endpointOf } from "../arrival";
import { presentedToken } from "../auth-check";
import type { EmulatorContext } from "../context";
import { handled, jsonResponse } from "../respond";
import { CinderFault, cinderError } from "./cinder-errors";
import type { CinderRequest } from "./cinder-request";
import { requestedMicroversion, v3VersionDoc, withMicroversion } from "./microversion";
import { cinderState } from "./model";
import { messageRoute } from "./message-routes";
import { limitsRoute, quotaRoute } from "./quota-routes";
import { createSnapshot, deleteSnapshot, listSnapshots, showSnapshot, snapshotMetadata, updateSnapshot } from "./snapshot-routes";
import { typeRoute } from "./type-routes";
import type { CinderVersion } from "./views";
import { volumeAction } from "./volume-actions";
import { createVolume, deleteVolume, listVolumes, showVolume, updateVolume, volumeMetadata, volumeSummary } from "./volume-routes";

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
    http.get("/", handled(ctx, (request) => versioned(request, () => jsonResponse(300, { versions: [v3VersionDoc(rootOf(request)), ...LEGACY.map((v) => legacyVersionDoc(request, v))] })))),
    http.get("/v3", handled(ctx, (request) => versioned(request, () => jsonResponse(200, { versions: [v3VersionDoc(rootOf(request))] })))),
    http.get("/v3/", handled(ctx, (request) => versioned(request, () => jsonResponse(200, { versions: [v3VersionDoc(rootOf(request))] })))),
    http.all("/:version/:tenantId/*", handled(ctx, (request) => route(ctx, request))),
  ];
}

/** The Cinder extensions this emulator implements (real Cinder lists 32; these are the ones served here). */
const EXTENSIONS: ReadonlyArray<readonly [string, string, string, string]> = [
  ["VolumeImageMetadata", "os-vol-image-meta", "Show image metadata associated with the volume.", "2012-12-07T00:00:00+00:00"],
  ["UsedLimits", "os-used-limits", "Provide data on limited resources that are being used.", "2013-10-03T00:00:00+00:00"],
  ["AdminActions", "os-admin-actions", "Enable admin actions.", "2012-08-25T00:00:00+00:00"],
  ["TypesExtraSpecs", "os-types-extra-specs", "Type extra specs support.", "2011-08-24T00:00:00+00:00"],
  ["Quotas", "os-quota-sets", "Quota management support.", "2011-08-08T00:00:00+00:00"],
  ["VolumeActions", "os-volume-actions", "Enable volume actions.", "2012-05-31T00:00:00+00:00"],
  ["AvailabilityZones", "os-availability-zone", "Describe Availability Zones.", "2013-06-27T00:00:00+00:00"],
  ["TypesManage", "os-types-manage", "Types manage support.", "2011-08-24T00:00:00+00:00"],
  ["ExtendedSnapshotAttributes", "os-extended-snapshot-attributes", "Extended SnapshotAttributes support.", "2012-06-19T00:00:00+00:00"],
  ["VolumeHostAttribute", "os-vol-host-attr", "Expose host as an attribute of a volume.", "2011-11-03T00:00:00+00:00"],
  ["VolumeMigStatusAttribute", "os-vol-mig-status-attr", "Expose migration_status as an attribute of a volume.", "2013-08-08T00:00:00+00:00"],
  ["VolumeTenantAttribute", "os-vol-tenant-attr", "Expose the internal project_id as an attribute of a volume.", "2011-11-03T00:00:00+00:00"],
];

/** Rackspace's v1 (and v2) beside OpenStack's v3; real Cinder today lists v3 alone. */
const LEGACY: readonly CinderVersion[] = ["v1", "v2"];

const rootOf = (request: Request) => endpointOf(request).base.replace(/\/v[123]\/[^/]+\/?$/, "");

function legacyVersionDoc(request: Request, id: CinderVersion) {
  return { id: `${id}.0`, status: "DEPRECATED", version: "", min_version: "", updated: "2014-06-28T12:20:21Z", links: [{ rel: "self", href: `${rootOf(request)}/${id}/` }] };
}

/** A v3 answer with Cinder's microversion headers; a bad `OpenStack-API-Version` is refused first. */
async function versioned(request: Request, answer: (microversion: string) => Response | Promise<Response>): Promise<Response> {
  let microversion: string;
  try {
    microversion = requestedMicroversion(request);
  } catch (e) {
    if (!(e instanceof CinderFault)) throw e;
    const res = cinderError(e.status, e.message);
    const echoed = (e as CinderFault & { microversion?: string }).microversion;
    return echoed ? withMicroversion(res, echoed) : res;
  }
  return withMicroversion(await answer(microversion), microversion);
}

async function route(ctx: EmulatorContext, request: Request): Promise<Response> {
  const url = new URL(request.url);
  const [, version = "", tenantId = "", ...parts] = url.pathname.split("/").map((p) => decodeURIComponent(p));
  if (!VERSIONS.includes(version as CinderVersion)) return cinderError(404, "The resource could not be found.");
  const check = presentedToken(ctx, request);
  // keystonemiddleware refuses before Cinder (and its microversion headers) sees the request.
  if (!check.ok) return jsonResponse(401, { unauthorized: { code: 401, message: "The request you have made requires authentication." } });
  const answer = async (microversion: string) => {
    try {
      if (tenantId !== check.token.tenantId) throw new CinderFault(400, `Malformed request url: project_id '${tenantId}' does not match the token's project_id '${check.token.tenantId}'`);
      const region = endpointOf(request).region ?? ctx.regions[0]!;
      const user = ctx.state.users.byId(check.token.userId);
      const r: CinderRequest = {
        ctx,
        request,
        url,
        cinder: cinderState(ctx.state).region(region),
        region,
        project: tenantId,
        version: version as CinderVersion,
        admin: user?.roles.some((x) => x.name === "admin") ?? false,
        userId: check.token.userId,
        base: `${rootOf(request)}/${version}/${tenantId}`,
        minor: version === "v3" ? Number(microversion.split(".")[1]) : 0,
      };
      return await dispatch(r, parts);
    } catch (e) {
      if (e instanceof CinderFault) return cinderError(e.status, e.message);
      throw e;
    }
  };
  return version === "v3" ? versioned(request, answer) : answer("");
}

async function dispatch(r: CinderRequest, parts: string[]): Promise<Response> {
  const m = r.request.method;
  const [collection, id, sub, key, ...extra] = parts;
  const bad = () => new CinderFault(405, "The method is not allowed for this resource.");
  if (extra.length) throw new CinderFault(404, "The resource could not be found.");
  if (collection === "types") return typeRoute(r, id, sub, key);
  if (collection === "messages" && key === undefined) return messageRoute(r, id, sub);
  if (collection === "os-quota-sets" && id !== undefined && key === undefined) return quotaRoute(r, id, sub);
  if (collection === "limits" && id === undefined) return limitsRoute(r);
  if (collection === "extensions" && id === undefined && r.version !== "v1") {
    if (m !== "GET") throw bad();
    return jsonResponse(200, { extensions: EXTENSIONS.map(([name, alias, description, updated]) => ({ name, alias, description, updated, links: [] })) });
  }
  if (collection === "os-availability-zone" && id === undefined && r.version !== "v1") {
    if (m !== "GET") throw bad();
    return jsonResponse(200, { availabilityZoneInfo: [{ zoneName: "nova", zoneState: { available: true } }] });
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
    if (id === "summary" && sub === undefined && r.version === "v3" && m === "GET") return volumeSummary(r);
    if (sub === "metadata") return volumeMetadata(r, id, key);
    if (sub === "action" && key === undefined && r.version !== "v1") {
      if (m === "POST") return volumeAction(r, id);
      throw bad();
    }
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
