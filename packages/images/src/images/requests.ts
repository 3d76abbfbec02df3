import { type CallOptions, encodeSegment, jsonFor, lazy, linkPager, NotFound, notFoundAs, type Paginated, type RaxResponse, sendFor, type ServiceClient, type StreamBody, validate, ValidationError } from "@rax/core";
import type { Readable } from "node:stream";
import * as z from "zod/mini";
import { v2 } from "../api-path";
import { ImageHasNoData, ImageNameNotUnique, NoSuchImage } from "../errors";
import { type Ref, ref } from "../ref";
import {
  type CreateImageInput,
  createImageInput,
  type ImageData,
  imagesBody,
  type ListImagesInput,
  listImagesInput,
  toCreateBody,
  toImage,
  toListQuery,
  type UpdateImageInput,
  updateImageInput,
  wireImage,
} from "./models";

// One function per Glance v2 wire operation: validate → send → refine 404 → plain data.

/** Glance's JSON-patch media type; PATCH with any other Content-Type is a 415. */
export const JSON_PATCH = "application/openstack-images-v2.1-json-patch";

const missing = (id: string) => (e: NotFound) => new NoSuchImage(id, e);
const imagePath = (client: ServiceClient, id: string, rest: string, signal: AbortSignal | undefined) => v2(client, `images/${encodeSegment(id, { field: "image" })}${rest}`, signal);

/** The query of a `next` link (`/v2/images?limit=25&marker=…`), kept whole: it carries the filters. */
function queryOf(href: string): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const [k, v] of new URL(href, "http://glance.invalid").searchParams) (out[k] ??= []).push(v);
  return out;
}

/** GET /v2/images with filters, following each page's `next` link until there is none. */
export function listImages(client: ServiceClient, filters?: ListImagesInput, o: CallOptions = {}): Paginated<ImageData> {
  const f = validate(listImagesInput(), filters, "filters") ?? {};
  const first = { ...toListQuery(f), marker: f.marker };
  return linkPager(
    async (href, want) => {
      const size = f.pageSize === undefined ? want : want === undefined ? f.pageSize : Math.min(f.pageSize, want);
      // pyrax's rule: the part of `next` from `/images` on, relative to the endpoint (Rackspace's
      // links omit the tenant the catalog URL carries).
      const query = href === undefined ? { ...first, limit: size } : queryOf(href);
      const body = await jsonFor(client, { method: "GET", path: await v2(client, "images", o.signal), query, ...o }, [200], imagesBody());
      return { items: body.images, next: body.images.length > 0 ? body.next : undefined };
    },
    { limit: f.limit },
  ).map(toImage);
}

/** GET /v2/images/{id} (a bare image object). */
export async function getImage(client: ServiceClient, image: Ref, o: CallOptions = {}): Promise<ImageData> {
  const id = validate(ref(), image, "image");
  return toImage(await notFoundAs(jsonFor(client, { method: "GET", path: await imagePath(client, id, "", o.signal), ...o }, [200], wireImage()), missing(id)));
}

/** The one image named exactly `name` (Glance's `name` filter is exact); `NoSuchImage` if none, `ImageNameNotUnique` if several. */
export async function findImage(client: ServiceClient, name: string, o: CallOptions = {}): Promise<ImageData> {
  const n = validate(z.string().check(z.regex(/\S/, "must not be blank")), name, "name");
  const matches = (await listImages(client, { name: n }, o).toArray()).filter((i) => i.name === n);
  if (matches.length === 1) return matches[0]!;
  if (matches.length > 1) throw new ImageNameNotUnique(n, matches.map((i) => i.id));
  throw new NoSuchImage(n, { in: client });
}

/** POST /v2/images → 201: a record (status `queued`) to upload data into (OpenStack; Rackspace imports instead). */
export async function createImage(client: ServiceClient, input: CreateImageInput, o: CallOptions = {}): Promise<ImageData> {
  const i = validate(createImageInput(), input, "image");
  return toImage(await jsonFor(client, { method: "POST", path: await v2(client, "images", o.signal), json: toCreateBody(i), ...o }, [201], wireImage()));
}

