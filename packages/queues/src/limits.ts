import type { ApiVersion } from "./queues-api";

/**
 * The service's documented limits, checked before any request (ValidationError naming the field).
 * Rackspace Cloud Queues v1 and Zaqar v2 share the TTL, grace and claim limits; where they differ
 * the table is per version. Sources: the seed (TTL, grace, claim count), Rackspace's and Zaqar's
 * API docs (10 messages per post), and real Zaqar 15 here (20 rows per page).
 */
export const LIMITS = {
  /** Queue names: letters, digits, `_` and `-`, 1–64 of them (Zaqar 15 also takes `.`; the SDK keeps to the documented set). */
  queueName: /^[A-Za-z0-9_-]{1,64}$/,
  messageTtl: { min: 60, max: 1_209_600 },
  claimTtl: { min: 60, max: 43_200 },
  claimGrace: { min: 60, max: 43_200 },
  /** Messages claimed by one request (the seed: "the maximum … you may claim at once is 20"). */
  claimCount: 20,
  /** Messages in one POST ("up to 10 messages in a single request"). */
  postCount: 10,
  /** Bytes of one POST body (`_max_messages_post_size`: 256 KiB). */
  postBytes: 262_144,
  /** Ids in one get-by-ids or delete-by-ids request. */
  idsCount: 20,
} as const;

/** Rows per page the server allows (and the SDK asks for by default). */
export function pageLimits(v: ApiVersion): { queues: { max: number; default: number }; messages: { max: number; default: number } } {
  return v === 1 ? { queues: { max: 1000, default: 20 }, messages: { max: 10, default: 10 } } : { queues: { max: 20, default: 20 }, messages: { max: 20, default: 20 } };
}
