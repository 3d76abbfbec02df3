import { lazy } from "@rax/core";
import * as z from "zod";

export const wireQueue = lazy(() => z.looseObject({
  name: z.string(),
  href: z.string().optional(),
  metadata: z.record(z.string(), z.unknown()).optional(),
}));
export type WireQueue = z.output<ReturnType<typeof wireQueue>>;

export const queuesBody = lazy(() => z.looseObject({
  queues: z.array(wireQueue()),
  links: z.array(z.looseObject({ rel: z.string().optional(), href: z.string() })).optional(),
}));

const wireMessageRef = lazy(() => z.looseObject({ age: z.number().optional(), created: z.string().optional(), href: z.string().optional() }));
export const statsBody = lazy(() => z.looseObject({
  messages: z.looseObject({
    claimed: z.number(),
    free: z.number(),
    total: z.number().optional(),
    newest: wireMessageRef().optional(),
    oldest: wireMessageRef().optional(),
  }),
}));

export const metadataBody = lazy(() => z.record(z.string(), z.unknown()));

export interface QueueData {
  name: string;
  href?: string;
  /** Present when listed with `detailed: true`, or after `get` on v2. */
  metadata?: Record<string, unknown>;
  raw: Record<string, unknown>;
}

export function toQueue(w: WireQueue): QueueData {
  return { name: w.name, ...(w.href ? { href: w.href } : {}), ...(w.metadata ? { metadata: { ...w.metadata } } : {}), raw: { ...w } };
}

/** One end of the queue (`stats.oldest`, `stats.newest`). */
export interface MessageAge {
  /** Seconds since it was posted (Zaqar sends fractions). */
  age: number;
  created?: string;
  href?: string;
}

/** pyrax `get_stats` (its `messages` object), camelCased. */
export interface QueueStats {
  claimed: number;
  free: number;
  total: number;
  oldest?: MessageAge;
  newest?: MessageAge;
  raw: Record<string, unknown>;
}

export function toStats(w: z.output<ReturnType<typeof statsBody>>): QueueStats {
  const m = w.messages;
  const end = (x: z.output<ReturnType<typeof wireMessageRef>> | undefined): MessageAge | undefined =>
    x ? { age: x.age ?? 0, ...(x.created ? { created: x.created } : {}), ...(x.href ? { href: x.href } : {}) } : undefined;
  const oldest = end(m.oldest);
  const newest = end(m.newest);
  return { claimed: m.claimed, free: m.free, total: m.total ?? m.claimed + m.free, ...(oldest ? { oldest } : {}), ...(newest ? { newest } : {}), raw: { ...w } };
}

export const listQueuesInput = lazy(() => z
  .strictObject({
    /** Include each queue's metadata (one request either way). */
    detailed: z.boolean().optional(),
    /** Stop after this many queues in total. */
    limit: z.number().int().positive().optional(),
    /** Start after this queue name. */
    marker: z.string().min(1).optional(),
    /** Queues per request (v1 ≤ 1000, v2 ≤ 20). */
    pageSize: z.number().int().positive().optional(),
  })
  .optional());
export type ListQueuesInput = z.input<ReturnType<typeof listQueuesInput>>;

export const createQueueInput = lazy(() => z
  .strictObject({
    /** Metadata to set on the new queue (v2 sends it with the PUT; v1 sets it right after). */
    metadata: z.record(z.string(), z.unknown()).optional(),
  })
  .optional());
export type CreateQueueInput = z.input<ReturnType<typeof createQueueInput>>;

export const setMetadataInput = lazy(() => z
  .strictObject({
    /** Replace the metadata with `metadata` instead of merging it in (pyrax `clear=True`). */
    clear: z.boolean().optional(),
  })
  .optional());
export type SetMetadataInput = z.input<ReturnType<typeof setMetadataInput>>;
