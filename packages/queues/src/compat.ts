import type { CallOptions, Paginated } from "@rax/core";
import type { Claim } from "./claims/claims";
import type { Message } from "./messages/messages";
import type { ListMessagesInput, PostedMessage } from "./messages/models";
import { Queues } from "./queues";
import type { Queue } from "./queues/queues";
import type { QueueStats } from "./queues/models";
import type { QueueRef, Ref } from "./ref";

/**
 * `Queues` plus pyrax's flat `pyrax.queues` calls, camelCased, for scripts being ported
 * (`pq.claim_messages(q, ttl, grace, count)` → `pq.claimMessages(q, ttl, grace, count)`). Each is
 * one line over the canonical namespaces; new code should call those (`pq.claims.claim(…)`).
 */
export class PyraxQueues extends Queues {
  /** pyrax `pq.list()`. */
  list(o?: CallOptions): Paginated<Queue> {
    return this.queues.list(undefined, o);
  }
  /** pyrax `pq.create(name)`. */
  create(name: string, o?: CallOptions): Promise<Queue> {
    return this.queues.create(name, undefined, o);
  }
  /** pyrax `pq.queue_exists(name)`. */
  queueExists(queue: QueueRef, o?: CallOptions): Promise<boolean> {
    return this.queues.exists(queue, o);
  }
  /** pyrax `pq.get(name)`. */
  get(queue: QueueRef, o?: CallOptions): Promise<Queue> {
    return this.queues.get(queue, o);
  }
  /** pyrax `pq.delete(queue)`. */
  delete(queue: QueueRef, o?: CallOptions): Promise<void> {
    return this.queues.delete(queue, o);
  }
  /** pyrax `pq.get_stats(queue)`. */
  getStats(queue: QueueRef, o?: CallOptions): Promise<QueueStats> {
    return this.queues.stats(queue, o);
  }
  /** pyrax `pq.get_metadata(queue)`. */
  getMetadata(queue: QueueRef, o?: CallOptions): Promise<Record<string, unknown>> {
    return this.queues.getMetadata(queue, o);
  }
  /** pyrax `pq.set_metadata(queue, metadata, clear=False)`. */
  setMetadata(queue: QueueRef, metadata: Record<string, unknown>, clear = false, o?: CallOptions): Promise<Record<string, unknown>> {
    return this.queues.setMetadata(queue, metadata, { clear }, o);
  }
  /** pyrax `pq.post_message(queue, body, ttl)`. */
  postMessage(queue: QueueRef, body: unknown, ttl: number, o?: CallOptions): Promise<PostedMessage> {
    return this.messages.post(queue, body, ttl, o);
  }
  /** pyrax `pq.list_messages(queue, echo, include_claimed, marker, limit)`. */
  listMessages(queue: QueueRef, filters?: ListMessagesInput, o?: CallOptions): Paginated<Message> {
    return this.messages.list(queue, filters, o);
  }
  /** pyrax `pq.get_message(queue, msg_id)`. */
  getMessage(queue: QueueRef, message: Ref, o?: CallOptions): Promise<Message> {
    return this.messages.get(queue, message, o);
  }
  /** pyrax `pq.list_messages_by_ids(queue, ids)`. */
  listMessagesByIds(queue: QueueRef, ids: Ref[], o?: CallOptions): Promise<Message[]> {
    return this.messages.getByIds(queue, ids, o);
  }
  /** pyrax `pq.delete_message(queue, msg_id, claim_id=None)`. */
  deleteMessage(queue: QueueRef, message: Ref, claimId?: string, o?: CallOptions): Promise<void> {
    return this.messages.delete(queue, message, claimId ? { claimId } : undefined, o);
  }
  /** pyrax `pq.delete_messages_by_ids(queue, ids)`. */
  deleteMessagesByIds(queue: QueueRef, ids: Ref[], o?: CallOptions): Promise<void> {
    return this.messages.deleteByIds(queue, ids, o);
  }
  /** pyrax `pq.claim_messages(queue, ttl, grace, count=None)`; `undefined` when nothing is there. */
  claimMessages(queue: QueueRef, ttl: number, grace: number, count?: number, o?: CallOptions): Promise<Claim | undefined> {
    return this.claims.claim(queue, { ttl, grace, ...(count !== undefined ? { count } : {}) }, o);
  }
  /** pyrax `pq.get_claim(queue, claim)`. */
  getClaim(queue: QueueRef, claim: Ref, o?: CallOptions): Promise<Claim> {
    return this.claims.get(queue, claim, o);
  }
  /** pyrax `pq.update_claim(queue, claim, ttl=None, grace=None)`. */
  updateClaim(queue: QueueRef, claim: Ref, ttl?: number, grace?: number, o?: CallOptions): Promise<void> {
    return this.claims.update(queue, claim, { ...(ttl !== undefined ? { ttl } : {}), ...(grace !== undefined ? { grace } : {}) }, o);
  }
  /** pyrax `pq.release_claim(queue, claim)`. */
  releaseClaim(queue: QueueRef, claim: Ref, o?: CallOptions): Promise<void> {
    return this.claims.release(queue, claim, o);
  }
}
