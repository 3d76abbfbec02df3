import { createHash } from "node:crypto";
import { sliceChunks } from "./body-stream";
import { headerText, pyUnquote } from "./header-text";
import { swiftError } from "./errors";
import { MAX_LARGE_OBJECT_DEPTH } from "./limits";
import { compareNames, isDataSegment, isExpired, type Account, type StoredObject } from "./model";

/** The bytes a GET of an object serves, as references to stored chunks. */
export interface Assembled {
  chunks: Buffer[];
  size: number;
  /** The ETag header value (quoted for large objects, as Swift sends it). */
  etagHeader: string;
  /** Unquoted, for conditional requests. */
  etag: string;
  /**
   * A read only (`lateFailure`): the byte at which a static large object's segment went missing
   * or changed. `chunks` hold the bytes before it and `size` is still the manifest's whole size.
   */
  failAt?: number;
}

export function dloPointer(obj: StoredObject): { container: string; prefix: string } | undefined {
  const manifest = obj.headers.get("x-object-manifest");
  if (manifest === undefined) return undefined;
  const decoded = pyUnquote(headerText(manifest));
  const cut = decoded.indexOf("/");
  return { container: decoded.slice(0, cut), prefix: decoded.slice(cut + 1) };
}

/**
 * Resolves plain objects, SLO manifests (segments in manifest order, checked
 * against the etags the manifest recorded) and DLO manifests (objects under
 * the prefix, in name order). A segment that went missing or changed is a
 * 409, as on Swift — except, with `lateFailure` (a GET), after the first
 * segment: Swift checks only the first before answering 200, then cuts the
 * body where the bad segment starts (`failAt`).
 */
export function assemble(account: Account, containerName: string, obj: StoredObject, nowSeconds: number, depth = 0, lateFailure = false): Assembled | Response {
  if (depth > MAX_LARGE_OBJECT_DEPTH) return swiftError(409, "Max recursion depth exceeded on large object manifest");
  if (obj.slo) {
    const chunks: Buffer[] = [];
    let size = 0;
    const etag = obj.slo.etag;
    const broken = (problem: Response): Assembled | Response =>
      lateFailure && size > 0 ? { chunks, size: obj.slo!.size, etag, etagHeader: `"${etag}"`, failAt: size } : problem;
    for (const seg of obj.slo.segments) {
      if (isDataSegment(seg)) {
        chunks.push(seg.data);
        size += seg.data.length;
        continue;
      }
      const segObj = account.containers.get(seg.container)?.objects.get(seg.object);
      // Swift logs which segment failed; the client gets its plain 409 page (slo.py: HTTPConflict).
      if (!segObj || isExpired(segObj, nowSeconds)) return broken(swiftError(409));
      const inner = assemble(account, seg.container, segObj, nowSeconds, depth + 1);
      if (inner instanceof Response) return broken(inner);
      if (inner.etag !== seg.etag) return broken(swiftError(409));
      const part = seg.range ? sliceChunks(inner.chunks, seg.range) : inner.chunks;
      chunks.push(...part);
      size += seg.range ? seg.range.end - seg.range.start + 1 : inner.size;
    }
    return { chunks, size, etag: obj.slo.etag, etagHeader: `"${obj.slo.etag}"` };
  }
  const pointer = dloPointer(obj);
  if (pointer) {
    const container = account.containers.get(pointer.container);
    const names = container
      ? [...container.objects.keys()]
          .filter((n) => n.startsWith(pointer.prefix) && !(pointer.container === containerName && n === obj.name))
          .sort(compareNames)
      : [];
    const chunks: Buffer[] = [];
    const etags = createHash("md5");
    let size = 0;
    for (const name of names) {
      const segObj = container!.objects.get(name)!;
      if (isExpired(segObj, nowSeconds)) continue;
      // Swift serves DLO segments as they are; a segment that is itself a DLO is not followed.
      const inner = segObj.slo ? assemble(account, pointer.container, segObj, nowSeconds, depth + 1) : plain(segObj);
      if (inner instanceof Response) return inner;
      chunks.push(...inner.chunks);
      size += inner.size;
      etags.update(inner.etag);
    }
    const etag = etags.digest("hex");
    return { chunks, size, etag, etagHeader: `"${etag}"` };
  }
  return plain(obj);
}

/** The object's own bytes, never resolved as a manifest (a DLO's `?multipart-manifest=get`). */
export function plain(obj: StoredObject): Assembled {
  return { chunks: obj.chunks, size: obj.size, etag: obj.etag, etagHeader: obj.etag };
}
