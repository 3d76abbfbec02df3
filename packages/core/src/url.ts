import { ValidationError } from "./errors";

export type QueryValue = string | number | boolean | undefined | null;
export type Query = Record<string, QueryValue | readonly QueryValue[]>;

// Characters encodeURIComponent leaves as they are (a subset of them: letters, digits, - . _ ~).
const PLAIN_SEGMENT = /^[A-Za-z0-9\-._~]+$/;

/**
 * encodeURIComponent, with a lone surrogate (text cut in the middle of a UTF-16 pair, which has no
 * UTF-8 form) refused as a ValidationError naming `field` instead of a raw URIError.
 */
export function encodeText(s: string, field: string): string {
  // Most query keys and values (format, json, limit, numbers, plain names) are their own encoding.
  if (PLAIN_SEGMENT.test(s)) return s;
  try {
    return encodeURIComponent(s);
  } catch (e) {
    throw new ValidationError(field, "contains a lone surrogate (broken UTF-16), which has no UTF-8 form", { cause: e });
  }
}

/** `url` with `query` appended (undefined values skipped, arrays repeated, RFC 3986 encoding). */
export function withQuery(url: string, query?: Query): string {
  if (!query) return url;
  // Built as one string (no entries/parts arrays): listings add a query to every request.
  let out = "";
  for (const k in query) {
    if (!Object.hasOwn(query, k)) continue;
    const raw = query[k];
    if (raw === undefined || raw === null) continue;
    if (Array.isArray(raw)) {
      for (const v of raw) if (v !== undefined && v !== null) out += `&${encodeText(k, "query")}=${encodeText(String(v), `query.${k}`)}`;
    } else out += `&${encodeText(k, "query")}=${encodeText(String(raw), `query.${k}`)}`;
  }
  if (out === "") return url;
  return url + (url.includes("?") ? "&" : "?") + out.slice(1);
}

export function assertAbsoluteUrl(url: string, field = "url"): URL {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    throw new ValidationError(field, "must be an absolute http(s) URL");
  }
  if (u.protocol !== "http:" && u.protocol !== "https:") throw new ValidationError(field, "must be an absolute http(s) URL");
  return u;
}

const NO_OPTIONS: { keepSlashes?: boolean; field?: string } = {};
const PLAIN_PATH = /^[A-Za-z0-9\-._~/]+$/;
const DOT_SEGMENT = /(?:^|\/)\.\.?(?:\/|$)/;

function refuseDotSegment(s: string, field: string): void {
  // URL parsers (WHATWG, undici) collapse "." and ".." — and their %2E spellings, so encoding
  // cannot save them: `/servers/..` would address the parent path. Refuse before any request.
  if (s === "." || s === "..") throw new ValidationError(field, `${JSON.stringify(s)} cannot be a URL path segment`);
}

/**
 * Percent-encode one path segment. `/` is encoded too unless `keepSlashes` (Swift object names).
 * A `.` or `..` segment, or a lone surrogate, throws `ValidationError` naming `field` (default `"path"`).
 */
export function encodeSegment(segment: string | number, o: { keepSlashes?: boolean; field?: string } = NO_OPTIONS): string {
  const s = String(segment);
  // Most names hold only characters encodeURIComponent keeps: they are their own encoding, and the
  // split/map/join below (run for every object request) is skipped. Dot segments still go the long way.
  if ((o.keepSlashes ? PLAIN_PATH : PLAIN_SEGMENT).test(s) && !DOT_SEGMENT.test(s)) return s;
  const field = o.field ?? "path";
  if (o.keepSlashes)
    return s
      .split("/")
      .map((part) => {
        refuseDotSegment(part, field);
        return encodeText(part, field);
      })
      .join("/");
  refuseDotSegment(s, field);
  return encodeText(s, field);
}

/**
 * `/seg1/seg2/…` with each segment percent-encoded, `/` inside a segment included, so an id or
 * name can never step into another path. For Swift object names, whose `/` is a real path
 * separator, append `encodeSegment(name, { keepSlashes: true })`. A `.` or `..` segment throws
 * `ValidationError` (field `"path"`).
 */
export function encodePath(...segments: (string | number)[]): string {
  return segments.map((s) => `/${encodeSegment(s)}`).join("");
}

/** endpoint + path, with exactly one `/` between them. */
export function joinUrl(endpoint: string, path: string): string {
  if (!path) return endpoint;
  const base = endpoint.endsWith("/") ? endpoint.slice(0, -1) : endpoint;
  return path.startsWith("/") ? base + path : `${base}/${path}`;
}
