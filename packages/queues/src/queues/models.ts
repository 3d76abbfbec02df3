import { lazy } from "@rax/core";
import * as z from "zod/mini";

export const wireQueue = lazy(() => z.looseObject({
  name: z.string(),
  href: z.optional(z.string()),
  metadata: z.optional(z.record(z.string(), z.unknown())),
}));
export type WireQueue = z.output<ReturnType<typeof wireQueue>>;

export const queuesBody = lazy(() => z.looseObject({
  queues: z.array(wireQueue()),
  links: z.optional(z.array(z.looseObject({ rel: z.optional(z.string()), href: z.string() }))),
}));

const wireMessageRef = lazy(() => z.looseObject({ age: z.optional(z.number()), created: z.optional(z.string()), href: z.optional(z.string()) }));
export const statsBody = lazy(() => z.looseObject({
  messages: z.looseObject({
    claimed: z.number(),
    free: z.number(),
    total: z.optional(z.number()),
    newest: z.optional(wireMessageRef()),
    oldest: z.optional(wireMessageRef()),
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

export const listQueuesInput = lazy(() => z.optional(z.strictObject({
  /** Include each queue's metadata (one request either way). */
  detailed: z.optional(z.boolean()),
  /** Stop after this many queues in total. */
  limit: z.optional(z.int().check(z.positive())),
  /** Start after this queue name. */
  marker: z.optional(z.string().check(z.minLength(1))),
  /** Queues per request (v1 ≤ 1000, v2 ≤ 20). */
  pageSize: z.optional(z.int().check(z.positive())),
})));
export type ListQueuesInput = z.input<ReturnType<typeof listQueuesInput>>;

export const createQueueInput = lazy(() => z.optional(z.strictObject({
  /** Metadata to set on the new queue (v2 sends it with the PUT; v1 sets it right after). */
  metadata: z.optional(z.record(z.string(), z.unknown())),
})));
export type CreateQueueInput = z.input<ReturnType<typeof createQueueInput>>;

export const setMetadataInput = lazy(() => z.optional(z.strictObject({
  /** Replace the metadata with `metadata` instead of merging it in (pyrax `clear=True`). */
  clear: z.optional(z.boolean()),
})));
export type SetMetadataInput = z.input<ReturnType<typeof setMetadataInput>>;
