import { type CallOptions, encodeSegment, InvalidResponse, jsonFor, markerPager, type NotFound, notFoundAs, type Paginated, parseSchema, type RaxResponse, redact, sendFor, type ServiceClient, validate } from "@rax/core";
import { idSegment } from "@rax/core/zod-mini";
import * as z from "zod/mini";
import { ITEM_MISSING, NoSuchServer, NoUniqueMatch } from "../errors";
import { READ_OK } from "../read-status";
import { metadataInput, metaKey, type Ref, ref } from "../ref";
import {
  type Address,
  addressesBody,
  type CreateServerInput,
  createServerInput,
  isServersPage,
  isWireServer,
  type ListServersInput,
  listServersInput,
  metadataBody,
  metaItemBody,
  rebootType,
  type RebuildServerInput,
  rebuildServerInput,
  type RescueServerInput,
  rescueServerInput,
  resetStateInput,
  type ResizeServerInput,
  resizeServerInput,
  type ServerData,
  serverBody,
  serversBody,
  toCreateBody,
  toServer,
  type UpdateServerInput,
  updateServerInput,
} from "./models";

// One function per Nova wire operation. Each validates its input before any request, sends one
// call (or one per page), turns a 404 into NoSuchServer and returns plain camelCase data.

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const serverPath = (id: string, rest = "") => `servers/${encodeSegment(id)}${rest}`;
const missing = (id: string) => (e: NotFound) => new NoSuchServer(id, e);
/** For a path below the server naming one item (a metadata key, a network label): which of the two is missing. */
const missingItem = (id: string) => (e: NotFound) => (ITEM_MISSING.test(e.serverMessage) ? e : new NoSuchServer(id, e));

/** GET /servers/detail, page after page (`limit` + `marker`; Nova's `next` link says another page follows). */
export function listServers(client: ServiceClient, filters?: ListServersInput, o: CallOptions = {}): Paginated<ServerData> {
  const f = validate(listServersInput(), filters, "filters") ?? {};
  const query = { name: f.name, status: f.status, image: f.image, flavor: f.flavor, "changes-since": f.changesSince };
  return markerPager(
    async (marker, limit) => {
      const res = await client.send({ method: "GET", path: "servers/detail", query: { ...query, limit, marker }, ...o, success: READ_OK });
      return serversPage(res, await res.json<unknown>());
    },
    { markerOf: (row) => row.id, pageSize: f.pageSize, limit: f.limit, marker: f.marker },
  );
}

/**
 * One listing page, checked and converted in a single pass by the hand-written checks (the hot
 * path); the first thing they refuse is worded by the zod schema, naming the row and field.
 */
function serversPage(res: RaxResponse, body: unknown): { items: ServerData[]; more: boolean } {
  if (isServersPage(body)) {
    const rows = body.servers;
    const items = new Array<ServerData>(rows.length);
    let ok = true;
    for (let i = 0; i < rows.length && ok; i++) {
      const row = rows[i];
      if (isWireServer(row)) items[i] = toServer(row);
      else ok = false;
    }
    if (ok) {
      let more = false;
      for (const l of body.servers_links ?? []) if (l.rel === "next") more = true;
      return { items, more };
    }
  }
  const r = parseSchema(serversBody(), body);
  const issue = r.error?.issues[0];
  const path = issue?.path.map(String).join(".") || undefined;
  let snippet = "";
  try {
    snippet = redact(JSON.stringify(body) ?? "").slice(0, 200);
  } catch {
    snippet = "";
  }
  throw new InvalidResponse(
    { status: res.status, method: res.method, url: res.url, snippet, path, requestId: res.requestId, cause: r.error },
    // Reaching here with r.success means the fast checks refused what the schema accepts: refusing
    // is the safe side of that drift.
    `Unexpected response body${path ? ` at ${path}` : ""}: ${issue?.message ?? "server row refused by the listing's check"}`,
  );
}

/** GET /servers/{id}. */
export async function getServer(client: ServiceClient, server: Ref, o: CallOptions = {}): Promise<ServerData> {
  const id = validate(ref(), server, "server");
  const body = await notFoundAs(client.json({ method: "GET", path: serverPath(id), ...o, success: READ_OK }, serverBody()), missing(id));
  return toServer(body.server);
}

/**
 * The one server named exactly `name`. Nova's `name` filter is a regular expression, so the name is
 * escaped and anchored, and the rows are checked again here.
 */
