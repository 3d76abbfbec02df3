import { StatusFault, type WsgiFaultStyle, wsgiFault } from "../openstack-faults";

// Trove's fault wrappers (trove/common/wsgi.py), as real Trove 18 answers them: Nova's, with 422 and its own catch-all.
const TROVE_FAULTS: WsgiFaultStyle = { otherwise: "instanceFault", names: { 422: "unprocessableEntity" } };

/** Trove's error body: `{"itemNotFound": {"code": 404, "message": "…"}}`. */
export function troveError(status: number, message: string): Response {
  return wsgiFault(TROVE_FAULTS, status, message);
}

/** A Trove error raised deep in a route; the handler turns it into `troveError`. */
export class TroveFault extends StatusFault {}

export const badRequest = (message: string) => new TroveFault(400, message);
/** Trove's NotFound for instances, flavors and backups. */
export const resourceNotFound = (id: string) => new TroveFault(404, `Resource ${id} cannot be found.`);
/** An action on an instance that is busy (not ACTIVE). */
export const notAvailable = (id: string, status: string) => new TroveFault(422, `Instance ${id} is not currently available for an action to be performed (${TASKS[status] ? `task status was ${TASKS[status]}` : `instance status was ${status}`}).`);
/** Statuses Trove derives from a running task: its 422 names the task (real Trove 18: "task status was REBOOTING"). */
const TASKS: Record<string, string> = { REBOOT: "REBOOTING", RESIZE: "RESIZING" };
