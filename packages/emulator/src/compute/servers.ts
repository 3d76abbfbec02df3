import { randomBytes } from "node:crypto";
import { emptyResponse, jsonResponse } from "../respond";
import type { ServerRecord } from "./model";
import { badRequest, forbidden, notFound } from "./nova-errors";
import { invalid, isObject, jsonBody, member, type NovaRequest } from "./nova-request";
import { page } from "./paging";
import { PUBLIC_NET, SERVICE_NET } from "./seed-data";
import { INVALID_SERVER_NAME, isPrintableNovaName } from "./server-name";
import { iso, partialServerView, serverSummary, serverView } from "./views";

/** `/servers[/detail]`: list, filtered as Nova filters, newest first. */
export function listServers(r: NovaRequest, detail: boolean): Response {
  const q = r.url.searchParams;
  const since = q.get("changes-since");
  let sinceMs: number | undefined;
  if (since !== null) {
    sinceMs = Date.parse(since);
    if (Number.isNaN(sinceMs)) throw badRequest("Invalid filter field: changes-since.");
  }
  const now = r.region.now;
  const all = r.region.tenantServers(r.tenantId);
  let rows = all.filter((s) => {
    const gone = s.goneAt !== undefined && s.goneAt <= now;
    if (sinceMs !== undefined) return s.updated >= sinceMs || (s.deletedAt ?? -1) >= sinceMs;
    return !gone;
  });
  const name = q.get("name");
  if (name) rows = rows.filter((s) => nameMatches(name, s.name));
  const status = q.get("status");
  if (status) rows = rows.filter((s) => (s.goneAt !== undefined && s.goneAt <= now ? "DELETED" : s.status) === status.toUpperCase());
  const image = q.get("image");
  if (image) rows = rows.filter((s) => s.imageId === lastSegment(image));
  const flavor = q.get("flavor");
  if (flavor) rows = rows.filter((s) => s.flavorId === lastSegment(flavor));
  const { items, links } = page(rows, r.url, (s) => s.id, r.at, detail ? "servers/detail" : "servers", all);
  const servers = items.map((s) => (detail ? serverView(r.region, r.at, s) : serverSummary(r.at, s)));
  return jsonResponse(200, { servers, ...(links ? { servers_links: links } : {}) });
}

/** Nova matches `name` as a regular expression (re.search); a pattern that does not compile matches literally. */
function nameMatches(pattern: string, name: string): boolean {
  try {
    return new RegExp(pattern).test(name);
  } catch {
    return name.includes(pattern);
  }
}

const UUID = /^[0-9a-f]{8}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{12}$/i;

const lastSegment = (ref: string) => ref.replace(/\/+$/, "").split("/").pop() ?? ref;

export function showServer(r: NovaRequest, id: string): Response {
  return jsonResponse(200, { server: serverView(r.region, r.at, r.region.requireServer(r.tenantId, id)) });
}

