import { InvalidResponse, type RaxResponse } from "@rax/core";

/**
 * What Swift's bulk middleware answers to `PUT …?extract-archive=tar` with `Accept:
 * application/json`: HTTP 200 from the start (whitespace keeps the connection alive while it
 * works), then one JSON object. The outcome is its "Response Status": a 200 can carry "400 Bad
 * Request" (some entries failed) or "401 Unauthorized" (it stopped).
 */
export interface ArchiveResult {
  /** "Number Files Created". */
  created: number;
  /** "Response Status", e.g. "201 Created", "400 Bad Request", "502 Bad Gateway". */
  status: string;
  /** "Response Body": why the whole archive failed ("Invalid Tar File: …"), else "". */
  body: string;
  /** "Errors": [URL-quoted `<container>/<object>` (cut at Swift's name limit), status] per failed entry. */
  errors: Array<[string, string]>;
}

/** Whether "Response Status" is a 2xx. */
export const archiveSucceeded = (r: ArchiveResult): boolean => /^2\d\d\b/.test(r.status);

/** Parse the extract-archive answer; a body that is not that JSON object is `InvalidResponse`. */
export function parseArchiveResult(res: Pick<RaxResponse, "status" | "url" | "requestId">, text: string): ArchiveResult {
  const invalid = (why: string) =>
    new InvalidResponse({ status: res.status, method: "PUT", url: res.url, snippet: text.trim().slice(0, 200), requestId: res.requestId }, why);
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    throw invalid("extract-archive returned no JSON result");
  }
  if (raw === null || typeof raw !== "object" || Array.isArray(raw)) throw invalid("extract-archive result is not a JSON object");
  const o = raw as Record<string, unknown>;
  const status = o["Response Status"];
  if (typeof status !== "string") throw invalid('extract-archive result has no "Response Status"');
  const created = o["Number Files Created"];
  const errors: Array<[string, string]> = [];
  if (o.Errors !== undefined && o.Errors !== null) {
    if (!Array.isArray(o.Errors)) throw invalid('extract-archive result\'s "Errors" is not a list');
    for (const e of o.Errors) {
      if (!Array.isArray(e) || e.length < 2) throw invalid('extract-archive result\'s "Errors" holds an entry that is not [name, status]');
      errors.push([String(e[0]), String(e[1])]);
    }
  }
  return {
    created: typeof created === "number" ? created : 0,
    status,
    body: typeof o["Response Body"] === "string" ? o["Response Body"] : "",
    errors,
  };
}

/**
 * Map "Errors" names back to object names: Swift reports `<container>/<object>` URL-quoted and cut
 * at its name limit, so a cut name is matched as the quoted prefix of exactly one entry. Errors that
 * name no entry (a container failure) are returned in `other`.
 */
export function errorsByName(
  container: string,
  names: readonly string[],
  errors: ReadonlyArray<readonly [string, string]>,
): { byName: Map<string, string>; other: Array<[string, string]> } {
  const byName = new Map<string, string>();
  const other: Array<[string, string]> = [];
  const wanted = new Set(names);
  let quoted: Array<[string, string]> | undefined;
  for (const [raw, status] of errors) {
    let decoded: string | undefined;
    try {
      decoded = decodeURIComponent(raw);
    } catch {
      decoded = undefined;
    }
    const base = `${container}/`;
    const name = decoded?.startsWith(base) ? decoded.slice(base.length) : undefined;
    if (name !== undefined && wanted.has(name)) {
      byName.set(name, status);
      continue;
    }
    quoted ??= names.map((n) => [quote(`${container}/${n}`), n]);
    const hits = quoted.filter(([q]) => q.startsWith(raw));
    if (hits.length === 1) byName.set((hits[0] as [string, string])[1], status);
    else other.push([raw, status]);
  }
  return { byName, other };
}

/** Python's `urllib.parse.quote` with its default safe "/": what Swift's `wsgi_quote` writes. */
function quote(s: string): string {
  return encodeURIComponent(s).replace(/%2F/g, "/").replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}
