import { BadRequest, type CallOptions, encodeSegment, Forbidden, linkPager, type NotFound, type Paginated, validate, ValidationError } from "@rax/core";
import { ClaimExpired, MessageClaimed, NoSuchMessage, NoSuchQueue, PartialPost } from "../errors";
import { sendQueues } from "../send";
import { LIMITS, pageLimits } from "../limits";
import { type QueuesApi, queuesPath, requireClientId } from "../queues-api";
import { idOf, type QueueRef, queueNameOf, type Ref } from "../ref";
import { bodyOrEmpty, idFromHref, paramFromHref } from "../wire";
import {
  type DeleteMessageInput,
  deleteMessageInput,
  idsOf,
  type ListMessagesInput,
  listMessagesInput,
  type MessageData,
  messagesBody,
  messagesByIdsBody,
  type NewMessage,
  plainMessages,
  plainNewMessages,
  plainPosted,
  newMessages,
  type PostedMessage,
  postedBody,
  toMessage,
  toUnclaimedMessage,
  wireMessage,
} from "./models";

const noQueue = (name: string) => (e: NotFound) => new NoSuchQueue(name, e);

/**
 * `…/messages?ids=a,b` with the commas as commas: real Zaqar splits the raw query on `,`, so an
 * encoded `%2C` (what a query object would send) matches nothing — a GET answers 404 and a DELETE
 * deletes nothing, silently. Each id is still percent-encoded.
 */
function byIdsPath(client: QueuesApi, queue: string, ids: string[]): string {
  return `${queuesPath(client, queue, "messages")}?ids=${ids.map((id) => encodeSegment(id)).join(",")}`;
}

/**
 * POST /queues/{q}/messages: 1–10 messages in one request (v1 sends the bare array, v2 wraps it in
 * `{"messages": …}`) → 201 and one href per message, in order. Never replayed after a timeout or a
 * dropped connection (the server may have stored them): see the README on de-duplicating.
 */
export async function postMessages(client: QueuesApi, queue: QueueRef, messages: NewMessage[], o: CallOptions = {}): Promise<PostedMessage[]> {
  const name = queueNameOf(queue);
  const wire = plainNewMessages(messages) ?? validate(newMessages(), messages, "messages").map((m) => ({ ttl: m.ttl, body: m.body }));
  requireClientId(client);
  const ready = client.ready(o.signal);
  if (ready) await ready;
  const text = JSON.stringify(client.apiVersion === 1 ? wire : { messages: wire });
  // A UTF-16 unit is at most 3 bytes of UTF-8: most posts are plainly under the limit without counting.
  if (text.length * 3 > LIMITS.postBytes && Buffer.byteLength(text) > LIMITS.postBytes) throw new ValidationError("messages", `must serialise to at most ${LIMITS.postBytes} bytes in one request`);
  const res = await sendQueues(client, { method: "POST", path: queuesPath(client, name, "messages"), body: text, headers: { "content-type": "application/json", ...o.headers }, signal: o.signal, timeout: o.timeout, success: [201] }, noQueue(name));
  const body = (await bodyOrEmpty(res, postedBody(), plainPosted))!;
  const posted = body.resources.slice(0, wire.length).map((href, i) => ({ id: idFromHref(href), href, body: wire[i]!.body, ttl: wire[i]!.ttl }));
  // Fewer hrefs than messages (Marconi's old `partial: true`): the rest were not stored. Returning the
  // shorter list would lose them without a word.
  if (body.partial === true || posted.length < wire.length) throw new PartialPost(posted, wire.slice(posted.length));
  return posted;
}

/**
 * GET /queues/{q}/messages?echo&include_claimed&limit&marker, page after page by the `next` link's
 * marker (v1: 204 = no more; v2: an empty page). Without `echo` a client does not see its own messages.
 */
