import { emptyResponse, jsonResponse } from "../respond";
import { RESERVED_METADATA } from "./model";
import { flag, isObject, jsonOf, limitOf, nextQuery, type QueuesRequest } from "./queues-request";
import { ageOf, messageHref } from "./views";
import { badBody, invalid, methodNotAllowed, notFound, ZaqarFault } from "./zaqar-errors";

const PATCH_TYPE = "application/openstack-messaging-v2.0-json-patch";

/** Marconi v1 takes `[A-Za-z0-9_-]`; Zaqar v2 also `.`; both at most 64. */
export function checkName(r: QueuesRequest, name: string): string {
  const ok = r.version === "v1" ? /^[A-Za-z0-9_-]{1,64}$/ : /^[A-Za-z0-9_.-]{1,64}$/;
  if (!ok.test(name)) throw new ZaqarFault(400, "Invalid queue identification", "The format of the submitted queue name or project id is not valid.");
  return name;
}

function noQueue(r: QueuesRequest, name: string): ZaqarFault {
  return notFound(`Queue ${name} does not exist for project ${r.project}`);
}

/** v2 shows the reserved `_…` defaults beside the user's keys (user keys first, as Zaqar does). */
function metadataView(r: QueuesRequest, meta: Record<string, unknown>): Record<string, unknown> {
  return r.version === "v1" ? { ...meta } : { ...meta, ...Object.fromEntries(Object.entries(RESERVED_METADATA).filter(([k]) => !(k in meta))) };
}

export const queueRoutes = {
  /** GET /queues?limit&marker&detailed[&name]: names in order; v1 204 when none, v2 a `next` link after every non-empty page. */
  list(r: QueuesRequest): Response {
    const limit = limitOf(r.url, r.version === "v1" ? 1000 : 20, 10, "no greater than");
    const marker = r.url.searchParams.get("marker");
    const detailed = r.url.searchParams.get("detailed") === "true";
    const prefix = r.url.searchParams.get("name");
    const all = r.store.names();
    // As real Zaqar 15 (its Redis store) pages: after the marker's queue — except that a marker naming no
    // queue, or the very first one (its rank 0 reads as "no marker"), starts over from the beginning.
    const at = marker ? all.indexOf(marker) : -1;
    const from = at > 0 ? at + 1 : 0;
    const names = all
      .slice(from)
      .filter((n) => (prefix ? n.startsWith(prefix) : true))
      .slice(0, limit);
    if (names.length === 0) return r.version === "v1" ? emptyResponse(204) : jsonResponse(200, { queues: [], links: [] });
    const queues = names.map((name) => ({
      name,
      ...(detailed ? { metadata: metadataView(r, r.store.get(name)?.metadata ?? {}) } : {}),
      href: `${r.hrefBase}/queues/${name}`,
    }));
    const next = nextQuery(r.url, ["limit", "detailed", "name", "with_count"], names[names.length - 1]!);
    // `with_count=true` (v2) adds how many queues the project has in all.
    const count = r.version === "v2" && flag(r.url, "with_count") ? { count: r.store.names().length } : {};
    return jsonResponse(200, { queues, links: [{ rel: "next", href: `${r.hrefBase}/queues?${next}` }], ...count });
  },

  /** PUT (create: 201, exists: 204), GET/HEAD (v1: 204/404; v2: metadata for any name), DELETE (204), PATCH (v2 metadata). */
  async queue(r: QueuesRequest, raw: string): Promise<Response> {
    const name = checkName(r, raw);
    const m = r.request.method;
    const location = { location: `${r.hrefBase}/queues/${name}` };
    if (m === "PUT") {
      const body = r.version === "v2" ? await jsonOf(r) : undefined;
      if (body !== undefined && !isObject(body)) throw badBody("Document type not supported.");
      if (r.store.get(name)) return emptyResponse(204, location);
      const q = r.store.ensure(name);
      if (isObject(body)) q.metadata = { ...body };
      return emptyResponse(201, location);
    }
    if (m === "DELETE") {
      r.store.queues.delete(name);
      return emptyResponse(204);
    }
    if (r.version === "v1") {
      if (m === "GET" || m === "HEAD") {
        if (!r.store.get(name)) return emptyResponse(404);
        return emptyResponse(204);
      }
      throw methodNotAllowed("DELETE, GET, HEAD, PUT, OPTIONS");
    }
    if (m === "GET") return jsonResponse(200, metadataView(r, r.store.get(name)?.metadata ?? {}));
    if (m === "PATCH") return patchMetadata(r, name);
    throw methodNotAllowed("DELETE, GET, PATCH, PUT, OPTIONS");
  },

  /** GET /queues/{name}/stats: claimed/free/total, and the oldest and newest message when there are any. */
  stats(r: QueuesRequest, raw: string): Response {
    const name = checkName(r, raw);
    if (r.request.method !== "GET") throw methodNotAllowed("GET, OPTIONS");
    const q = r.store.get(name);
    if (!q && r.version === "v1") throw noQueue(r, name);
    const all = q ? [...q.messages.values()] : [];
    // Zaqar 15's Swift store counts a message whose claim ran out (not released) as claimed still.
    const claimed = all.filter((m) => (r.version === "v1" ? m.claimId : m.lastClaimId)).length;
    const messages: Record<string, unknown> = { claimed, free: all.length - claimed, total: all.length };
    const end = (i: number) => {
      const msg = all[i]!;
      return { age: ageOf(r, msg.created), created: new Date(msg.created).toISOString().replace(/\.\d{3}Z$/, "Z"), href: messageHref(r, name, { id: msg.id }) };
    };
    if (all.length > 0) Object.assign(messages, { newest: end(all.length - 1), oldest: end(0) });
    return jsonResponse(200, { messages });
  },

  /** v2 POST /queues/{name}/purge `{"resource_types": ["messages", "subscriptions"]}` → 204. */
  async purge(r: QueuesRequest, raw: string): Promise<Response> {
    const name = checkName(r, raw);
    if (r.request.method !== "POST") throw methodNotAllowed("POST, OPTIONS");
    const body = await jsonOf(r);
    if (!isObject(body) || !("resource_types" in body)) throw invalid('Post body must contain key "resource_types".');
    const types = body.resource_types;
    if (!Array.isArray(types) || types.some((t) => t !== "messages" && t !== "subscriptions")) throw invalid("Resource types must be a sub set of {'subscriptions', 'messages'}.");
    const q = r.store.get(name);
    if (q && types.includes("messages")) {
      q.messages.clear();
      q.claims.clear();
    }
    return emptyResponse(204);
  },

  /** v1 GET/PUT /queues/{name}/metadata: the whole object. */
  async metadata(r: QueuesRequest, raw: string): Promise<Response> {
    const name = checkName(r, raw);
    const q = r.store.get(name);
    if (r.request.method === "GET") {
      if (!q) throw noQueue(r, name);
      return jsonResponse(200, { ...q.metadata });
    }
    if (r.request.method === "PUT") {
      const body = await jsonOf(r, 64 * 1024);
      if (!isObject(body)) throw badBody("Document type not supported.");
      if (!q) throw noQueue(r, name);
      q.metadata = { ...body };
      return emptyResponse(204);
    }
    throw methodNotAllowed("GET, PUT, OPTIONS");
  },
};