/** POST /servers → 202 `{server: {id, links, adminPass, OS-DCF:diskConfig, security_groups}}` + Location. */
export async function createServer(r: NovaRequest): Promise<Response> {
  const body = await jsonBody(r);
  const s = member(body, "server");
  const name = s.name;
  if (typeof name !== "string" || name.length < 1 || name.length > 255) throw invalid("name", `${JSON.stringify(name)}. must be a non-empty string of at most 255 characters`);
  if (!isPrintableNovaName(name)) throw badRequest(INVALID_SERVER_NAME);
  const bootFromVolume = Array.isArray(s.block_device_mapping_v2) || Array.isArray(s.block_device_mapping);
  const imageRef = typeof s.imageRef === "string" ? lastSegment(s.imageRef) : undefined;
  if (!imageRef && !bootFromVolume) throw badRequest("Missing imageRef attribute");
  if (imageRef && !UUID.test(imageRef)) throw invalid("imageRef", `${imageRef}. '${imageRef}' is not a 'uuid'`);
  if (s.flavorRef === undefined) throw invalid("flavorRef", "'flavorRef' is a required property");
  const metadata = checkMetadata(r, s.metadata ?? {}, "metadata");
  checkPersonality(r, s.personality);
  const diskConfig = s["OS-DCF:diskConfig"] ?? "AUTO";
  if (diskConfig !== "AUTO" && diskConfig !== "MANUAL") throw invalid("OS-DCF:diskConfig", `${JSON.stringify(diskConfig)} is not one of ['AUTO', 'MANUAL']`);
  if (s.user_data !== undefined && (typeof s.user_data !== "string" || !isBase64(s.user_data) || s.user_data.length > 65_535)) throw badRequest("Userdata content cannot be decoded");
  if (s.key_name !== undefined && s.key_name !== null) {
    const key = r.region.keypairs.get(keypairKey(r.userId, String(s.key_name)));
    if (!key) throw badRequest("Invalid key_name provided.");
  }
  if (imageRef) {
    const image = r.region.image(r.tenantId, imageRef);
    if (!image) throw badRequest("Can not find requested image");
    if (image.status !== "ACTIVE") throw badRequest(`Image ${imageRef} is not active.`);
  }
  const flavor = r.compute.flavor(String(s.flavorRef).replace(/^.*\//, ""));
  if (!flavor) throw badRequest("Invalid flavorRef provided.");
  const networks = checkNetworks(s.networks);
  const count = typeof s.max_count === "number" && s.max_count > 1 ? Math.floor(s.max_count) : 1;
  const used = r.region.tenantServers(r.tenantId).filter((x) => x.deletedAt === undefined).length;
  if (used + count > r.compute.quotas.maxTotalInstances)
    throw forbidden(`Quota exceeded for instances: Requested ${count}, but already used ${used} of ${r.compute.quotas.maxTotalInstances} instances`);
  const adminPass = typeof s.adminPass === "string" && s.adminPass ? s.adminPass : randomBytes(9).toString("base64url");
  const now = r.region.now;
  let first: ServerRecord | undefined;
  for (let i = 1; i <= count; i++) {
    // Rackspace's mock (mimic) reads these: `server_building` = seconds in BUILD, `server_error` = fail the build.
    const building = Number(metadata.server_building);
    const ms = Number.isFinite(building) && metadata.server_building !== undefined ? building * 1000 : r.compute.timings.build;
    const failure = metadata.server_error;
    const done =
      failure !== undefined
        ? { status: "ERROR", vmState: "error", fault: { code: 500, message: failure && failure !== "1" && failure !== "true" ? failure : "No valid host was found. There are not enough hosts available.", created: iso(now + ms) } }
        : { status: "ACTIVE", vmState: "active" };
    const server = r.region.launch(
      {
        name: count > 1 ? `${name}-${i}` : name,
        tenantId: r.tenantId,
        userId: r.userId,
        imageId: imageRef ?? "",
        flavorId: flavor.id,
        metadata: { ...metadata },
        keyName: typeof s.key_name === "string" ? s.key_name : null,
        diskConfig: diskConfig as "AUTO" | "MANUAL",
        availabilityZone: typeof s.availability_zone === "string" && s.availability_zone ? s.availability_zone : "nova",
        securityGroups: Array.isArray(s.security_groups) ? s.security_groups.filter(isObject).map((g) => ({ name: String(g.name) })) : [{ name: "default" }],
        configDrive: s.config_drive === true || s.config_drive === "true" || s.config_drive === "True",
      },
      networks,
      ms,
      done,
    );
    first ??= server;
  }
  const created = first!;
  const self = `${r.at.base}/${r.at.version}/${r.tenantId}/servers/${created.id}`;
  const securityGroups = Array.isArray(s.security_groups) ? s.security_groups : [{ name: "default" }];
  return jsonResponse(
    202,
    { server: { id: created.id, links: [{ href: self, rel: "self" }, { href: `${r.at.base}/${r.tenantId}/servers/${created.id}`, rel: "bookmark" }], adminPass, "OS-DCF:diskConfig": created.diskConfig, security_groups: securityGroups } },
    { location: self },
  );
}

function checkNetworks(networks: unknown): string[] | undefined {
  if (networks === undefined) return undefined;
  if (!Array.isArray(networks)) throw invalid("networks", "must be an array");
  return networks.map((n, i) => {
    if (!isObject(n)) throw invalid(`networks/${i}`, "must be an object");
    const uuid = n.uuid ?? n.port;
    if (typeof uuid !== "string" || !/^[0-9a-f-]{8,}$/i.test(uuid)) throw badRequest(`Bad networks format: network uuid is not in proper format (${String(uuid)})`);
    return uuid;
  });
}

function isBase64(s: string): boolean {
  return /^[A-Za-z0-9+/\r\n]*={0,2}$/.test(s);
}

/** Nova's metadata rules: string keys 1–255, string values ≤ 255, at most `maxServerMeta` items (403 beyond). */
export function checkMetadata(r: NovaRequest, value: unknown, field: string, existing = 0): Record<string, string> {
  if (!isObject(value)) throw invalid(field, `${JSON.stringify(value)} is not of type 'object'`);
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(value)) {
    if (k.length < 1 || k.length > 255) throw invalid(field, `key '${k}' must be 1 to 255 characters`);
    if (typeof v !== "string") throw invalid(`${field}/${k}`, `${JSON.stringify(v)} is not of type 'string'`);
    if (v.length > 255) throw invalid(`${field}/${k}`, "is longer than 255 characters");
    out[k] = v;
  }
  const max = r.compute.quotas.maxServerMeta;
  if (existing + Object.keys(out).length > max) throw forbidden(`Quota exceeded for metadata_items: Requested ${Object.keys(out).length}, but already used ${existing} of ${max} metadata_items`);
  return out;
}

/** Nova's personality rules, at create and rebuild: at most `maxPersonality` files, paths ≤ 255, base64 contents ≤ `maxPersonalitySize`. */
export function checkPersonality(r: NovaRequest, value: unknown): void {
  if (value === undefined) return;
  if (!Array.isArray(value)) throw invalid("personality", "is not of type 'array'");
  const q = r.compute.quotas;
  if (value.length > q.maxPersonality) throw forbidden("Personality file limit exceeded");
  for (const f of value) {
    if (!isObject(f) || typeof f.path !== "string" || typeof f.contents !== "string") throw invalid("personality", "each file needs a path and contents");
    if (f.path.length > 255) throw forbidden("Personality file path exceeds maximum 255");
    if (!isBase64(f.contents)) throw badRequest(`Personality content for ${f.path} cannot be decoded`);
    if (Buffer.from(f.contents, "base64").length > q.maxPersonalitySize) throw forbidden(`Personality file content exceeds maximum ${q.maxPersonalitySize}`);
  }
}

export const keypairKey = (userId: string, name: string) => `${userId}\u0000${name}`;

/** PUT /servers/{id}: name (and access IPs). */
export async function updateServer(r: NovaRequest, id: string): Promise<Response> {
  const s = r.region.requireServer(r.tenantId, id);
  const u = member(await jsonBody(r), "server");
  for (const key of Object.keys(u)) if (!["name", "accessIPv4", "accessIPv6", "OS-DCF:diskConfig"].includes(key)) throw invalid("server", `Additional properties are not allowed ('${key}' was unexpected)`);
  if (u.name !== undefined) {
    if (typeof u.name !== "string" || u.name.length < 1 || u.name.length > 255) throw invalid("name", JSON.stringify(u.name));
    if (!isPrintableNovaName(u.name)) throw badRequest(INVALID_SERVER_NAME);
    s.name = u.name;
  }
  if (typeof u.accessIPv4 === "string") s.accessIPv4 = u.accessIPv4;
  if (typeof u.accessIPv6 === "string") s.accessIPv6 = u.accessIPv6;
  s.updated = r.region.now;
  // Below microversion 2.75 (the only one here) Nova answers a PUT with its partial view.
  return jsonResponse(200, { server: partialServerView(r.region, r.at, s) });
}

/** DELETE /servers/{id} → 204; the server lingers in task_state "deleting" for `timings.delete`. */
export function deleteServer(r: NovaRequest, id: string): Response {
  const s = r.region.requireServer(r.tenantId, id);
  if (s.deletedAt === undefined) {
    const now = r.region.now;
    s.deletedAt = now;
    s.goneAt = now + r.compute.timings.delete;
    s.updated = now;
    s.pending = undefined;
  }
  return emptyResponse(204);
}

export function serverIps(r: NovaRequest, id: string, label?: string): Response {
  const s = r.region.requireServer(r.tenantId, id);
  if (label === undefined) return jsonResponse(200, { addresses: s.addresses });
  const list = s.addresses[label];
  if (!list) throw notFound("Instance is not a member of specified network");
  return jsonResponse(200, { [label]: list });
}

/** /servers/{id}/metadata[/{key}]. */
export async function serverMetadata(r: NovaRequest, id: string, key: string | undefined): Promise<Response> {
  const s = r.region.requireServer(r.tenantId, id);
  const method = r.request.method;
  if (key === undefined) {
    if (method === "GET") return jsonResponse(200, { metadata: s.metadata });
    const body = await jsonBody(r);
    if (method === "POST") {
      const add = checkMetadata(r, body.metadata, "metadata");
      const merged = { ...s.metadata, ...add };
      checkMetadata(r, merged, "metadata");
      s.metadata = merged;
    } else if (method === "PUT") {
      s.metadata = checkMetadata(r, body.metadata, "metadata");
    } else throw new MethodNotAllowed();
    s.updated = r.region.now;
    return jsonResponse(200, { metadata: s.metadata });
  }
  if (method === "GET") {
    if (!(key in s.metadata)) throw notFound("Metadata item was not found");
    return jsonResponse(200, { meta: { [key]: s.metadata[key] } });
  }
  if (method === "DELETE") {
    if (!(key in s.metadata)) throw notFound("Metadata item was not found");
    delete s.metadata[key];
    s.updated = r.region.now;
    return emptyResponse(204);
  }
  if (method !== "PUT") throw new MethodNotAllowed();
  const meta = checkMetadata(r, (await jsonBody(r)).meta, "meta");
  if (Object.keys(meta).length > 1) throw badRequest("Request body contains too many items");
  if (!(key in meta)) throw badRequest("Request body and URI mismatch");
  const merged = { ...s.metadata, ...meta };
  checkMetadata(r, merged, "metadata");
  s.metadata = merged;
  s.updated = r.region.now;
  return jsonResponse(200, { meta });
}

export class MethodNotAllowed extends Error {}
