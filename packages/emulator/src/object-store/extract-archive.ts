import { createGunzip } from "node:zlib";
import { Readable } from "node:stream";
import { sameArrival } from "../arrival";
import { attachBody, bodyChunks, bodyIsFramed } from "../request-body";
import { standardBody, swiftError } from "./errors";
import { MAX_CONTAINER_NAME_LENGTH, MAX_FILE_SIZE, MAX_OBJECT_NAME_LENGTH } from "./limits";
import type { StorageTarget } from "./target";
import { readTar, TarError } from "./tar-reader";

/** Swift's bulk middleware defaults (`max_failed_extractions`, `max_containers_per_extraction`). */
export const MAX_FAILED_EXTRACTIONS = 1000;
export const MAX_CONTAINERS_PER_EXTRACTION = 10_000;
const MAX_PATH_LENGTH = MAX_OBJECT_NAME_LENGTH + MAX_CONTAINER_NAME_LENGTH + 2;

/** One Swift request through the emulator's own routing (auth included): bulk's subrequests. */
export type Dispatch = (request: Request, url: URL, target: StorageTarget) => Promise<Response>;

const REASONS: Record<number, string> = {
  200: "OK", 201: "Created", 202: "Accepted", 204: "No Content", 400: "Bad Request", 401: "Unauthorized", 403: "Forbidden",
  404: "Not Found", 406: "Not Acceptable", 408: "Request Timeout", 409: "Conflict", 411: "Length Required",
  412: "Precondition Failed", 413: "Request Entity Too Large", 422: "Unprocessable Entity", 499: "Client Disconnect",
  500: "Internal Error", 502: "Bad Gateway", 503: "Service Unavailable",
};
const statusLine = (code: number) => `${code} ${REASONS[code] ?? "Unknown"}`;

/** Raised inside the extraction to end it with this status (swob's HTTPException). */
class Stop extends Error {
  constructor(readonly code: number, readonly body = "") {
    super(body);
  }
}

const ACCEPTABLE = ["text/plain", "application/json", "application/xml", "text/xml"];

/** webob's `best_match` over bulk's formats: the offer with the highest q; none acceptable → undefined. */
export function bestMatch(accept: string | null): string | undefined {
  if (accept === null || accept.trim() === "") return ACCEPTABLE[0];
  let best: string | undefined;
  let bestQ = 0;
  for (const offer of ACCEPTABLE) {
    for (const part of accept.split(",")) {
      const [range, ...params] = part.trim().split(";");
      const q = Number(params.map((p) => p.trim()).find((p) => p.startsWith("q="))?.slice(2) ?? "1");
      const r = (range ?? "").trim().toLowerCase();
      const [type, sub] = offer.split("/");
      const matches = r === offer || r === "*/*" || r === `${type}/*`;
      if (matches && q > bestQ) {
        best = offer;
        bestQ = q;
      }
    }
  }
  return best;
}

/** Python's `urllib.parse.quote(s)` over the WSGI string (the UTF-8 bytes), cut at bulk's path limit first. */
function wsgiQuote(path: Buffer): string {
  let out = "";
  for (const b of path.subarray(0, MAX_PATH_LENGTH)) {
    const c = String.fromCharCode(b);
    out += /[A-Za-z0-9_.\-~/]/.test(c) ? c : `%${b.toString(16).toUpperCase().padStart(2, "0")}`;
  }
  return out;
}

interface Outcome {
  status: string;
  body: string;
  created: number;
  errors: Array<[string, string]>;
}

