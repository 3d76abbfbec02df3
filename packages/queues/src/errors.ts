import { BadRequest, Forbidden, type HttpError, httpErrorInit, notFoundError, RaxError, ValidationError } from "@rax/core";

/** The queue does not exist (404, or `get`/`exists` found no queue of that name). */
export class NoSuchQueue extends /* @__PURE__ */ notFoundError("NoSuchQueue", "queue") {}
/** The message does not exist (never posted, deleted, or its TTL ran out). */
export class NoSuchMessage extends /* @__PURE__ */ notFoundError("NoSuchMessage", "message") {}
/** The claim does not exist (released, or its TTL ran out). */
export class NoSuchClaim extends /* @__PURE__ */ notFoundError("NoSuchClaim", "claim") {}

/** `create` of a queue that already exists (the server answered 204 instead of 201), as pyrax raises. */
export class DuplicateQueue extends RaxError {
  static override readonly errorName: string = "DuplicateQueue";
  constructor(readonly queue: string) {
    super(`Queue already exists: ${queue}`);
  }
}

/**
 * The call needs a Client-ID and the client has none (built with `clientId: null`), or the server
 * said the header was missing. Set `queues.clientId = randomUUID()` or `CLOUD_QUEUES_ID`.
 */
export class QueueClientIDNotDefined extends ValidationError {
  static override readonly errorName: string = "QueueClientIDNotDefined";
  constructor(options?: { cause?: unknown }) {
    super("clientId", "Cloud Queues needs a Client-ID (a canonical UUID): set client.clientId or CLOUD_QUEUES_ID", options);
  }
}

/**
 * Deleting a claimed message without its claim id (403), or with the id of another claim than the
 * one holding it (403): the message is someone else's to delete.
 */
export class MessageClaimed extends Forbidden {
  static override readonly errorName: string = "MessageClaimed";
  constructor(
    readonly id: string,
    from: HttpError,
    readonly claimId?: string,
  ) {
    const what = claimId === undefined ? "delete it with its claim id" : `claim ${claimId} does not hold it`;
    super(httpErrorInit(from, `Message ${id} is claimed: ${what} (${from.serverMessage})`));
  }
}

/**
 * Deleting a message with a claim id that no longer holds it (400): the claim was released or its
 * TTL ran out ("does not exist or has expired"), or the message is not claimed any more. The message
 * was NOT deleted, and another worker may have claimed it since: renew claims before they run out,
 * and treat this as "not mine any more", not as done.
 */
export class ClaimExpired extends BadRequest {
  static override readonly errorName: string = "ClaimExpired";
  constructor(
    readonly id: string,
    readonly claimId: string,
    from: HttpError,
  ) {
    super(httpErrorInit(from, `Message ${id} was not deleted: claim ${claimId} no longer holds it (${from.serverMessage})`));
  }
}

/**
 * A post of several messages of which the server stored only the first ones (Marconi v1 before
 * Icehouse answered 201 with `partial: true` and hrefs for those alone). `posted` are the stored
 * ones; `notPosted` the rest, in order, to post again. Nothing is retried for you: a post is not idempotent.
 */
export class PartialPost extends RaxError {
  static override readonly errorName: string = "PartialPost";
  constructor(
    readonly posted: ReadonlyArray<{ id: string; href: string; body: unknown; ttl: number }>,
    readonly notPosted: ReadonlyArray<{ body: unknown; ttl: number }>,
  ) {
    super(`Only ${posted.length} of ${posted.length + notPosted.length} messages were stored; post error.notPosted again`);
  }
}

/** The server's 400 for a missing Client-ID becomes `QueueClientIDNotDefined`; anything else passes. */
export function clientIdMissing(e: unknown): unknown {
  if (e instanceof BadRequest && /client-id/i.test(e.serverMessage ?? "")) return new QueueClientIDNotDefined({ cause: e });
  return e;
}
