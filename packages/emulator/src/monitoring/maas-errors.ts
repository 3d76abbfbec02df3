import { randomUUID } from "node:crypto";
import { jsonResponse } from "../respond";

// Cloud Monitoring's error body is flat (monitoring.md "Errors"; errors-and-conventions.md §4):
// {"type":"notFoundError","code":404,"message":"…","details":"…","txnId":"…"} — mimic's int code.

/** An error raised deep in a route; `maasError` writes it. */
export class MaasFault extends Error {
  constructor(
    readonly status: number,
    readonly type: string,
    message: string,
    readonly details = "",
  ) {
    super(message);
  }
}

export function maasError(f: MaasFault): Response {
  return jsonResponse(f.status, { type: f.type, code: f.status, message: f.message, details: f.details, txnId: `.rh-${randomUUID()}` });
}

/** The service's validation failure: `Validation error for key '<key>'` (pyrax matches this text). */
export const invalid = (key: string, details: string) => new MaasFault(400, "badRequest", `Validation error for key '${key}'`, details);
export const notFound = (what: string, id: string) => new MaasFault(404, "notFoundError", `Object does not exist`, `Object "${what}" with key "${id}" does not exist`);
export const parentNotFound = (what: string, id: string) => new MaasFault(404, "parentNotFoundError", `Parent does not exist`, `Object "${what}" with key "${id}" does not exist`);
