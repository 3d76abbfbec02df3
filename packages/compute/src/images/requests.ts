import { type CallOptions, encodeSegment, jsonFor, lazy, markerPager, type NotFound, notFoundAs, type Paginated, sendFor, type ServiceClient, validate } from "@rax/core";
import * as z from "zod/mini";
import { ITEM_MISSING, NoSuchImage } from "../errors";
import { READ_OK } from "../read-status";
import { metadataInput, metaKey, type Ref, ref } from "../ref";
import { type ImageData, imageBody, imagesBody, type ListImagesInput, listImagesInput, toImage } from "./models";

const missing = (id: string) => (e: NotFound) => new NoSuchImage(id, e);
/** A 404 on one metadata key: Nova says whether the key or the image is missing. */
const missingKey = (id: string) => (e: NotFound) => (ITEM_MISSING.test(e.serverMessage) ? e : new NoSuchImage(id, e));

/**
 * GET /images/detail, page after page. `type` is decided here, row by row (`snapshot`), never sent:
 * Nova hands it to Glance as the `image_type` property compared exactly, where stock Nova's own
 * snapshots say "snapshot" and base images say nothing, so Rackspace's documented `type=SNAPSHOT`
 * / `BASE` matched no image at all on real Nova.
 */
export function listImages(client: ServiceClient, filters?: ListImagesInput, o: CallOptions = {}): Paginated<ImageData> {
  const f = validate(listImagesInput(), filters, "filters") ?? {};
  const query = { name: f.name, status: f.status, server: f.server, "changes-since": f.changesSince };
  const keep = f.type === undefined ? undefined : (i: ImageData) => i.snapshot === (f.type === "SNAPSHOT");
  // The last row kept from a page → the last row Nova sent on it: the next page starts after that.
  const pageEnd = new WeakMap<ImageData, string>();
  return markerPager(
    async (marker, limit) => {
      let after = marker;
      for (;;) {
        const body = await client.json({ method: "GET", path: "images/detail", query: { ...query, limit, marker: after }, ...o, success: READ_OK }, imagesBody());
        const more = body.images_links?.some((l) => l.rel === "next") ?? false;
        const rows = body.images.map(toImage);
        if (!keep) return { items: rows, more };
        const items = rows.filter(keep);
        const last = rows.at(-1);
        // A page with none of the wanted type goes on to the next one: an empty page would end the walk.
        if (items.length === 0 && more && last) {
          after = last.id;
          continue;
        }
        if (last && items.length > 0) pageEnd.set(items.at(-1)!, last.id);
        return { items, more };
      }
    },
    { markerOf: (row) => pageEnd.get(row) ?? row.id, pageSize: f.pageSize, limit: f.limit, marker: f.marker },
  );
}

/** GET /images/{id}. */
export async function getImage(client: ServiceClient, image: Ref, o: CallOptions = {}): Promise<ImageData> {
  const id = validate(ref(), image, "image");
  const body = await notFoundAs(client.json({ method: "GET", path: `images/${encodeSegment(id)}`, ...o, success: READ_OK }, imageBody()), missing(id));
  return toImage(body.image);
}

/** The first image named exactly `name` (pyrax `find_images_by_name` returns them all: see `findAll`). */
export async function findImages(client: ServiceClient, name: string, o: CallOptions = {}): Promise<ImageData[]> {
  const n = validate(z.string().check(z.regex(/\S/, "must not be blank")), name, "name");
  return (await listImages(client, { name: n }, o).toArray()).filter((i) => i.name === n);
}

export async function findImage(client: ServiceClient, name: string, o: CallOptions = {}): Promise<ImageData> {
  const found = (await findImages(client, name, o))[0];
  if (found) return found;
  throw new NoSuchImage(name, { in: client });
}

/** DELETE /images/{id} → 204. */
export async function deleteImage(client: ServiceClient, image: Ref, o: CallOptions = {}): Promise<void> {
  const id = validate(ref(), image, "image");
  await (await notFoundAs(sendFor(client, { method: "DELETE", path: `images/${encodeSegment(id)}`, ...o }, [204]), missing(id))).dump();
}

const metadataBody = lazy(() => z.looseObject({ metadata: z.record(z.string(), z.string()) }));

/** GET /images/{id}/metadata. */
export async function getImageMetadata(client: ServiceClient, image: Ref, o: CallOptions = {}): Promise<Record<string, string>> {
  const id = validate(ref(), image, "image");
  return (await notFoundAs(client.json({ method: "GET", path: `images/${encodeSegment(id)}/metadata`, ...o, success: READ_OK }, metadataBody()), missing(id))).metadata;
}

/** POST /images/{id}/metadata: merges `metadata` into the image's (pyrax `images.set_meta`). */
export async function setImageMetadata(client: ServiceClient, image: Ref, metadata: Record<string, string>, o: CallOptions = {}): Promise<Record<string, string>> {
  const id = validate(ref(), image, "image");
  const m = validate(metadataInput(), metadata, "metadata");
  const call = { method: "POST", path: `images/${encodeSegment(id)}/metadata`, json: { metadata: m }, ...o };
  return (await notFoundAs(jsonFor(client, call, [200], metadataBody()), missing(id))).metadata;
}

/** DELETE /images/{id}/metadata/{key}, once per key (pyrax `images.delete_meta`). */
export async function deleteImageMetadata(client: ServiceClient, image: Ref, keys: string | string[], o: CallOptions = {}): Promise<void> {
  const id = validate(ref(), image, "image");
  const list = validate(z.union([z.pipe(metaKey(), z.transform((k) => [k])), z.array(metaKey())]), keys, "keys");
  for (const key of list) {
    const path = `images/${encodeSegment(id)}/metadata/${encodeSegment(key)}`;
    await (await notFoundAs(sendFor(client, { method: "DELETE", path, ...o }, [204]), missingKey(id))).dump();
  }
}