export async function findServer(client: ServiceClient, name: string, o: CallOptions = {}): Promise<ServerData> {
  const n = validate(z.string().check(z.regex(/\S/, "must not be blank")), name, "name");
  const pattern = `^${n.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}$`;
  const matches = (await listServers(client, { name: pattern }, o).toArray()).filter((s) => s.name === n);
  if (matches.length === 1) return matches[0]!;
  if (matches.length > 1) throw new NoUniqueMatch("servers", matches.map((s) => s.id));
  throw new NoSuchServer(n, { in: client });
}

/** What `createServer` returns: the new server (status BUILD) and the root password Nova chose. */
export interface CreatedServer {
  server: ServerData;
  /** A secret: registered for redaction, never printed by rax. */
  adminPass?: string;
}

/** POST /servers → 202. Nova answers with little more than the id; the rest is filled from the request. */
export async function createServer(client: ServiceClient, input: CreateServerInput, o: CallOptions = {}): Promise<CreatedServer> {
  const i = validate(createServerInput(), input, "server");
  const body = await jsonFor(client, { method: "POST", path: "servers", json: toCreateBody(i), ...o }, [202], serverBody());
  const data = toServer({ status: "BUILD", name: i.name, ...body.server });
  if (!body.server.flavor) data.flavor = { id: i.flavor };
  if (!body.server.image && i.image) data.image = { id: i.image };
  if (!body.server.metadata) data.metadata = { ...(i.meta ?? i.metadata) };
  return { server: data, ...(body.server.adminPass ? { adminPass: body.server.adminPass } : {}) };
}

/** PUT /servers/{id} (rename). */
export async function updateServer(client: ServiceClient, server: Ref, changes: UpdateServerInput, o: CallOptions = {}): Promise<ServerData> {
  const id = validate(ref(), server, "server");
  const c = validate(updateServerInput(), changes, "changes");
  const body = await notFoundAs(jsonFor(client, { method: "PUT", path: serverPath(id), json: { server: c }, ...o }, [200], serverBody()), missing(id));
  return toServer(body.server);
}

/** DELETE /servers/{id} → 204. The server goes on existing (status DELETED) for a moment. */
export async function deleteServer(client: ServiceClient, server: Ref, o: CallOptions = {}): Promise<void> {
  const id = validate(ref(), server, "server");
  const res = await notFoundAs(sendFor(client, { method: "DELETE", path: serverPath(id), ...o }, [204]), missing(id));
  await res.dump();
}

/** GET /servers/{id}/ips, or /ips/{network} for one network label. */
export async function listServerAddresses(client: ServiceClient, server: Ref, network?: string, o: CallOptions = {}): Promise<Record<string, Address[]>> {
  const id = validate(ref(), server, "server");
  // A label is a path segment here: blank or holding "/" (decoded by Nova before routing) it would address another resource.
  const label = validate(z.optional(idSegment()), network, "network");
  if (label === undefined) return (await notFoundAs(client.json({ method: "GET", path: serverPath(id, "/ips"), ...o, success: READ_OK }, addressesBody()), missing(id))).addresses;
  return notFoundAs(client.json({ method: "GET", path: serverPath(id, `/ips/${encodeSegment(label)}`), ...o, success: READ_OK }, z.record(z.string(), z.array(z.looseObject({ addr: z.string(), version: z.optional(z.number()) })))), missingItem(id));
}

/** GET /servers/{id}/metadata. */
export async function getServerMetadata(client: ServiceClient, server: Ref, o: CallOptions = {}): Promise<Record<string, string>> {
  const id = validate(ref(), server, "server");
  return (await notFoundAs(client.json({ method: "GET", path: serverPath(id, "/metadata"), ...o, success: READ_OK }, metadataBody()), missing(id))).metadata;
}

/** POST /servers/{id}/metadata: merges `metadata` into the server's; returns all of it. */
export async function setServerMetadata(client: ServiceClient, server: Ref, metadata: Record<string, string>, o: CallOptions = {}): Promise<Record<string, string>> {
  const id = validate(ref(), server, "server");
  const m = validate(metadataInput(), metadata, "metadata");
  return (await notFoundAs(jsonFor(client, { method: "POST", path: serverPath(id, "/metadata"), json: { metadata: m }, ...o }, [200], metadataBody()), missing(id))).metadata;
}

/** PUT /servers/{id}/metadata: replaces all of the server's metadata. */
export async function replaceServerMetadata(client: ServiceClient, server: Ref, metadata: Record<string, string>, o: CallOptions = {}): Promise<Record<string, string>> {
  const id = validate(ref(), server, "server");
  const m = validate(metadataInput(), metadata, "metadata");
  return (await notFoundAs(jsonFor(client, { method: "PUT", path: serverPath(id, "/metadata"), json: { metadata: m }, ...o }, [200], metadataBody()), missing(id))).metadata;
}

