import { lazy, validate } from "@rax/core";
import * as z from "zod/mini";
import { LIMITS } from "../limits";
import { seconds } from "../ref";
import { idFromHref, paramFromHref } from "../wire";

export const wireMessage = lazy(() => z.looseObject({
  id: z.optional(z.string()),
  href: z.string(),
  ttl: z.number(),
  age: z.number(),
  body: z.unknown(),
  checksum: z.optional(z.string()),
}));
export type WireMessage = z.output<ReturnType<typeof wireMessage>>;

const links = lazy(() => z.optional(z.array(z.looseObject({ rel: z.optional(z.string()), href: z.string() }))));
export const messagesBody = lazy(() => z.looseObject({ messages: z.array(wireMessage()), links: links() }));

/**
 * Rows that plainly fit `wireMessage` (href a string, ttl and age numbers), checked by hand: a claim
 * or a page of 20 is parsed on every worker loop, and zod is only needed to word what is wrong with
 * a row that does not fit. Anything else → undefined (the caller then parses with zod).
 */
export function plainMessages(rows: unknown): WireMessage[] | undefined {
  if (!Array.isArray(rows)) return undefined;
  for (const r of rows) {
    if (typeof r !== "object" || r === null) return undefined;
    const m = r as Record<string, unknown>;
    if (typeof m.href !== "string" || typeof m.ttl !== "number" || typeof m.age !== "number" || (m.id !== undefined && typeof m.id !== "string")) return undefined;
  }
  return rows as WireMessage[];
}
/** GET ?ids=: v1 answers a bare array, v2 `{"messages": […]}`. */
export const messagesByIdsBody = lazy(() => z.pipe(z.pipe(z.transform((b: unknown) => (Array.isArray(b) ? { messages: b } : b)), z.looseObject({ messages: z.array(wireMessage()) })), z.transform((b) => b.messages)));
export const postedBody = lazy(() => z.looseObject({ resources: z.array(z.string()), partial: z.optional(z.boolean()) }));
export type PostedBody = z.output<ReturnType<typeof postedBody>>;

/** A post's answer that plainly fits `postedBody`, checked by hand (every post reads one); else undefined (zod words it). */
export function plainPosted(b: unknown): PostedBody | undefined {
  if (typeof b !== "object" || b === null) return undefined;
  const { resources, partial } = b as { resources?: unknown; partial?: unknown };
  if (!Array.isArray(resources) || (partial !== undefined && typeof partial !== "boolean")) return undefined;
  for (const r of resources) if (typeof r !== "string") return undefined;
  return b as PostedBody;
}

export interface MessageData {
  id: string;
  href: string;
  /** Seconds the message lives from when it was posted. */
  ttl: number;
  /** Seconds since it was posted. */
  age: number;
  /** What the producer posted (any JSON value). */
  body: unknown;
  /** The claim holding it, when it was read through a claim (or listed with `includeClaimed`). */
  claimId?: string;
  raw: Record<string, unknown>;
}

/** `w` is a row freshly parsed off the wire and owned by nobody else: it is kept as `raw`, not copied. */
export function toMessage(w: WireMessage): MessageData {
  const claimId = paramFromHref(w.href, "claim_id");
  const id = w.id ?? idFromHref(w.href);
  return claimId ? { id, href: w.href, ttl: w.ttl, age: w.age, body: w.body, claimId, raw: w } : { id, href: w.href, ttl: w.ttl, age: w.age, body: w.body, raw: w };
}

/** A row the server says no live claim holds: any `claim_id` in its href is a claim that ran out, left out. */
export function toUnclaimedMessage(w: WireMessage): MessageData {
  return { id: w.id ?? idFromHref(w.href), href: w.href, ttl: w.ttl, age: w.age, body: w.body, raw: w };
}

/** What `post` returns for each message: its id and href, with the body and TTL that were sent. */
export interface PostedMessage {
  id: string;
  href: string;
  body: unknown;
  ttl: number;
}

export const messageTtl = lazy(() => seconds(LIMITS.messageTtl));

