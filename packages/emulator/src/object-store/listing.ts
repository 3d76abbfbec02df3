import { jsonResponse, textResponse, emptyResponse, type HeaderInit } from "../respond";
import { swiftError } from "./errors";
import { CONTAINER_LISTING_LIMIT } from "./limits";
import { compareNames } from "./model";

export interface ListParams {
  limit: number;
  marker: string;
  endMarker: string;
  prefix: string;
  delimiter: string;
  reverse: boolean;
  /** `path=` listing: direct children only, no subdir entries. */
  pathMode: boolean;
}

const TRUE_VALUES = new Set(["true", "1", "yes", "on", "t", "y"]);

/** Parses listing query parameters; a Response means Swift would refuse them. */
export function parseListParams(url: URL): ListParams | Response {
  const q = url.searchParams;
  let limit = CONTAINER_LISTING_LIMIT;
  const rawLimit = q.get("limit");
  // Swift 2.30 ignores a limit that is not a non-negative integer (serves the default).
  if (rawLimit !== null && /^\d+$/.test(rawLimit)) {
    limit = Number(rawLimit);
    if (limit > CONTAINER_LISTING_LIMIT) return swiftError(412, `Maximum limit is ${CONTAINER_LISTING_LIMIT}`);
  }
  let prefix = q.get("prefix") ?? "";
  let delimiter = q.get("delimiter") ?? "";
  const path = q.get("path");
  if (path !== null) {
    prefix = path === "" ? "" : `${path.replace(/\/+$/, "")}/`;
    delimiter = "/";
  }
  return {
    limit,
    marker: q.get("marker") ?? "",
    endMarker: q.get("end_marker") ?? "",
    prefix,
    delimiter,
    reverse: TRUE_VALUES.has((q.get("reverse") ?? "").toLowerCase()),
    pathMode: path !== null,
  };
}

export type ListEntry<T> = { kind: "item"; name: string; item: T } | { kind: "subdir"; name: string };

/**
 * Swift's listing walk: names in byte order after `marker` and before
 * `end_marker`, under `prefix`, rolling names that contain `delimiter` after
 * the prefix into one `subdir` entry (never re-emitting the marker itself).
 */
export function listEntries<T>(items: Map<string, T>, p: ListParams): ListEntry<T>[] {
  const names = [...items.keys()].filter((n) => n.startsWith(p.prefix)).sort(compareNames);
  if (p.reverse) names.reverse();
  const before = (a: string, b: string) => (p.reverse ? compareNames(a, b) > 0 : compareNames(a, b) < 0);
  const out: ListEntry<T>[] = [];
  let skipPrefix: string | undefined;
  for (const name of names) {
    if (out.length >= p.limit) break;
    if (p.marker && !before(p.marker, name)) continue;
    if (p.endMarker && !before(name, p.endMarker)) break;
    if (skipPrefix !== undefined && name.startsWith(skipPrefix)) continue;
    // `path=`: the path's own marker object is left out, and a name ending at the delimiter
    // (a directory marker such as "dir/") is listed as an object, as Swift's container server does.
    if (p.pathMode && name === p.prefix) continue;
    if (p.delimiter) {
      const cut = name.indexOf(p.delimiter, p.prefix.length);
      if (cut >= 0 && !(p.pathMode && cut + p.delimiter.length === name.length)) {
        const subdir = name.slice(0, cut + p.delimiter.length);
        skipPrefix = subdir;
        if (subdir !== p.marker && !p.pathMode) out.push({ kind: "subdir", name: subdir });
        continue;
      }
    }
    out.push({ kind: "item", name, item: items.get(name)! });
  }
  return out;
}

export type ListingFormat = "json" | "xml" | "plain";

/** `?format=` wins; otherwise the Accept header (pyrax relies on Accept: application/json). */
export function listingFormat(request: Request, url: URL): ListingFormat {
  const format = url.searchParams.get("format")?.toLowerCase();
  if (format === "json") return "json";
  if (format === "xml") return "xml";
  if (format !== undefined) return "plain";
  const accept = (request.headers.get("accept") ?? "").toLowerCase();
  if (accept.includes("application/json")) return "json";
  if (accept.includes("application/xml") || accept.includes("text/xml")) return "xml";
  return "plain";
}

function xmlEscape(text: string): string {
  return text.replace(/[<>&"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/**
 * Renders a listing. Swift answers an empty plain-text listing with 204 and
 * an empty JSON/XML listing with 200 and `[]` / an empty element.
 */
export function renderListing<T>(
  request: Request,
  url: URL,
  root: { tag: "account" | "container"; name: string },
  entries: ListEntry<T>[],
  describe: (name: string, item: T) => Record<string, string | number | boolean>,
  headers: HeaderInit,
): Response {
  const format = listingFormat(request, url);
  if (format === "json") {
    return jsonResponse(
      200,
      entries.map((e) => (e.kind === "subdir" ? { subdir: e.name } : describe(e.name, e.item))),
      headers,
    );
  }
  if (format === "xml") {
    const child = root.tag === "account" ? "container" : "object";
    const body = entries
      .map((e) => {
        if (e.kind === "subdir") return `<subdir name="${xmlEscape(e.name)}"><name>${xmlEscape(e.name)}</name></subdir>`;
        const fields = Object.entries(describe(e.name, e.item))
          .map(([k, v]) => `<${k}>${xmlEscape(String(v))}</${k}>`)
          .join("");
        return `<${child}>${fields}</${child}>`;
      })
      .join("");
    const xml = `<?xml version="1.0" encoding="UTF-8"?>\n<${root.tag} name="${xmlEscape(root.name)}">${body}</${root.tag}>`;
    return textResponse(200, xml, headers, "application/xml; charset=utf-8");
  }
  if (entries.length === 0) return emptyResponse(204, { ...headers, "content-type": "text/plain; charset=utf-8" });
  return textResponse(200, entries.map((e) => `${e.name}\n`).join(""), headers);
}
