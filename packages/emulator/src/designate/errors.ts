import { randomUUID } from "node:crypto";
import { jsonResponse } from "../respond";

/**
 * Designate's error body (api/middleware.py FaultWrapperMiddleware):
 * `{"code": 404, "type": "zone_not_found", "message": "Could not find Zone", "request_id": "req-…"}`;
 * schema failures carry `errors: {"errors": [{path, message, validator}]}` instead of a message.
 */
export function designateError(status: number, type: string, message?: string, errors?: Array<{ path: string[]; message: string; validator: string }>): Response {
  return jsonResponse(status, { code: status, type, ...(message !== undefined ? { message } : {}), ...(errors ? { errors: { errors } } : {}), request_id: `req-${randomUUID()}` });
}

/** A Designate error raised deep in a route; the handler turns it into `designateError`. */
export class DesignateFault extends Error {
  constructor(
    readonly status: number,
    readonly type: string,
    readonly detail?: string,
    readonly errors?: Array<{ path: string[]; message: string; validator: string }>,
  ) {
    super(detail ?? type);
  }
}

/** `InvalidObject`: 400 with the schema errors, as the API's validation middleware renders them. */
export const invalidObject = (field: string, message: string, validator = "format") =>
  new DesignateFault(400, "invalid_object", undefined, [{ path: [field], message, validator }]);
export const badRequest = (message: string, type = "bad_request") => new DesignateFault(400, type, message);
export const zoneNotFound = () => new DesignateFault(404, "zone_not_found", "Could not find Zone");
export const recordsetNotFound = () => new DesignateFault(404, "recordset_not_found", "Could not find RecordSet");

/** A value as Python's `repr` writes it, which is how Designate's jsonschema messages quote values. */
export function pyRepr(v: unknown): string {
  if (typeof v === "string") return `'${v.replace(/\\/g, "\\\\").replace(/'/g, "\\'")}'`;
  if (v === null || v === undefined) return "None";
  if (typeof v === "boolean") return v ? "True" : "False";
  return JSON.stringify(v);
}
