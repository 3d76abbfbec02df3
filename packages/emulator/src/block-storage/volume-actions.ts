import { badRequest } from "./cinder-errors";
import { booleanOf, type CinderRequest, isObject, jsonBody, requireAdmin, sizeOf } from "./cinder-request";
import { emptyAnswer } from "./views";
import { visibleVolume } from "./volume-routes";

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
      v.metadata = { ...v.metadata, readonly: readonly ? "True" : "False" };
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
    default:
      throw badRequest(`There is no such action: ${name}. Verify the request body and Content-Type header and try again.`);
  }
}

