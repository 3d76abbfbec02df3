import { NOVA_FAULTS, StatusFault, wsgiFault } from "../openstack-faults";

/** Nova's error body: `{"itemNotFound": {"code": 404, "message": "…"}}`. */
export function novaError(status: number, message: string, headers?: Record<string, string>): Response {
  return wsgiFault(NOVA_FAULTS, status, message, {}, headers);
}

/** A Nova error raised deep in a route; the handler turns it into `novaError`. */
export class NovaFault extends StatusFault {}

export const badRequest = (message: string) => new NovaFault(400, message);
export const notFound = (message: string) => new NovaFault(404, message);
export const conflict = (message: string) => new NovaFault(409, message);
export const forbidden = (message: string) => new NovaFault(403, message);
