import type { ClaimRecord, MessageRecord } from "./model";
import type { QueuesRequest } from "./queues-request";

/** Seconds since `from`: Zaqar v2 sends fractions (as real Zaqar 15 does), Marconi v1 whole seconds. */
export function ageOf(r: QueuesRequest, from: number): number {
  const s = Math.max(0, r.ctx.state.clock.now() - from) / 1000;
  return r.version === "v1" ? Math.floor(s) : s;
}

/** v1: the live claim's id; v2 (Zaqar 15): the id its last claim wrote into it, even once that claim ran out. */
export function messageHref(r: QueuesRequest, queue: string, m: Pick<MessageRecord, "id" | "claimId" | "lastClaimId">): string {
  const base = `${r.hrefBase}/queues/${queue}/messages/${m.id}`;
  const claim = r.version === "v1" ? m.claimId : m.lastClaimId;
  return claim ? `${base}?claim_id=${claim}` : base;
}

/** A message as GET shows it; its `ttl` is as stored (a claim may have lengthened it). */
export function messageView(r: QueuesRequest, queue: string, m: MessageRecord): Record<string, unknown> {
  const view = { href: messageHref(r, queue, m), ttl: m.ttl, age: ageOf(r, m.created), body: m.body };
  return r.version === "v1" ? view : { id: m.id, ...view };
}

/**
 * A claim as GET shows it. Zaqar 15 (v2) reports the seconds it has left, rounded, not the TTL it was
 * given: 299 of 300 after 0.7 s, 294 after 5.8 s, 400 right after a renewal to 400 (127.0.0.1:8888).
 * v1 (Marconi docs, reference/queues.md) shows the TTL as set.
 */
export function claimView(r: QueuesRequest, queue: string, c: ClaimRecord, messages: MessageRecord[]): Record<string, unknown> {
  const ttl = r.version === "v1" ? c.ttl : Math.round(Math.max(0, c.expires - r.ctx.state.clock.now()) / 1000);
  return { age: ageOf(r, c.renewed), ttl, messages: messages.map((m) => messageView(r, queue, m)), href: `${r.hrefBase}/queues/${queue}/claims/${c.id}` };
}