/** PUT /servers/{id}/metadata/{key}: sets one key. */
export async function setServerMetadataItem(client: ServiceClient, server: Ref, key: string, value: string, o: CallOptions = {}): Promise<Record<string, string>> {
  const id = validate(ref(), server, "server");
  // The key is a path segment as well as the body's key: named on its own (not blank, no "/").
  const k = validate(metaKey(), key, "key");
  const m = validate(metadataInput(), { [k]: value }, "metadata");
  const path = serverPath(id, `/metadata/${encodeSegment(k)}`);
  return (await notFoundAs(jsonFor(client, { method: "PUT", path, json: { meta: m }, ...o }, [200], metaItemBody()), missing(id))).meta;
}

/** DELETE /servers/{id}/metadata/{key}, once per key (Nova has no bulk delete). */
export async function deleteServerMetadata(client: ServiceClient, server: Ref, keys: string | string[], o: CallOptions = {}): Promise<void> {
  const id = validate(ref(), server, "server");
  const list = validate(z.union([z.pipe(metaKey(), z.transform((k) => [k])), z.array(metaKey())]), keys, "keys");
  for (const key of list) {
    const res = await notFoundAs(sendFor(client, { method: "DELETE", path: serverPath(id, `/metadata/${encodeSegment(key)}`), ...o }, [204]), missingItem(id));
    await res.dump();
  }
}

// ---- actions: POST /servers/{id}/action with {action: info} ----

async function act(client: ServiceClient, id: string, body: Record<string, unknown>, ok: number[], o: CallOptions) {
  return notFoundAs(sendFor(client, { method: "POST", path: serverPath(id, "/action"), json: body, ...o }, ok), missing(id));
}
async function actQuietly(client: ServiceClient, server: Ref, body: Record<string, unknown>, ok: number[], o: CallOptions): Promise<void> {
  const id = validate(ref(), server, "server");
  await (await act(client, id, body, ok, o)).dump();
}

/** reboot → 202; status REBOOT / HARD_REBOOT, then ACTIVE. */
export async function rebootServer(client: ServiceClient, server: Ref, type: "SOFT" | "HARD" = "SOFT", o: CallOptions = {}): Promise<void> {
  const t = validate(rebootType(), typeof type === "string" ? type.toUpperCase() : type, "type");
  return actQuietly(client, server, { reboot: { type: t } }, [202], o);
}

/** rebuild → 202 with the server and a new root password. */
export async function rebuildServer(client: ServiceClient, server: Ref, image: Ref, options: RebuildServerInput = {}, o: CallOptions = {}): Promise<CreatedServer> {
  const id = validate(ref(), server, "server");
  const imageRef = validate(ref(), image, "image");
  const r = validate(rebuildServerInput(), options, "options");
  const rebuild: Record<string, unknown> = { imageRef };
  if (r.name) rebuild.name = r.name;
  if (r.adminPass) rebuild.adminPass = r.adminPass;
  if (r.diskConfig) rebuild["OS-DCF:diskConfig"] = r.diskConfig;
  if (r.meta) rebuild.metadata = r.meta;
  if (r.files) rebuild.personality = r.files;
  if (r.preserveEphemeral !== undefined) rebuild.preserve_ephemeral = r.preserveEphemeral;
  const res = await act(client, id, { rebuild }, [202], o);
  const body = parseSchema(serverBody(), await res.json());
  if (!body.success) throw new InvalidResponse({ status: res.status, method: res.method, url: res.url, snippet: "" }, "rebuild answered without a server");
  return { server: toServer(body.data.server), ...(body.data.server.adminPass ? { adminPass: body.data.server.adminPass } : {}) };
}

/** resize → 202; status RESIZE, then VERIFY_RESIZE (confirm or revert it). */
export async function resizeServer(client: ServiceClient, server: Ref, flavor: Ref, options: ResizeServerInput = {}, o: CallOptions = {}): Promise<void> {
  const id = validate(ref(), server, "server");
  const flavorRef = validate(ref(), flavor, "flavor");
  const r = validate(resizeServerInput(), options, "options");
  return actQuietly(client, id, { resize: { flavorRef, ...(r.diskConfig ? { "OS-DCF:diskConfig": r.diskConfig } : {}) } }, [202], o);
}

/** confirmResize → 204 (Nova v2.1; Rackspace's docs say 202). */
export async function confirmServerResize(client: ServiceClient, server: Ref, o: CallOptions = {}): Promise<void> {
  return actQuietly(client, server, { confirmResize: null }, [202, 204], o);
}

