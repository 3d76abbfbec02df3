import { randomBytes, randomUUID } from "node:crypto";
import type { EmulatorState } from "../state";
import { perEmulator } from "../per-emulator";

/** Zaqar's defaults for what a request leaves out (queue `_default_message_ttl`, claim ttl/grace). */
export const DEFAULTS = { messageTtl: 3600, claimTtl: 300, claimGrace: 60, maxPostBytes: 262_144 } as const;

export interface MessageRecord {
  id: string;
  /** Posting order, for listing and v1's numeric markers. */
  seq: number;
  body: unknown;
  /** Seconds it lives, as the server reports it: as posted, until a claim lengthens it. */
  ttl: number;
  /**
   * When it was last stored, where `age` counts from: its post, or on Zaqar 15 (Swift store) the
   * last claim or release, which rewrite the message object (a fresh `x-timestamp`).
   */
  created: number;
  expires: number;
  clientId: string;
  /** The live claim holding it (cleared when that claim is released or runs out). */
  claimId?: string;
  /**
   * The claim id written into the message by its last claim. Zaqar 15's Swift store keeps it after
   * the claim runs out (only a release rewrites the message without it): v2 then still shows it in
   * the message's href and counts the message as claimed in stats, though it is free to claim and delete.
   */
  lastClaimId?: string;
}

export interface ClaimRecord {
  id: string;
  ttl: number;
  grace: number;
  /** When it was made or last renewed (its age restarts). */
  renewed: number;
  expires: number;
}

export interface QueueRecord {
  name: string;
  metadata: Record<string, unknown>;
  messages: Map<string, MessageRecord>;
  claims: Map<string, ClaimRecord>;
}

/** The reserved metadata Zaqar v2 shows on every queue (real Zaqar 15's defaults). */
export const RESERVED_METADATA: Readonly<Record<string, unknown>> = {
  _max_messages_post_size: DEFAULTS.maxPostBytes,
  _default_message_ttl: DEFAULTS.messageTtl,
  _default_message_delay: 0,
  _dead_letter_queue: null,
  _dead_letter_queue_messages_ttl: null,
  _max_claim_count: null,
  _enable_encrypt_messages: false,
};

/**
 * One project's queues in one region, on the emulator's clock: messages vanish when their TTL runs
 * out, claims when theirs does (their messages then free again); a claim keeps its messages alive
 * for at least its TTL plus grace.
 */
export class ProjectQueues {
  readonly queues = new Map<string, QueueRecord>();
  #seq = 0;

  constructor(private readonly now: () => number) {}

  get(name: string): QueueRecord | undefined {
    const q = this.queues.get(name);
    if (q) this.sweep(q);
    return q;
  }

  /** The queue, made on first use (Zaqar v2 creates queues lazily: a post to a new name makes it). */
  ensure(name: string): QueueRecord {
    let q = this.get(name);
    if (!q) {
      q = { name, metadata: {}, messages: new Map(), claims: new Map() };
      this.queues.set(name, q);
    }
    return q;
  }

  names(): string[] {
    return [...this.queues.keys()].sort();
  }

  /** Drops expired claims (freeing their messages) and expired messages. */
  sweep(q: QueueRecord): void {
    const now = this.now();
    for (const [id, c] of q.claims) if (c.expires <= now) q.claims.delete(id);
    for (const [id, m] of q.messages) {
      if (m.expires <= now) q.messages.delete(id);
      else if (m.claimId && !q.claims.has(m.claimId)) m.claimId = undefined;
    }
  }

