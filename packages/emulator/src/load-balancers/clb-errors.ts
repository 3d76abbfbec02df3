import { emptyResponse, jsonResponse } from "../respond";

// CLB's fault bodies are flat (reference errors-and-conventions.md §4, "Load Balancers" row; mimic clb_errors.py):
// {"message": "…", "code": N}; validation failures carry {"validationErrors": {"messages": […]}}.

/** A CLB fault raised deep in a route; the handler turns it into `clbError`. */
export class ClbFault extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly validation?: string[],
    readonly schema = false,
  ) {
    super(message);
  }
}

export function clbError(f: ClbFault): Response {
  // 401 has no body (reference §4: "401 has **no body**").
  if (f.status === 401) return emptyResponse(401);
  // Reference §4 "schema" row (mimic invalid_json_schema: bad JSON or unknown fields): the message is a list, no code.
  if (f.schema) return jsonResponse(400, { message: [f.message] });
  if (f.validation) return jsonResponse(400, { validationErrors: { messages: f.validation }, message: "Validation Failure", code: 400, details: "The object is not valid" });
  return jsonResponse(f.status, { message: f.message, code: f.status });
}

/** 400 with `validationErrors.messages` (reference §4 "validation" shape). */
export const invalid = (...messages: string[]) => new ClbFault(400, "Validation Failure", messages);
export const badRequest = (message: string) => new ClbFault(400, message);
/** The body is not JSON, or holds fields CLB does not know. */
export const schemaMismatch = () => new ClbFault(400, "JSON does not match the expected schema", undefined, true);
/** load-balancers.md "Errors": itemNotFound 404 `{"message":"Load balancer not found","code":404}`. */
export const lbNotFound = () => new ClbFault(404, "Load balancer not found");
export const notFound = (what: string) => new ClbFault(404, `${what} not found`);
/** load-balancers.md "Async": a change while not ACTIVE → 422 with this exact message. */
export const immutable = (id: number, status: string) => new ClbFault(422, `Load Balancer '${id}' has a status of '${status}' and is considered immutable.`);
export const overLimit = (message: string) => new ClbFault(413, message);