function render(type: string | undefined, o: Outcome): { text: string; type: string } {
  if (type === "application/json") {
    const q = (s: string) => JSON.stringify(s).replace(/[\u007f-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`);
    const errors = `[${o.errors.map(([n, s]) => `[${q(n)}, ${q(s)}]`).join(", ")}]`;
    return { type, text: `{"Response Status": ${q(o.status)}, "Response Body": ${q(o.body)}, "Number Files Created": ${o.created}, "Errors": ${errors}}` };
  }
  const esc = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
  if (type?.endsWith("/xml")) {
    const text =
      `<extract>\n<number_files_created>${o.created}</number_files_created>\n<response_body>${esc(o.body)}</response_body>\n` +
      `<response_status>${esc(o.status)}</response_status>\n<errors>\n` +
      o.errors.map(([n, s]) => `<object><name>${esc(n)}</name><status>${esc(s)}</status></object>\n`).join("") +
      "</errors>\n</extract>\n";
    return { type, text };
  }
  const text =
    `Number Files Created: ${o.created}\nResponse Body: ${o.body}\nResponse Status: ${o.status}\nErrors:\n` +
    o.errors.map(([n, s]) => `${n}, ${s}\n`).join("");
  return { type: type ?? "text/plain", text };
}

/** PAX xattrs bulk turns into headers: `user.mime_type` → Content-Type, `user.meta.*` → X-Object-Meta-*. */
function paxHeaders(pax: Map<string, string>, into: Headers): void {
  for (const [key, value] of pax) {
    const m = /^(?:SCHILY|LIBARCHIVE)\.xattr\.user\.(.*)$/.exec(key);
    if (!m) continue;
    const attr = m[1] as string;
    // Header values travel as Latin-1 over WSGI: the UTF-8 bytes, one char each.
    const wsgi = Buffer.from(value, "utf8").toString("latin1");
    if (attr === "mime_type") into.set("content-type", wsgi);
    else if (attr.startsWith("meta.")) {
      try {
        into.set(`x-object-meta-${attr.slice(5)}`, wsgi);
      } catch {
        // A name no HTTP header can carry: Swift's subrequest would refuse it; the entry goes without.
      }
    }
  }
}

/**
 * `PUT /v1/<account>[/<container>[/<prefix>]]?extract-archive=tar|tar.gz`: every regular file of
 * the archive becomes an object through its own subrequest (auth, name and size checks as any PUT),
 * containers created as needed. HTTP 200 always; the outcome is in the body's "Response Status",
 * per-entry failures in "Errors" (`[quoted <container>/<object>, status]`).
 */
export async function extractArchive(request: Request, url: URL, target: StorageTarget, dispatch: Dispatch): Promise<Response> {
  const kind = (url.searchParams.get("extract-archive") ?? "").toLowerCase().replace(/^\.+|\.+$/g, "");
  const compress = ({ tar: "", "tar.gz": "gz", "tar.bz2": "bz2" } as Record<string, string>)[kind];
  if (compress === undefined) return swiftError(400, "Unsupported archive format");
  const outType = bestMatch(request.headers.get("accept"));
  const o: Outcome = { status: statusLine(201), body: "", created: 0, errors: [] };
  try {
    if (!outType) throw new Stop(406, "");
    if (!bodyIsFramed(request)) throw new Stop(411, standardBody(411));
    if (compress === "bz2") throw new TarError("bz2 archives are not supported by the emulator");
    await extractEntries(request, url, target, dispatch, compress, o);
  } catch (e) {
    if (e instanceof Stop) {
      o.status = statusLine(e.code);
      o.body = e.body;
    } else if (e instanceof TarError) {
      o.status = statusLine(400);
      o.body = `Invalid Tar File: ${e.message}`;
    } else {
      o.status = statusLine(500);
    }
  }
  const { text, type } = render(outType, o);
  return new Response(text, { status: 200, headers: { "content-type": type } });
}

async function extractEntries(request: Request, url: URL, target: StorageTarget, dispatch: Dispatch, compress: string, o: Outcome): Promise<void> {
  const base = [target.container, target.object].filter((s) => s !== undefined).join("/").replace(/\/+$/, "");
  let source: AsyncIterable<Buffer> = bodyChunks(request);
  if (compress === "gz") source = Readable.from(source).pipe(createGunzip()) as AsyncIterable<Buffer>;
  const accessed = new Set<string>();
  let containersCreated = 0;
  let failedType = 400;
  const token = request.headers.get("x-auth-token");
  const copied: Array<[string, string]> = [];
  request.headers.forEach((v, k) => {
    if (k === "x-delete-at" || k === "x-delete-after" || k.startsWith("x-object-meta-")) copied.push([k, v]);
  });
  // The target is built, not parsed from a URL: a URL would fold "." and ".." segments, which
  // Swift stores as they are ("x/./y.txt").
  const sub = (method: string, container: string, object: string | undefined, headers: Headers, body?: Buffer[]) => {
    const swiftPath = `/v1/${target.account}/${container}${object === undefined ? "" : `/${object}`}`;
    const subUrl = new URL(swiftPath.split("/").map(encodeURIComponent).join("/"), url);
    if (token !== null) headers.set("x-auth-token", token);
    const req = sameArrival(request, new Request(subUrl, { method, headers }));
    if (body) {
      attachBody(
        req,
        (async function* () {
          yield* body;
        })(),
      );
    }
    const t: StorageTarget = { region: target.region, account: target.account, container, swiftPath, ...(object === undefined ? {} : { object }) };
    return dispatch(req, subUrl, t);
  };

  try {
    for await (const item of readTar(source)) {
      if (o.errors.length >= MAX_FAILED_EXTRACTIONS) break;
      if (!(item.type === "0" || item.type === "\0" || item.type === "7")) continue;
      let path = item.name.toString("latin1");
      if (path.startsWith("./")) path = path.slice(2);
      path = path.replace(/^\/+/, "");
      if (base) path = `${base}/${path}`;
      if (!path.includes("/")) continue; // a file at the account's top level
      const bytes = Buffer.from(path, "latin1");
      const quoted = wsgiQuote(bytes);
      const decoded = bytes.toString("utf8");
      if (!Buffer.from(decoded, "utf8").equals(bytes) || decoded.includes("\u0000")) {
        o.errors.push([quoted, statusLine(412)]);
        continue;
      }
      if (item.size > MAX_FILE_SIZE) {
        o.errors.push([quoted, statusLine(413)]);
        continue;
      }
      const container = decoded.slice(0, decoded.indexOf("/"));
      const object = decoded.slice(decoded.indexOf("/") + 1);
      let containerFailure: [string, string] | undefined;
      if (!accessed.has(container)) {
        const head = await sub("HEAD", container, undefined, new Headers());
        if (head.status === 401) throw new Stop(401, standardBody(401));
        if (head.status === 404) {
          const put = await sub("PUT", container, undefined, new Headers());
          if (put.status >= 200 && put.status < 300) {
            containersCreated++;
            if (containersCreated > MAX_CONTAINERS_PER_EXTRACTION)
              throw new Stop(400, `More than ${MAX_CONTAINERS_PER_EXTRACTION} containers to create from tar.`);
          } else {
            if (put.status === 401) throw new Stop(401, standardBody(401));
            containerFailure = [wsgiQuote(Buffer.from(container, "utf8")), statusLine(put.status)];
          }
        } else if (head.status >= 300) {
          containerFailure = [wsgiQuote(Buffer.from(container, "utf8")), statusLine(head.status)];
        }
      }
      const headers = new Headers({ "content-length": String(item.size) });
      for (const [k, v] of copied) headers.set(k, v);
      paxHeaders(item.pax, headers);
      const res = await sub("PUT", container, object, headers, item.data);
      await res.body?.cancel();
      accessed.add(container);
      if (res.status >= 200 && res.status < 300) {
        o.created++;
        continue;
      }
      if (containerFailure) o.errors.push(containerFailure);
      if (res.status === 401) {
        o.errors.push([quoted, statusLine(401)]);
        throw new Stop(401, standardBody(401));
      }
      if (Math.floor(res.status / 100) === 5) failedType = 502;
      o.errors.push([quoted, statusLine(res.status)]);
    }
  } catch (e) {
    // A broken gzip stream is an invalid archive too (Swift catches zlib.error with TarError).
    if (typeof (e as { code?: unknown }).code === "string" && (e as { code: string }).code.startsWith("Z_")) throw new TarError((e as Error).message);
    throw e;
  }
  if (o.errors.length > 0) o.status = statusLine(failedType);
  else if (o.created === 0) {
    o.status = statusLine(400);
    o.body = "Invalid Tar File: No Valid Files";
  }
}
