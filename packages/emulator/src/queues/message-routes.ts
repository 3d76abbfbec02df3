import { emptyResponse, jsonResponse } from "../respond";
import { DEFAULTS, type MessageRecord } from "./model";
import { checkName } from "./queue-routes";
import { flag, isObject, jsonOf, limitOf, nextQuery, type QueuesRequest, secondsOf } from "./queues-request";
import { messageView } from "./views";
import { badBody, invalid, methodNotAllowed, notFound, ZaqarFault } from "./zaqar-errors";

const MAX_PAGE = { v1: 10, v2: 20 } as const;
/** Marconi v1 refuses more than 10 messages in one post; Zaqar 15 bounds a post by its size only. */
const MAX_POST_V1 = 10;
const MAX_IDS = 20;

/** /queues/{name}/messages[/{id}] */
export async function messageRoutes(r: QueuesRequest, raw: string, id: string | undefined): Promise<Response> {
  const name = checkName(r, raw);
  const m = r.request.method;
  if (id === undefined) {
    if (m === "POST") return post(r, name);
    if (m === "GET") return r.url.searchParams.has("ids") ? byIds(r, name) : list(r, name);
    if (m === "DELETE") return deleteMany(r, name);
    throw methodNotAllowed("DELETE, GET, POST, OPTIONS");
  }
  if (m === "GET") return getOne(r, name, id);
  if (m === "DELETE") return deleteOne(r, name, id);
  throw methodNotAllowed("DELETE, GET, OPTIONS");
}

function missingMessage(r: QueuesRequest, name: string, id: string): ZaqarFault {
  return notFound(`Message ${id} does not exist in queue ${name} for project ${r.project}`);
}

/** POST: v1 a bare array, v2 `{"messages": […]}`; 201 with one href per message; the queue is made if new. */
async function post(r: QueuesRequest, name: string): Promise<Response> {
  const type = (r.request.headers.get("content-type") ?? "application/json").split(";")[0]!.trim().toLowerCase();
  if (type !== "application/json") {
    throw new ZaqarFault(
      400,
      "Invalid Content-Type",
      `Endpoint does not accept \`${type}\` content; currently supported media type is \`application/json\`; specify proper client-side media type with the "Content-Type" header.`,
    );
  }
  const body = await jsonOf(r, DEFAULTS.maxPostBytes);
  const list = r.version === "v1" ? body : isObject(body) ? body.messages : undefined;
  if (!Array.isArray(list)) throw r.version === "v1" ? badBody("Document type not supported.") : invalid("No messages were found in the request body.");
  if (list.length === 0) throw invalid("No messages to enqueu.");
  if (r.version === "v1" && list.length > MAX_POST_V1) throw invalid(`No more than ${MAX_POST_V1} messages can be posted at once.`);
  const q = r.store.ensure(name);
  const defaultTtl = typeof q.metadata._default_message_ttl === "number" ? q.metadata._default_message_ttl : DEFAULTS.messageTtl;
  const checked = list.map((item) => {
    if (!isObject(item)) throw badBody("Document type not supported.");
    if (!("body" in item)) throw badBody('Missing "body" field.');
    if (item.ttl === undefined && r.version === "v1") throw badBody('Missing "ttl" field.');
    const ttl = item.ttl === undefined ? defaultTtl : secondsOf(item.ttl, "ttl", "a message", 60, 1_209_600);
    return { body: item.body, ttl };
  });
  const posted = checked.map((c) => r.store.post(q, c.body, c.ttl, r.clientId!, r.version === "v1"));
  const resources = posted.map((p) => `${r.hrefBase}/queues/${name}/messages/${p.id}`);
  const location = `${r.hrefBase}/queues/${name}/messages?ids=${posted.map((p) => p.id).join(",")}`;
  return jsonResponse(201, r.version === "v1" ? { partial: false, resources } : { resources }, { location });
}

/** GET ?echo&include_claimed&limit&marker: oldest first; v1 markers are posting numbers, v2's message ids. */
function list(r: QueuesRequest, name: string): Response {
  const limit = limitOf(r.url, MAX_PAGE[r.version], 10);
  const echo = flag(r.url, "echo");
  const claimed = flag(r.url, "include_claimed");
  const q = r.store.get(name);
  const rows = q ? [...q.messages.values()] : [];
  const marker = r.url.searchParams.get("marker");
  let after = 0;
  if (marker) after = r.version === "v1" ? Number(marker) || 0 : (q?.messages.get(marker)?.seq ?? 0);
  const page = rows.filter((m) => m.seq > after && (echo || m.clientId !== r.clientId) && (claimed || !m.claimId)).slice(0, limit);
  if (page.length === 0) return r.version === "v1" ? emptyResponse(204) : jsonResponse(200, { messages: [], links: [] });
  const last = page[page.length - 1]!;
  let next: string;
  if (r.version === "v1") {
    const q = new URLSearchParams([...r.url.searchParams].filter(([k]) => k !== "marker"));
    q.set("marker", String(last.seq));
    next = q.toString();
  } else next = nextQuery(r.url, ["limit", "echo", "include_claimed"], last.id, [["include_delayed", "true"]]);
  return jsonResponse(200, { messages: page.map((m) => messageView(r, name, m)), links: [{ rel: "next", href: `${r.hrefBase}/queues/${name}/messages?${next}` }] });
}

