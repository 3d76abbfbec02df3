import { randomBytes } from "node:crypto";
import { emptyResponse, jsonResponse } from "../respond";
import type { ServerRecord } from "./model";
import { badRequest, notFound } from "./nova-errors";
import { invalid, isObject, jsonBody, type NovaRequest, requireAdmin } from "./nova-request";
import { checkMetadata, checkPersonality } from "./servers";
import { partialServerView } from "./views";

const IDLE = ["active", "stopped"];

type Action = (r: NovaRequest, s: ServerRecord, info: unknown) => Response;

/** POST /servers/{id}/action: one key naming the action, Nova's status codes and state rules. */
export async function serverAction(r: NovaRequest, id: string): Promise<Response> {
  const s = r.region.requireServer(r.tenantId, id);
  const body = await jsonBody(r);
  const names = Object.keys(body);
  if (names.length !== 1) throw badRequest("Malformed request body");
  const name = names[0]!;
  const action = ACTIONS[name];
  if (!action) throw notFound(`There is no such action: ${name}`);
  return action(r, s, body[name]);
}

const ACTIONS: Record<string, Action> = {
  reboot(r, s, info) {
    const type = isObject(info) ? info.type : undefined;
    if (type !== "SOFT" && type !== "HARD") throw invalid("type", `${JSON.stringify(type)} is not one of ['HARD', 'Hard', 'hard', 'SOFT', 'Soft', 'soft']`);
    r.region.requireState(s, "reboot", ["active", "stopped", "error"]);
    r.region.begin(s, type === "HARD" ? "HARD_REBOOT" : "REBOOT", type === "HARD" ? "rebooting_hard" : "rebooting", r.compute.timings.reboot, { status: "ACTIVE", vmState: "active" });
    return emptyResponse(202);
  },

  rebuild(r, s, info) {
    if (!isObject(info) || typeof info.imageRef !== "string") throw invalid("imageRef", "'imageRef' is a required property");
    const imageId = info.imageRef.replace(/\/+$/, "").split("/").pop()!;
    if (!r.region.image(r.tenantId, imageId)) throw badRequest("Cannot find requested image");
    r.region.requireState(s, "rebuild", ["active", "stopped", "error"]);
    checkPersonality(r, info.personality);
    if (info.metadata !== undefined) s.metadata = checkMetadata(r, info.metadata, "metadata");
    if (typeof info.name === "string" && info.name) s.name = info.name;
    if (info["OS-DCF:diskConfig"] === "AUTO" || info["OS-DCF:diskConfig"] === "MANUAL") s.diskConfig = info["OS-DCF:diskConfig"];
    s.imageId = imageId;
    s.fault = undefined;
    const adminPass = typeof info.adminPass === "string" && info.adminPass ? info.adminPass : password();
    r.region.begin(s, "REBUILD", "rebuilding", r.compute.timings.rebuild, { status: "ACTIVE", vmState: "active" });
    // Below 2.75 Nova answers with its partial view (no key_name, no task state), as for a PUT.
    return jsonResponse(202, { server: { ...partialServerView(r.region, r.at, s), adminPass } });
  },

  resize(r, s, info) {
    if (!isObject(info) || info.flavorRef === undefined) throw invalid("flavorRef", "'flavorRef' is a required property");
    const flavor = r.compute.flavor(String(info.flavorRef).replace(/^.*\//, ""));
    if (!flavor) throw badRequest("Unable to locate requested flavor.");
    if (flavor.id === s.flavorId) throw badRequest("When resizing, instances must change flavor!");
    r.region.requireState(s, "resize", IDLE);
    if (info["OS-DCF:diskConfig"] === "AUTO" || info["OS-DCF:diskConfig"] === "MANUAL") s.diskConfig = info["OS-DCF:diskConfig"];
    r.region.begin(s, "RESIZE", "resize_prep", r.compute.timings.resize, { status: "VERIFY_RESIZE", vmState: "resized" }, { flavorId: flavor.id, previousFlavorId: s.flavorId });
    return emptyResponse(202);
  },

  confirmResize(r, s) {
    notConfirming(s);
    r.region.requireState(s, "confirmResize", ["resized"]);
    // Real Nova 26 answers 204 and keeps the server VERIFY_RESIZE (vm_state resized, no task) until
    // nova-compute has dropped the old instance (~1.4 s on the stack's fake driver), then ACTIVE.
    r.region.begin(s, "VERIFY_RESIZE", "", r.compute.timings.confirm, { status: "ACTIVE", vmState: "active" }, { previousFlavorId: undefined });
    return emptyResponse(204);
  },

  revertResize(r, s) {
    notConfirming(s);
    r.region.requireState(s, "revertResize", ["resized"]);
    const back = s.previousFlavorId ?? s.flavorId;
    r.region.begin(s, "REVERT_RESIZE", "resize_reverting", r.compute.timings.revert, { status: "ACTIVE", vmState: "active" }, { flavorId: back, previousFlavorId: undefined });
    return emptyResponse(202);
  },

  createImage(r, s, info) {
    if (!isObject(info) || typeof info.name !== "string" || !info.name.trim()) throw invalid("name", "'name' is a required property");
    const metadata = info.metadata === undefined ? {} : checkMetadata(r, info.metadata, "metadata");
    r.region.requireState(s, "createImage", IDLE);
    const now = r.region.now;
    const ms = r.compute.timings.snapshot;
    const flavor = r.compute.flavor(s.flavorId);
    // The snapshot is a Glance image of the project (so Glance lists it too); Nova calls it
    // SAVING until `timings.snapshot` has passed.
    const image = r.region.glance.newImage(r.tenantId, {
      name: info.name,
      status: "active",
      visibility: "private",
      diskFormat: "vhd",
      containerFormat: "ovf",
      minDisk: flavor?.disk ?? 0,
      minRam: flavor?.ram ?? 0,
      props: new Map<string, unknown>(Object.entries({ ...metadata, image_type: "snapshot", instance_uuid: s.id, base_image_ref: s.imageId, user_id: r.userId })),
    });
    const id = image.id;
    if (ms > 0) r.region.snapshotReadyAt.set(id, now + ms);
    // The server stays ACTIVE while the image saves; nova-api answers with task_state
    // image_snapshot_pending set (nova-compute then steps it through image_snapshot … image_uploading).
    const status = s.status;
    r.region.begin(s, status, "image_snapshot_pending", ms, { status, vmState: s.vmState });
    return emptyResponse(202, { location: `${r.at.base}/${r.at.version}/${r.tenantId}/images/${id}` });
  },

  changePassword(r, s, info) {
    if (!isObject(info) || typeof info.adminPass !== "string" || !info.adminPass) throw invalid("adminPass", "'adminPass' is a required property");
    r.region.requireState(s, "changePassword", ["active"]);
    // nova-api sets task_state updating_password before it answers (compute/api.py set_admin_password):
    // the state map shows PASSWORD until nova-compute is done, and other actions are 409 meanwhile.
    r.region.begin(s, "PASSWORD", "updating_password", r.compute.timings.reboot, { status: "ACTIVE", vmState: "active" });
    return emptyResponse(202);
  },

  rescue(r, s, info) {
    r.region.requireState(s, "rescue", IDLE.concat("error"));
    const given = isObject(info) && typeof info.adminPass === "string" && info.adminPass ? info.adminPass : undefined;
    if (isObject(info) && info.rescue_image_ref !== undefined && !r.region.image(r.tenantId, String(info.rescue_image_ref))) throw badRequest("Cannot find requested image");
    // While rescuing, Nova still shows the server's own status (vm_state active + task rescuing is
    // ACTIVE in nova/api/openstack/common.py's state map): RESCUE only once vm_state is rescued.
    r.region.begin(s, s.status, "rescuing", r.compute.timings.rescue, { status: "RESCUE", vmState: "rescued" });
    return jsonResponse(200, { adminPass: given ?? password() });
  },

  unrescue(r, s) {
    r.region.requireState(s, "unrescue", ["rescued"]);
    r.region.begin(s, "RESCUE", "unrescuing", r.compute.timings.rescue, { status: "ACTIVE", vmState: "active" });
    return emptyResponse(202);
  },

  "os-resetState"(r, s, info) {
    requireAdmin(r, "os_compute_api:os-admin-actions:reset_state");
    const state = isObject(info) ? info.state : undefined;
    if (state !== "active" && state !== "error") throw invalid("state", `${JSON.stringify(state)} is not one of ['active', 'error']`);
    s.pending = undefined;
    s.taskState = null;
    s.vmState = state;
    s.status = state === "active" ? "ACTIVE" : "ERROR";
    s.updated = r.region.now;
    return emptyResponse(202);
  },

  "os-stop"(r, s) {
    r.region.requireState(s, "stop", ["active", "rescued", "error"]);
    r.region.begin(s, "ACTIVE", "powering-off", 0, { status: "SHUTOFF", vmState: "stopped" });
    return emptyResponse(202);
  },

  "os-start"(r, s) {
    r.region.requireState(s, "start", ["stopped"]);
    r.region.begin(s, "SHUTOFF", "powering-on", 0, { status: "ACTIVE", vmState: "active" });
    return emptyResponse(202);
  },

  "os-getConsoleOutput"(r, s) {
    r.region.requireState(s, "get_console_output", ["active", "rescued", "resized"]);
    return jsonResponse(200, { output: `${s.name} login: \n` });
  },
};

function password(): string {
  return randomBytes(9).toString("base64url");
}

/**
 * A resize already being confirmed: Nova's API finds no migration in status "finished" (it is
 * "confirming") and answers 400 "Instance has not been resized." to a second confirm or a revert,
 * although the server still shows VERIFY_RESIZE (servers.py _action_confirm_resize, MigrationNotFound).
 */
function notConfirming(s: ServerRecord): void {
  if (s.pending?.status === "VERIFY_RESIZE") throw badRequest("Instance has not been resized.");
}
