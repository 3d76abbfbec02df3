import { jsonResponse, textResponse } from "../respond";

/** The tally bulk delete and SLO `multipart-manifest=delete` report. */
export interface BulkResult {
  deleted: number;
  notFound: number;
  errors: Array<[string, string]>;
  /** Set when the whole request was refused (e.g. too many lines). */
  refused?: { status: string; body: string };
}

/**
 * Always HTTP 200: Swift streams this body and reports failure inside it
 * ("Response Status"), in JSON when the client accepts it, else plain text.
 */
export function bulkResponse(request: Request, result: BulkResult): Response {
  const status = result.refused?.status ?? (result.errors.length ? "400 Bad Request" : "200 OK");
  const body = {
    "Number Deleted": result.deleted,
    "Number Not Found": result.notFound,
    "Response Body": result.refused?.body ?? "",
    "Response Status": status,
    Errors: result.errors,
  };
  const accept = (request.headers.get("accept") ?? "").toLowerCase();
  if (accept.includes("application/json")) return jsonResponse(200, body);
  const text =
    `Number Deleted: ${body["Number Deleted"]}\nNumber Not Found: ${body["Number Not Found"]}\n` +
    `Response Body: ${body["Response Body"]}\nResponse Status: ${status}\nErrors:\n` +
    result.errors.map(([name, why]) => `${name}, ${why}\n`).join("");
  return textResponse(200, text);
}
