import { createHash } from "node:crypto";
import { bodyChunks, bodyIsFramed } from "../request-body";
import { guessContentType } from "./content-type";
import { copyAccount, copyObject, parseCopyPath } from "./object-copy";
import { swiftError } from "./errors";
import { MAX_FILE_SIZE } from "./limits";
import { metaChanges, metaLimitProblem } from "./metadata";
import { isExpired, type Container, type StoredObject } from "./model";
import { objectNameProblem } from "./names";
import { deleteAtFrom, manifestHeaderProblem, storedHeadersFrom } from "./object-headers";
import { putSloManifest } from "./slo";
import type { SwiftRequest } from "./swift-request";
import { createdResponse } from "./object-responses";

export function clientEtag(headers: Headers): string | undefined {
  const value = headers.get("etag");
  return value === null ? undefined : value.trim().replace(/^"(.*)"$/, "$1").toLowerCase();
}

// Swift's config_true_value spellings (swift/common/utils.py TRUE_VALUES).
const TRUE_VALUES = new Set(["true", "1", "yes", "on", "t", "y"]);

/** Content-Type as Swift stores it: the client's, unless absent or X-Detect-Content-Type asks for a guess. */
export function contentTypeFor(headers: Headers, name: string): string {
  const given = headers.get("content-type");
  if (given && !TRUE_VALUES.has(headers.get("x-detect-content-type")?.toLowerCase() ?? "")) return given;
  return guessContentType(name);
}

/** swob's message_length(): one transfer coding, and it must be chunked; a Content-Length must be a number. */
function messageLengthProblem(h: Headers): Response | undefined {
  const te = h.get("transfer-encoding");
  if (te !== null && te !== "") {
    const codings = te.split(",");
    if (codings.length > 1) return swiftError(501, "Unsupported Transfer-Coding header value specified in Transfer-Encoding header");
    if (codings[0]!.trim().toLowerCase() !== "chunked") return swiftError(400, "Invalid Transfer-Encoding header value");
    return undefined;
  }
  const length = h.get("content-length");
  if (length !== null && !/^\s*\d+\s*$/.test(length)) return swiftError(400, "Invalid Content-Length header value");
  return undefined;
}

/** PUT with X-Copy-From (and X-Copy-From-Account): a server-side copy into `containerName/name`. */
export function putCopy(r: SwiftRequest, containerName: string, name: string): Response {
  const h = r.request.headers;
  const source = parseCopyPath(h.get("x-copy-from")!);
  if (!source) return swiftError(412, "X-Copy-From header must be of the form <container name>/<object name>");
  if (Number(h.get("content-length") ?? "0") > 0) return swiftError(400, "Copy requests require a zero byte body");
  const fromAccount = copyAccount(r, "x-copy-from-account");
  if (fromAccount instanceof Response) return fromAccount;
  return copyObject(r, { ...source, ...(fromAccount ? { account: fromAccount } : {}) }, { container: containerName, object: name });
}

/** Object PUT: plain upload, server-side copy (X-Copy-From), or SLO manifest. */
export async function putObject(r: SwiftRequest, container: Container, name: string): Promise<Response> {
  const { request, url } = r;
  const h = request.headers;
  const badName = objectNameProblem(name);
  if (badName) return badName;
  const badLength = messageLengthProblem(h);
  if (badLength) return badLength;

  if (h.get("x-copy-from") !== null) return putCopy(r, container.name, name);

  const deleteAt = deleteAtFrom(h, r.nowSeconds);
  if (deleteAt instanceof Response) return deleteAt;
  const metaProblem = metaLimitProblem(h, "object");
  if (metaProblem) return swiftError(400, metaProblem);
  const manifestProblem = manifestHeaderProblem(h);
  if (manifestProblem) return manifestProblem;

  const ifNoneMatch = h.get("if-none-match");
  if (ifNoneMatch !== null) {
    if (ifNoneMatch.trim() !== "*") return swiftError(400, "If-None-Match only supports *");
    const current = container.objects.get(name);
    if (current && !isExpired(current, r.nowSeconds)) return swiftError(412);
  }

  const declared = h.get("content-length");
  if (!bodyIsFramed(request)) return swiftError(411);
  if (declared !== null && Number(declared) > MAX_FILE_SIZE) return swiftError(413);

  if (url.searchParams.get("multipart-manifest") === "put") return putSloManifest(r, container, name, deleteAt);

  const md5 = createHash("md5");
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of bodyChunks(request)) {
    size += chunk.length;
    if (size > MAX_FILE_SIZE) return swiftError(413);
    md5.update(chunk);
    chunks.push(chunk);
  }
  if (declared !== null && size !== Number(declared)) return swiftError(499);
  const etag = md5.digest("hex");
  const expected = clientEtag(h);
  if (expected !== undefined && expected !== etag) return swiftError(422);

  const obj: StoredObject = {
    name,
    chunks,
    size,
    etag,
    contentType: contentTypeFor(h, name),
    lastModified: r.ctx.state.clock.now(),
    meta: metaChanges(h, "object").set,
    headers: storedHeadersFrom(h),
    ...(deleteAt !== undefined ? { deleteAt } : {}),
  };
  container.objects.set(name, obj);
  return createdResponse(obj, etag);
}
