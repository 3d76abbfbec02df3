import { emptyResponse, jsonResponse } from "../respond";
import { badRequest, forbidden, notFound } from "./nova-errors";
import { jsonBody, type NovaRequest } from "./nova-request";
import { page } from "./paging";
import { checkMetadata, MethodNotAllowed } from "./servers";
import { imageView, links } from "./views";

/** `/images[/detail]` as Nova proxies Glance: filters name, status, server, type (image_type), changes-since. */
export function listImages(r: NovaRequest, detail: boolean): Response {
  const q = r.url.searchParams;
  let rows = r.region.tenantImages(r.tenantId).sort((a, b) => b.created - a.created || a.name.localeCompare(b.name));
  const name = q.get("name");
  if (name) rows = rows.filter((i) => i.name === name);
  const status = q.get("status");
  if (status) rows = rows.filter((i) => i.status === status.toUpperCase());
  const server = q.get("server");
  if (server) rows = rows.filter((i) => i.serverId === server.replace(/\/+$/, "").split("/").pop());
  // Rackspace documents `type=BASE|SNAPSHOT`; stock Nova hands any value to Glance as the image_type
  // property, compared exactly (no 400 for an unknown one). Both are answered here.
  const type = q.get("type");
  if (type === "BASE" || type === "SNAPSHOT") rows = rows.filter((i) => (type === "SNAPSHOT") === (i.serverId !== undefined));
  else if (type) rows = rows.filter((i) => i.metadata.image_type === type);
  const since = q.get("changes-since");
  if (since !== null) {
    const ms = Date.parse(since);
    if (Number.isNaN(ms)) throw badRequest("Invalid filter field: changes-since.");
    rows = rows.filter((i) => i.updated >= ms);
  }
  const { items, links: next } = page(rows, r.url, (i) => i.id, r.at, detail ? "images/detail" : "images");
  const images = items.map((i) => (detail ? imageView(r.at, i) : { id: i.id, name: i.name, links: links(r.at, "images", i.id) }));
  return jsonResponse(200, { images, ...(next ? { images_links: next } : {}) });
}

export function showImage(r: NovaRequest, id: string): Response {
  const i = r.region.image(r.tenantId, id);
  if (!i) throw notFound("Image not found.");
  return jsonResponse(200, { image: imageView(r.at, i) });
}

/** DELETE /images/{id} → 204; the provider's base images are not the tenant's to delete (403). */
export function deleteImage(r: NovaRequest, id: string): Response {
  const i = r.region.image(r.tenantId, id);
  if (!i) throw notFound("Image not found.");
  if (i.tenantId !== r.tenantId) throw forbidden("You are not allowed to delete the image.");
  r.region.glance.images.delete(id);
  r.region.snapshotReadyAt.delete(id);
  return emptyResponse(204);
}

/** /images/{id}/metadata[/{key}]: the tenant's own images only (base images are read-only, 403). */
export async function imageMetadata(r: NovaRequest, id: string, key: string | undefined): Promise<Response> {
  const shown = r.region.image(r.tenantId, id);
  const img = r.region.glance.images.get(id);
  if (!shown || !img) throw notFound("Image not found.");
  const m = r.request.method;
  if (m === "GET") {
    if (key === undefined) return jsonResponse(200, { metadata: shown.metadata });
    // Nova's words differ from the server metadata's (nova/api/openstack/compute/image_metadata.py).
    if (!(key in shown.metadata)) throw notFound("The resource could not be found.");
    return jsonResponse(200, { meta: { [key]: shown.metadata[key] } });
  }
  if (shown.tenantId !== r.tenantId) throw forbidden("You are not authorized to access the image.");
  const touch = () => {
    img.updated = r.region.now;
  };
  if (m === "DELETE" && key !== undefined) {
    if (!img.props.has(key)) throw notFound("Invalid metadata key");
    img.props.delete(key);
    touch();
    return emptyResponse(204);
  }
  const body = await jsonBody(r);
  if (key === undefined && (m === "POST" || m === "PUT")) {
    const given = checkMetadata(r, body.metadata, "metadata");
    if (m === "PUT") img.props.clear();
    for (const [k, v] of Object.entries(given)) img.props.set(k, v);
    touch();
    return jsonResponse(200, { metadata: r.region.image(r.tenantId, id)!.metadata });
  }
  if (key !== undefined && m === "PUT") {
    const meta = checkMetadata(r, body.meta, "meta");
    if (!(key in meta) || Object.keys(meta).length !== 1) throw badRequest("Request body and URI mismatch");
    img.props.set(key, meta[key]);
    touch();
    return jsonResponse(200, { meta });
  }
  throw new MethodNotAllowed();
}
