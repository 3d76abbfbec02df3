import { jsonResponse } from "../respond";

const FAULT_NAMES: Record<number, string> = {
  400: "badRequest",
  401: "unauthorized",
  403: "forbidden",
  404: "itemNotFound",
  405: "badMethod",
  409: "conflictingRequest",
  413: "overLimit",
  415: "badMediaType",
  500: "computeFault",
  501: "notImplemented",
};

/** Nova's error body: `{"itemNotFound": {"code": 404, "message": "…"}}`. */
export function novaError(status: number, message: string, headers?: Record<string, string>): Response {
  return jsonResponse(status, { [FAULT_NAMES[status] ?? "computeFault"]: { code: status, message } }, headers);
}

/** A Nova error raised deep in a route; the handler turns it into `novaError`. */
export class NovaFault extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

export const badRequest = (message: string) => new NovaFault(400, message);
export const notFound = (message: string) => new NovaFault(404, message);
export const conflict = (message: string) => new NovaFault(409, message);
export const forbidden = (message: string) => new NovaFault(403, message);
