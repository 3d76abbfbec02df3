import { StatusFault } from "../openstack-faults";
import { reasonPhrase } from "../reason-phrases";
import { jsonResponse, textResponse } from "../respond";

/**
 * Glance's errors are webob's: JSON `{"message", "code": "404 Not Found", "title"}` when the
 * client accepts JSON, else the plain-text page (`404 Not Found\n\n<message>\n\n   `).
 */
export function glanceError(request: Request, status: number, message: string): Response {
  const title = reasonPhrase(status);
  if ((request.headers.get("accept") ?? "").includes("application/json")) return jsonResponse(status, { message: `${message}<br /><br />\n\n\n`, code: `${status} ${title}`, title });
  return textResponse(status, `${status} ${title}\n\n${message}\n\n   `);
}

/** A Glance error raised deep in a route. */
export class GlanceFault extends StatusFault {}
