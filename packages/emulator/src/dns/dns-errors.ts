import { jsonResponse } from "../respond";

// dns.md "Errors / limits" and errors-and-conventions.md §4: Cloud DNS faults are flat
// `{"message", "code", "details"}`; validation failures `{"validationErrors": {"messages": [...]}, "code": 400}`.

/** A Cloud DNS error raised deep in a route; the handler turns it into its body. */
export class DnsFault extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly details?: string,
  ) {
    super(message);
  }
}

/** 400 with Cloud DNS's validation body (one message per rule broken). */
export class DnsValidation extends Error {
  constructor(readonly messages: string[]) {
    super(messages.join("; "));
  }
}

export function dnsError(status: number, message: string, details?: string): Response {
  return jsonResponse(status, { message, code: status, ...(details !== undefined ? { details } : {}) });
}

export function validationError(messages: string[]): Response {
  return jsonResponse(400, { validationErrors: { messages }, code: 400 });
}

export const notFound = (what: string) => new DnsFault(404, "Not Found", what);
export const badRequest = (details: string) => new DnsFault(400, "Bad Request", details);
