import { lazy } from "@rax/core";
import * as z from "zod/mini";
import { LIMITS } from "../limits";
import { seconds } from "../ref";
import { type MessageData, toMessage, wireMessage } from "../messages/models";
import { idFromHref } from "../wire";

/** v1 answers a bare array, v2 `{"messages": […]}`: read as the latter, so a misfit names `messages.<i>.<field>`. */
export const claimedBody = lazy(() => z.pipe(z.pipe(z.transform((b: unknown) => (Array.isArray(b) ? { messages: b } : b)), z.looseObject({ messages: z.array(wireMessage()) })), z.transform((b) => b.messages)));

export const wireClaim = lazy(() => z.looseObject({
  age: z.number(),
  ttl: z.number(),
  grace: z.optional(z.number()),
  href: z.string(),
  id: z.optional(z.string()),
  messages: z.array(wireMessage()),
}));

export interface ClaimData {
  id: string;
  href: string;
  /** Seconds the claim lasts (from its creation or last renewal). */
  ttl: number;
  /**
   * The grace it was made or last renewed with through this object, or the server's if it reports
   * one. Zaqar's GET does not, so a claim from `get()` or after `reload()` has none.
   */
  grace?: number;
  /** Seconds since it was made or last renewed. */
  age: number;
  /** The claimed messages; each carries `claimId` for its delete. */
  messages: MessageData[];
  raw: Record<string, unknown>;
}

export function toClaim(w: z.output<ReturnType<typeof wireClaim>>): ClaimData {
  return {
    id: w.id ?? idFromHref(w.href),
    href: w.href,
    ttl: w.ttl,
    ...(w.grace !== undefined ? { grace: w.grace } : {}),
    age: w.age,
    messages: w.messages.map(toMessage),
    raw: { ...w },
  };
}

export const claimTtl = lazy(() => seconds(LIMITS.claimTtl));
export const claimGrace = lazy(() => seconds(LIMITS.claimGrace));

export const claimInput = lazy(() => z.strictObject({
  /** Seconds before the server releases the claim (60–43200). */
  ttl: claimTtl(),
  /** Seconds the claimed messages outlive the claim, at least (60–43200). */
  grace: claimGrace(),
  /** Messages to claim, at most 20. Default 10. */
  count: z.optional(z.int().check(z.gte(1), z.lte(LIMITS.claimCount, `must be at most ${LIMITS.claimCount} (the most one claim may take)`))),
}));
export type ClaimInput = z.input<ReturnType<typeof claimInput>>;

const within = (v: unknown, l: { min: number; max: number }): v is number => Number.isInteger(v) && (v as number) >= l.min && (v as number) <= l.max;

/** A claim request that plainly fits `claimInput`, checked by hand (a worker claims in a loop); else undefined (zod words it). */
export function plainClaimInput(v: unknown): z.output<ReturnType<typeof claimInput>> | undefined {
  if (typeof v !== "object" || v === null || Object.getPrototypeOf(v) !== Object.prototype) return undefined;
  for (const k in v) if (k !== "ttl" && k !== "grace" && k !== "count") return undefined;
  const { ttl, grace, count } = v as { ttl?: unknown; grace?: unknown; count?: unknown };
  if (!within(ttl, LIMITS.claimTtl) || !within(grace, LIMITS.claimGrace)) return undefined;
  if (count === undefined) return { ttl, grace };
  return within(count, { min: 1, max: LIMITS.claimCount }) ? { ttl, grace, count } : undefined;
}

export const updateClaimInput = lazy(() => z.strictObject({ ttl: z.optional(claimTtl()), grace: z.optional(claimGrace()) }).check(z.refine((u) => u.ttl !== undefined || u.grace !== undefined, { message: "needs ttl or grace (or both)" })));
export type UpdateClaimInput = z.input<ReturnType<typeof updateClaimInput>>;
