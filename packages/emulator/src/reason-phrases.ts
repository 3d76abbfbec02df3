// The phrases Python's HTTP stack (http.client, webob) gives statuses: Keystone's error titles and Glance's error pages.
const PHRASES: Record<number, string> = {
  400: "Bad Request",
  401: "Unauthorized",
  403: "Forbidden",
  404: "Not Found",
  405: "Method Not Allowed",
  409: "Conflict",
  413: "Request Entity Too Large",
  415: "Unsupported Media Type",
};

/** The status's reason phrase, or "Error" for one these services never title. */
export const reasonPhrase = (status: number): string => PHRASES[status] ?? "Error";