export function listMessages(client: QueuesApi, queue: QueueRef, filters?: ListMessagesInput, o: CallOptions = {}): Paginated<MessageData> {
  const name = queueNameOf(queue);
  const f = validate(listMessagesInput(), filters, "filters") ?? {};
  // As listQueues: the version's page size limit is checked once the client knows its endpoint.
  const sizeFor = (): number => {
    const pages = pageLimits(client.apiVersion);
    if (f.pageSize !== undefined && f.pageSize > pages.messages.max) throw new ValidationError("filters.pageSize", `must be at most ${pages.messages.max}`);
    return f.pageSize ?? pages.messages.default;
  };
  // Asked without starting authentication: a listing is lazy, and a started one nobody awaits would be an unhandled rejection.
  let size = client.isReady ? sizeFor() : undefined;
  return linkPager(
    async (marker, want) => {
      const ready = client.ready(o.signal);
      if (ready) await ready;
      size ??= sizeFor();
      requireClientId(client);
      const limit = want === undefined ? size : Math.min(size, want);
      const query = { echo: f.echo ? "true" : "false", include_claimed: f.includeClaimed ? "true" : "false", limit, marker: marker ?? f.marker };
      const res = await sendQueues(client, { method: "GET", path: queuesPath(client, name, "messages"), query, ...o, success: [200, 204] }, noQueue(name));
      const body = await bodyOrEmpty(res, messagesBody(), (b) => {
        const rows = plainMessages((b as { messages?: unknown } | null)?.messages);
        return rows && { ...(b as object), messages: rows };
      });
      if (!body || body.messages.length === 0) return { items: [] };
      const next = body.links?.find((l) => l.rel === "next")?.href;
      // Without includeClaimed the server left out every message a live claim holds: a `claim_id` in a
      // row's href is then a claim that ran out, which Zaqar 15's Swift store keeps writing there.
      // Carried on, `message.delete()` would send it and fail (400) on a message free to delete.
      const rows = f.includeClaimed ? body.messages.map(toMessage) : body.messages.map(toUnclaimedMessage);
      return { items: rows, next: next ? paramFromHref(next, "marker") : undefined };
    },
    { limit: f.limit },
  );
}

/** GET /queues/{q}/messages/{id}. `NoSuchMessage` once it is deleted or expired. */
export async function getMessage(client: QueuesApi, queue: QueueRef, message: Ref, o: CallOptions = {}): Promise<MessageData> {
  const name = queueNameOf(queue);
  const id = idOf(message, "message");
  requireClientId(client);
  const ready = client.ready(o.signal);
  if (ready) await ready;
  const res = await sendQueues(client, { method: "GET", path: queuesPath(client, name, "messages", id), ...o, success: [200] }, (e) => new NoSuchMessage(id, e));
  return toMessage((await bodyOrEmpty(res, wireMessage()))!);
}

/** GET /queues/{q}/messages?ids=a,b: the ones that still exist (none → `[]`; v2's 404 for "none found" included). */
export async function getMessagesByIds(client: QueuesApi, queue: QueueRef, ids: Ref[], o: CallOptions = {}): Promise<MessageData[]> {
  const name = queueNameOf(queue);
  const list = idsOf(ids);
  requireClientId(client);
  const ready = client.ready(o.signal);
  if (ready) await ready;
  const res = await sendQueues(client, { method: "GET", path: byIdsPath(client, name, list), expectStatus: [404], ...o, success: [200, 204, 404] });
  if (res.status === 404) {
    await res.dump();
    return [];
  }
  return ((await bodyOrEmpty(res, messagesByIdsBody())) ?? []).map(toMessage);
}

/**
 * DELETE /queues/{q}/messages/{id}[?claim_id=]. A claimed message needs its claim id (403 without
 * it, or with another claim's → `MessageClaimed`); a claim that no longer holds it (released or
 * expired: 400) → `ClaimExpired`; deleting one already gone is not an error (204, as the server says).
 */
export async function deleteMessage(client: QueuesApi, queue: QueueRef, message: Ref | { id: string; claimId?: string }, options?: DeleteMessageInput, o: CallOptions = {}): Promise<void> {
  const name = queueNameOf(queue);
  const id = idOf(message, "message");
  const i = validate(deleteMessageInput(), options, "options") ?? {};
  const claimId = i.claimId ?? (typeof message === "object" && "claimId" in message ? message.claimId : undefined);
  requireClientId(client);
  const ready = client.ready(o.signal);
  if (ready) await ready;
  try {
    const res = await sendQueues(client, { method: "DELETE", path: queuesPath(client, name, "messages", id), query: { claim_id: claimId }, ...o, success: [204] }, (e) => new NoSuchMessage(id, e));
    await res.dump();
  } catch (e) {
    if (e instanceof Forbidden) throw new MessageClaimed(id, e, claimId);
    // Zaqar's 400s for a claim that no longer holds the message ("Unable to delete"); any other 400
    // (a missing Client-ID has become QueueClientIDNotDefined already) passes as it is.
    if (claimId !== undefined && e instanceof BadRequest && /unable to delete/i.test(e.serverMessage ?? "")) throw new ClaimExpired(id, claimId, e);
    throw e;
  }
}

/** DELETE /queues/{q}/messages?ids=a,b → 204 (ids that do not exist are skipped by the server). */
export async function deleteMessagesByIds(client: QueuesApi, queue: QueueRef, ids: Ref[], o: CallOptions = {}): Promise<void> {
  const name = queueNameOf(queue);
  const list = idsOf(ids);
  requireClientId(client);
  const ready = client.ready(o.signal);
  if (ready) await ready;
  const res = await sendQueues(client, { method: "DELETE", path: byIdsPath(client, name, list), ...o, success: [204] }, noQueue(name));
  await res.dump();
}