/**
 * PATCH /v2/images/{id} with a JSON patch (`application/openstack-images-v2.1-json-patch`). As pyrax
 * does, the image is read first: a property it has is `replace`d, a new one `add`ed, and `null`
 * `remove`s one it has — Glance answers 409 to `replace`/`remove` of a missing property (and,
 * per pyrax, older Glance to `add` of an existing one; Glance 25 takes that as a replace).
 */
export async function updateImage(client: ServiceClient, image: Ref, changes: UpdateImageInput, o: CallOptions = {}): Promise<ImageData> {
  const id = validate(ref(), image, "image");
  const c = validate(updateImageInput(), changes, "changes");
  const current = await getImage(client, id, o);
  const ops: { op: string; path: string; value?: unknown }[] = [];
  for (const [key, value] of Object.entries(c)) {
    const path = `/${key.replace(/~/g, "~0").replace(/\//g, "~1")}`;
    const has = key in current.raw && current.raw[key] !== null;
    if (value === null) {
      if (has) ops.push({ op: "remove", path });
    } else ops.push({ op: has ? "replace" : "add", path, value });
  }
  if (ops.length === 0) return current;
  const call = { method: "PATCH", path: await imagePath(client, id, "", o.signal), json: ops, ...o, headers: { ...o.headers, "content-type": JSON_PATCH } };
  return toImage(await notFoundAs(jsonFor(client, call, [200], wireImage()), missing(id)));
}

/** DELETE /v2/images/{id} → 204. */
export async function deleteImage(client: ServiceClient, image: Ref, o: CallOptions = {}): Promise<void> {
  const id = validate(ref(), image, "image");
  await (await notFoundAs(sendFor(client, { method: "DELETE", path: await imagePath(client, id, "", o.signal), ...o }, [204]), missing(id))).dump();
}

const tagInput = lazy(() => z.string().check(z.regex(/\S/, "must not be blank"), z.maxLength(255)));

/**
 * Glance reads the bytes of a URL path as Latin-1 (WSGI), so a tag sent as `/tags/%C3%BC` is stored
 * as "Ã¼" and `?tag=ü` never finds it. ASCII tags go by the tag's own URL; others by a JSON-patch of
 * the whole list (the body is UTF-8 JSON), read just before. So does a tag holding "/": WSGI decodes
 * "%2F" before routing, so `/tags/a%2Fb` would not reach the tag's URL.
 */
const URL_SAFE_TAG = /^[\x20-\x2e\x30-\x7e]*$/;

/** Replaces the image's tags with `edit(current)` by one JSON-patch; `undefined` from `edit` = no change. */
async function patchTags(client: ServiceClient, id: string, edit: (tags: string[]) => string[] | undefined, o: CallOptions): Promise<void> {
  const tags = edit((await getImage(client, id, o)).tags);
  if (tags === undefined) return;
  const call = { method: "PATCH", path: await imagePath(client, id, "", o.signal), json: [{ op: "replace", path: "/tags", value: tags }], ...o, headers: { ...o.headers, "content-type": JSON_PATCH } };
  await (await notFoundAs(sendFor(client, call, [200]), missing(id))).dump();
}

/** PUT /v2/images/{id}/tags/{tag} → 204 (adding a tag the image has is a no-op); a non-ASCII tag by JSON-patch. */
export async function addImageTag(client: ServiceClient, image: Ref, tag: string, o: CallOptions = {}): Promise<void> {
  const id = validate(ref(), image, "image");
  const t = validate(tagInput(), tag, "tag");
  if (!URL_SAFE_TAG.test(t)) return patchTags(client, id, (tags) => (tags.includes(t) ? undefined : [...tags, t]), o);
  await (await notFoundAs(sendFor(client, { method: "PUT", path: await imagePath(client, id, `/tags/${encodeSegment(t, { field: "tag" })}`, o.signal), ...o }, [204]), missing(id))).dump();
}