/** revertResize → 202. */
export async function revertServerResize(client: ServiceClient, server: Ref, o: CallOptions = {}): Promise<void> {
  return actQuietly(client, server, { revertResize: null }, [202], o);
}

/** createImage → 202; the new image's id is the last segment of `Location` (or `image_id` from v2.45). */
export async function createServerImage(client: ServiceClient, server: Ref, name: string, metadata?: Record<string, string>, o: CallOptions = {}): Promise<string> {
  const given = validate(ref(), server, "server");
  const n = validate(z.string().check(z.regex(/\S/, "must not be blank"), z.maxLength(255)), name, "name");
  const m = validate(z.optional(metadataInput()), metadata, "metadata");
  // pyrax accepts the server's name here (`cs.servers.create_image("my_server", …)`); Nova ids are UUIDs.
  const id = UUID.test(given) ? given : (await findServer(client, given, o)).id;
  const res = await act(client, id, { createImage: { name: n, ...(m ? { metadata: m } : {}) } }, [202], o);
  const text = await res.text();
  const fromBody = text ? parseSchema(z.looseObject({ image_id: z.string() }), safeJson(text)) : undefined;
  if (fromBody?.success) return fromBody.data.image_id;
  const location = res.headers.location ?? "";
  const imageId = decodeURIComponent(location.replace(/\/+$/, "").split("/").pop() ?? "");
  if (!imageId) throw new InvalidResponse({ status: res.status, method: res.method, url: res.url, snippet: "" }, "createImage answered without a Location header");
  return imageId;
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/** changePassword → 202. */
export async function changeServerPassword(client: ServiceClient, server: Ref, password: string, o: CallOptions = {}): Promise<void> {
  const id = validate(ref(), server, "server");
  const adminPass = validate(z.string().check(z.minLength(1)), password, "password");
  return actQuietly(client, id, { changePassword: { adminPass } }, [202], o);
}

/** rescue → 200 `{adminPass}` (the rescue system's root password, a secret); status RESCUE. */
export async function rescueServer(client: ServiceClient, server: Ref, options: RescueServerInput = {}, o: CallOptions = {}): Promise<{ adminPass?: string }> {
  const id = validate(ref(), server, "server");
  const r = validate(rescueServerInput(), options, "options");
  const info = r.adminPass || r.image ? { ...(r.adminPass ? { adminPass: r.adminPass } : {}), ...(r.image ? { rescue_image_ref: r.image } : {}) } : null;
  const res = await act(client, id, { rescue: info }, [200, 202], o);
  const body = parseSchema(z.looseObject({ adminPass: z.optional(z.string()) }), safeJson(await res.text()));
  return body.success && body.data.adminPass ? { adminPass: body.data.adminPass } : {};
}

/** unrescue → 202. */
export async function unrescueServer(client: ServiceClient, server: Ref, o: CallOptions = {}): Promise<void> {
  return actQuietly(client, server, { unrescue: null }, [202], o);
}

/** os-resetState → 202 (admin only): ACTIVE or ERROR, for a server stuck in a task. */
export async function resetServerState(client: ServiceClient, server: Ref, state: "ACTIVE" | "ERROR" | "active" | "error" = "ACTIVE", o: CallOptions = {}): Promise<void> {
  const s = validate(resetStateInput(), state, "state");
  return actQuietly(client, server, { "os-resetState": { state: s } }, [202], o);
}

/** os-stop → 202; status SHUTOFF. */
export async function stopServer(client: ServiceClient, server: Ref, o: CallOptions = {}): Promise<void> {
  return actQuietly(client, server, { "os-stop": null }, [202], o);
}

/** os-start → 202; SHUTOFF → ACTIVE. */
export async function startServer(client: ServiceClient, server: Ref, o: CallOptions = {}): Promise<void> {
  return actQuietly(client, server, { "os-start": null }, [202], o);
}

/** os-getConsoleOutput → 200 `{output}`: the console log, or its last `length` lines. */
export async function getServerConsoleOutput(client: ServiceClient, server: Ref, length?: number, o: CallOptions = {}): Promise<string> {
  const id = validate(ref(), server, "server");
  const n = validate(z.optional(z.int().check(z.gte(1))), length, "length");
  const res = await act(client, id, { "os-getConsoleOutput": n === undefined ? {} : { length: n } }, [200], o);
  const body = parseSchema(z.looseObject({ output: z.string() }), safeJson(await res.text()));
  if (!body.success) throw new InvalidResponse({ status: res.status, method: res.method, url: res.url, snippet: "" }, "os-getConsoleOutput answered without output");
  return body.data.output;
}
