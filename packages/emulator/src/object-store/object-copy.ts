import { createHash } from "node:crypto";
import { deniedIn, storageAccount } from "./access";
import { assemble, type Assembled } from "./assemble";
import { sliceChunks } from "./body-stream";
import { headerText, pyUnquote } from "./header-text";
import { swiftError } from "./errors";
import { metaChanges, metaLimitProblem } from "./metadata";
import { isExpired, type Account, type StoredObject } from "./model";
import { parseRange, type ByteRange } from "./range";
import { objectNameProblem } from "./names";
import { deleteAtFrom, STORED_OBJECT_HEADERS } from "./object-headers";
import { createdResponse } from "./object-responses";
import type { SwiftRequest } from "./swift-request";
import { httpDate } from "./timestamps";

export interface ObjectRef {
  /** Another account (X-Copy-From-Account / Destination-Account); default the request's. */
  account?: Account;
  container: string;
  object: string;
}

/** The account an X-Copy-From-Account / Destination-Account header names; a Response when it is refused. */
export function copyAccount(r: SwiftRequest, header: string): Account | undefined | Response {
  const value = r.request.headers.get(header);
  if (value === null) return undefined;
  const name = pyUnquote(headerText(value.trim()));
  if (!name || name.includes("/")) return swiftError(412, `${header === "destination-account" ? "Destination-Account" : "X-Copy-From-Account"} header must be a valid account name`);
  return storageAccount(r.ctx, r.target.region, name) ?? swiftError(404);
}

/** `X-Copy-From` / `Destination`: `[/]container/object`, URL-encoded or raw UTF-8. */
export function parseCopyPath(value: string): ObjectRef | undefined {
  const decoded = pyUnquote(headerText(value.trim())).replace(/^\//, "");
  const cut = decoded.indexOf("/");
  if (cut <= 0 || cut === decoded.length - 1) return undefined;
  return { container: decoded.slice(0, cut), object: decoded.slice(cut + 1) };
}

/**
 * Server-side copy. Large objects are copied as their assembled bytes unless
 * `?multipart-manifest=get` asks for the manifest; either way only chunk
 * references are copied, never the bytes themselves.
 */
export function copyObject(r: SwiftRequest, from: ObjectRef, to: ObjectRef): Response {
  const h = r.request.headers;
  const badName = objectNameProblem(to.object);
  if (badName) return badName;
  const fromAccount = from.account ?? r.account;
  const toAccount = to.account ?? r.account;
  // A copy is a read of the source and a write of the destination, each under its account's ACLs.
  const denied = (account: Account, container: string, access: "read" | "write") =>
    r.grant ? (account === r.account ? undefined : swiftError(401)) : deniedIn(r, account, container, access);
  // Swift's copy middleware GETs the source first (so a missing source is 404 whatever the
  // destination allows), then PUTs the destination.
  const readRefused = denied(fromAccount, from.container, "read");
  if (readRefused) return readRefused;
  const source = fromAccount.containers.get(from.container)?.objects.get(from.object);
  if (!source || isExpired(source, r.nowSeconds)) return swiftError(404);
  const writeRefused = denied(toAccount, to.container, "write");
  if (writeRefused) return writeRefused;
  const destination = toAccount.containers.get(to.container);
  if (!destination) return swiftError(404);
  const metaProblem = metaLimitProblem(h, "object");
  if (metaProblem) return swiftError(400, metaProblem);
  const deleteAt = deleteAtFrom(h, r.nowSeconds);
  if (deleteAt instanceof Response) return deleteAt;

  const keepManifest = r.url.searchParams.get("multipart-manifest") === "get";
  let copy: StoredObject;
  let etagHeader: string;
  const now = r.ctx.state.clock.now();
  const fresh = h.get("x-fresh-metadata")?.toLowerCase() === "true";
  const meta = fresh ? new Map<string, string>() : new Map(source.meta);
  for (const [k, v] of metaChanges(h, "object").set) meta.set(k, v);
  const headers = new Map(source.headers);
  for (const name of STORED_OBJECT_HEADERS) {
    const value = h.get(name);
    if (value !== null) headers.set(name, value);
  }
  // The copy keeps the source's expiry (X-Delete-At is system metadata Swift
  // copies along) unless the request sets one or asks for fresh metadata.
  const expiry = deleteAt ?? (fresh ? undefined : source.deleteAt);
  const base = {
    name: to.object,
    contentType: h.get("content-type") ?? source.contentType,
    lastModified: now,
    meta,
    ...(expiry !== undefined ? { deleteAt: expiry } : {}),
  };
  if (source.slo && keepManifest) {
    copy = { ...base, chunks: source.chunks, size: source.size, etag: source.etag, headers, slo: source.slo };
    etagHeader = `"${source.slo.etag}"`;
  } else if (keepManifest && headers.has("x-object-manifest")) {
    // A DLO manifest copied as itself: its own bytes and its X-Object-Manifest.
    copy = { ...base, chunks: source.chunks, size: source.size, etag: source.etag, headers };
    etagHeader = source.etag;
  } else {
    const whole = assemble(fromAccount, from.container, source, r.nowSeconds);
    if (whole instanceof Response) return whole;
    // A Range on the copy request copies only those bytes (Swift: one range).
    const ranges = parseRange(h.get("range"), whole.size);
    if (ranges === "unsatisfiable") return swiftError(416);
    const body = Array.isArray(ranges) && ranges.length === 1 ? sliced(whole, ranges[0]!) : whole;
    const isLarge = Boolean(source.slo) || headers.has("x-object-manifest");
    headers.delete("x-object-manifest");
    let etag = body.etag;
    if (isLarge || body !== whole) {
      const md5 = createHash("md5");
      for (const chunk of body.chunks) md5.update(chunk);
      etag = md5.digest("hex");
    }
    copy = { ...base, chunks: body.chunks, size: body.size, etag, headers };
    etagHeader = etag;
  }
  destination.objects.set(to.object, copy);
  return createdResponse(copy, etagHeader, {
    "x-copied-from": `${encodeURIComponent(from.container)}/${encodeURI(from.object)}`,
    "x-copied-from-last-modified": httpDate(source.lastModified),
    "x-copied-from-account": fromAccount.name,
  });
}

function sliced(body: Assembled, range: ByteRange): Assembled {
  const chunks = sliceChunks(body.chunks, range);
  return { chunks, size: range.end - range.start + 1, etag: body.etag, etagHeader: body.etagHeader };
}
