import { NOVA_FAULTS, StatusFault, wsgiFault } from "../openstack-faults";

/** Cinder's error body (its fault wrapper is Nova's): `{"itemNotFound": {"code": 404, "message": "…"}}`. */
export function cinderError(status: number, message: string): Response {
  // Cinder's over-limit fault also says when to retry (always "0": quotas do not refill on their own).
  return wsgiFault(NOVA_FAULTS, status, message, status === 413 ? { retryAfter: "0" } : {});
}

/** A Cinder error raised deep in a route; the handler turns it into `cinderError`. */
export class CinderFault extends StatusFault {}

export const badRequest = (message: string) => new CinderFault(400, message);
export const notFound = (message: string) => new CinderFault(404, message);
