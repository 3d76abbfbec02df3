import { jsonResponse } from "../respond";
import { CinderFault, notFound } from "./cinder-errors";
import type { CinderRequest } from "./cinder-request";
import type { UserMessageRecord } from "./model";
import { emptyAnswer, resourceLinks, stamp } from "./views";

/** /messages appeared in microversion 3.3; below it (and on v1/v2) Cinder has no such resource. */
const MESSAGES_MINOR = 3;
/** Cinder reads the listing's query (filters, sort, paging) only from 3.5: at 3.3 and 3.4 every message comes back. */
const FILTERS_MINOR = 5;
/** How long Cinder guarantees to keep a message (`message_ttl`, 30 days), shown as `guaranteed_until`. */
const TTL_MS = 2_592_000_000;
/** The filters Cinder's message listing takes (`resource_uuid` is the one a client asks with). */
const FILTERS = { resource_uuid: "resourceUuid", resource_type: "resourceType", event_id: "eventId", request_id: "requestId" } as const;

function messageView(m: UserMessageRecord, r: CinderRequest) {
  return {
    id: m.id,
    event_id: m.eventId,
    user_message: m.userMessage,
    message_level: "ERROR",
    created_at: stamp(m.created),
    guaranteed_until: stamp(m.created + TTL_MS),
    request_id: m.requestId,
    links: resourceLinks(r.base, "messages", m.id),
    resource_type: m.resourceType,
    resource_uuid: m.resourceUuid,
  };
}

/** GET /messages[?resource_uuid=…], GET and DELETE /messages/{id} (v3, 3.3+): the caller's project's, every project's for an admin (as Cinder shows them). */
export function messageRoute(r: CinderRequest, id: string | undefined, sub: string | undefined): Response {
  if (r.version !== "v3" || r.minor < MESSAGES_MINOR || sub !== undefined) throw notFound("The resource could not be found.");
  const rows = r.admin ? r.cinder.allMessages() : r.cinder.tenantMessages(r.project);
  const m = r.request.method;
  if (id === undefined) {
    if (m !== "GET") throw new CinderFault(405, "The method is not allowed for this resource.");
    let shown = rows;
    if (r.minor >= FILTERS_MINOR)
      for (const [param, field] of Object.entries(FILTERS)) {
        const want = r.url.searchParams.get(param);
        if (want !== null) shown = shown.filter((x) => x[field] === want);
      }
    return jsonResponse(200, { messages: shown.map((x) => messageView(x, r)) });
  }
  const hit = rows.find((x) => x.id === id);
  if (!hit) throw notFound(`Message ${id} could not be found.`);
  if (m === "GET") return jsonResponse(200, { message: messageView(hit, r) });
  if (m === "DELETE") {
    r.cinder.messages.splice(r.cinder.messages.indexOf(hit), 1);
    return emptyAnswer(204, "html");
  }
  throw new CinderFault(405, "The method is not allowed for this resource.");
}
