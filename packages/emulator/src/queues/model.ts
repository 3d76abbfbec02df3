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
  /** Seconds it lives, as posted (a claim may extend `expires` beyond it). */
  ttl: number;
  created: number;
  expires: number;
  clientId: string;
  claimId?: string;
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

  /** Claims up to `limit` free messages, oldest first; none free → undefined (the 204). */
  claim(q: QueueRecord, ttl: number, grace: number, limit: number, v1: boolean): { claim: ClaimRecord; messages: MessageRecord[] } | undefined {
    const free = [...q.messages.values()].filter((m) => !m.claimId).slice(0, limit);
    if (free.length === 0) return undefined;
    const now = this.now();
    const claim: ClaimRecord = { id: v1 ? randomBytes(12).toString("hex") : randomUUID(), ttl, grace, renewed: now, expires: now + ttl * 1000 };
    q.claims.set(claim.id, claim);
    for (const m of free) {
      m.claimId = claim.id;
      m.expires = Math.max(m.expires, claim.expires + grace * 1000);
    }
    return { claim, messages: free };
  }

  renew(q: QueueRecord, claim: ClaimRecord, ttl: number | undefined, grace: number | undefined): void {
    const now = this.now();
    if (ttl !== undefined) claim.ttl = ttl;
    if (grace !== undefined) claim.grace = grace;
    claim.renewed = now;
    claim.expires = now + claim.ttl * 1000;
    for (const m of q.messages.values()) if (m.claimId === claim.id) m.expires = Math.max(m.expires, claim.expires + claim.grace * 1000);
  }

  release(q: QueueRecord, id: string): void {
    q.claims.delete(id);
    for (const m of q.messages.values()) if (m.claimId === id) m.claimId = undefined;
  }

  claimed(q: QueueRecord, claimId: string): MessageRecord[] {
    return [...q.messages.values()].filter((m) => m.claimId === claimId);
  }
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
