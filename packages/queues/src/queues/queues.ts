import { assignData, type CallOptions, type Paginated } from "@rax/core";
import type { Claim, Claims } from "../claims/claims";
import type { ClaimInput, UpdateClaimInput } from "../claims/models";
import type { Message, Messages } from "../messages/messages";
import type { ListMessagesInput, NewMessage, PostedMessage } from "../messages/models";
import type { QueuesApi } from "../queues-api";
import type { QueueRef, Ref } from "../ref";
import type { CreateQueueInput, ListQueuesInput, QueueData, QueueStats, SetMetadataInput } from "./models";
import * as api from "./requests";

/** `queues.queues`: list, create, check, delete queues; their stats and metadata (pyrax's QueueManager). */
export class QueueManager {
  constructor(
    readonly client: QueuesApi,
    readonly messages: Messages,
    readonly claims: Claims,
  ) {}

  /** Every queue in the region, page after page (pyrax `list()`); `detailed` adds metadata. */
  list(filters?: ListQueuesInput, o?: CallOptions): Paginated<Queue> {
    return api.listQueues(this.client, filters, o).map((d) => new Queue(this, d));
  }

  /** Whether a queue of that name exists (pyrax `queue_exists`). */
  exists(queue: QueueRef, o?: CallOptions): Promise<boolean> {
    return api.queueExists(this.client, queue, o);
  }

  /** The queue (`NoSuchQueue` if there is none); on v2 with its metadata. */
  async get(queue: QueueRef, o?: CallOptions): Promise<Queue> {
    return new Queue(this, await api.getQueue(this.client, queue, o));
  }

  /** Creates a queue (pyrax `create(name)`); a name already taken → `DuplicateQueue`. */
  async create(name: string, options?: CreateQueueInput, o?: CallOptions): Promise<Queue> {
    return new Queue(this, await api.createQueue(this.client, name, options, o));
  }

  /** Deletes the queue and every message in it. */
  delete(queue: QueueRef, o?: CallOptions): Promise<void> {
    return api.deleteQueue(this.client, queue, o);
  }

  /** Message counts (claimed, free, total) and the oldest and newest message (pyrax `get_stats`). */
  stats(queue: QueueRef, o?: CallOptions): Promise<QueueStats> {
    return api.getQueueStats(this.client, queue, o);
  }

  /** The queue's metadata (pyrax `get_metadata`). */
  getMetadata(queue: QueueRef, o?: CallOptions): Promise<Record<string, unknown>> {
    return api.getQueueMetadata(this.client, queue, o);
  }

  /** Merges `metadata` in, or with `{ clear: true }` replaces it (pyrax `set_metadata(…, clear)`). Returns it as it now is. */
  setMetadata(queue: QueueRef, metadata: Record<string, unknown>, options?: SetMetadataInput, o?: CallOptions): Promise<Record<string, unknown>> {
    return api.setQueueMetadata(this.client, queue, metadata, options, o);
  }
}

export interface Queue extends QueueData {}

/** A queue (pyrax's `Queue`): its name, plus every pyrax queue verb, each delegating to the client's namespaces. */
export class Queue {
  readonly #manager: QueueManager;

  constructor(manager: QueueManager, data: QueueData) {
    this.#manager = manager;
    assignData(this, data);
  }

  get #messages(): Messages {
    return this.#manager.messages;
  }
  get #claims(): Claims {
    return this.#manager.claims;
  }

  /** pyrax `queue.post_message(body, ttl)`. */
  postMessage(body: unknown, ttl: number, o?: CallOptions): Promise<PostedMessage> {
    return this.#messages.post(this, body, ttl, o);
  }
  /** Up to 10 messages in one request. */
  postMessages(messages: NewMessage[], o?: CallOptions): Promise<PostedMessage[]> {
    return this.#messages.postMany(this, messages, o);
  }
  /** pyrax `queue.list(echo, include_claimed, marker, limit)`: this queue's messages. */
  list(filters?: ListMessagesInput, o?: CallOptions): Paginated<Message> {
    return this.#messages.list(this, filters, o);
  }
  /** Same as `list`. */
  listMessages(filters?: ListMessagesInput, o?: CallOptions): Paginated<Message> {
    return this.#messages.list(this, filters, o);
  }
  getMessage(message: Ref, o?: CallOptions): Promise<Message> {
    return this.#messages.get(this, message, o);
  }
  getMessagesByIds(ids: Ref[], o?: CallOptions): Promise<Message[]> {
    return this.#messages.getByIds(this, ids, o);
  }
  deleteMessage(message: Ref | { id: string; claimId?: string }, options?: { claimId?: string }, o?: CallOptions): Promise<void> {
    return this.#messages.delete(this, message, options, o);
  }
  deleteMessagesByIds(ids: Ref[], o?: CallOptions): Promise<void> {
    return this.#messages.deleteByIds(this, ids, o);
  }
  /**
   * pyrax `queue.claim_messages(ttl, grace[, count])` — positional as in pyrax, or `{ ttl, grace, count }`;
   * `undefined` when there is nothing to claim.
   */
  claimMessages(ttl: number, grace: number, count?: number, o?: CallOptions): Promise<Claim | undefined>;
  claimMessages(options: ClaimInput, o?: CallOptions): Promise<Claim | undefined>;
  claimMessages(a: ClaimInput | number, b?: number | CallOptions, count?: number, o?: CallOptions): Promise<Claim | undefined> {
    if (typeof a !== "number") return this.#claims.claim(this, a, b as CallOptions | undefined);
    // A grace left out reaches validation as missing (`claim.grace`), not as a call option.
    return this.#claims.claim(this, { ttl: a, grace: b as number, ...(count !== undefined ? { count } : {}) }, o);
  }
  getClaim(claim: Ref, o?: CallOptions): Promise<Claim> {
    return this.#claims.get(this, claim, o);
  }
  /**
   * pyrax `queue.update_claim(claim[, ttl][, grace])` — positional as in pyrax (`updateClaim(claim, undefined, 120)`
   * for grace only), or `{ ttl, grace }`.
   */
  updateClaim(claim: Ref, ttl: number | undefined, grace?: number, o?: CallOptions): Promise<void>;
  updateClaim(claim: Ref, changes: UpdateClaimInput, o?: CallOptions): Promise<void>;
  updateClaim(claim: Ref, a: UpdateClaimInput | number | undefined, b?: number | CallOptions, o?: CallOptions): Promise<void> {
    if (typeof a === "number" || (a === undefined && typeof b === "number")) {
      const grace = b as number | undefined;
      return this.#claims.update(this, claim, { ...(a !== undefined ? { ttl: a } : {}), ...(grace !== undefined ? { grace } : {}) }, o);
    }
    return this.#claims.update(this, claim, a as UpdateClaimInput, b as CallOptions | undefined);
  }
  /** pyrax `queue.release_claim(claim)`. */
  releaseClaim(claim: Ref, o?: CallOptions): Promise<void> {
    return this.#claims.release(this, claim, o);
  }
  stats(o?: CallOptions): Promise<QueueStats> {
    return this.#manager.stats(this, o);
  }
  getMetadata(o?: CallOptions): Promise<Record<string, unknown>> {
    return this.#manager.getMetadata(this, o);
  }
  setMetadata(metadata: Record<string, unknown>, options?: SetMetadataInput, o?: CallOptions): Promise<Record<string, unknown>> {
    return this.#manager.setMetadata(this, metadata, options, o);
  }
  exists(o?: CallOptions): Promise<boolean> {
    return this.#manager.exists(this, o);
  }
  delete(o?: CallOptions): Promise<void> {
    return this.#manager.delete(this, o);
  }
}
