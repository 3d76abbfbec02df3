import { http, type RequestHandler } from "msw";
import { endpointOf } from "../arrival";
import { presentedToken } from "../auth-check";
import { computeState } from "../compute/model";
import type { EmulatorContext } from "../context";
import { readBody } from "../request-body";
import { emptyResponse, handled, jsonResponse } from "../respond";
import { CinderFault, cinderError } from "./cinder-errors";
import { isObject } from "./cinder-request";
import { cinderState, type VolumeRecord } from "./model";

/**
 * Nova's `os-volume_attachments` on the compute endpoint, in front of Nova's own handlers (the
 * way `withCloudNetworks` adds os-networksv2): attach moves the Cinder volume available →
 * attaching → in-use (with `timings.reserve` above 0: reserved first, as a modern Nova's attach),
 * detach in-use → detaching → available, on the emulator's clock; Cinder lists the attachment
 * from in-use until the detach lands. The server
 * is looked up in the emulator's Nova; errors are Nova's bodies (same shape as Cinder's).
 */
export function withVolumeAttachments(ctx: EmulatorContext, nova: RequestHandler[]): RequestHandler[] {
  const at = (request: Request) => route(ctx, request);
  return [
    http.all("/:version/:tenantId/servers/:serverId/os-volume_attachments", handled(ctx, at)),
    http.all("/:version/:tenantId/servers/:serverId/os-volume_attachments/:attachmentId", handled(ctx, at)),
    ...nova,
  ];
}

const view = (v: VolumeRecord) => ({ id: v.id, volumeId: v.id, serverId: v.attachment!.serverId, device: v.attachment!.device });

async function route(ctx: EmulatorContext, request: Request): Promise<Response> {
  const [, version = "", tenantId = "", , serverId = "", , attachmentId] = new URL(request.url).pathname.split("/").map((p) => decodeURIComponent(p));
  if (version !== "v2" && version !== "v2.1") return cinderError(404, "The resource could not be found.");
  const check = presentedToken(ctx, request);
  if (!check.ok) return jsonResponse(401, { unauthorized: { code: 401, message: "The request you have made requires authentication." } });
  if (tenantId !== check.token.tenantId) return cinderError(400, `Malformed request URL: URL's project_id '${tenantId}' doesn't match Context's project_id '${check.token.tenantId}'`);
  const region = endpointOf(request).region ?? ctx.regions[0]!;
  const server = computeState(ctx.state).region(region).server(tenantId, serverId);
  if (!server) return cinderError(404, `Instance ${serverId} could not be found.`);
  const cinder = cinderState(ctx.state).region(region);
  const timings = cinderState(ctx.state).timings;
  const mine = () => cinder.tenantVolumes(tenantId).filter((v) => v.attachment?.serverId === serverId && v.status !== "detaching");
  try {
    const m = request.method;
    if (attachmentId === undefined) {
      if (m === "GET") return jsonResponse(200, { volumeAttachments: mine().map(view) });
      if (m !== "POST") throw new CinderFault(405, "The method is not allowed for this resource.");
      let body: unknown;
      try {
        body = JSON.parse((await readBody(request, 64 * 1024)).toString("utf8"));
      } catch {
        throw new CinderFault(400, "Malformed request body");
      }
      const a = isObject(body) ? body.volumeAttachment : undefined;
      if (!isObject(a) || typeof a.volumeId !== "string") throw new CinderFault(400, "Invalid input for field/attribute volumeAttachment.");
      if (a.device !== undefined && a.device !== null && (typeof a.device !== "string" || !/^\/dev\/[a-z0-9]+$/.test(a.device))) throw new CinderFault(400, `The supplied device path (${String(a.device)}) is invalid.`);
      if (server.status !== "ACTIVE" && server.status !== "SHUTOFF") throw new CinderFault(409, `Cannot 'attach_volume' instance ${serverId} while it is in vm_state ${server.vmState}`);
      const v = cinder.volume(tenantId, a.volumeId);
      if (!v) throw new CinderFault(404, `Volume ${a.volumeId} could not be found.`);
      if (v.status !== "available") throw new CinderFault(400, `Invalid volume: volume ${v.id} status must be 'available'. Currently in '${v.status}'`);
      const device = typeof a.device === "string" ? a.device : cinder.nextDevice(tenantId, serverId);
      if (mine().some((x) => x.attachment!.device === device)) throw new CinderFault(400, `The supplied device path (${device}) is in use.`);
      v.attachment = { serverId, device };
      if (timings.reserve > 0) cinder.transition(v, "reserved", "attaching", timings.reserve, undefined, { to: "in-use", ms: timings.attach });
      else cinder.transition(v, "attaching", "in-use", timings.attach);
      return jsonResponse(200, { volumeAttachment: view(v) });
    }
    const v = cinder.volume(tenantId, attachmentId);
    if (!v || v.attachment?.serverId !== serverId) throw new CinderFault(404, `volume_id not found: ${attachmentId}`);
    if (m === "GET") return jsonResponse(200, { volumeAttachment: view(v) });
    if (m !== "DELETE") throw new CinderFault(405, "The method is not allowed for this resource.");
    if (v.status !== "in-use") throw new CinderFault(400, `Invalid volume: Unable to detach volume. Volume status must be 'in-use' and attach_status must be 'attached' to detach.`);
    cinder.transition(v, "detaching", "available", timings.detach, () => {
      v.attachment = undefined;
    });
    return emptyResponse(202);
  } catch (e) {
    if (e instanceof CinderFault) return cinderError(e.status, e.message);
    throw e;
  }
}
