function etagList(header: string): string[] {
  return header.split(",").map((t) => t.trim().replace(/^W\//, "").replace(/^"(.*)"$/, "$1"));
}

function parseHttpDate(header: string | null): number | undefined {
  if (!header) return undefined;
  const ms = Date.parse(header);
  return Number.isNaN(ms) ? undefined : ms;
}

/**
 * If-Match / If-None-Match / If-(Un)Modified-Since for an object read.
 * Returns 304 or 412 when the condition short-circuits the request.
 */
export function conditionalStatus(request: Request, etag: string, lastModifiedMs: number): 304 | 412 | undefined {
  const h = request.headers;
  const read = request.method === "GET" || request.method === "HEAD";
  const lastModifiedSec = Math.ceil(lastModifiedMs / 1000);
  const ifMatch = h.get("if-match");
  if (ifMatch !== null) {
    const tags = etagList(ifMatch);
    if (!tags.includes("*") && !tags.includes(etag)) return 412;
  }
  const ifNoneMatch = h.get("if-none-match");
  if (ifNoneMatch !== null) {
    const tags = etagList(ifNoneMatch);
    if (tags.includes("*") || tags.includes(etag)) return read ? 304 : 412;
  } else if (read) {
    const since = parseHttpDate(h.get("if-modified-since"));
    if (since !== undefined && lastModifiedSec * 1000 <= since) return 304;
  }
  const unmodified = parseHttpDate(h.get("if-unmodified-since"));
  if (unmodified !== undefined && lastModifiedSec * 1000 > unmodified) return 412;
  return undefined;
}
