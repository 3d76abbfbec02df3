import { swiftError, swiftHtmlReason } from "./errors";
import { headerText, pyUnquote } from "./header-text";

/** Headers an object keeps alongside its metadata (object POST replaces them all). */
export const STORED_OBJECT_HEADERS = [
  "content-disposition",
  "content-encoding",
  "cache-control",
  "content-language",
  "expires",
  "x-robots-tag",
  "x-object-manifest",
] as const;

export function storedHeadersFrom(headers: Headers): Map<string, string> {
  const out = new Map<string, string>();
  for (const name of STORED_OBJECT_HEADERS) {
    const value = headers.get(name);
    if (value !== null && value !== "") out.set(name, value);
  }
  return out;
}

const MAX_DELETE_AT = 9_999_999_999;

/** X-If-Delete-At on DELETE: a Response when it is not a timestamp (400) or not the object's X-Delete-At (412). */
export function ifDeleteAtProblem(headers: Headers, deleteAt: number | undefined): Response | undefined {
  const value = headers.get("x-if-delete-at");
  if (value === null) return undefined;
  // The object server's answers: plain text labelled text/html, as real Swift sends them.
  if (!/^\s*\d+(\.\d+)?\s*$/.test(value)) return swiftHtmlReason(400, "Bad X-If-Delete-At header value");
  if (Math.floor(Number(value)) !== (deleteAt ?? 0)) return swiftHtmlReason(412, "X-If-Delete-At and X-Delete-At do not match");
  return undefined;
}

/** X-Delete-At / X-Delete-After → epoch seconds; a Response is Swift's 400. */
export function deleteAtFrom(headers: Headers, nowSeconds: number): number | undefined | Response {
  const at = headers.get("x-delete-at");
  const after = headers.get("x-delete-after");
  if (after !== null) {
    if (!/^-?\d+$/.test(after.trim())) return swiftError(400, "Non-integer X-Delete-After");
    const seconds = Number(after.trim());
    if (seconds <= 0) return swiftError(400, "X-Delete-After in past");
    return nowSeconds + seconds;
  }
  if (at !== null) {
    if (!/^\d+$/.test(at.trim())) return swiftError(400, "Non-integer X-Delete-At");
    // Swift clamps to the largest timestamp it can store (normalize_delete_at_timestamp).
    const when = Math.min(Number(at.trim()), MAX_DELETE_AT);
    if (when <= nowSeconds) return swiftError(400, "X-Delete-At in past");
    return when;
  }
  return undefined;
}

/** Swift's X-Object-Manifest must name `container/prefix`. */
export function manifestHeaderProblem(headers: Headers): Response | undefined {
  const value = headers.get("x-object-manifest");
  if (value === null) return undefined;
  const decoded = pyUnquote(headerText(value));
  const cut = decoded.indexOf("/");
  if (cut <= 0 || decoded.startsWith("/")) return swiftError(400, "X-Object-Manifest must be in the format container/prefix");
  return undefined;
}
