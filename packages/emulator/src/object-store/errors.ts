import { textResponse } from "../respond";

const STANDARD: Record<number, [string, string]> = {
  400: ["Bad Request", "The server could not comply with the request since it is either malformed or otherwise incorrect."],
  401: ["Unauthorized", "This server could not verify that you are authorized to access the document you requested."],
  403: ["Forbidden", "Access was denied to this resource."],
  404: ["Not Found", "The resource could not be found."],
  405: ["Method Not Allowed", "The method is not allowed for this resource."],
  409: ["Conflict", "There was a conflict when trying to complete your request."],
  411: ["Length Required", "Length Required"],
  412: ["Precondition Failed", "A precondition for this request was not met."],
  413: ["Request Entity Too Large", "The body of your request was too large for this server."],
  416: ["Requested Range Not Satisfiable", "The Range requested is not available."],
  422: ["Unprocessable Entity", "Unable to process the contained instructions"],
  // Cloud Files CDN's answer to a purge past its daily limit (not Swift's; the CDN shares these pages).
  498: ["Rate Limited", "Rate Limited"],
  499: ["Client Disconnect", "The client was disconnected during request."],
  500: ["Internal Error", "The server has either erred or is incapable of performing the requested operation."],
};

const HTML = "text/html; charset=UTF-8";

/**
 * Swift answers errors with a small HTML page, or with a plain-text reason
 * for validation failures ("Object name length of 1025 longer than 1024").
 */
export function swiftError(status: number, reason?: string): Response {
  if (reason !== undefined) return textResponse(status, reason);
  return textResponse(status, standardBody(status), undefined, HTML);
}

/** A reason Swift labels text/html although it is plain text (its container-name check does). */
export function swiftHtmlReason(status: number, reason: string): Response {
  return textResponse(status, reason, undefined, HTML);
}

export function standardBody(status: number): string {
  const [title, text] = STANDARD[status] ?? ["Error", "Error"];
  return `<html><h1>${title}</h1><p>${text}</p></html>`;
}
