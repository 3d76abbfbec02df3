import { badRequest } from "./cinder-errors";
import { booleanOf, type CinderRequest, isObject, jsonBody, pyRepr, requireAdmin, schemaError, sizeOf } from "./cinder-request";
import type { VolumeRecord } from "./model";
import { emptyAnswer } from "./views";
import { visibleVolume } from "./volume-routes";

/** The attach-flow actions: a new status now (no transition on the clock), 202. */
function touched(r: CinderRequest, v: VolumeRecord, status: string): Response {
  v.status = status;
  v.pending = undefined;
  v.updated = r.cinder.now;
  return emptyAnswer(202, "json");
}

/** Every status os-reset_status accepts, in Cinder's order (its error message lists them). */
const VOLUME_STATUSES = ["creating", "available", "deleting", "error", "error_deleting", "error_managing", "managing", "attaching", "in-use", "detaching", "maintenance", "restoring-backup", "error_restoring", "reserved", "awaiting-transfer", "backing-up", "error_backing-up", "error_extending", "downloading", "uploading", "retyping", "extending"];

/**
 * POST /volumes/{id}/action: `{"os-extend": {"new_size": 3}}` and friends. Admin-only actions
 * (reset status, force delete) are 403 for others, as Cinder's default policy.
 */
export async function volumeAction(r: CinderRequest, id: string): Promise<Response> {
  const body = await jsonBody(r);
  const [name, ...more] = Object.keys(body);
  const v = visibleVolume(r, id);
  const arg = name === undefined ? undefined : body[name];
  if (name === undefined || more.length) throw badRequest(`There is no such action: ${Object.keys(body).join(",") || "None"}. Verify the request body and Content-Type header and try again.`);
  const args = isObject(arg) ? arg : {};
  switch (name) {
    case "os-extend": {
      if (args.new_size === undefined) throw badRequest("'new_size' is a required property");
      const size = sizeOf("new_size", args.new_size);
      if (v.status !== "available") throw badRequest(`Invalid volume: Volume ${v.id} status must be 'available' or 'in-use' to extend, currently ${v.status}.`);
      if (size <= v.size) throw badRequest(`Invalid input received: New size for extend must be greater than current size. (current: ${v.size}, extended: ${size}).`);
      v.size = size;
      r.cinder.transition(v, "extending", "available", r.cinder.cinder.timings.attach);
      v.updated = r.cinder.now;
      return emptyAnswer(202, "json");
    }
    case "os-update_readonly_flag": {
      if (args.readonly === undefined) throw badRequest("'readonly' is a required property");
      const readonly = booleanOf("readonly", args.readonly);
      v.adminMetadata = { ...v.adminMetadata, readonly: readonly ? "True" : "False" };
      v.updated = r.cinder.now;
      return emptyAnswer(202, "json");
    }
    case "os-set_bootable": {
      if (args.bootable === undefined) throw badRequest("'bootable' is a required property");
      v.bootable = booleanOf("bootable", args.bootable);
      v.updated = r.cinder.now;
      return emptyAnswer(200, "json");
    }
    case "os-reset_status": {
      requireAdmin(r, "volume_extension:volume_admin_actions:reset_status");
      const status = args.status;
      if (status !== undefined && (typeof status !== "string" || !VOLUME_STATUSES.includes(status.toLowerCase())))
        throw badRequest(`Volume status: ${String(status)} is invalid, valid statuses are: (${VOLUME_STATUSES.map((s) => `'${s}'`).join(", ")}).`);
      if (typeof status === "string") {
        v.status = status.toLowerCase();
        v.pending = undefined;
      }
      v.updated = r.cinder.now;
      return emptyAnswer(202, "json");
    }
    case "os-force_delete": {
      requireAdmin(r, "volume_extension:volume_admin_actions:force_delete");
      if (r.cinder.tenantSnapshots(v.tenantId).some((s) => s.volumeId === v.id)) throw badRequest(`Invalid volume: Volume ${v.id} still has dependent snapshots.`);
      v.attachment = undefined;
      r.cinder.transition(v, "deleting", "deleting", r.cinder.cinder.timings.delete, () => {
        v.goneAt = r.cinder.now;
      });
      return emptyAnswer(202, "json");
    }
    case "os-reserve":
      if (v.status !== "available") throw badRequest(`Invalid volume: Volume status must be available to reserve, but the status is ${v.status}.`);
      return touched(r, v, "attaching");
    case "os-unreserve":
      return touched(r, v, v.status === "attaching" ? "available" : v.status);
    case "os-attach": {
      const server = args.instance_uuid ?? args.host_name;
      const mode = args.mode ?? "rw";
      if (!isObject(arg) || typeof args.mountpoint !== "string" || typeof server !== "string" || (mode !== "rw" && mode !== "ro"))
        throw schemaError("os-attach", arg, `${pyRepr(arg)} is not valid under any of the given schemas`);
      if (v.status !== "available" && v.status !== "attaching") throw badRequest(`Invalid volume: Volume status must be available or attaching, but the status is ${v.status}.`);
      v.attachment = { serverId: server, device: args.mountpoint };
      v.adminMetadata = { readonly: "False", ...v.adminMetadata, attached_mode: mode };
      return touched(r, v, "in-use");
    }
    case "os-begin_detaching":
      if (v.status !== "in-use") throw badRequest("Invalid volume: Unable to detach volume. Volume status must be 'in-use' and attach_status must be 'attached' to detach.");
      return touched(r, v, "detaching");
    case "os-roll_detaching":
      return touched(r, v, v.status === "detaching" ? "in-use" : v.status);
    case "os-detach": {
      if (!v.attachment) throw badRequest(`Invalid volume: Volume ${v.id} is not attached.`);
      v.attachment = undefined;
      const { attached_mode: _mode, ...rest } = v.adminMetadata ?? {};
      v.adminMetadata = rest;
      return touched(r, v, "available");
    }
    default:
      throw badRequest(`There is no such action: ${name}. Verify the request body and Content-Type header and try again.`);
  }
}