/** v2 PATCH /queues/{name}: JSON-patch `add`/`replace`/`remove` under `/metadata/…` (RFC 6902 pointers). */
async function patchMetadata(r: QueuesRequest, name: string): Promise<Response> {
  const type = (r.request.headers.get("content-type") ?? "").split(";")[0]!.trim().toLowerCase();
  if (type !== PATCH_TYPE) throw new ZaqarFault(415, `Accepted media type for PATCH: {'Accept-Patch': '${PATCH_TYPE}'}.`);
  const q = r.store.get(name);
  if (!q) throw noQueue(r, name);
  const ops = await jsonOf(r, 64 * 1024);
  if (!Array.isArray(ops)) throw badBody("Request body could not be parsed.");
  const next = { ...q.metadata };
  for (const op of ops) {
    if (!isObject(op) || typeof op.op !== "string" || typeof op.path !== "string") throw badBody("Invalid JSON pointer for this resource: '/metadata'");
    const segs = op.path.split("/").slice(1).map((s) => s.replace(/~1/g, "/").replace(/~0/g, "~"));
    if (segs[0] !== "metadata" || segs.length !== 2 || !segs[1]) throw badBody(`Invalid JSON pointer for this resource: '${op.path}'`);
    const key = segs[1];
    if (op.op === "add") next[key] = op.value;
    else if (op.op === "replace") {
      if (!(key in next)) throw new ZaqarFault(409, "Resource conflict", `Can't replace non-existent object ${key}.`);
      next[key] = op.value;
    } else if (op.op === "remove") {
      if (!(key in next)) throw new ZaqarFault(409, "Resource conflict", `Can't remove non-existent object ${key}.`);
      delete next[key];
    } else throw badBody(`Invalid operation: '${op.op}'`);
  }
  q.metadata = next;
  return jsonResponse(200, metadataView(r, next));
}
