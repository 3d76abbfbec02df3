import { jsonResponse, textResponse } from "../respond";

const TITLES: Record<number, string> = {
  400: "Bad Request",
  401: "Unauthorized",
  403: "Forbidden",
  404: "Not Found",
  405: "Method Not Allowed",
  409: "Conflict",
  413: "Request Entity Too Large",
  415: "Unsupported Media Type",
};

/**
 * Glance's errors are webob's: JSON `{"message", "code": "404 Not Found", "title"}` when the
 * client accepts JSON, else the plain-text page (`404 Not Found\n\n<message>\n\n   `).
 */
export function glanceError(request: Request, status: number, message: string): Response {
  const title = TITLES[status] ?? "Error";
  if ((request.headers.get("accept") ?? "").includes("application/json")) return jsonResponse(status, { message: `${message}<br /><br />\n\n\n`, code: `${status} ${title}`, title });
  return textResponse(status, `${status} ${title}\n\n${message}\n\n   `);
}

/** A Glance error raised deep in a route. */
export class GlanceFault extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}