/**
 * DELETE /v2/images/{id}/tags/{tag} → 204. Glance answers 404 both when the image is missing and
 * when it lacks the tag (the latter with no words of its own): the image is then read, so a missing
 * image is `NoSuchImage` "No such image: <id>" and a missing tag `NoSuchImage` "No image with tag
 * "x" and id …", as a non-ASCII tag (sent by JSON-patch) says too.
 */
export async function removeImageTag(client: ServiceClient, image: Ref, tag: string, o: CallOptions = {}): Promise<void> {
  const id = validate(ref(), image, "image");
  const t = validate(tagInput(), tag, "tag");
  const lacksTag = () => new NoSuchImage(id, { in: client, by: `with tag ${JSON.stringify(t)} and id` });
  if (!URL_SAFE_TAG.test(t)) {
    return patchTags(client, id, (tags) => {
      if (!tags.includes(t)) throw lacksTag();
      return tags.filter((x) => x !== t);
    }, o);
  }
  try {
    await (await sendFor(client, { method: "DELETE", path: await imagePath(client, id, `/tags/${encodeSegment(t, { field: "tag" })}`, o.signal), ...o }, [204])).dump();
  } catch (e) {
    if (!(e instanceof NotFound)) throw e;
    await getImage(client, id, o); // NoSuchImage when the image itself is gone
    throw lacksTag();
  }
}

export type ImageDataBody = string | Uint8Array | StreamBody;

/**
 * PUT /v2/images/{id}/file → 204: the image's bytes, streamed (a Readable, a web stream or an async
 * iterable is read as the socket drains, never held whole). A stream is sent once, never replayed.
 */
export async function uploadImageData(client: ServiceClient, image: Ref, data: ImageDataBody, o: CallOptions & { size?: number } = {}): Promise<void> {
  const id = validate(ref(), image, "image");
  const ok = typeof data === "string" || data instanceof Uint8Array || (data !== null && typeof data === "object" && (Symbol.asyncIterator in data || "getReader" in data || "pipe" in data));
  if (!ok) throw new ValidationError("data", "must be a string, bytes, a readable stream or an async iterable of bytes");
  const size = validate(z.optional(z.int().check(z.gte(0))), o.size, "size");
  const { size: _s, ...call } = o;
  const headers = { ...call.headers, "content-type": "application/octet-stream", ...(size !== undefined ? { "content-length": String(size) } : {}) };
  await (await notFoundAs(sendFor(client, { method: "PUT", path: await imagePath(client, id, "/file", o.signal), body: data, ...call, headers }, [204]), missing(id))).dump();
}

/** What a download gives: the bytes as a stream (read or `destroy()` it), with Glance's checksum. */
export interface ImageDownload {
  body: Readable;
  /** Content-Length, when Glance sent one. */
  size?: number;
  /** Content-MD5 (Glance's `checksum`), to check the bytes against. */
  checksum?: string;
  contentType?: string;
}

/** GET /v2/images/{id}/file → 200, streamed. 204 (no data yet) → `ImageHasNoData`. */
export async function downloadImageData(client: ServiceClient, image: Ref, o: CallOptions = {}): Promise<ImageDownload> {
  const id = validate(ref(), image, "image");
  const res: RaxResponse = await notFoundAs(sendFor(client, { method: "GET", path: await imagePath(client, id, "/file", o.signal), headers: { ...o.headers, accept: "application/octet-stream" }, signal: o.signal, timeout: o.timeout }, [200, 204]), missing(id));
  if (res.status === 204) {
    await res.dump();
    throw new ImageHasNoData(id);
  }
  const length = Number(res.headers["content-length"]);
  return {
    body: res.body,
    ...(Number.isFinite(length) && res.headers["content-length"] !== undefined ? { size: length } : {}),
    ...(res.headers["content-md5"] ? { checksum: res.headers["content-md5"] } : {}),
    ...(res.headers["content-type"] ? { contentType: res.headers["content-type"] } : {}),
  };
}
