import { Forbidden, NotFound } from "@rax/core";
import { fromWire } from "../metadata-headers";
import { objectPath } from "../names";
import { type ObjectInfo, objectInfoFrom } from "../objects/models";
import { OK } from "../success-status";
import { storage, type SwiftClient } from "../swift-client";

// Swift's config_true_value: the spellings that make X-Detect-Content-Type ask for a guess.
const TRUE = new Set(["true", "1", "yes", "on", "t", "y"]);

/**
 * The content type Swift stored, for an object just written with `headers`. When the upload named
 * one, that is what Swift keeps, so no request is made. When it did not (or asked Swift to detect
 * one), Swift guessed from the name with its own mimetypes table, which the PUT's answer does not
 * carry (its Content-Type describes the answer's body): one HEAD reads it, as pyrax's
 * `store_object` did. The HEAD is believed only if it shows the object this upload wrote (same
 * ETag and Last-Modified); an object replaced in between, not yet visible, or not readable by this
 * user leaves `contentType` undefined rather than reporting someone else's or failing a done upload.
 * `info` must be the caller's own, just made (writeObject's answer): it may be completed in place.
 */
export async function withStoredContentType(
  client: SwiftClient,
  info: ObjectInfo,
  headers: Record<string, string>,
  signal?: AbortSignal,
): Promise<ObjectInfo> {
  const sent = headers["content-type"];
  const detect = TRUE.has((headers["x-detect-content-type"] ?? "").toLowerCase());
  // Swift guesses for an empty Content-Type too (`not req.headers.get('content-type')`).
  if (sent !== undefined && sent !== "" && !detect) {
    const at = headers["x-delete-at"];
    // `info` is writeObject's, made for this call and not yet seen by anyone: completed in place
    // rather than copied (this branch runs on every store that names its type).
    info.contentType = fromWire(sent);
    if (at !== undefined) info.deleteAt = Number(at);
    return info;
  }
  let head;
  try {
    const res = await storage(client, { method: "HEAD", ok: OK.headObject, path: objectPath(info.containerName, info.name), signal });
    await res.dump();
    head = objectInfoFrom(info.containerName, info.name, res);
  } catch (e) {
    // Stored, but not visible to this read — not yet (404), or not to this user (403: a
    // container ACL may grant writes and no reads): the upload stands, the type stays unknown.
    if (e instanceof NotFound || e instanceof Forbidden) return { ...info, contentType: undefined };
    throw e;
  }
  if (!sameWrite(info, head)) return { ...info, contentType: undefined };
  return { ...info, contentType: head.contentType, deleteAt: head.deleteAt };
}

/**
 * Whether `head` shows the object the upload wrote. A dynamic large object's HEAD describes its
 * joined segments (their ETag, possibly a later Last-Modified), not the empty manifest PUT, so
 * only its kind can be compared.
 */
function sameWrite(written: ObjectInfo, head: ObjectInfo): boolean {
  if (written.largeObject === "dlo") return head.largeObject === "dlo";
  return head.etag === written.etag && head.lastModified === written.lastModified;
}
