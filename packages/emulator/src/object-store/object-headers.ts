import { swiftError } from "./errors";
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
    const when = Number(at.trim());
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
