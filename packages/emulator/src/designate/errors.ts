import { randomUUID } from "node:crypto";
import { jsonResponse } from "../respond";

/** One jsonschema error as Designate renders it (`path` mixes keys and list indexes). */
export interface SchemaError {
  path: Array<string | number>;
  message: string;
  validator: string;
  validator_value: unknown;
}

/**
 * Designate's error body (api/middleware.py FaultWrapperMiddleware):
 * `{"code": 404, "type": "zone_not_found", "message": "Could not find Zone", "request_id": "req-…"}`;
 * schema failures carry `errors: {"errors": [{path, message, validator}]}` instead of a message.
 */
export function designateError(status: number, type: string, message?: string, errors?: SchemaError[]): Response {
  return jsonResponse(status, { code: status, type, ...(message !== undefined ? { message } : {}), ...(errors ? { errors: { errors } } : {}), request_id: `req-${randomUUID()}` });
}

/** A Designate error raised deep in a route; the handler turns it into `designateError`. */
export class DesignateFault extends Error {
  constructor(
    readonly status: number,
    readonly type: string,
    readonly detail?: string,
    readonly errors?: SchemaError[],
  ) {
    super(detail ?? type);
  }
}

/** `InvalidObject` with schema errors: 400 `{"errors": {"errors": [{path, message, validator, validator_value}]}}`. */
export const schemaError = (path: Array<string | number>, message: string, validator: string, validatorValue: unknown) =>
  new DesignateFault(400, "invalid_object", undefined, [{ path, message, validator, validator_value: validatorValue }]);
/** `InvalidObject` from a field's own check (a Python ValueError), as Designate 15 words it. */
export const invalidValue = (reason: string) => new DesignateFault(400, "invalid_object", `Provided object is not valid. Got a ValueError error with message ${reason}`);
/** `InvalidObject` for keys the resource does not have (immutable ones on update included). */
export const invalidKeys = (keys: string[], resource: string) =>
  new DesignateFault(400, "invalid_object", `Provided object does not match schema. Keys [${keys.map((k) => `'${k}'`).join(", ")}] are not valid for ${resource}`);
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