  post(q: QueueRecord, body: unknown, ttl: number, clientId: string, v1: boolean): MessageRecord {
    const now = this.now();
    const m: MessageRecord = { id: v1 ? randomBytes(12).toString("hex") : randomUUID(), seq: ++this.#seq, body, ttl, created: now, expires: now + ttl * 1000, clientId };
    q.messages.set(m.id, m);
    return m;
  }

  /**
   * Claims up to `limit` free messages, oldest first; none free → undefined (the 204). Each claimed
   * message is kept alive at least for the claim's ttl + grace, as the two stores do it:
   * - v1, Marconi's MongoDB store (storage/mongodb/claims.py `create`): a message that would expire
   *   before the claim gets expiry claim end + grace and ttl = claim ttl + grace; its age runs on.
   * - v2, Zaqar 15's Swift store as run here (storage/swift/claims.py `create`): every claimed message
   *   is rewritten with ttl = max(its ttl, claim ttl + grace) and `x-delete-after` that ttl, so its
   *   expiry restarts from now and its age restarts at 0 (the claim's own answer still shows the age
   *   each had when listed for it: `listedAt`).
   */
  claim(q: QueueRecord, ttl: number, grace: number, limit: number, v1: boolean): { claim: ClaimRecord; messages: MessageRecord[]; listedAt: number[] } | undefined {
    const free = [...q.messages.values()].filter((m) => !m.claimId).slice(0, limit);
    if (free.length === 0) return undefined;
    const now = this.now();
    const claim: ClaimRecord = { id: v1 ? randomBytes(12).toString("hex") : randomUUID(), ttl, grace, renewed: now, expires: now + ttl * 1000 };
    q.claims.set(claim.id, claim);
    // Zaqar answers the claim with the rows as it listed them, before the rewrite: their old age.
    const listedAt = free.map((m) => m.created);
    for (const m of free) {
      m.claimId = claim.id;
      m.lastClaimId = claim.id;
      if (v1) holdFor(m, claim);
      else {
        m.ttl = Math.max(m.ttl, ttl + grace);
        m.created = now;
        m.expires = now + m.ttl * 1000;
      }
    }
    return { claim, messages: free, listedAt };
  }

  /**
   * Renews a claim: its ttl and grace are replaced and its age restarts. What happens to its messages
   * differs by store:
   * - v1 (Marconi's MongoDB `update`): messages that would expire before the renewed claim are
   *   lengthened to its end + grace (ttl = claim ttl + grace), as at creation.
   * - v2 (Zaqar 15's Swift `update`): only the claim object's `x-delete-after` changes; its messages
   *   keep their ttl and expiry, so a claim renewed past them outlives them (checked on real Zaqar 15:
   *   a message shown with ttl 390 stayed 390 after a renewal to ttl 400 + grace 200).
   */
  renew(q: QueueRecord, claim: ClaimRecord, ttl: number, grace: number, v1: boolean): void {
    const now = this.now();
    claim.ttl = ttl;
    claim.grace = grace;
    claim.renewed = now;
    claim.expires = now + ttl * 1000;
    if (v1) for (const m of q.messages.values()) if (m.claimId === claim.id) holdFor(m, claim);
  }

  /**
   * Releases a claim: its messages are free at once. Zaqar 15's Swift store rewrites each (its
   * `x-delete-at` kept, so the expiry stands), which restarts its age; Marconi's leaves them as they are.
   */
  release(q: QueueRecord, id: string, v1: boolean): void {
    const now = this.now();
    q.claims.delete(id);
    for (const m of q.messages.values()) {
      if (m.lastClaimId !== id) continue;
      m.claimId = undefined;
      m.lastClaimId = undefined;
      if (!v1) m.created = now;
    }
  }

  claimed(q: QueueRecord, claimId: string): MessageRecord[] {
    return [...q.messages.values()].filter((m) => m.claimId === claimId);
  }
}

/** Marconi's MongoDB store: a message that would expire before the claim lives to its end + grace. */
function holdFor(m: MessageRecord, claim: ClaimRecord): void {
  if (m.expires >= claim.expires) return;
  m.expires = claim.expires + claim.grace * 1000;
  m.ttl = claim.ttl + claim.grace;
}

/** Every region's and project's queues. */
export class QueuesState {
  readonly #projects = new Map<string, ProjectQueues>();

  constructor(private readonly state: EmulatorState) {}

  project(region: string, project: string): ProjectQueues {
    const key = `${region}\u0000${project}`;
    let p = this.#projects.get(key);
    if (!p) {
      p = new ProjectQueues(() => this.state.clock.now());
      this.#projects.set(key, p);
    }
    return p;
  }
}

/** The queues state of an emulator (created on first use). */
export const queuesState = perEmulator((state): QueuesState => new QueuesState(state));
