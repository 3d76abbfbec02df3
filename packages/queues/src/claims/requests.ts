import { type CallOptions, type NotFound, validate } from "@rax/core";
import { NoSuchClaim, NoSuchQueue } from "../errors";
import { LIMITS } from "../limits";
import { sendQueues } from "../send";
import { type QueuesApi, queuesPath, requireClientId } from "../queues-api";
import { idOf, type QueueRef, queueNameOf, type Ref } from "../ref";
import { plainMessages, toMessage } from "../messages/models";
import { bodyOrEmpty, idFromHref, paramFromHref } from "../wire";
import { type ClaimData, type ClaimInput, claimedBody, claimInput, plainClaimInput, toClaim, type UpdateClaimInput, updateClaimInput, wireClaim } from "./models";

const noClaim = (id: string) => (e: NotFound) => new NoSuchClaim(id, e);

/**
 * POST /queues/{q}/claims?limit={count} with `{ttl, grace}` → 201 with the claimed messages, or
 * 204 when there is nothing to claim: then `undefined` (pyrax's None), not an error. The claim id
 * comes from `Location` (or a message's `claim_id`), so no second request is made. Like a message
 * post, a claim is never replayed after a timeout (a replay could claim a second batch).
 */
export async function claimMessages(client: QueuesApi, queue: QueueRef, options: ClaimInput, o: CallOptions = {}): Promise<ClaimData | undefined> {
  const name = queueNameOf(queue);
  const i = plainClaimInput(options) ?? validate(claimInput(), options, "claim");
  requireClientId(client);
  const ready = client.ready(o.signal);
  if (ready) await ready;
  const res = await sendQueues(client, { method: "POST", path: queuesPath(client, name, "claims"), query: { limit: i.count }, json: { ttl: i.ttl, grace: i.grace }, ...o, success: [201, 204] }, (e) => new NoSuchQueue(name, e));
  const rows = await bodyOrEmpty(res, claimedBody(), (b) => plainMessages(Array.isArray(b) ? b : (b as { messages?: unknown } | null)?.messages));
  if (!rows || rows.length === 0) return undefined;
  const messages = rows.map(toMessage);
  const location = res.headers.location;
  const id = location ? idFromHref(location) : (paramFromHref(messages[0]!.href, "claim_id") ?? "");
  const href = location ?? `${messages[0]!.href.split("/messages/")[0]}/claims/${id}`;
  return { id, href, ttl: i.ttl, grace: i.grace, age: 0, messages, raw: { messages: rows } };
}

/** GET /queues/{q}/claims/{id}: its TTL, age and messages now. `NoSuchClaim` once released or expired. */
export async function getClaim(client: QueuesApi, queue: QueueRef, claim: Ref, o: CallOptions = {}): Promise<ClaimData> {
  const name = queueNameOf(queue);
  const id = idOf(claim, "claim");
  requireClientId(client);
  const ready = client.ready(o.signal);
  if (ready) await ready;
  const res = await sendQueues(client, { method: "GET", path: queuesPath(client, name, "claims", id), ...o, success: [200] }, noClaim(id));
  const data = toClaim((await bodyOrEmpty(res, wireClaim()))!);
  return { ...data, id };
}

/**
 * PATCH /queues/{q}/claims/{id} with `{ttl, grace}` → 204: renews the claim (its age restarts).
 * Sent as idempotent — renewing twice is renewing once — so a 5xx or a dropped connection is
 * retried with backoff by the transport's retry policy.
 *
 * Zaqar does not keep what a PATCH leaves out: v1 refuses a body without `ttl` (400) and v2 puts
 * its default (300 s) in its place, so a grace-only renewal of a 600 s claim would shorten it. The
 * claim's current TTL is read first (one GET) when only grace changes; a missing grace is taken
 * from the `Claim` object given (Zaqar's GET does not report it), else the server's default applies.
 * Zaqar 15's GET reports the seconds the claim has left (294 of 300 after 6 s), which is below its
 * 60 s minimum near the end: then 60 is sent (a 400 otherwise), the least renewal Zaqar takes.
 */
export async function updateClaim(client: QueuesApi, queue: QueueRef, claim: Ref, changes: UpdateClaimInput, o: CallOptions = {}): Promise<void> {
  const name = queueNameOf(queue);
  const id = idOf(claim, "claim");
  const c = validate(updateClaimInput(), changes, "changes");
  requireClientId(client);
  const ttl = c.ttl ?? Math.max(LIMITS.claimTtl.min, Math.round((await getClaim(client, name, id, o)).ttl));
  const grace = c.grace ?? graceOf(claim);
  const json = { ttl, ...(grace !== undefined ? { grace } : {}) };
  const ready = client.ready(o.signal);
  if (ready) await ready;
  const res = await sendQueues(client, { method: "PATCH", path: queuesPath(client, name, "claims", id), json, idempotent: true, ...o, success: [204] }, noClaim(id));
  await res.dump();
}

/** The grace a `Claim` object was made or last renewed with (a claim id alone has none). */
function graceOf(claim: Ref): number | undefined {
  const grace = typeof claim === "object" && claim !== null ? (claim as { grace?: unknown }).grace : undefined;
  return typeof grace === "number" ? grace : undefined;
}

/** DELETE /queues/{q}/claims/{id} → 204: its messages are free to claim again at once. */
export async function releaseClaim(client: QueuesApi, queue: QueueRef, claim: Ref, o: CallOptions = {}): Promise<void> {
  const name = queueNameOf(queue);
  const id = idOf(claim, "claim");
  requireClientId(client);
  const ready = client.ready(o.signal);
  if (ready) await ready;
  const res = await sendQueues(client, { method: "DELETE", path: queuesPath(client, name, "claims", id), ...o, success: [204] }, noClaim(id));
  await res.dump();
}
