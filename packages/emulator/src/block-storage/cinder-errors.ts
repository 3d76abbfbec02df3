import { jsonResponse } from "../respond";

const FAULT_NAMES: Record<number, string> = {
  400: "badRequest",
  401: "unauthorized",
  403: "forbidden",
  404: "itemNotFound",
  405: "badMethod",
  409: "conflictingRequest",
  413: "overLimit",
  500: "computeFault",
};

/** Cinder's error body (its fault wrapper is Nova's): `{"itemNotFound": {"code": 404, "message": "…"}}`. */
export function cinderError(status: number, message: string): Response {
  // Cinder's over-limit fault also says when to retry (always "0": quotas do not refill on their own).
  return jsonResponse(status, { [FAULT_NAMES[status] ?? "computeFault"]: { code: status, message, ...(status === 413 ? { retryAfter: "0" } : {}) } });
}

/** A Cinder error raised deep in a route; the handler turns it into `cinderError`. */
export class CinderFault extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

export const badRequest = (message: string) => new CinderFault(400, message);
export const notFound = (message: string) => new CinderFault(404, message);
