import { jsonResponse } from "../respond";

/** Zaqar's (and Marconi's) error body: `{"title": …, "description": …}`. */
export function zaqarError(status: number, title: string, description?: string, headers?: Record<string, string>): Response {
  return jsonResponse(status, description === undefined ? { title } : { title, description }, headers);
}

/** A Zaqar error raised deep in a route; the handler turns it into `zaqarError`. */
export class ZaqarFault extends Error {
  constructor(
    readonly status: number,
    readonly title: string,
    readonly description?: string,
    readonly headers?: Record<string, string>,
  ) {
    super(description ?? title);
  }
}

/** 400 "Invalid API request" — Zaqar's wording for a value outside its limits. */
export const invalid = (description: string) => new ZaqarFault(400, "Invalid API request", description);
/** 400 "Invalid request body". */
export const badBody = (description: string) => new ZaqarFault(400, "Invalid request body", description);
/** Falcon's bare 404 for a path no route serves. */
export const noRoute = () => new ZaqarFault(404, "404 Not Found");
export const notFound = (description: string) => new ZaqarFault(404, "Not found", description);
export const methodNotAllowed = (allow: string) => new ZaqarFault(405, "405 Method Not Allowed", undefined, { allow });
