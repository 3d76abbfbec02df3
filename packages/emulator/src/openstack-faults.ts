import { type HeaderInit, jsonResponse } from "./respond";

// Nova's wsgi layer names an error body's one key by status (nova/api/openstack/wsgi.py, `Fault._fault_names`);
// Cinder's and Trove's wsgi layers are copies of it. Each names everything else its own way (Nova and Cinder
// `computeFault`, Trove `instanceFault`) and Trove adds 422.
const FAULT_NAMES: Record<number, string> = {
  400: "badRequest",
  401: "unauthorized",
  403: "forbidden",
  404: "itemNotFound",
  405: "badMethod",
  409: "conflictingRequest",
  413: "overLimit",
  415: "badMediaType",
  501: "notImplemented",
};

export interface WsgiFaultStyle {
  /** The key for a status the table does not name. */
  otherwise: string;
  /** A service's own names beside Nova's. */
  names?: Record<number, string>;
}

/** Nova's own (and Cinder's, copied whole). */
export const NOVA_FAULTS: WsgiFaultStyle = { otherwise: "computeFault" };

/** The Nova-lineage error body: `{"itemNotFound": {"code": 404, "message": "…", …extra}}`. */
export function wsgiFault(style: WsgiFaultStyle, status: number, message: string, extra: Record<string, unknown> = {}, headers?: HeaderInit): Response {
  const key = style.names?.[status] ?? FAULT_NAMES[status] ?? style.otherwise;
  return jsonResponse(status, { [key]: { code: status, message, ...extra } }, headers);
}

/** An error with the HTTP status it answers, raised deep in a route; each service's handler writes its own body for it. */
export class StatusFault extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}