/** `ids` split on raw commas before decoding, as Zaqar does: an encoded `%2C` stays inside one id (which then matches nothing). */
function idsOf(r: QueuesRequest): string[] {
  const raw = r.url.search.slice(1).split("&").find((p) => p.startsWith("ids="))?.slice(4) ?? "";
  const ids = raw
    .split(",")
    .map((p) => decodeURIComponent(p.replace(/\+/g, " ")))
    .filter(Boolean);
  if (ids.length > MAX_IDS) throw invalid(`Limit must be at least 1 and may not be greater than ${MAX_IDS}.`);
  return ids;
}

/** GET ?ids=a,b: v1 a bare array (204 when none), v2 `{"messages": […]}` (404 when none of several exist). */
function byIds(r: QueuesRequest, name: string): Response {
  const ids = idsOf(r);
  const q = r.store.get(name);
  const found = ids.map((id) => q?.messages.get(id)).filter((m): m is MessageRecord => m !== undefined);
  if (r.version === "v1") return found.length === 0 ? emptyResponse(204) : jsonResponse(200, found.map((m) => messageView(r, name, m)));
  if (ids.length === 0) return jsonResponse(200, { messages: [], links: [] });
  if (found.length === 0) throw notFound(`No messages with IDs: [${ids.map((i) => `'${i}'`).join(", ")}] found in the queue ${name} for project ${r.project}.`);
  return jsonResponse(200, { messages: found.map((m) => messageView(r, name, m)) });
}

function getOne(r: QueuesRequest, name: string, id: string): Response {
  const m = r.store.get(name)?.messages.get(id);
  if (!m) throw missingMessage(r, name, id);
  return jsonResponse(200, messageView(r, name, m));
}

const CLAIMED = "This message is claimed; it cannot be deleted without a valid claim ID.";

/**
 * DELETE one; a missing one is 204. A claimed message needs its live claim's id (403 without one).
 * With a `claim_id`, in Zaqar 15's order (storage/swift/messages.py `delete`): a claim that does not
 * exist (released, expired, never made) is 400; an existing claim on a message that is not claimed
 * is 400 too, in other words; a message another claim holds is 403.
 */
function deleteOne(r: QueuesRequest, name: string, id: string): Response {
  const q = r.store.get(name);
  const m = q?.messages.get(id);
  if (!q || !m) return emptyResponse(204);
  const claimId = r.url.searchParams.get("claim_id");
  if (claimId !== null) {
    if (!q.claims.has(claimId)) throw new ZaqarFault(400, "Unable to delete", "The specified claim does not exist or has expired.");
    // The message's own record of its claim, which Zaqar 15 keeps after that claim ran out.
    const held = r.version === "v1" ? m.claimId : m.lastClaimId;
    if (!held) throw new ZaqarFault(400, "Unable to delete", "A claim was specified, but the message is not currently claimed.");
    if (held !== claimId) throw new ZaqarFault(403, "Unable to delete", CLAIMED);
  } else if (m.claimId) throw new ZaqarFault(403, "Unable to delete", CLAIMED);
  q.messages.delete(id);
  return emptyResponse(204);
}

/** DELETE ?ids=a,b (204) or, on v2, ?pop=N (200 with the popped messages). */
function deleteMany(r: QueuesRequest, name: string): Response {
  const q = r.store.get(name);
  if (r.url.searchParams.has("ids")) {
    for (const id of idsOf(r)) q?.messages.delete(id);
    return emptyResponse(204);
  }
  const pop = r.url.searchParams.get("pop");
  if (pop !== null && r.version === "v2") {
    const n = Number(pop);
    if (!Number.isInteger(n) || n < 1 || n > 20) throw invalid("Pop value must be at least 1 and may not be greater than 20.");
    const popped = q ? [...q.messages.values()].filter((m) => !m.claimId).slice(0, n) : [];
    for (const m of popped) q!.messages.delete(m.id);
    return jsonResponse(200, { messages: popped.map((m) => ({ id: m.id, ttl: m.ttl, client_uuid: m.clientId, body: m.body, age: (r.ctx.state.clock.now() - m.created) / 1000 })) });
  }
  throw invalid('The request should have either "ids" or "pop" parameter in the request, to be able to delete.');
}