/** One message to post: any JSON value as `body`, and its time to live. */
export const newMessage = lazy(() => z.strictObject({
  body: z.unknown().check(z.refine((b) => b !== undefined, "is required (any JSON value)")),
  ttl: messageTtl(),
}));
export type NewMessage = z.input<ReturnType<typeof newMessage>>;

export const newMessages = lazy(() => z.array(newMessage()).check(z.minLength(1, "must hold at least one message"), z.maxLength(LIMITS.postCount, `must hold at most ${LIMITS.postCount} messages (the service's per-request limit); post the rest in more requests`)));

/**
 * Messages to post as the wire wants them (`{ttl, body}` each), when they plainly fit `newMessages`:
 * 1–10 plain objects holding only a defined `body` and a whole `ttl` in range. Checked by hand, as
 * a producer posts in a loop; anything else → undefined, and zod words what is wrong.
 */
export function plainNewMessages(v: unknown): Array<{ ttl: number; body: unknown }> | undefined {
  if (!Array.isArray(v) || v.length < 1 || v.length > LIMITS.postCount) return undefined;
  const out: Array<{ ttl: number; body: unknown }> = [];
  for (const m of v) {
    if (typeof m !== "object" || m === null || Object.getPrototypeOf(m) !== Object.prototype) return undefined;
    let keys = 0;
    for (const k in m) {
      if (k !== "body" && k !== "ttl") return undefined;
      keys++;
    }
    const { ttl, body } = m as { ttl?: unknown; body?: unknown };
    if (keys !== 2 || body === undefined || !Number.isInteger(ttl) || (ttl as number) < LIMITS.messageTtl.min || (ttl as number) > LIMITS.messageTtl.max) return undefined;
    out.push({ ttl: ttl as number, body });
  }
  return out;
}

export const listMessagesInput = lazy(() => z.optional(z.strictObject({
  /** Include messages this client (Client-ID) posted. Default false. */
  echo: z.optional(z.boolean()),
  /** Include claimed messages too. Default false. */
  includeClaimed: z.optional(z.boolean()),
  /** Start after this marker (the walk handles paging itself; rarely needed). */
  marker: z.optional(z.string().check(z.minLength(1))),
  /** Stop after this many messages in total (pyrax's `limit`). Default: every page. */
  limit: z.optional(z.int().check(z.positive())),
  /** Messages per request (v1 ≤ 10, v2 ≤ 20). */
  pageSize: z.optional(z.int().check(z.positive())),
})));
export type ListMessagesInput = z.input<ReturnType<typeof listMessagesInput>>;

const idsSchema = lazy(() => z.array(z.union([z.string().check(z.minLength(1)), z.pipe(z.object({ id: z.string().check(z.minLength(1)) }), z.transform((o) => o.id))])).check(z.minLength(1, "must hold at least one id"), z.maxLength(LIMITS.idsCount, `must hold at most ${LIMITS.idsCount} ids per request`)));

/**
 * Ids (or objects with one) as strings. Plain arrays (a claim's messages, strings) are read by hand:
 * a worker deletes every claim's messages; anything else goes to zod, which words what is wrong.
 */
export function idsOf(v: unknown): string[] {
  if (Array.isArray(v) && v.length >= 1 && v.length <= LIMITS.idsCount) {
    const out: string[] = [];
    for (const x of v) {
      const id = typeof x === "string" ? x : typeof x === "object" && x !== null && typeof (x as { id?: unknown }).id === "string" ? (x as { id: string }).id : "";
      if (!id) break;
      out.push(id);
    }
    if (out.length === v.length) return out;
  }
  return validate(idsSchema(), v, "ids");
}

export const deleteMessageInput = lazy(() => z.optional(z.strictObject({
  /** The claim holding the message (needed once it is claimed; a `Message` read through a claim carries it). */
  claimId: z.optional(z.string().check(z.minLength(1))),
})));
export type DeleteMessageInput = z.input<ReturnType<typeof deleteMessageInput>>;
