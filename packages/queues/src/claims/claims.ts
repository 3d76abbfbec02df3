import { assignData, type CallOptions } from "@rax/core";
import type { Messages } from "../messages/messages";
import { Message } from "../messages/messages";
import type { QueuesApi } from "../queues-api";
import type { QueueRef, Ref } from "../ref";
import type { ClaimData, ClaimInput, UpdateClaimInput } from "./models";
import * as api from "./requests";

/** `queues.claims`: claim messages for a worker, renew, refresh and release claims. */
export class Claims {
  constructor(
    readonly client: QueuesApi,
    readonly messages: Messages,
  ) {}

  /**
   * Claims up to `count` (default 10, at most 20) unclaimed messages for `ttl` seconds (pyrax
   * `claim_messages(queue, ttl, grace, count)`). Nothing to claim → `undefined`, not an error.
   */
  async claim(queue: QueueRef, options: ClaimInput, o?: CallOptions): Promise<Claim | undefined> {
    const data = await api.claimMessages(this.client, queue, options, o);
    return data && new Claim(this, queue, data);
  }

  /** The claim as it is now (pyrax `get_claim`). `NoSuchClaim` once released or expired. */
  async get(queue: QueueRef, claim: Ref, o?: CallOptions): Promise<Claim> {
    return new Claim(this, queue, await api.getClaim(this.client, queue, claim, o));
  }

  /**
   * Renews the claim (pyrax `update_claim`): a new TTL and/or grace, and its age restarts.
   * Retried with backoff on 5xx and dropped connections.
   */
  update(queue: QueueRef, claim: Ref, changes: UpdateClaimInput, o?: CallOptions): Promise<void> {
    return api.updateClaim(this.client, queue, claim, changes, o);
  }

  /** Releases the claim (pyrax `release_claim`): its messages can be claimed by others at once. */
  release(queue: QueueRef, claim: Ref, o?: CallOptions): Promise<void> {
    return api.releaseClaim(this.client, queue, claim, o);
  }
}

export interface Claim extends Omit<ClaimData, "messages"> {}

/**
 * A claim as the server last described it (pyrax's `QueueClaim`): a snapshot, refreshed by
 * `reload()`. `messages` are `Message` objects whose `delete()` passes this claim's id.
 */
export class Claim {
  readonly #claims: Claims;
  readonly #queue: QueueRef;
  messages!: Message[];

  constructor(claims: Claims, queue: QueueRef, data: ClaimData) {
    this.#claims = claims;
    this.#queue = queue;
    this.#assign(data);
  }

  // Every field is what the answer says. Zaqar's GET reports no grace, so after a reload `grace` is
  // unset rather than a value this object once sent, which another renewal may have replaced.
  #assign(data: ClaimData): void {
    const messages = this.#claims.messages;
    // A claimed message's href names its claim already: copy only the rows that lack it.
    const rows = data.messages.map((m) => new Message(messages, this.#queue, m.claimId !== undefined ? m : { ...m, claimId: data.id }));
    assignData(this, { ...data, messages: rows });
  }

  /** The queue it was made on (name). */
  get queue(): string {
    return typeof this.#queue === "string" ? this.#queue : this.#queue.name;
  }

  /**
   * Refreshes every attribute from the server (the seed's "Refreshing a Claim"): `ttl`, `age`,
   * `messages`, and `grace` only if the server reports it (Zaqar does not: it is then unset, and a
   * renewal that should keep a grace must give it).
   */
  async reload(o?: CallOptions): Promise<this> {
    this.#assign(await api.getClaim(this.#claims.client, this.#queue, this, o));
    return this;
  }

  /** Renews it with a new TTL and/or grace; the local `ttl`/`grace` follow and `age` restarts at 0. */
  async update(changes: UpdateClaimInput, o?: CallOptions): Promise<this> {
    await this.#claims.update(this.#queue, this, changes, o);
    if (changes.ttl !== undefined) this.ttl = changes.ttl;
    if (changes.grace !== undefined) this.grace = changes.grace;
    this.age = 0;
    return this;
  }

  /** Releases it: the messages go back to the queue for others. */
  release(o?: CallOptions): Promise<void> {
    return this.#claims.release(this.#queue, this, o);
  }
}
