import { lazy, parseSchema } from "@rax/core";
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

export function toMessage(w: WireMessage): MessageData {
  const claimId = paramFromHref(w.href, "claim_id");
  return { id: w.id ?? idFromHref(w.href), href: w.href, ttl: w.ttl, age: w.age, body: w.body, ...(claimId ? { claimId } : {}), raw: { ...w } };
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

/** Ids (or objects with one); plain arrays are read by hand, anything else goes to zod for the wording. */
export const idsInput = lazy(() => z.pipe(z.custom<string[]>(), z.transform((v, ctx) => {
  if (Array.isArray(v) && v.length >= 1 && v.length <= LIMITS.idsCount) {
    const out: string[] = [];
    for (const x of v) {
      const id = typeof x === "string" ? x : typeof x === "object" && x !== null && typeof (x as { id?: unknown }).id === "string" ? (x as { id: string }).id : "";
      if (!id) break;
      out.push(id);
    }
    if (out.length === v.length) return out;
  }
  const r = parseSchema(idsSchema(), v);
  if (r.success) return r.data;
  // What classic zod's ctx.addIssue did (zod/mini's transform context has only `issues`).
  for (const issue of r.error.issues) ctx.issues.push({ ...issue, code: "custom", message: issue.message, path: issue.path, input: v } as never);
  return z.NEVER;
})));

export const deleteMessageInput = lazy(() => z.optional(z.strictObject({
  /** The claim holding the message (needed once it is claimed; a `Message` read through a claim carries it). */
  claimId: z.optional(z.string().check(z.minLength(1))),
})));
export type DeleteMessageInput = z.input<ReturnType<typeof deleteMessageInput>>;
